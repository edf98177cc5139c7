package io.jctds;

/** A bigint parameter. A typed NULL is {@code SqlBigInt.nullOf()}. */
public final class SqlBigInt extends SqlValue<Long> {
  private SqlBigInt(Long value) {
    super(value);
  }

  /** {@code value} as bigint. */
  public SqlBigInt(long value) {
    this(Long.valueOf(value));
  }

  /** A NULL of type bigint. */
  public static SqlBigInt nullOf() {
    return new SqlBigInt((Long) null);
  }
}
