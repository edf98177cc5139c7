package io.jctds;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date parameter (0001-01-01 .. 9999-12-31, TDS 7.3+; below 7.3 sent as an nvarchar literal). A
 * typed NULL is {@code SqlDate.nullOf()}.
 */
public final class SqlDate extends SqlValue<LocalDate> {
  private SqlDate(LocalDate value, boolean unused) {
    super(value);
  }

  /** {@code value} as date. */
  public SqlDate(LocalDate value) {
    this(Objects.requireNonNull(value, "value; use nullOf() for NULL"), true);
  }

  /** A NULL of type date. */
  public static SqlDate nullOf() {
    return new SqlDate(null, true);
  }
}
