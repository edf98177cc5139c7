package io.jctds.server.catalog;

import static io.jctds.server.catalog.SystemViews.col;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog views of indexes, keys, constraints and sequences: sys.indexes, sys.index_columns,
 * sys.key_constraints, sys.foreign_keys, sys.foreign_key_columns, sys.default_constraints,
 * sys.check_constraints and sys.sequences.
 */
final class KeyViews {
  private KeyViews() {}

  static List<SystemViews.View> views() {
    return List.of(
        indexes(),
        indexColumns(),
        keyConstraints(),
        foreignKeys(),
        foreignKeyColumns(),
        defaultConstraints(),
        checkConstraints(),
        sequences());
  }

  /**
   * "sys.indexes (Transact-SQL)": per table a heap (index_id 0, type 0 HEAP) or its primary key as
   * the clustered index (1, CLUSTERED), then its unique constraints and indexes (from 2,
   * NONCLUSTERED); the server does not keep CLUSTERED/NONCLUSTERED as declared.
   */
  private static SystemViews.View indexes() {
    List<String[]> cols =
        new ArrayList<>(
            List.of(
                col("object_id", "int", "i.object_id"),
                col("name", "sysname", "i.name"),
                col("index_id", "int", "i.index_id"),
                col("type", "tinyint", "CAST(LEAST(i.index_id, 2) AS SMALLINT)"),
                col(
                    "type_desc",
                    "nvarchar(60)",
                    "CASE i.index_id WHEN 0 THEN 'HEAP' WHEN 1 THEN 'CLUSTERED'"
                        + " ELSE 'NONCLUSTERED' END"),
                col("is_unique", "bit", "i.is_unique"),
                col("data_space_id", "int", "1"),
                col("ignore_dup_key", "bit", "FALSE"),
                col("is_primary_key", "bit", "i.is_primary_key"),
                col("is_unique_constraint", "bit", "i.is_unique_constraint"),
                col("fill_factor", "tinyint", "CAST(0 AS SMALLINT)")));
    for (String off : List.of("is_padded", "is_disabled", "is_hypothetical")) {
      cols.add(col(off, "bit", "FALSE"));
    }
    cols.addAll(
        List.of(
            col("is_ignored_in_optimization", "bit", "FALSE"),
            col("allow_row_locks", "bit", "TRUE"),
            col("allow_page_locks", "bit", "TRUE"),
            col("has_filter", "bit", "FALSE"),
            col("filter_definition", "nvarchar(max)", "CAST(NULL AS VARCHAR)"),
            col("compression_delay", "int", "CAST(NULL AS INTEGER)"),
            col("suppress_dup_key_messages", "bit", "FALSE"),
            col("auto_created", "bit", "FALSE"),
            col("optimize_for_sequential_key", "bit", "FALSE")));
    return new SystemViews.View("sys", "indexes", cols, "FROM " + SystemViews.rows("indexes", "i"));
  }

  /** "sys.index_columns (Transact-SQL)": the key columns of each index, in key order. */
  private static SystemViews.View indexColumns() {
    return new SystemViews.View(
        "sys",
        "index_columns",
        List.of(
            col("object_id", "int", "x.object_id"),
            col("index_id", "int", "x.index_id"),
            col("index_column_id", "int", "x.ordinal"),
            col("column_id", "int", "x.column_id"),
            col("key_ordinal", "tinyint", "CAST(x.ordinal AS SMALLINT)"),
            col("partition_ordinal", "tinyint", "CAST(0 AS SMALLINT)"),
            col("is_descending_key", "bit", "x.is_descending_key"),
            col("is_included_column", "bit", "FALSE"),
            col("column_store_order_ordinal", "tinyint", "CAST(0 AS SMALLINT)")),
        "FROM " + SystemViews.rows("index_columns", "x"));
  }

  /**
   * "sys.key_constraints (Transact-SQL)": PRIMARY KEY (PK) and UNIQUE (UQ) constraints with the
   * index that enforces each.
   */
  private static SystemViews.View keyConstraints() {
    List<String[]> cols = ObjectViews.objectColumns();
    cols.addAll(
        List.of(
            col("unique_index_id", "int", "k.unique_index_id"),
            col("is_system_named", "bit", "k.is_system_named"),
            col("is_enforced", "bit", "TRUE")));
    return new SystemViews.View(
        "sys", "key_constraints", cols, ObjectViews.objectsOf("'PK', 'UQ'", "constraints", "k"));
  }

