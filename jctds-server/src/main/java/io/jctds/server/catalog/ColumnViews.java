package io.jctds.server.catalog;

import static io.jctds.server.catalog.SystemViews.col;

import io.jctds.server.types.SqlCollation;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog views of columns and types: sys.columns, sys.identity_columns and sys.types. A
 * column's type is the SQL Server type it was declared with (its H2 REMARKS, or its view's type
 * list), so that nvarchar and varchar, or datetime and datetime2, stay apart.
 */
final class ColumnViews {
  private ColumnViews() {}

  static List<SystemViews.View> views() {
    return List.of(columns(), identityColumns(), types());
  }

  /**
   * The columns of "sys.columns (Transact-SQL)", read from {@link CatalogRows#columns} as {@code
   * c}: user_type_id is the system type's id (no alias types), a computed or IDENTITY column has no
   * DEFAULT, and everything SQL Server's storage options (sparse, FILESTREAM, replication, Always
   * Encrypted, masking, ledger) would set is off.
   */
  static List<String[]> columnColumns() {
    List<String[]> cols =
        new ArrayList<>(
            List.of(
                col("object_id", "int", "c.object_id"),
                col("name", "sysname", "c.name"),
                col("column_id", "int", "c.column_id"),
                col("system_type_id", "tinyint", "c.system_type_id"),
                col("user_type_id", "int", "CAST(c.system_type_id AS INTEGER)"),
                col("max_length", "smallint", "c.max_length"),
                col("precision", "tinyint", "c.precision"),
                col("scale", "tinyint", "c.scale"),
                col("collation_name", "sysname", "c.collation_name"),
                col("is_nullable", "bit", "c.is_nullable"),
                col("is_ansi_padded", "bit", "c.is_ansi_padded"),
                col("is_rowguidcol", "bit", "FALSE"),
                col("is_identity", "bit", "c.is_identity"),
                col("is_computed", "bit", "c.is_computed")));
    for (String off :
        List.of(
            "is_filestream",
            "is_replicated",
            "is_non_sql_subscribed",
            "is_merge_published",
            "is_dts_replicated",
            "is_xml_document")) {
      cols.add(col(off, "bit", "FALSE"));
    }
    cols.addAll(
        List.of(
            col("xml_collection_id", "int", "0"),
            col("default_object_id", "int", "c.default_object_id"),
            col("rule_object_id", "int", "0"),
            col("is_sparse", "bit", "FALSE"),
            col("is_column_set", "bit", "FALSE"),
            col("generated_always_type", "tinyint", "CAST(0 AS SMALLINT)"),
            col("generated_always_type_desc", "nvarchar(60)", "'NOT_APPLICABLE'"),
            col("encryption_type", "int", "CAST(NULL AS INTEGER)"),
            col("encryption_type_desc", "nvarchar(64)", "CAST(NULL AS VARCHAR)"),
            col("encryption_algorithm_name", "sysname", "CAST(NULL AS VARCHAR)"),
            col("column_encryption_key_id", "int", "CAST(NULL AS INTEGER)"),
            col("column_encryption_key_database_name", "sysname", "CAST(NULL AS VARCHAR)"),
            col("is_hidden", "bit", "FALSE"),
            col("is_masked", "bit", "FALSE"),
            col("graph_type", "int", "CAST(NULL AS INTEGER)"),
            col("graph_type_desc", "nvarchar(60)", "CAST(NULL AS VARCHAR)")));
    return cols;
  }

  /** "sys.columns (Transact-SQL)": the columns of the database's tables and views. */
  private static SystemViews.View columns() {
    return new SystemViews.View(
        "sys", "columns", columnColumns(), "FROM " + SystemViews.rows("columns", "c"));
  }

  /**
   * "sys.identity_columns (Transact-SQL)": sys.columns' IDENTITY columns with their seed, increment
   * and last value as sql_variant values of the column's type (last_value NULL until a value was
   * generated).
   */
  private static SystemViews.View identityColumns() {
    List<String[]> cols = columnColumns();
    cols.addAll(
        List.of(
            col("seed_value", "sql_variant", "c.seed"),
            col("increment_value", "sql_variant", "c.increment"),
            col("last_value", "sql_variant", "c.last"),
            col("is_not_for_replication", "bit", "FALSE")));
    return new SystemViews.View(
        "sys",
        "identity_columns",
        cols,
        "FROM " + SystemViews.rows("columns", "c") + " WHERE c.is_identity");
  }

