package io.jctds;

/** A smallint parameter (-32768..32767). A typed NULL is {@code SqlSmallInt.nullOf()}. */
public final class SqlSmallInt extends SqlValue<Integer> {
  private SqlSmallInt(Integer value) {
    super(value);
  }

  /**
   * {@code value} as smallint.
   *
   * @throws DataError if the value is outside -32768..32767
   */
  public SqlSmallInt(long value) {
    this(check(value));
  }

  private static Integer check(long value) {
    if (value < -32768L || value > 32767L) {
      throw new DataError(value + " is out of range for smallint (-32768..32767)");
    }
    return (Integer) Integer.valueOf((int) value);
  }

  /** A NULL of type smallint. */
  public static SqlSmallInt nullOf() {
    return new SqlSmallInt((Integer) null);
  }
}
