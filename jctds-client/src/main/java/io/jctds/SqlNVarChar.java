package io.jctds;

/**
 * A nvarchar parameter (UTF-16). Without a size the type is nvarchar(4000), or nvarchar(max) when
 * the value has more than 4000 UTF-16 units. A typed NULL is {@code SqlNVarChar.nullOf(size)}.
 */
public final class SqlNVarChar extends SqlValue<String> {
  private final int size;

  private SqlNVarChar(int size, String value) {
    super(value);
    this.size = size;
  }

  /** {@code value} as nvarchar with the size chosen from the value. */
  public SqlNVarChar(String value) {
    this(UNSIZED, java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /**
   * {@code value} as nvarchar(size).
   *
   * @param size UTF-16 units 1..4000 or {@link #MAX}
   * @throws ProgrammingError if the size is not one SQL Server has
   */
  public SqlNVarChar(String value, int size) {
    this(
        checkSize("nvarchar", size, 4000, true),
        java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /** A NULL of type nvarchar(size). */
  public static SqlNVarChar nullOf(int size) {
    return new SqlNVarChar(checkSize("nvarchar", size, 4000, true), null);
  }

  @Override
  public int size() {
    return size;
  }
}
