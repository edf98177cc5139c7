package io.jctds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A decimal(precision, scale) parameter. The value is rounded half-up to the scale, as SQL Server
 * rounds a conversion to decimal; one with more integer digits than {@code precision - scale} is a
 * {@link DataError}. A typed NULL is {@code SqlDecimal.nullOf(precision, scale)}.
 */
public final class SqlDecimal extends SqlValue<BigDecimal> {
  private final int precision;
  private final int scale;

  private SqlDecimal(BigDecimal value, int precision, int scale, boolean unused) {
    super(value);
    this.precision = precision;
    this.scale = scale;
  }

  /**
   * {@code value} as decimal(precision, scale).
   *
   * @throws ProgrammingError if precision is not 1..38 or scale not 0..precision
   * @throws DataError if the value has too many integer digits
   */
  public SqlDecimal(BigDecimal value, int precision, int scale) {
    this(fit(value, checkPrecision(precision, scale), scale), precision, scale, true);
  }

  /** A NULL of type decimal(precision, scale). */
  public static SqlDecimal nullOf(int precision, int scale) {
    return new SqlDecimal(null, checkPrecision(precision, scale), scale, true);
  }

  private static int checkPrecision(int precision, int scale) {
    if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
      throw new ProgrammingError(
          "decimal(" + precision + "," + scale + ") is not a SQL Server type");
    }
    return precision;
  }

  private static BigDecimal fit(BigDecimal value, int precision, int scale) {
    BigDecimal v = Objects.requireNonNull(value, "value; use nullOf for NULL");
    BigDecimal r = v.setScale(scale, RoundingMode.HALF_UP);
    if (r.signum() != 0 && r.precision() > precision) {
      throw new DataError(
          v.toPlainString() + " does not fit decimal(" + precision + "," + scale + ")");
    }
    return r;
  }

  /** The declared precision. */
  public int precision() {
    return precision;
  }

  /** The declared scale. */
  public int scale() {
    return scale;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SqlDecimal d
        && d.precision == precision
        && d.scale == scale
        && java.util.Objects.equals(d.value(), value());
  }

  @Override
  public int hashCode() {
    return precision * 41 + scale;
  }

  @Override
  public String toString() {
    return "SqlDecimal(" + precision + "," + scale + ")[" + (isNull() ? "NULL" : value()) + "]";
  }
}
