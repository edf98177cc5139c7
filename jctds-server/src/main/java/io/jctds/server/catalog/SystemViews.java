package io.jctds.server.catalog;

import io.jctds.server.storage.DatabaseInfo;
import io.jctds.server.storage.Names;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The system views every database has ({@code sys.*} and {@code INFORMATION_SCHEMA.*}), as H2 views
 * in the database's {@code <db>.sys} and {@code <db>.INFORMATION_SCHEMA} schemas, with SQL Server's
 * column names and types (kept in the view's REMARKS, see {@link Catalog#VIEW_TYPES}). Server-wide
 * views read H2 table functions of schema {@code jctds}.
 */
public final class SystemViews {
  private SystemViews() {}

  /** A view: name, then (column, SQL Server type, H2 expression) triples, FROM clause. */
  record View(String schema, String name, List<String[]> columns, String from) {}

  /** Creates the server-wide table functions (on every start). */
  public static void install(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP ALIAS IF EXISTS \"jctds\".\"dm_exec_connections\"");
      s.execute(
          "CREATE ALIAS \"jctds\".\"dm_exec_connections\" FOR"
              + " 'io.jctds.server.catalog.SessionViews.connections'");
      s.execute("DROP ALIAS IF EXISTS \"jctds\".\"dm_exec_sessions\"");
      s.execute(
          "CREATE ALIAS \"jctds\".\"dm_exec_sessions\" FOR"
              + " 'io.jctds.server.catalog.SessionViews.sessions'");
    }
  }

  /** Creates the system views of a new database. */
  public static void create(Connection c, DatabaseInfo db) throws SQLException {
    List<View> views = new ArrayList<>(SessionViews.views());
    views.addAll(ObjectViews.views(db.name()));
    try (Statement s = c.createStatement()) {
      for (View v : views) {
        s.execute(sql(db.name(), v));
        s.execute(
            "COMMENT ON TABLE "
                + Names.qualified(db.name(), v.schema(), v.name())
                + " IS '"
                + remarks(v).replace("'", "''")
                + "'");
      }
    }
  }

  private static String sql(String db, View v) {
    StringBuilder cols = new StringBuilder();
    StringBuilder exprs = new StringBuilder();
    for (String[] col : v.columns()) {
      cols.append(cols.length() == 0 ? "" : ", ").append(Names.quote(col[0]));
      exprs.append(exprs.length() == 0 ? "" : ", ").append(col[2]);
    }
    String from = v.from().replace("${db}", db).replace("${dbq}", db.replace("'", "''"));
    return "CREATE OR REPLACE VIEW "
        + Names.qualified(db, v.schema(), v.name())
        + " ("
        + cols
        + ") AS SELECT "
        + exprs
        + " "
        + from;
  }

  private static String remarks(View v) {
    StringBuilder sb = new StringBuilder(Catalog.VIEW_TYPES);
    for (int i = 0; i < v.columns().size(); i++) {
      sb.append(i == 0 ? "" : "\t").append(v.columns().get(i)[1]);
    }
    return sb.append("\nsystem view").toString();
  }
}
