package io.jctds.server.catalog;

import static io.jctds.server.catalog.SystemViews.col;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog views of databases, schemas and objects ("System catalog views (Transact-SQL)"):
 * sys.databases, sys.schemas, sys.objects, sys.tables and sys.views. Objects are the database's
 * tables and views, their PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK and DEFAULT constraints, its
 * sequences, stored procedures and scalar functions; H2 keeps no creation times, so create_date and
 * modify_date are the database's, except for procedures and functions, whose own the catalog keeps.
 */
final class ObjectViews {
  private ObjectViews() {}

  static List<SystemViews.View> views() {
    return List.of(databases(), schemas(), objects(), tables(), viewRows());
  }

  /** The database's creation time: H2 keeps none for its objects. */
  private static final String CREATED =
      "(SELECT d.create_date FROM \"jctds\".databases d WHERE d.name = '${dbq}')";

  /**
   * The columns sys.objects has, which sys.tables, sys.views and the constraint views begin with
   * ("sys.objects (Transact-SQL)"), read from {@link CatalogRows#objects} as {@code o}.
   */
  static List<String[]> objectColumns() {
    return new ArrayList<>(
        List.of(
            col("name", "sysname", "o.name"),
            col("object_id", "int", "o.object_id"),
            col("principal_id", "int", "CAST(NULL AS INTEGER)"),
            col("schema_id", "int", "o.schema_id"),
            col("parent_object_id", "int", "o.parent_object_id"),
            col("type", "char(2)", "CAST(o.type AS CHAR(2))"),
            col("type_desc", "nvarchar(60)", "o.type_desc"),
            col("create_date", "datetime", "COALESCE(o.created, " + CREATED + ")"),
            col("modify_date", "datetime", "COALESCE(o.modified, " + CREATED + ")"),
            col("is_ms_shipped", "bit", "FALSE"),
            col("is_published", "bit", "FALSE"),
            col("is_schema_published", "bit", "FALSE")));
  }

  /**
   * The FROM clause of a view over sys.objects' rows of this database of the given types, joined
   * with the rows of table function {@code cat_<name>} as {@code alias} on the object id.
   */
  static String objectsOf(String types, String name, String alias) {
    return "FROM "
        + SystemViews.rows("objects", "o")
        + " JOIN "
        + SystemViews.rows(name, alias)
        + " ON "
        + alias
        + ".object_id = o.object_id WHERE o.type IN ("
        + types
        + ")";
  }

  /** The sys.databases options that are off in a new database (SET options and features). */
  private static final List<String> OFF_OPTIONS =
      List.of(
          "is_ansi_null_default_on",
          "is_ansi_nulls_on",
          "is_ansi_padding_on",
          "is_ansi_warnings_on",
          "is_arithabort_on",
          "is_concat_null_yields_null_on",
          "is_numeric_roundabort_on",
          "is_quoted_identifier_on",
          "is_recursive_triggers_on",
          "is_cursor_close_on_commit_on",
          "is_local_cursor_default",
          "is_fulltext_enabled",
          "is_trustworthy_on",
          "is_db_chaining_on",
          "is_parameterization_forced",
          "is_master_key_encrypted_by_server",
          "is_query_store_on",
          "is_published",
          "is_subscribed",
          "is_merge_published",
          "is_distributor",
          "is_sync_with_backup",
          "is_broker_enabled");

  /** "sys.databases (Transact-SQL)": one row per database, with a new database's defaults. */
  private static SystemViews.View databases() {
    List<String[]> cols = databaseState();
    for (String option : OFF_OPTIONS) {
      cols.add(col(option, "bit", "FALSE"));
    }
    cols.addAll(databaseSettings());
    return new SystemViews.View("sys", "databases", cols, "FROM \"jctds\".databases");
  }

  /** sys.databases' identity, state and recovery columns. */
  private static List<String[]> databaseState() {
    List<String[]> cols =
        new ArrayList<>(
            List.of(
                col("name", "sysname", "name"),
                col("database_id", "int", "database_id"),
                col("source_database_id", "int", "CAST(NULL AS INTEGER)"),
                col("owner_sid", "varbinary(85)", "X'01'"),
                col("create_date", "datetime", "create_date"),
                col("compatibility_level", "tinyint", "CAST(160 AS SMALLINT)"),
                col("collation_name", "sysname", "collation_name"),
                col("user_access", "tinyint", "CAST(0 AS SMALLINT)"),
                col("user_access_desc", "nvarchar(60)", "'MULTI_USER'"),
                col("is_read_only", "bit", "FALSE"),
                col("is_auto_close_on", "bit", "FALSE"),
                col("is_auto_shrink_on", "bit", "FALSE"),
                col("state", "tinyint", "CAST(0 AS SMALLINT)"),
                col("state_desc", "nvarchar(60)", "'ONLINE'"),
                col("is_in_standby", "bit", "FALSE"),
                col("is_cleanly_shutdown", "bit", "FALSE"),
                col("is_supplemental_logging_enabled", "bit", "FALSE"),
                col("snapshot_isolation_state", "tinyint", "CAST(0 AS SMALLINT)"),
                col("snapshot_isolation_state_desc", "nvarchar(60)", "'OFF'"),
                // H2's MVCC: readers see the last committed row version without waiting
                col("is_read_committed_snapshot_on", "bit", "TRUE"),
                col("recovery_model", "tinyint", "CAST(3 AS SMALLINT)"),
                col("recovery_model_desc", "nvarchar(60)", "'SIMPLE'"),
                col("page_verify_option", "tinyint", "CAST(2 AS SMALLINT)"),
                col("page_verify_option_desc", "nvarchar(60)", "'CHECKSUM'"),
                col("is_auto_create_stats_on", "bit", "TRUE"),
                col("is_auto_create_stats_incremental_on", "bit", "FALSE"),
                col("is_auto_update_stats_on", "bit", "TRUE"),
                col("is_auto_update_stats_async_on", "bit", "FALSE")));
    return cols;
  }

