package io.jctds.jdbc;

import io.jctds.Column;
import io.jctds.Cursor;
import io.jctds.Row;
import io.jctds.SqlNVarChar;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server says about a statement before it runs: its parameters
 * (sp_describe_undeclared_parameters) and its first result set (sp_describe_first_result_set), as
 * SQL Server documents both procedures' result columns. Used for PreparedStatement's
 * getParameterMetaData and for getMetaData before the first execution.
 */
final class ServerDescribe {
  private ServerDescribe() {}

  /** The parameters of {@code tsql} (with @P0, @P1 ... markers), in ordinal order. */
  static List<Column> parameters(JctdsConnection c, String tsql) throws SQLException {
    List<Column> out = new ArrayList<>();
    for (Row r : run(c, "sp_describe_undeclared_parameters", tsql, null)) {
      out.add(
          new Column(
              r.getString("name"),
              0,
              r.getString("suggested_system_type_name"),
              0,
              r.getInt("suggested_max_length"),
              r.getInt("suggested_precision"),
              r.getInt("suggested_scale"),
              true));
    }
    return out;
  }

  /** The columns of {@code tsql}'s first result set; empty when it has none. */
  static List<Column> firstResultSet(JctdsConnection c, String tsql, String params)
      throws SQLException {
    List<Column> out = new ArrayList<>();
    for (Row r : run(c, "sp_describe_first_result_set", tsql, params)) {
      if (r.getBoolean("is_hidden")) {
        continue;
      }
      String name = r.get("name") == null ? "" : r.getString("name");
      out.add(
          new Column(
              name,
              0,
              r.getString("system_type_name"),
              0,
              r.getInt("max_length"),
              r.getInt("precision"),
              r.getInt("scale"),
              r.getBoolean("is_nullable")));
    }
    return out;
  }

  /** The {@code @params} declaration of {@code parameters}: "@P0 int, @P1 nvarchar(4000)". */
  static String declarations(List<Column> parameters) {
    List<String> d = new ArrayList<>();
    for (Column p : parameters) {
      d.add(p.name() + " " + p.typeName());
    }
    return String.join(", ", d);
  }

  private static List<Row> run(JctdsConnection c, String proc, String tsql, String params)
      throws SQLException {
    return c.internal(
        n -> {
          try (Cursor cur = n.cursor()) {
            if (params == null || params.isEmpty()) {
              cur.callProc(proc, new SqlNVarChar(tsql));
            } else {
              cur.callProc(proc, new SqlNVarChar(tsql), new SqlNVarChar(params));
            }
            List<Row> rows = new ArrayList<>(cur.fetchAll());
            while (cur.nextSet()) {
              // the rest of the response
            }
            return rows;
          }
        });
  }
}
