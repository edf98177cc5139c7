package io.jctds;

import java.util.Objects;

/**
 * A sql_variant parameter. The value's base type follows from its Java type: Integer (int), Long
 * (bigint), Short and Byte (smallint), Boolean (bit), Double (float), Float (real), BigDecimal
 * (numeric), UUID, LocalDate, LocalTime, LocalDateTime (datetime2(7)), OffsetDateTime
 * (datetimeoffset(7)), byte[] (varbinary) and String (nvarchar), at most 8000 bytes; another type
 * is an {@link InterfaceError} when encoded. A typed NULL is {@code SqlVariant.nullOf()}.
 */
public final class SqlVariant extends SqlValue<Object> {
  private SqlVariant(Object value, boolean unused) {
    super(value);
  }

  /** {@code value} as sql_variant. */
  public SqlVariant(Object value) {
    this(Objects.requireNonNull(value, "value; use nullOf() for NULL"), true);
  }

  /** A NULL of type sql_variant. */
  public static SqlVariant nullOf() {
    return new SqlVariant(null, true);
  }
}
