package io.jctds;

/**
 * A binary parameter (fixed length, zero-padded by the server). Without a size the type is
 * binary(n) with n the value's length (at least 1). A typed NULL is {@code SqlBinary.nullOf(size)}.
 */
public final class SqlBinary extends SqlValue<byte[]> {
  private final int size;

  private SqlBinary(int size, byte[] value) {
    super(value);
    this.size = size;
  }

  /** {@code value} as binary with the size chosen from the value. */
  public SqlBinary(byte[] value) {
    this(UNSIZED, java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /**
   * {@code value} as binary(size).
   *
   * @param size bytes 1..8000
   * @throws ProgrammingError if the size is not one SQL Server has
   */
  public SqlBinary(byte[] value, int size) {
    this(
        checkSize("binary", size, 8000, false),
        java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /** A NULL of type binary(size). */
  public static SqlBinary nullOf(int size) {
    return new SqlBinary(checkSize("binary", size, 8000, false), null);
  }

  @Override
  public int size() {
    return size;
  }
}