  /** sys.databases' log, containment and recovery settings. */
  private static List<String[]> databaseSettings() {
    return List.of(
        col("log_reuse_wait", "tinyint", "CAST(0 AS SMALLINT)"),
        col("log_reuse_wait_desc", "nvarchar(60)", "'NOTHING'"),
        col("is_date_correlation_on", "bit", "FALSE"),
        col("is_cdc_enabled", "bit", "FALSE"),
        col("is_encrypted", "bit", "FALSE"),
        col("is_honor_broker_priority_on", "bit", "FALSE"),
        col("containment", "tinyint", "CAST(0 AS SMALLINT)"),
        col("containment_desc", "nvarchar(60)", "'NONE'"),
        col("target_recovery_time_in_seconds", "int", "60"),
        col("delayed_durability", "int", "0"),
        col("delayed_durability_desc", "nvarchar(60)", "'DISABLED'"),
        col("is_memory_optimized_elevate_to_snapshot_on", "bit", "FALSE"),
        col("catalog_collation_type", "int", "0"),
        col("catalog_collation_type_desc", "nvarchar(60)", "'DATABASE_DEFAULT'"),
        col("physical_database_name", "nvarchar(128)", "name"),
        col("is_accelerated_database_recovery_on", "bit", "FALSE"),
        col("is_ledger_on", "bit", "FALSE"));
  }

  /**
   * "sys.schemas (Transact-SQL)": the database's schemas; dbo, guest, INFORMATION_SCHEMA and sys
   * are owned by the principals of the same name (ids 1 to 4), other schemas by dbo.
   */
  private static SystemViews.View schemas() {
    String name = "SUBSTRING(SCHEMA_NAME, LOCATE('.', SCHEMA_NAME, -1) + 1)";
    return new SystemViews.View(
        "sys",
        "schemas",
        List.of(
            col("name", "sysname", name),
            col("schema_id", "int", "\"jctds\".\"schema_id\"(" + name + ")"),
            col(
                "principal_id",
                "int",
                "CASE WHEN \"jctds\".\"schema_id\"("
                    + name
                    + ") <= 4 THEN \"jctds\".\"schema_id\"("
                    + name
                    + ") ELSE 1 END")),
        "FROM INFORMATION_SCHEMA.SCHEMATA WHERE LOCATE('.', SCHEMA_NAME, -1) = LENGTH('${dbq}') + 1"
            + " AND LOWER(LEFT(SCHEMA_NAME, LENGTH('${dbq}') + 1)) = '${dbkey}.'");
  }

  /** "sys.objects (Transact-SQL)": the database's user objects. */
  private static SystemViews.View objects() {
    return new SystemViews.View(
        "sys", "objects", objectColumns(), "FROM " + SystemViews.rows("objects", "o"));
  }

  /** "sys.tables (Transact-SQL)": sys.objects' user tables (U), with their table properties. */
  private static SystemViews.View tables() {
    List<String[]> cols = objectColumns();
    cols.addAll(
        List.of(
            col("lob_data_space_id", "int", "1"),
            col("filestream_data_space_id", "int", "CAST(NULL AS INTEGER)"),
            col("max_column_id_used", "int", "t.max_column_id_used"),
            col("lock_on_bulk_load", "bit", "FALSE"),
            col("uses_ansi_nulls", "bit", "TRUE"),
            col("is_replicated", "bit", "FALSE"),
            col("has_replication_filter", "bit", "FALSE"),
            col("is_merge_published", "bit", "FALSE"),
            col("is_sync_tran_subscribed", "bit", "FALSE"),
            col("has_unchecked_assembly_data", "bit", "FALSE"),
            col("text_in_row_limit", "int", "0"),
            col("large_value_types_out_of_row", "bit", "FALSE"),
            col("is_tracked_by_cdc", "bit", "FALSE"),
            col("lock_escalation", "tinyint", "CAST(0 AS SMALLINT)"),
            col("lock_escalation_desc", "nvarchar(60)", "'TABLE'"),
            col("is_filetable", "bit", "FALSE"),
            col("is_memory_optimized", "bit", "FALSE"),
            col("durability", "tinyint", "CAST(0 AS SMALLINT)"),
            col("durability_desc", "nvarchar(60)", "'SCHEMA_AND_DATA'"),
            col("temporal_type", "tinyint", "CAST(0 AS SMALLINT)"),
            col("temporal_type_desc", "nvarchar(60)", "'NON_TEMPORAL_TABLE'"),
            col("history_table_id", "int", "CAST(NULL AS INTEGER)"),
            col("is_remote_data_archive_enabled", "bit", "FALSE"),
            col("is_external", "bit", "FALSE")));
    return new SystemViews.View("sys", "tables", cols, objectsOf("'U'", "tables", "t"));
  }

  /** "sys.views (Transact-SQL)": sys.objects' views (V), with their view properties. */
  private static SystemViews.View viewRows() {
    List<String[]> cols = objectColumns();
    cols.addAll(
        List.of(
            col("is_replicated", "bit", "FALSE"),
            col("has_replication_filter", "bit", "FALSE"),
            col("has_opaque_metadata", "bit", "FALSE"),
            col("has_unchecked_assembly_data", "bit", "FALSE"),
            col("with_check_option", "bit", "FALSE"),
            col("is_date_correlation_view", "bit", "FALSE"),
            col("is_tracked_by_cdc", "bit", "FALSE")));
    return new SystemViews.View("sys", "views", cols, objectsOf("'V'", "tables", "t"));
  }
}