  /**
   * "sys.foreign_keys (Transact-SQL)": FOREIGN KEY constraints (F) with the table and the key index
   * they reference and their ON DELETE / ON UPDATE actions (0 NO_ACTION, 1 CASCADE, 2 SET_NULL, 3
   * SET_DEFAULT).
   */
  private static SystemViews.View foreignKeys() {
    List<String[]> cols = ObjectViews.objectColumns();
    cols.addAll(
        List.of(
            col("referenced_object_id", "int", "f.referenced_object_id"),
            col("key_index_id", "int", "f.key_index_id"),
            col("is_disabled", "bit", "FALSE"),
            col("is_not_for_replication", "bit", "FALSE"),
            col("is_not_trusted", "bit", "FALSE"),
            col("delete_referential_action", "tinyint", action("f.delete_rule")),
            col(
                "delete_referential_action_desc",
                "nvarchar(60)",
                "REPLACE(f.delete_rule, ' ', '_')"),
            col("update_referential_action", "tinyint", action("f.update_rule")),
            col(
                "update_referential_action_desc",
                "nvarchar(60)",
                "REPLACE(f.update_rule, ' ', '_')"),
            col("is_system_named", "bit", "f.is_system_named")));
    return new SystemViews.View(
        "sys", "foreign_keys", cols, ObjectViews.objectsOf("'F'", "constraints", "f"));
  }

  private static String action(String rule) {
    return "CAST(CASE "
        + rule
        + " WHEN 'CASCADE' THEN 1 WHEN 'SET NULL' THEN 2 WHEN 'SET DEFAULT' THEN 3 ELSE 0 END"
        + " AS SMALLINT)";
  }

  /**
   * "sys.foreign_key_columns (Transact-SQL)": each foreign key column with the column it
   * references.
   */
  private static SystemViews.View foreignKeyColumns() {
    return new SystemViews.View(
        "sys",
        "foreign_key_columns",
        List.of(
            col("constraint_object_id", "int"),
            col("constraint_column_id", "int"),
            col("parent_object_id", "int"),
            col("parent_column_id", "int"),
            col("referenced_object_id", "int"),
            col("referenced_column_id", "int")),
        "FROM " + SystemViews.rows("foreign_key_columns", "x"));
  }

  /**
   * "sys.default_constraints (Transact-SQL)": a DEFAULT constraint (D) per column with a default;
   * the definition is the default's H2 expression in parentheses.
   */
  private static SystemViews.View defaultConstraints() {
    List<String[]> cols = ObjectViews.objectColumns();
    cols.addAll(
        List.of(
            col("parent_column_id", "int", "k.parent_column_id"),
            col("definition", "nvarchar(max)", "k.definition"),
            col("is_system_named", "bit", "TRUE")));
    return new SystemViews.View(
        "sys", "default_constraints", cols, ObjectViews.objectsOf("'D'", "constraints", "k"));
  }

  /**
   * "sys.check_constraints (Transact-SQL)": CHECK constraints (C); the definition is the condition
   * as H2 keeps it (translated), in parentheses, and parent_column_id is 0 (table-level).
   */
  private static SystemViews.View checkConstraints() {
    List<String[]> cols = ObjectViews.objectColumns();
    cols.addAll(
        List.of(
            col("is_disabled", "bit", "FALSE"),
            col("is_not_for_replication", "bit", "FALSE"),
            col("is_not_trusted", "bit", "FALSE"),
            col("parent_column_id", "int", "0"),
            col("definition", "nvarchar(max)", "k.definition"),
            col("uses_database_collation", "bit", "TRUE"),
            col("is_system_named", "bit", "k.is_system_named")));
    return new SystemViews.View(
        "sys", "check_constraints", cols, ObjectViews.objectsOf("'C'", "constraints", "k"));
  }

  /**
   * "sys.sequences (Transact-SQL)": sequence objects (SO) with their bounds as sql_variant values
   * of the sequence's type; current_value is the last value handed out, or the start value before
   * the first.
   */
  private static SystemViews.View sequences() {
    List<String[]> cols = ObjectViews.objectColumns();
    cols.addAll(
        List.of(
            col("start_value", "sql_variant", "q.start_value"),
            col("increment", "sql_variant", "q.increment"),
            col("minimum_value", "sql_variant", "q.minimum_value"),
            col("maximum_value", "sql_variant", "q.maximum_value"),
            col("is_cycling", "bit", "q.is_cycling"),
            col("is_cached", "bit", "q.cache_size > 1"),
            col("cache_size", "int", "q.cache_size"),
            col("system_type_id", "tinyint", "q.system_type_id"),
            col("user_type_id", "int", "CAST(q.system_type_id AS INTEGER)"),
            col("precision", "tinyint", "q.precision"),
            col("scale", "tinyint", "q.scale"),
            col("current_value", "sql_variant", "q.current_value"),
            col("is_exhausted", "bit", "FALSE"),
            col("last_used_value", "sql_variant", "q.last_used_value")));
    return new SystemViews.View(
        "sys", "sequences", cols, ObjectViews.objectsOf("'SO'", "sequences", "q"));
  }
}
