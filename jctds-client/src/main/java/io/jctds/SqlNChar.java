package io.jctds;

/**
 * A nchar parameter (fixed length, UTF-16). Without a size the type is nchar(n) with n the value's
 * UTF-16 length (at least 1). A typed NULL is {@code SqlNChar.nullOf(size)}.
 */
public final class SqlNChar extends SqlValue<String> {
  private final int size;

  private SqlNChar(int size, String value) {
    super(value);
    this.size = size;
  }

  /** {@code value} as nchar with the size chosen from the value. */
  public SqlNChar(String value) {
    this(UNSIZED, java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /**
   * {@code value} as nchar(size).
   *
   * @param size UTF-16 units 1..4000
   * @throws ProgrammingError if the size is not one SQL Server has
   */
  public SqlNChar(String value, int size) {
    this(
        checkSize("nchar", size, 4000, false),
        java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /** A NULL of type nchar(size). */
  public static SqlNChar nullOf(int size) {
    return new SqlNChar(checkSize("nchar", size, 4000, false), null);
  }

  @Override
  public int size() {
    return size;
  }
}
