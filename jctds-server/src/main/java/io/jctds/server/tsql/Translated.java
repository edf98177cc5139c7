package io.jctds.server.tsql;

import io.jctds.server.types.SqlType;
import java.util.List;

/**
 * A translated query: its H2 SQL and the SQL Server type of each result column.
 *
 * @param sql the H2 SQL
 * @param columns the result columns in order
 */
public record Translated(String sql, List<Column> columns) {
  /**
   * A result column.
   *
   * @param name its name ("" when it has none)
   * @param type its SQL Server type, null when H2's result metadata decides
   * @param nullable whether it may be NULL
   */
  public record Column(String name, SqlType type, boolean nullable) {}
}
