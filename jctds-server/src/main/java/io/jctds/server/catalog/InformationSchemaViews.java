package io.jctds.server.catalog;

import static io.jctds.server.catalog.SystemViews.col;

import java.util.List;

/**
 * The ISO views of a database ("System Information Schema Views (Transact-SQL)"):
 * INFORMATION_SCHEMA.TABLES, COLUMNS, TABLE_CONSTRAINTS, KEY_COLUMN_USAGE, SCHEMATA, VIEWS,
 * REFERENTIAL_CONSTRAINTS and SEQUENCES, with SQL Server's column names and types and SQL Server's
 * type names in DATA_TYPE.
 */
final class InformationSchemaViews {
  private InformationSchemaViews() {}

  private static final String IS = "INFORMATION_SCHEMA";

  static List<SystemViews.View> views() {
    return List.of(
        tables(),
        columns(),
        tableConstraints(),
        keyColumnUsage(),
        schemata(),
        viewRows(),
        referentialConstraints(),
        sequences());
  }

  /** "TABLES (Transact-SQL)": the database's tables (BASE TABLE) and views (VIEW). */
  private static SystemViews.View tables() {
    return new SystemViews.View(
        IS,
        "TABLES",
        List.of(
            col("TABLE_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("TABLE_SCHEMA", "nvarchar(128)", "t.schema_name"),
            col("TABLE_NAME", "sysname", "t.name"),
            col(
                "TABLE_TYPE",
                "varchar(10)",
                "CASE t.kind WHEN 'V' THEN 'VIEW' ELSE 'BASE TABLE' END")),
        "FROM " + SystemViews.rows("tables", "t"));
  }

  /**
   * "COLUMNS (Transact-SQL)": every column of the database's tables and views; lengths are -1 for
   * the (max) types and xml, COLUMN_DEFAULT is the default's H2 expression in parentheses.
   */
  private static SystemViews.View columns() {
    return new SystemViews.View(
        IS,
        "COLUMNS",
        List.of(
            col("TABLE_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("TABLE_SCHEMA", "nvarchar(128)", "c.schema_name"),
            col("TABLE_NAME", "nvarchar(128)", "c.table_name"),
            col("COLUMN_NAME", "nvarchar(128)", "c.name"),
            col("ORDINAL_POSITION", "int", "c.column_id"),
            col("COLUMN_DEFAULT", "nvarchar(4000)", "c.default_definition"),
            col("IS_NULLABLE", "varchar(3)", "CASE WHEN c.is_nullable THEN 'YES' ELSE 'NO' END"),
            col("DATA_TYPE", "nvarchar(128)", "c.data_type"),
            col("CHARACTER_MAXIMUM_LENGTH", "int", "c.char_max"),
            col("CHARACTER_OCTET_LENGTH", "int", "c.char_octets"),
            col("NUMERIC_PRECISION", "tinyint", "c.num_precision"),
            col("NUMERIC_PRECISION_RADIX", "smallint", "c.num_radix"),
            col("NUMERIC_SCALE", "int", "c.num_scale"),
            col("DATETIME_PRECISION", "smallint", "c.dt_precision"),
            col("CHARACTER_SET_CATALOG", "varchar(6)", "CAST(NULL AS VARCHAR)"),
            col("CHARACTER_SET_SCHEMA", "varchar(3)", "CAST(NULL AS VARCHAR)"),
            col("CHARACTER_SET_NAME", "nvarchar(128)", "c.charset"),
            col("COLLATION_CATALOG", "varchar(6)", "CAST(NULL AS VARCHAR)"),
            col("COLLATION_SCHEMA", "varchar(3)", "CAST(NULL AS VARCHAR)"),
            col("COLLATION_NAME", "nvarchar(128)", "c.collation_name"),
            col("DOMAIN_CATALOG", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
            col("DOMAIN_SCHEMA", "nvarchar(128)", "CAST(NULL AS VARCHAR)"),
            col("DOMAIN_NAME", "nvarchar(128)", "CAST(NULL AS VARCHAR)")),
        "FROM " + SystemViews.rows("columns", "c"));
  }

  /**
   * "TABLE_CONSTRAINTS (Transact-SQL)": PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK constraints (SQL
   * Server does not list DEFAULT constraints here).
   */
  private static SystemViews.View tableConstraints() {
    return new SystemViews.View(
        IS,
        "TABLE_CONSTRAINTS",
        List.of(
            col("CONSTRAINT_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("CONSTRAINT_SCHEMA", "nvarchar(128)", "k.schema_name"),
            col("CONSTRAINT_NAME", "sysname", "k.name"),
            col("TABLE_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("TABLE_SCHEMA", "nvarchar(128)", "k.schema_name"),
            col("TABLE_NAME", "sysname", "k.table_name"),
            col("CONSTRAINT_TYPE", "varchar(11)", "k.constraint_type"),
            col("IS_DEFERRABLE", "varchar(2)", "'NO'"),
            col("INITIALLY_DEFERRED", "varchar(2)", "'NO'")),
        "FROM " + SystemViews.rows("constraints", "k") + " WHERE k.constraint_type IS NOT NULL");
  }

  /** "KEY_COLUMN_USAGE (Transact-SQL)": the columns of key constraints, in key order. */
  private static SystemViews.View keyColumnUsage() {
    return new SystemViews.View(
        IS,
        "KEY_COLUMN_USAGE",
        List.of(
            col("CONSTRAINT_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("CONSTRAINT_SCHEMA", "nvarchar(128)", "k.schema_name"),
            col("CONSTRAINT_NAME", "nvarchar(128)", "k.constraint_name"),
            col("TABLE_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("TABLE_SCHEMA", "nvarchar(128)", "k.schema_name"),
            col("TABLE_NAME", "nvarchar(128)", "k.table_name"),
            col("COLUMN_NAME", "nvarchar(128)", "k.column_name"),
            col("ORDINAL_POSITION", "int", "k.ordinal")),
        "FROM " + SystemViews.rows("key_columns", "k"));
  }

  /** "SCHEMATA (Transact-SQL)": the database's schemas with their owners. */
  private static SystemViews.View schemata() {
    String schema = "SUBSTRING(SCHEMA_NAME, LOCATE('.', SCHEMA_NAME, -1) + 1)";
    return new SystemViews.View(
        IS,
        "SCHEMATA",
        List.of(
            col("CATALOG_NAME", "sysname", "'${dbq}'"),
            col("SCHEMA_NAME", "nvarchar(128)", schema),
            col(
                "SCHEMA_OWNER",
                "nvarchar(128)",
                "CASE WHEN \"jctds\".\"schema_id\"("
                    + schema
                    + ") <= 4 THEN "
                    + schema
                    + " ELSE 'dbo' END"),
            col("DEFAULT_CHARACTER_SET_CATALOG", "varchar(6)", "CAST(NULL AS VARCHAR)"),
            col("DEFAULT_CHARACTER_SET_SCHEMA", "varchar(3)", "CAST(NULL AS VARCHAR)"),
            col("DEFAULT_CHARACTER_SET_NAME", "sysname", "'iso_1'")),
        "FROM INFORMATION_SCHEMA.SCHEMATA WHERE LOCATE('.', SCHEMA_NAME, -1) = LENGTH('${dbq}') + 1"
            + " AND LOWER(LEFT(SCHEMA_NAME, LENGTH('${dbq}') + 1)) = '${dbkey}.'");
  }

  /**
   * "VIEWS (Transact-SQL)": the database's views; VIEW_DEFINITION is the view's query as written
   * after AS (its first 4000 characters).
   */
  private static SystemViews.View viewRows() {
    return new SystemViews.View(
        IS,
        "VIEWS",
        List.of(
            col("TABLE_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("TABLE_SCHEMA", "nvarchar(128)", "t.schema_name"),
            col("TABLE_NAME", "nvarchar(128)", "t.name"),
            col("VIEW_DEFINITION", "nvarchar(4000)", "LEFT(t.definition, 4000)"),
            col("CHECK_OPTION", "varchar(7)", "'NONE'"),
            col("IS_UPDATABLE", "varchar(2)", "'NO'")),
        "FROM " + SystemViews.rows("tables", "t") + " WHERE t.kind = 'V'");
  }

  /**
   * "REFERENTIAL_CONSTRAINTS (Transact-SQL)": each foreign key with the key it references and its
   * update and delete rules.
   */
  private static SystemViews.View referentialConstraints() {
    return new SystemViews.View(
        IS,
        "REFERENTIAL_CONSTRAINTS",
        List.of(
            col("CONSTRAINT_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("CONSTRAINT_SCHEMA", "nvarchar(128)", "f.schema_name"),
            col("CONSTRAINT_NAME", "sysname", "f.name"),
            col("UNIQUE_CONSTRAINT_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("UNIQUE_CONSTRAINT_SCHEMA", "nvarchar(128)", "f.unique_schema"),
            col("UNIQUE_CONSTRAINT_NAME", "sysname", "f.unique_name"),
            col("MATCH_OPTION", "varchar(7)", "'SIMPLE'"),
            col("UPDATE_RULE", "varchar(11)", "f.update_rule"),
            col("DELETE_RULE", "varchar(11)", "f.delete_rule")),
        "FROM "
            + SystemViews.rows("constraints", "f")
            + " WHERE f.constraint_type = 'FOREIGN KEY'");
  }

  /**
   * "SEQUENCES (Transact-SQL)": one row per sequence of the database with its type, precision,
   * bounds and increment (sql_variant values of the sequence's type, as in sys.sequences) and
   * CYCLE_OPTION; the DECLARED_ columns describe a user-defined type, which jctds has not (NULL).
   */
  private static SystemViews.View sequences() {
    return new SystemViews.View(
        IS,
        "SEQUENCES",
        List.of(
            col("SEQUENCE_CATALOG", "nvarchar(128)", "'${dbq}'"),
            col("SEQUENCE_SCHEMA", "nvarchar(128)", "q.schema_name"),
            col("SEQUENCE_NAME", "nvarchar(128)", "o.name"),
            col("DATA_TYPE", "nvarchar(128)", "q.data_type"),
            col("NUMERIC_PRECISION", "tinyint", "q.precision"),
            col("NUMERIC_PRECISION_RADIX", "smallint", "CAST(10 AS SMALLINT)"),
            col("NUMERIC_SCALE", "int", "CAST(q.scale AS INTEGER)"),
            col("START_VALUE", "sql_variant", "q.start_value"),
            col("MINIMUM_VALUE", "sql_variant", "q.minimum_value"),
            col("MAXIMUM_VALUE", "sql_variant", "q.maximum_value"),
            col("INCREMENT", "sql_variant", "q.increment"),
            col("CYCLE_OPTION", "bit", "q.is_cycling"),
            col("DECLARED_DATA_TYPE", "int", "CAST(NULL AS INTEGER)"),
            col("DECLARED_DATA_PRECISION", "int", "CAST(NULL AS INTEGER)"),
            col("DECLARED_NUMERIC_SCALE", "int", "CAST(NULL AS INTEGER)")),
        ObjectViews.objectsOf("'SO'", "sequences", "q"));
  }
}
