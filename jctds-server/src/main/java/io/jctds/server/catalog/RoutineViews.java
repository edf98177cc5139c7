package io.jctds.server.catalog;

import static io.jctds.server.catalog.SystemViews.col;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog views of stored procedures and scalar functions: sys.procedures, sys.parameters,
 * sys.sql_modules, INFORMATION_SCHEMA.ROUTINES and INFORMATION_SCHEMA.PARAMETERS, read from {@link
 * RoutineRows}.
 */
final class RoutineViews {
  private RoutineViews() {}

  private static final String IS = "INFORMATION_SCHEMA";

  static List<SystemViews.View> views() {
    return List.of(procedures(), parameters(), sqlModules(), routines(), isParameters());
  }

  /**
   * "sys.procedures (Transact-SQL)": sys.objects' stored procedures (P) with their replication and
   * startup flags, all off.
   */
  private static SystemViews.View procedures() {
    List<String[]> cols = ObjectViews.objectColumns();
    cols.addAll(
        List.of(
            col("is_auto_executed", "bit", "FALSE"),
            col("is_execution_replicated", "bit", "FALSE"),
            col("is_repl_serializable_skip", "bit", "FALSE"),
            col("skips_repl_constraints", "bit", "FALSE")));
    return new SystemViews.View(
        "sys",
        "procedures",
        cols,
        "FROM " + SystemViews.rows("objects", "o") + " WHERE o.type = 'P'");
  }

  /**
   * "sys.parameters (Transact-SQL)": a row per parameter, and for a scalar function one for its
   * return value (parameter_id 0, name ''); has_default_value is 0 for Transact-SQL modules, whose
   * defaults only their definition shows; user_type_id is the system type's.
   */
  private static SystemViews.View parameters() {
    List<String[]> cols =
        new ArrayList<>(
            List.of(
                col("object_id", "int", "p.object_id"),
                col("name", "sysname", "p.name"),
                col("parameter_id", "int", "p.parameter_id"),
                col("system_type_id", "tinyint", "p.system_type_id"),
                col("user_type_id", "int", "CAST(p.system_type_id AS INTEGER)"),
                col("max_length", "smallint", "p.max_length"),
                col("precision", "tinyint", "p.precision"),
                col("scale", "tinyint", "p.scale"),
                col("is_output", "bit", "p.is_output"),
                col("is_cursor_ref", "bit", "FALSE"),
                col("has_default_value", "bit", "FALSE"),
                col("is_xml_document", "bit", "FALSE"),
                col("default_value", "sql_variant", "CAST(NULL AS VARBINARY)"),
                col("xml_collection_id", "int", "0"),
                col("is_readonly", "bit", "FALSE"),
                col("is_nullable", "bit", "TRUE"),
                col("encryption_type", "int", "CAST(NULL AS INTEGER)"),
                col("encryption_type_desc", "nvarchar(64)", "CAST(NULL AS VARCHAR)"),
                col("encryption_algorithm_name", "sysname", "CAST(NULL AS VARCHAR)"),
                col("column_encryption_key_id", "int", "CAST(NULL AS INTEGER)"),
                col("column_encryption_key_database_name", "sysname", "CAST(NULL AS VARCHAR)")));
    return new SystemViews.View(
        "sys", "parameters", cols, "FROM " + SystemViews.rows("parameters", "p"));
  }

  /**
   * "sys.sql_modules (Transact-SQL)": the definition of each procedure and function as its CREATE
   * batch was written; the SET options it was created with are the server's defaults (ANSI_NULLS
   * and QUOTED_IDENTIFIER on).
   */
  private static SystemViews.View sqlModules() {
    return new SystemViews.View(
        "sys",
        "sql_modules",
        List.of(
            col("object_id", "int", "m.object_id"),
            col("definition", "nvarchar(max)", "m.definition"),
            col("uses_ansi_nulls", "bit", "TRUE"),
            col("uses_quoted_identifier", "bit", "TRUE"),
            col("is_schema_bound", "bit", "m.is_schema_bound"),
            col("uses_database_collation", "bit", "m.is_schema_bound"),
            col("is_recompiled", "bit", "FALSE"),
            col("null_on_null_input", "bit", "m.null_on_null_input"),
            col("execute_as_principal_id", "int", "CAST(NULL AS INTEGER)"),
            col("uses_native_compilation", "bit", "FALSE"),
            col("inline_type", "bit", "FALSE"),
            col("is_inlineable", "bit", "FALSE")),
        "FROM " + SystemViews.rows("routines", "m"));
  }

