package io.jctds.server.catalog;

import static io.jctds.server.catalog.SystemViews.col;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog views of features the server does not have, so they have no rows: extended properties
 * (sp_addextendedproperty), CLR assemblies, partition functions and schemes, XML schema
 * collections, Service Broker queues and services, and triggers. Tools such as Flyway query them to
 * decide whether a schema is empty and what to drop; with SQL Server's column names and types (the
 * columns of each view's "... (Transact-SQL)" page) they answer as a database that has none. Also
 * sys.computed_columns, which has the computed columns the server does have.
 */
final class AbsentFeatureViews {
  private AbsentFeatureViews() {}

  /** A source of no rows. */
  private static final String NONE = "FROM (VALUES (0)) AS e(x) WHERE FALSE";

  private static final String NAME = "CAST(NULL AS VARCHAR)";
  private static final String INT = "CAST(NULL AS INTEGER)";
  private static final String TINYINT = "CAST(NULL AS SMALLINT)";
  private static final String BIT = "CAST(NULL AS BOOLEAN)";
  private static final String DATETIME = "CAST(NULL AS TIMESTAMP)";
  private static final String CODE = "CAST(NULL AS CHAR(2))";

  static List<SystemViews.View> views() {
    return List.of(
        extendedProperties(),
        assemblies(),
        partitionFunctions(),
        partitionSchemes(),
        xmlSchemaCollections(),
        serviceQueues(),
        services(),
        triggers(),
        computedColumns());
  }

  /** "sys.extended_properties (Transact-SQL)": no object has an extended property. */
  private static SystemViews.View extendedProperties() {
    return new SystemViews.View(
        "sys",
        "extended_properties",
        List.of(
            col("class", "tinyint", TINYINT),
            col("class_desc", "nvarchar(60)", NAME),
            col("major_id", "int", INT),
            col("minor_id", "int", INT),
            col("name", "sysname", NAME),
            col("value", "sql_variant", "CAST(NULL AS VARBINARY)")),
        NONE);
  }

  /** "sys.assemblies (Transact-SQL)": no CLR assembly. */
  private static SystemViews.View assemblies() {
    return new SystemViews.View(
        "sys",
        "assemblies",
        List.of(
            col("name", "sysname", NAME),
            col("principal_id", "int", INT),
            col("assembly_id", "int", INT),
            col("clr_name", "nvarchar(4000)", NAME),
            col("permission_set", "tinyint", TINYINT),
            col("permission_set_desc", "nvarchar(60)", NAME),
            col("is_visible", "bit", BIT),
            col("create_date", "datetime", DATETIME),
            col("modify_date", "datetime", DATETIME),
            col("is_user_defined", "bit", BIT)),
        NONE);
  }

  /** "sys.partition_functions (Transact-SQL)": no partition function. */
  private static SystemViews.View partitionFunctions() {
    return new SystemViews.View(
        "sys",
        "partition_functions",
        List.of(
            col("name", "sysname", NAME),
            col("function_id", "int", INT),
            col("type", "char(2)", CODE),
            col("type_desc", "nvarchar(60)", NAME),
            col("fanout", "int", INT),
            col("boundary_value_on_right", "bit", BIT),
            col("is_system", "bit", BIT),
            col("create_date", "datetime", DATETIME),
            col("modify_date", "datetime", DATETIME)),
        NONE);
  }

  /** "sys.partition_schemes (Transact-SQL)": no partition scheme. */
  private static SystemViews.View partitionSchemes() {
    return new SystemViews.View(
        "sys",
        "partition_schemes",
        List.of(
            col("name", "sysname", NAME),
            col("data_space_id", "int", INT),
            col("type", "char(2)", CODE),
            col("type_desc", "nvarchar(60)", NAME),
            col("is_default", "bit", BIT),
            col("is_system", "bit", BIT),
            col("function_id", "int", INT)),
        NONE);
  }

  /** "sys.xml_schema_collections (Transact-SQL)": no user XML schema collection. */
  private static SystemViews.View xmlSchemaCollections() {
    return new SystemViews.View(
        "sys",
        "xml_schema_collections",
        List.of(
            col("xml_collection_id", "int", INT),
            col("schema_id", "int", INT),
            col("principal_id", "int", INT),
            col("name", "sysname", NAME),
            col("create_date", "datetime", DATETIME),
            col("modify_date", "datetime", DATETIME)),
        NONE);
  }

  /** The columns sys.objects has, with no rows (for the views of absent object types). */
  private static List<String[]> noObjects() {
    List<String[]> cols = new ArrayList<>();
    for (String[] c : ObjectViews.objectColumns()) {
      cols.add(col(c[0], c[1], nullOf(c[1])));
    }
    return cols;
  }

  private static String nullOf(String type) {
    return switch (type) {
      case "int" -> INT;
      case "bit" -> BIT;
      case "datetime" -> DATETIME;
      case "char(2)" -> CODE;
      default -> NAME;
    };
  }

  /** "sys.service_queues (Transact-SQL)": no Service Broker queue (type SQ objects). */
  private static SystemViews.View serviceQueues() {
    List<String[]> cols = noObjects();
    cols.addAll(
        List.of(
            col("max_readers", "smallint", TINYINT),
            col("activation_procedure", "nvarchar(776)", NAME),
            col("execute_as_principal_id", "int", INT),
            col("is_activation_enabled", "bit", BIT),
            col("is_receive_enabled", "bit", BIT),
            col("is_enqueue_enabled", "bit", BIT),
            col("is_retention_enabled", "bit", BIT),
            col("is_poison_message_handling_enabled", "bit", BIT)));
    return new SystemViews.View("sys", "service_queues", cols, NONE);
  }

  /** "sys.services (Transact-SQL)": no Service Broker service. */
  private static SystemViews.View services() {
    return new SystemViews.View(
        "sys",
        "services",
        List.of(
            col("name", "sysname", NAME),
            col("service_id", "int", INT),
            col("principal_id", "int", INT),
            col("service_queue_id", "int", INT)),
        NONE);
  }

  /** "sys.triggers (Transact-SQL)": no DML or DDL trigger. */
  private static SystemViews.View triggers() {
    return new SystemViews.View(
        "sys",
        "triggers",
        List.of(
            col("name", "sysname", NAME),
            col("object_id", "int", INT),
            col("parent_class", "tinyint", TINYINT),
            col("parent_class_desc", "nvarchar(60)", NAME),
            col("parent_id", "int", INT),
            col("type", "char(2)", CODE),
            col("type_desc", "nvarchar(60)", NAME),
            col("create_date", "datetime", DATETIME),
            col("modify_date", "datetime", DATETIME),
            col("is_ms_shipped", "bit", BIT),
            col("is_disabled", "bit", BIT),
            col("is_not_for_replication", "bit", BIT),
            col("is_instead_of_trigger", "bit", BIT)),
        NONE);
  }

  /**
   * "sys.computed_columns (Transact-SQL)": sys.columns' computed columns; the catalog keeps no
   * T-SQL text of their expressions, so definition is NULL.
   */
  private static SystemViews.View computedColumns() {
    List<String[]> cols = ColumnViews.columnColumns();
    cols.addAll(
        List.of(
            col("definition", "nvarchar(max)", NAME),
            col("uses_database_collation", "bit", "TRUE"),
            col("is_persisted", "bit", "FALSE")));
    return new SystemViews.View(
        "sys",
        "computed_columns",
        cols,
        "FROM " + SystemViews.rows("columns", "c") + " WHERE c.is_computed");
  }
}
