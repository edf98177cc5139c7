package io.jctds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A datetime parameter (1753-01-01 .. 9999-12-31, rounded to datetime's 1/300 second). A typed NULL
 * is {@code SqlDateTime.nullOf()}.
 */
public final class SqlDateTime extends SqlValue<LocalDateTime> {
  private static final LocalDate FIRST = LocalDate.of(1753, 1, 1);

  private SqlDateTime(LocalDateTime value, boolean unused) {
    super(value);
  }

  /**
   * {@code value} as datetime.
   *
   * @throws DataError if it is before 1753
   */
  public SqlDateTime(LocalDateTime value) {
    this(check(value), true);
  }

  private static LocalDateTime check(LocalDateTime value) {
    Objects.requireNonNull(value, "value; use nullOf() for NULL");
    if (value.toLocalDate().isBefore(FIRST)) {
      throw new DataError(value + " is out of range for datetime (1753-01-01 .. 9999-12-31)");
    }
    return value;
  }

  /** A NULL of type datetime. */
  public static SqlDateTime nullOf() {
    return new SqlDateTime(null, true);
  }
}
