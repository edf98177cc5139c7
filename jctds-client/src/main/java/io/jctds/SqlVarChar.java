package io.jctds;

/**
 * A varchar parameter (encoded to the code page of the server's default collation; a character the
 * code page cannot hold is a DataError, never '?'). Without a size the type is varchar(8000), or
 * varchar(max) when the encoded value is longer. A typed NULL is {@code SqlVarChar.nullOf(size)}.
 */
public final class SqlVarChar extends SqlValue<String> {
  private final int size;

  private SqlVarChar(int size, String value) {
    super(value);
    this.size = size;
  }

  /** {@code value} as varchar with the size chosen from the value. */
  public SqlVarChar(String value) {
    this(UNSIZED, java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /**
   * {@code value} as varchar(size).
   *
   * @param size bytes 1..8000 or {@link #MAX}
   * @throws ProgrammingError if the size is not one SQL Server has
   */
  public SqlVarChar(String value, int size) {
    this(
        checkSize("varchar", size, 8000, true),
        java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /** A NULL of type varchar(size). */
  public static SqlVarChar nullOf(int size) {
    return new SqlVarChar(checkSize("varchar", size, 8000, true), null);
  }

  @Override
  public int size() {
    return size;
  }
}