  /** INFORMATION_SCHEMA's columns of a data type, read from {@code a}. */
  private static List<String[]> typeColumns(String a, String ordinal) {
    return List.of(
        col("DATA_TYPE", "nvarchar(128)", a + ".data_type"),
        col("CHARACTER_MAXIMUM_LENGTH", "int", a + ".char_max"),
        col("CHARACTER_OCTET_LENGTH", "int", a + ".char_octets"),
        col("COLLATION_CATALOG", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
        col("COLLATION_SCHEMA", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
        col("COLLATION_NAME", "nvarchar(128)", a + ".collation_name"),
        col("CHARACTER_SET_CATALOG", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
        col("CHARACTER_SET_SCHEMA", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
        col("CHARACTER_SET_NAME", "nvarchar(128)", a + ".charset"),
        col("NUMERIC_PRECISION", ordinal, a + ".num_precision"),
        col("NUMERIC_PRECISION_RADIX", "smallint", a + ".num_radix"),
        col("NUMERIC_SCALE", ordinal, a + ".num_scale"),
        col("DATETIME_PRECISION", "smallint", a + ".dt_precision"),
        col("INTERVAL_TYPE", "nvarchar(30)", "CAST(NULL AS VARCHAR)"),
        col("INTERVAL_PRECISION", "smallint", "CAST(NULL AS SMALLINT)"));
  }

  /**
   * "ROUTINES (Transact-SQL)": each procedure and function; the return value's columns are NULL for
   * procedures; ROUTINE_DEFINITION is the definition's first 4000 characters.
   */
  private static SystemViews.View routines() {
    String function = "m.type = 'FN'";
    List<String[]> cols =
        new ArrayList<>(
            List.of(
                col("SPECIFIC_CATALOG", "nvarchar(128)", "'${dbq}'"),
                col("SPECIFIC_SCHEMA", "nvarchar(128)", "m.schema_name"),
                col("SPECIFIC_NAME", "nvarchar(128)", "m.name"),
                col("ROUTINE_CATALOG", "nvarchar(128)", "'${dbq}'"),
                col("ROUTINE_SCHEMA", "nvarchar(128)", "m.schema_name"),
                col("ROUTINE_NAME", "nvarchar(128)", "m.name"),
                col(
                    "ROUTINE_TYPE",
                    "nvarchar(20)",
                    "CASE WHEN " + function + " THEN 'FUNCTION' ELSE 'PROCEDURE' END")));
    for (String n :
        List.of("MODULE_CATALOG", "MODULE_SCHEMA", "MODULE_NAME", "UDT_CATALOG", "UDT_SCHEMA")) {
      cols.add(col(n, "nvarchar(128)", "CAST(NULL AS VARCHAR)"));
    }
    cols.add(col("UDT_NAME", "nvarchar(128)", "CAST(NULL AS VARCHAR)"));
    cols.addAll(typeColumns("m", "smallint"));
    for (String n :
        List.of(
            "TYPE_UDT_CATALOG",
            "TYPE_UDT_SCHEMA",
            "TYPE_UDT_NAME",
            "SCOPE_CATALOG",
            "SCOPE_SCHEMA",
            "SCOPE_NAME")) {
      cols.add(col(n, "nvarchar(128)", "CAST(NULL AS VARCHAR)"));
    }
    cols.addAll(routineProperties(function));
    return new SystemViews.View(IS, "ROUTINES", cols, "FROM " + SystemViews.rows("routines", "m"));
  }

  /** ROUTINES' columns from MAXIMUM_CARDINALITY on. */
  private static List<String[]> routineProperties(String function) {
    return List.of(
        col("MAXIMUM_CARDINALITY", "bigint", "CAST(NULL AS BIGINT)"),
        col("DTD_IDENTIFIER", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
        col("ROUTINE_BODY", "nvarchar(30)", "'SQL'"),
        col("ROUTINE_DEFINITION", "nvarchar(4000)", "LEFT(m.definition, 4000)"),
        col("EXTERNAL_NAME", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
        col("EXTERNAL_LANGUAGE", "nvarchar(30)", "CAST(NULL AS VARCHAR)"),
        col("PARAMETER_STYLE", "nvarchar(30)", "CAST(NULL AS VARCHAR)"),
        col("IS_DETERMINISTIC", "nvarchar(10)", "'NO'"),
        col(
            "SQL_DATA_ACCESS",
            "nvarchar(30)",
            "CASE WHEN " + function + " THEN 'READS' ELSE 'MODIFIES' END"),
        col(
            "IS_NULL_CALL",
            "nvarchar(10)",
            "CASE WHEN NOT ("
                + function
                + ") THEN NULL WHEN m.null_on_null_input THEN 'NO' ELSE 'YES' END"),
        col("SQL_PATH", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
        col("SCHEMA_LEVEL_ROUTINE", "nvarchar(10)", "'YES'"),
        col(
            "MAX_DYNAMIC_RESULT_SETS",
            "smallint",
            "CAST(CASE WHEN " + function + " THEN 0 ELSE -1 END AS SMALLINT)"),
        col("IS_USER_DEFINED_CAST", "nvarchar(10)", "'NO'"),
        col("IS_IMPLICITLY_INVOCABLE", "nvarchar(10)", "'NO'"),
        col("CREATED", "datetime", "m.created"),
        col("LAST_ALTERED", "datetime", "m.modified"));
  }

  /**
   * "PARAMETERS (Transact-SQL)": each parameter (ORDINAL_POSITION from 1; OUTPUT parameters are
   * INOUT, as T-SQL's pass a value both ways), and a function's return value (0, OUT, IS_RESULT
   * YES, no name).
   */
  private static SystemViews.View isParameters() {
    List<String[]> cols =
        new ArrayList<>(
            List.of(
                col("SPECIFIC_CATALOG", "nvarchar(128)", "'${dbq}'"),
                col("SPECIFIC_SCHEMA", "nvarchar(128)", "p.schema_name"),
                col("SPECIFIC_NAME", "nvarchar(128)", "p.routine_name"),
                col("ORDINAL_POSITION", "int", "p.parameter_id"),
                col(
                    "PARAMETER_MODE",
                    "nvarchar(10)",
                    "CASE WHEN p.is_result THEN 'OUT' WHEN p.is_output THEN 'INOUT' ELSE 'IN'"
                        + " END"),
                col("IS_RESULT", "nvarchar(10)", "CASE WHEN p.is_result THEN 'YES' ELSE 'NO' END"),
                col("AS_LOCATOR", "nvarchar(10)", "'NO'"),
                col(
                    "PARAMETER_NAME",
                    "nvarchar(128)",
                    "CASE WHEN p.is_result THEN NULL ELSE p.name END")));
    cols.addAll(typeColumns("p", "tinyint"));
    for (String n :
        List.of(
            "USER_DEFINED_TYPE_CATALOG",
            "USER_DEFINED_TYPE_SCHEMA",
            "USER_DEFINED_TYPE_NAME",
            "SCOPE_CATALOG",
            "SCOPE_SCHEMA",
            "SCOPE_NAME")) {
      cols.add(col(n, "nvarchar(128)", "CAST(NULL AS VARCHAR)"));
    }
    return new SystemViews.View(
        IS, "PARAMETERS", cols, "FROM " + SystemViews.rows("parameters", "p"));
  }
}
