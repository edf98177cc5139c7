package io.jctds.server.catalog;

import io.jctds.server.storage.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user objects of every TDS database as one statement sees them: H2's INFORMATION_SCHEMA read
 * once through the session's own connection, so that its temporary tables count, and turned into
 * SQL Server's terms (object ids, declared types, key columns, index numbers). Only the databases'
 * own schemas count ({@code <db>.<schema>}), never {@code sys} and {@code INFORMATION_SCHEMA}
 * (their views are system objects, which SQL Server lists in sys.system_objects, not sys.objects),
 * nor table variables ({@code @t#n}).
 *
 * <p>A character key column {@code c} is built on the hidden column {@code $rt$c}; keys and indexes
 * report it as {@code c}. Index names are stored as {@code <table>.<index>} and reported as {@code
 * <index>}.
 */
final class CatalogSnapshot {
  /** A table or view. */
  record Table(
      String db,
      String schema,
      String h2Schema,
      String h2Name,
      boolean view,
      boolean temporary,
      String remarks,
      int objectId,
      int schemaId) {
    /** The name sys.objects shows (local temporary tables padded). */
    String name() {
      return CatalogValues.displayName(h2Name, objectId);
    }
  }

  /** A visible column of a table or view, numbered from 1. */
  record Column(
      Table table,
      String name,
      int columnId,
      String type,
      boolean nullable,
      boolean identity,
      boolean computed,
      String defaultText,
      String defaultName,
      int defaultObjectId,
      Number identityStart,
      Number identityIncrement,
      Number identityBase) {}

  /**
   * A PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK constraint.
   *
   * @param kind H2's (and INFORMATION_SCHEMA's) CONSTRAINT_TYPE
   * @param columns key columns in key order (the referencing ones of a foreign key)
   * @param uniquePositions a foreign key column's position in the referenced key
   * @param references a foreign key's referenced key: its H2 schema and name
   * @param rules a foreign key's UPDATE_RULE and DELETE_RULE (RESTRICT as NO ACTION)
   */
  record Constraint(
      Table table,
      String name,
      int objectId,
      String kind,
      String h2Index,
      List<String> columns,
      List<Integer> uniquePositions,
      String[] references,
      String[] rules,
      String checkClause) {
    /** sys.objects.type. */
    String type() {
      return switch (kind) {
        case "PRIMARY KEY" -> "PK";
        case "UNIQUE" -> "UQ";
        case "FOREIGN KEY" -> "F";
        default -> "C";
      };
    }
  }

  /** An index: a key constraint's or a CREATE INDEX one; index_id 0 is a heap (no name). */
  record Index(
      Table table,
      String name,
      int indexId,
      boolean unique,
      boolean primaryKey,
      boolean uniqueConstraint,
      List<String> columns,
      List<Boolean> descending) {}

  /** A sequence with its current state. */
  record Sequence(
      String db,
      String schema,
      String name,
      int objectId,
      String type,
      Number start,
      Number increment,
      Number minimum,
      Number maximum,
      boolean cycle,
      long cache,
      Number base) {}

  private final List<Table> tables;
  private final Map<String, Table> byH2Name = new HashMap<>();
  private final List<Column> columns;
  private final List<Constraint> constraints;
  private final List<Index> indexes;
  private final List<Sequence> sequences;
  private final List<Routines.Routine> routines;

  /** Reads every part through {@code c}. */
  CatalogSnapshot(Connection c) throws SQLException {
    tables = SnapshotReader.tables(c);
    for (Table t : tables) {
      byH2Name.put(key(t.h2Schema(), t.h2Name()), t);
    }
    columns = SnapshotReader.columns(c, this);
    constraints = SnapshotReader.constraints(c, this);
    indexes = SnapshotReader.indexes(c, this);
    sequences = SnapshotReader.sequences(c);
    routines = Routines.list(c, null);
  }

  /** The stored procedures and scalar functions (temporary ones are the sessions'). */
  List<Routines.Routine> routines() {
    return routines;
  }

  /** The tables and views. */
  List<Table> tables() {
    return tables;
  }

  /** The table {@code h2Schema.h2Name}, or null when it is not a user table or view. */
  Table table(String h2Schema, String h2Name) {
    return byH2Name.get(key(h2Schema, h2Name));
  }

  static String key(String h2Schema, String h2Name) {
    return h2Schema + "\u0000" + h2Name;
  }

  /** The columns, by table and column_id. */
  List<Column> columns() {
    return columns;
  }

  /** The column of {@code table} named {@code name} (exactly), or null. */
  Column column(Table table, String name) {
    for (Column col : columns) {
      if (col.table() == table && col.name().equals(name)) {
        return col;
      }
    }
    return null;
  }

  /** The PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK constraints. */
  List<Constraint> constraints() {
    return constraints;
  }

  /** The constraint named {@code name} in H2 schema {@code h2Schema}, or null. */
  Constraint constraint(String h2Schema, String name) {
    for (Constraint k : constraints) {
      if (k.table().h2Schema().equals(h2Schema) && k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** The indexes, with a heap for each table without a primary key. */
  List<Index> indexes() {
    return indexes;
  }

  /** The index of {@code table} named {@code name}, or null. */
  Index index(Table table, String name) {
    for (Index i : indexes) {
      if (i.table() == table && name.equals(i.name())) {
        return i;
      }
    }
    return null;
  }

  /** The sequences. */
  List<Sequence> sequences() {
    return sequences;
  }

  /** Whether {@code h2Schema} is one of a TDS database's user schemas. */
  static boolean userSchema(String h2Schema) {
    String[] split = Names.split(h2Schema);
    return split != null && !SYSTEM_SCHEMAS.contains(Names.key(split[1]));
  }

  private static final Set<String> SYSTEM_SCHEMAS = Set.of("sys", "information_schema");

  /** Runs {@code sql} with string parameters and hands each row to {@code row}. */
  static void query(Connection c, String sql, RowHandler row, String... params)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        p.setString(i + 1, params[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    }
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowHandler {
    /** Reads the current row of {@code rs}. */
    void accept(ResultSet rs) throws SQLException;
  }
}
