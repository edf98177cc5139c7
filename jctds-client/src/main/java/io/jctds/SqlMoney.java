package io.jctds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A money parameter (-922,337,203,685,477.5808 .. 922,337,203,685,477.5807, rounded half-up to 4
 * decimals). A typed NULL is {@code SqlMoney.nullOf()}.
 */
public final class SqlMoney extends SqlValue<BigDecimal> {
  private static final BigDecimal MIN = new BigDecimal("-922337203685477.5808");
  private static final BigDecimal MAX_VALUE = new BigDecimal("922337203685477.5807");

  private SqlMoney(BigDecimal value, boolean unused) {
    super(value);
  }

  /**
   * {@code value} as money.
   *
   * @throws DataError if it is out of money's range
   */
  public SqlMoney(BigDecimal value) {
    this(fit(value), true);
  }

  private static BigDecimal fit(BigDecimal value) {
    BigDecimal r =
        Objects.requireNonNull(value, "value; use nullOf() for NULL")
            .setScale(4, RoundingMode.HALF_UP);
    if (r.compareTo(MIN) < 0 || r.compareTo(MAX_VALUE) > 0) {
      throw new DataError(value.toPlainString() + " is out of range for money");
    }
    return r;
  }

  /** A NULL of type money. */
  public static SqlMoney nullOf() {
    return new SqlMoney(null, true);
  }
}
