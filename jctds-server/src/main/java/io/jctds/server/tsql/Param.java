package io.jctds.server.tsql;

import io.jctds.server.types.SqlType;

/**
 * A value bound to a {@code ?} of generated H2 SQL.
 *
 * @param type its SQL Server type
 * @param value the H2-friendly Java value, null for NULL
 */
public record Param(SqlType type, Object value) {}
