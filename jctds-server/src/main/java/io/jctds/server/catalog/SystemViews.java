package io.jctds.server.catalog;

import io.jctds.server.storage.DatabaseInfo;
import io.jctds.server.storage.Names;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system views every database has ({@code sys.*} and {@code INFORMATION_SCHEMA.*}), as H2 views
 * in the database's {@code <db>.sys} and {@code <db>.INFORMATION_SCHEMA} schemas, with SQL Server's
 * column names and types (kept in the view's REMARKS, see {@link Catalog#VIEW_TYPES}). Each reads
 * H2 table functions of schema {@code jctds} ({@link CatalogRows}, {@link ConstraintRows}, {@link
 * SessionViews}) or H2's INFORMATION_SCHEMA. A view is created when a statement first names it
 * ({@link Catalog#table}), which keeps start-up and CREATE DATABASE cheap.
 */
public final class SystemViews {
  /**
   * The version of the view definitions: a file store made with another version gets its views
   * again when it is opened.
   */
  static final String VERSION = "jctds-catalog-2";

  /** The text after a system view's column types in its REMARKS. */
  private static final String SYSTEM_VIEW = "system view";

  private SystemViews() {}

  /**
   * A view: name, then (column, SQL Server type, H2 expression) triples, FROM clause; in an
   * expression or the FROM clause {@code ${dbq}} stands for the database's name and {@code
   * ${dbkey}} for its name in lower case, to be quoted as SQL strings.
   */
  record View(String schema, String name, List<String[]> columns, String from) {}

  /** The (column, type, expression) triple of a column read as is from the view's source. */
  static String[] col(String name, String type) {
    return new String[] {name, type, Names.quote(name)};
  }

  /**
   * The rows of table function {@code "jctds"."cat_<name>"} for this database, as {@code alias}
   * (see {@link CatalogRows}): CURRENT_TIMESTAMP tells it the statement.
   */
  static String rows(String name, String alias) {
    return "\"jctds\".\"cat_" + name + "\"(CURRENT_TIMESTAMP, '${dbq}') " + alias;
  }

  /** The (column, type, expression) triple of a computed column. */
  static String[] col(String name, String type, String expression) {
    return new String[] {name, type, expression};
  }

  /** The H2 table functions the views read: alias, then Java method. */
  private static final String[][] FUNCTIONS = {
    {"cat_tables", "CatalogRows.tables"},
    {"cat_objects", "CatalogRows.objects"},
    {"cat_columns", "CatalogRows.columns"},
    {"cat_indexes", "CatalogRows.indexes"},
    {"cat_index_columns", "CatalogRows.indexColumns"},
    {"cat_sequences", "CatalogRows.sequences"},
    {"cat_constraints", "ConstraintRows.constraints"},
    {"cat_key_columns", "ConstraintRows.keyColumns"},
    {"cat_foreign_key_columns", "ConstraintRows.foreignKeyColumns"},
    {"cat_routines", "RoutineRows.routines"},
    {"cat_parameters", "RoutineRows.parameters"},
  };

  /**
   * Creates the server-wide functions of the session views (on every start). The catalog views and
   * their functions are created when first used ({@link #ensure}); when a file store's are of
   * another {@link #VERSION}, they are dropped here, to be created again as they are used.
   */
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
      if (!VERSION.equals(storedVersion(s))) {
        dropAll(s);
        s.execute("COMMENT ON SCHEMA \"jctds\" IS '" + VERSION + "'");
      }
    }
  }

  private static String storedVersion(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT REMARKS FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'jctds'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Drops every database's system views and the functions they read. */
  private static void dropAll(Statement s) throws SQLException {
    List<String> views = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE ="
                + " 'VIEW' AND (TABLE_SCHEMA LIKE '%.sys' OR TABLE_SCHEMA LIKE"
                + " '%.INFORMATION_SCHEMA') AND REMARKS LIKE '"
                + Catalog.VIEW_TYPES
                + "%' AND REMARKS LIKE '%' || CHAR(10) || '"
                + SYSTEM_VIEW
                + "'")) {
      while (rs.next()) {
        views.add(Names.quote(rs.getString(1)) + "." + Names.quote(rs.getString(2)));
      }
    }
    for (String v : views) {
      s.execute("DROP VIEW IF EXISTS " + v);
    }
    for (String[] f : FUNCTIONS) {
      s.execute("DROP ALIAS IF EXISTS \"jctds\"." + Names.quote(f[0]));
    }
  }

  /** What a new database needs: nothing yet, its system views are created when first used. */
  public static void create(Connection c, DatabaseInfo db) {
    // see ensure
  }

  /** Every database's system views by lower-case {@code schema.name}. */
  private static final class All {
    static final Map<String, View> VIEWS = new HashMap<>();

    static {
      List<View> views = new ArrayList<>(SessionViews.views());
      views.addAll(ObjectViews.views());
      views.addAll(ColumnViews.views());
      views.addAll(KeyViews.views());
      views.addAll(InformationSchemaViews.views());
      views.addAll(RoutineViews.views());
      views.addAll(AbsentFeatureViews.views());
      views.addAll(UserViews.views());
      for (View v : views) {
        VIEWS.put(Names.key(v.schema() + "." + v.name()), v);
      }
    }
  }

  /** Every system view a database has (in no particular order). */
  static java.util.Collection<View> all() {
    return All.VIEWS.values();
  }

  /** The system view {@code schema.name} (any case), or null when there is none. */
  static View find(String schema, String name) {
    return All.VIEWS.get(Names.key(schema + "." + name));
  }

  /**
   * Creates system view {@code v} of database {@code db} (the name as created) unless it exists.
   */
  static void ensure(Connection c, String db, View v) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String[] f : FUNCTIONS) {
        s.execute(
            "CREATE ALIAS IF NOT EXISTS \"jctds\"."
                + Names.quote(f[0])
                + " FOR 'io.jctds.server.catalog."
                + f[1]
                + "'");
      }
      if (exists(s, Names.schema(db, v.schema()), v.name())) {
        return;
      }
      SessionViews.DEFINING.set(Boolean.TRUE); // H2 calls the view's function for its columns
      try {
        s.execute(sql(db, v));
      } finally {
        SessionViews.DEFINING.remove();
      }
      s.execute(
          "COMMENT ON TABLE "
              + Names.qualified(db, v.schema(), v.name())
              + " IS '"
              + remarks(v).replace("'", "''")
              + "'");
    }
  }

  private static boolean exists(Statement s, String schema, String name) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '"
                + schema.replace("'", "''")
                + "' AND TABLE_NAME = '"
                + name.replace("'", "''")
                + "'")) {
      return rs.next() && rs.getInt(1) > 0;
    }
  }

  private static String sql(String db, View v) {
    StringBuilder cols = new StringBuilder();
    StringBuilder exprs = new StringBuilder();
    for (String[] col : v.columns()) {
      cols.append(cols.length() == 0 ? "" : ", ").append(Names.quote(col[0]));
      exprs.append(exprs.length() == 0 ? "" : ", ").append(col[2]);
    }
    String sql = "CREATE OR REPLACE VIEW " + Names.qualified(db, v.schema(), v.name());
    return sql
        + " ("
        + cols
        + ") AS SELECT "
        + (exprs + " " + v.from())
            .replace("${dbkey}", Names.key(db).replace("'", "''"))
            .replace("${dbq}", db.replace("'", "''"));
  }

  private static String remarks(View v) {
    StringBuilder sb = new StringBuilder(Catalog.VIEW_TYPES);
    for (int i = 0; i < v.columns().size(); i++) {
      sb.append(i == 0 ? "" : "\t").append(v.columns().get(i)[1]);
    }
    return sb.append('\n').append(SYSTEM_VIEW).toString();
  }
}
