package io.jctds;

/**
 * A char parameter (fixed length, encoded to the code page of the server's default collation and
 * padded with spaces by the server; a character the code page cannot hold is a DataError). Without
 * a size the type is char(n) with n the encoded length (at least 1). A typed NULL is {@code
 * SqlChar.nullOf(size)}.
 */
public final class SqlChar extends SqlValue<String> {
  private final int size;

  private SqlChar(int size, String value) {
    super(value);
    this.size = size;
  }

  /** {@code value} as char with the size chosen from the value. */
  public SqlChar(String value) {
    this(UNSIZED, java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /**
   * {@code value} as char(size).
   *
   * @param size bytes 1..8000
   * @throws ProgrammingError if the size is not one SQL Server has
   */
  public SqlChar(String value, int size) {
    this(
        checkSize("char", size, 8000, false),
        java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /** A NULL of type char(size). */
  public static SqlChar nullOf(int size) {
    return new SqlChar(checkSize("char", size, 8000, false), null);
  }

  @Override
  public int size() {
    return size;
  }
}