  /**
   * The system types as sys.types lists them: name, system_type_id, user_type_id, max_length,
   * precision, scale, whether it has a collation, is_nullable. The ids are "sys.types
   * (Transact-SQL)"'s (see {@link io.jctds.server.types.SystemTypes}); sizes, precisions and scales
   * are the largest each type's own page allows ("decimal and numeric", "datetime2", "time",
   * "datetimeoffset", "float and real", "char and varchar", "nchar and nvarchar", "binary and
   * varbinary" (Transact-SQL): 8000 bytes for the sized string and binary types, 16-byte text
   * pointers); sysname is nvarchar(128) NOT NULL ("sysname" in "nchar and nvarchar"), timestamp is
   * rowversion, never NULL.
   */
  private static final Object[][] TYPES = {
    {"image", 34, 34, 16, 0, 0, false, true},
    {"text", 35, 35, 16, 0, 0, true, true},
    {"uniqueidentifier", 36, 36, 16, 0, 0, false, true},
    {"date", 40, 40, 3, 10, 0, false, true},
    {"time", 41, 41, 5, 16, 7, false, true},
    {"datetime2", 42, 42, 8, 27, 7, false, true},
    {"datetimeoffset", 43, 43, 10, 34, 7, false, true},
    {"tinyint", 48, 48, 1, 3, 0, false, true},
    {"smallint", 52, 52, 2, 5, 0, false, true},
    {"int", 56, 56, 4, 10, 0, false, true},
    {"smalldatetime", 58, 58, 4, 16, 0, false, true},
    {"real", 59, 59, 4, 24, 0, false, true},
    {"money", 60, 60, 8, 19, 4, false, true},
    {"datetime", 61, 61, 8, 23, 3, false, true},
    {"float", 62, 62, 8, 53, 0, false, true},
    {"sql_variant", 98, 98, 8016, 0, 0, false, true},
    {"ntext", 99, 99, 16, 0, 0, true, true},
    {"bit", 104, 104, 1, 1, 0, false, true},
    {"decimal", 106, 106, 17, 38, 38, false, true},
    {"numeric", 108, 108, 17, 38, 38, false, true},
    {"smallmoney", 122, 122, 4, 10, 4, false, true},
    {"bigint", 127, 127, 8, 19, 0, false, true},
    {"hierarchyid", 240, 128, 892, 0, 0, false, true},
    {"geometry", 240, 129, -1, 0, 0, false, true},
    {"geography", 240, 130, -1, 0, 0, false, true},
    {"varbinary", 165, 165, 8000, 0, 0, false, true},
    {"varchar", 167, 167, 8000, 0, 0, true, true},
    {"binary", 173, 173, 8000, 0, 0, false, true},
    {"char", 175, 175, 8000, 0, 0, true, true},
    {"timestamp", 189, 189, 8, 0, 0, false, false},
    {"nvarchar", 231, 231, 8000, 0, 0, true, true},
    {"nchar", 239, 239, 8000, 0, 0, true, true},
    {"xml", 241, 241, -1, 0, 0, false, true},
    {"sysname", 231, 256, 256, 0, 0, true, false},
  };

  /** "sys.types (Transact-SQL)": the system types (the server has no user-defined types). */
  private static SystemViews.View types() {
    StringBuilder values = new StringBuilder();
    for (Object[] t : TYPES) {
      values
          .append(values.length() == 0 ? "" : ", ")
          .append(String.format("('%s', %d, %d, %d, %d, %d, %b, %b)", t));
    }
    String collation = "'" + SqlCollation.DEFAULT.name() + "'";
    return new SystemViews.View(
        "sys",
        "types",
        List.of(
            col("name", "sysname", "t.n"),
            col("system_type_id", "tinyint", "CAST(t.s AS SMALLINT)"),
            col("user_type_id", "int", "t.u"),
            col("schema_id", "int", "4"),
            col("principal_id", "int", "CAST(NULL AS INTEGER)"),
            col("max_length", "smallint", "CAST(t.m AS SMALLINT)"),
            col("precision", "tinyint", "CAST(t.p AS SMALLINT)"),
            col("scale", "tinyint", "CAST(t.sc AS SMALLINT)"),
            col("collation_name", "sysname", "CASE WHEN t.c THEN " + collation + " END"),
            col("is_nullable", "bit", "t.nl"),
            col("is_user_defined", "bit", "FALSE"),
            col("is_assembly_type", "bit", "t.s = 240"),
            col("default_object_id", "int", "0"),
            col("rule_object_id", "int", "0"),
            col("is_table_type", "bit", "FALSE")),
        "FROM (VALUES " + values + ") AS t(n, s, u, m, p, sc, c, nl)");
  }
}
