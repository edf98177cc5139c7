package io.jctds;

/** A tinyint parameter (0..255). A typed NULL is {@code SqlTinyInt.nullOf()}. */
public final class SqlTinyInt extends SqlValue<Integer> {
  private SqlTinyInt(Integer value) {
    super(value);
  }

  /**
   * {@code value} as tinyint.
   *
   * @throws DataError if the value is outside 0..255
   */
  public SqlTinyInt(long value) {
    this(check(value));
  }

  private static Integer check(long value) {
    if (value < 0L || value > 255L) {
      throw new DataError(value + " is out of range for tinyint (0..255)");
    }
    return (Integer) Integer.valueOf((int) value);
  }

  /** A NULL of type tinyint. */
  public static SqlTinyInt nullOf() {
    return new SqlTinyInt((Integer) null);
  }
}
