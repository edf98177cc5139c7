package io.jctds.server.catalog;

import java.util.List;

/**
 * The catalog views over a database's objects ("System catalog views (Transact-SQL)"):
 * sys.databases and the views tools query for tables and columns.
 */
final class ObjectViews {
  private ObjectViews() {}

  static List<SystemViews.View> views(String db) {
    return List.of(
        new SystemViews.View(
            "sys",
            "databases",
            List.of(
                new String[] {"name", "sysname", "name"},
                new String[] {"database_id", "int", "database_id"},
                new String[] {"source_database_id", "int", "CAST(NULL AS INTEGER)"},
                new String[] {"create_date", "datetime", "create_date"},
                new String[] {"compatibility_level", "tinyint", "CAST(160 AS SMALLINT)"},
                new String[] {"collation_name", "sysname", "collation_name"},
                new String[] {"user_access", "tinyint", "CAST(0 AS SMALLINT)"},
                new String[] {"user_access_desc", "nvarchar(60)", "'MULTI_USER'"},
                new String[] {"is_read_only", "bit", "FALSE"},
                new String[] {"state", "tinyint", "CAST(0 AS SMALLINT)"},
                new String[] {"state_desc", "nvarchar(60)", "'ONLINE'"},
                new String[] {"recovery_model", "tinyint", "CAST(3 AS SMALLINT)"},
                new String[] {"recovery_model_desc", "nvarchar(60)", "'SIMPLE'"}),
            "FROM \"jctds\".databases"));
  }
}
