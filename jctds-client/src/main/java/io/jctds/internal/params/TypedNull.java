package io.jctds.internal.params;

/**
 * A parameter that is NULL of the SQL type {@link ParamEncoder} gives values of {@code type}
 * (Boolean bit, Float real, Double float, LocalTime time(7), LocalDateTime datetime2(7),
 * OffsetDateTime datetimeoffset(7), UUID uniqueidentifier, ...): JDBC's {@code setNull} for the
 * types no public {@code Sql*} wrapper has a {@code nullOf()} for. Internal: exported to the JDBC
 * driver only.
 *
 * @param type a Java class {@link ParamEncoder#encodeNull} knows
 */
public record TypedNull(Class<?> type) {}
