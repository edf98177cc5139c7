package io.jctds;

/** A int parameter (-2147483648..2147483647). A typed NULL is {@code SqlInt.nullOf()}. */
public final class SqlInt extends SqlValue<Integer> {
  private SqlInt(Integer value) {
    super(value);
  }

  /**
   * {@code value} as int.
   *
   * @throws DataError if the value is outside -2147483648..2147483647
   */
  public SqlInt(long value) {
    this(check(value));
  }

  private static Integer check(long value) {
    if (value < -2147483648L || value > 2147483647L) {
      throw new DataError(value + " is out of range for int (-2147483648..2147483647)");
    }
    return (Integer) Integer.valueOf((int) value);
  }

  /** A NULL of type int. */
  public static SqlInt nullOf() {
    return new SqlInt((Integer) null);
  }
}
