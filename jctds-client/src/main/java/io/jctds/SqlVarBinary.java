package io.jctds;

/**
 * A varbinary parameter (variable length). Without a size the type is varbinary(8000), or
 * varbinary(max) when the value is longer. A typed NULL is {@code SqlVarBinary.nullOf(size)}.
 */
public final class SqlVarBinary extends SqlValue<byte[]> {
  private final int size;

  private SqlVarBinary(int size, byte[] value) {
    super(value);
    this.size = size;
  }

  /** {@code value} as varbinary with the size chosen from the value. */
  public SqlVarBinary(byte[] value) {
    this(UNSIZED, java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /**
   * {@code value} as varbinary(size).
   *
   * @param size bytes 1..8000 or {@link #MAX}
   * @throws ProgrammingError if the size is not one SQL Server has
   */
  public SqlVarBinary(byte[] value, int size) {
    this(
        checkSize("varbinary", size, 8000, true),
        java.util.Objects.requireNonNull(value, "value; use nullOf(size) for NULL"));
  }

  /** A NULL of type varbinary(size). */
  public static SqlVarBinary nullOf(int size) {
    return new SqlVarBinary(checkSize("varbinary", size, 8000, true), null);
  }

  @Override
  public int size() {
    return size;
  }
}
