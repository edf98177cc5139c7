package io.jctds.server.catalog;

import io.jctds.server.types.SqlType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user tables and views of one database with their columns, primary keys and foreign keys, as
 * the catalog procedures (sp_tables, sp_columns, sp_pkeys, sp_fkeys) list them: a read of the
 * session's {@link CatalogSnapshot} (so the session's own uncommitted DDL counts), without the
 * session's temporary tables, plus the database's system views as definitions (their schemas are
 * {@code sys} and {@code INFORMATION_SCHEMA}).
 */
public final class CatalogObjects {
  /**
   * A table or view.
   *
   * @param schema its schema
   * @param name its name
   * @param view whether it is a view
   * @param system whether it is a system view (sys or INFORMATION_SCHEMA)
   */
  public record Table(String schema, String name, boolean view, boolean system) {}

  /**
   * A column.
   *
   * @param table its table
   * @param name its name
   * @param ordinal its position, from 1
   * @param type its declared SQL Server type
   * @param nullable whether it allows NULL
   * @param identity whether it is the IDENTITY column
   * @param computed whether it is computed
   * @param defaultDefinition its DEFAULT as sys.columns shows it ({@code (expression)}), or null
   */
  public record Column(
      Table table,
      String name,
      int ordinal,
      SqlType type,
      boolean nullable,
      boolean identity,
      boolean computed,
      String defaultDefinition) {}

  /**
   * A PRIMARY KEY or UNIQUE constraint.
   *
   * @param table its table
   * @param name its name
   * @param primary whether it is the primary key
   * @param columns its columns in key order
   */
  public record Key(Table table, String name, boolean primary, List<String> columns) {}

  /**
   * A FOREIGN KEY constraint.
   *
   * @param table the referencing table
   * @param name its name
   * @param columns the referencing columns in key order
   * @param referenced the referenced key
   * @param referencedColumns the referenced column of each referencing column, in the same order
   * @param updateRule its ON UPDATE action (CASCADE, SET NULL, SET DEFAULT or NO ACTION)
   * @param deleteRule its ON DELETE action
   */
  public record ForeignKey(
      Table table,
      String name,
      List<String> columns,
      Key referenced,
      List<String> referencedColumns,
      String updateRule,
      String deleteRule) {}

  private final List<Table> tables = new ArrayList<>();
  private final List<Column> columns = new ArrayList<>();
  private final List<Key> keys = new ArrayList<>();
  private final List<ForeignKey> foreignKeys = new ArrayList<>();

  private CatalogObjects() {}

  /** The objects of {@code database} as the session of {@code c} sees them. */
  public static CatalogObjects read(Connection c, String database) throws SQLException {
    CatalogObjects o = new CatalogObjects();
    CatalogSnapshot s = new CatalogSnapshot(c);
    Map<CatalogSnapshot.Table, Table> byTable = new HashMap<>();
    for (CatalogSnapshot.Table t : s.tables()) {
      if (!t.temporary() && CatalogRows.in(t.db(), database)) {
        Table table = new Table(t.schema(), t.h2Name(), t.view(), false);
        byTable.put(t, table);
        o.tables.add(table);
      }
    }
    for (CatalogSnapshot.Column col : s.columns()) {
      Table t = byTable.get(col.table());
      if (t != null) {
        o.columns.add(
            new Column(
                t,
                col.name(),
                col.columnId(),
                CatalogValues.parse(col.type()),
                col.nullable(),
                col.identity(),
                col.computed(),
                col.defaultText() == null || col.identity()
                    ? null
                    : "(" + col.defaultText() + ")"));
      }
    }
    o.keys(s, byTable);
    o.systemViews();
    return o;
  }

  private void keys(CatalogSnapshot s, Map<CatalogSnapshot.Table, Table> byTable) {
    Map<CatalogSnapshot.Constraint, Key> byConstraint = new HashMap<>();
    for (CatalogSnapshot.Constraint k : s.constraints()) {
      Table t = byTable.get(k.table());
      if (t != null && (k.kind().equals("PRIMARY KEY") || k.kind().equals("UNIQUE"))) {
        Key key = new Key(t, k.name(), k.kind().equals("PRIMARY KEY"), k.columns());
        byConstraint.put(k, key);
        keys.add(key);
      }
    }
    for (CatalogSnapshot.Constraint k : s.constraints()) {
      Table t = byTable.get(k.table());
      if (t == null || !k.kind().equals("FOREIGN KEY") || k.references() == null) {
        continue;
      }
      CatalogSnapshot.Constraint target = s.constraint(k.references()[0], k.references()[1]);
      Key referenced = target == null ? null : byConstraint.get(target);
      if (referenced == null) {
        continue; // a key of another database, or one the snapshot does not show
      }
      List<String> referencedColumns = new ArrayList<>();
      for (int i = 0; i < k.columns().size(); i++) {
        Integer at = i < k.uniquePositions().size() ? k.uniquePositions().get(i) : null;
        int p = at == null ? i + 1 : at;
        referencedColumns.add(referenced.columns().get(p - 1));
      }
      foreignKeys.add(
          new ForeignKey(
              t,
              k.name(),
              k.columns(),
              referenced,
              List.copyOf(referencedColumns),
              k.rules()[0],
              k.rules()[1]));
    }
  }

  /** The system views every database has, with the column types their definitions declare. */
  private void systemViews() {
    for (SystemViews.View v : SystemViews.all()) {
      Table t = new Table(v.schema(), v.name(), true, true);
      tables.add(t);
      int ordinal = 0;
      for (String[] col : v.columns()) {
        columns.add(
            new Column(
                t, col[0], ++ordinal, CatalogValues.parse(col[1]), true, false, false, null));
      }
    }
  }

  /** The tables and views, user objects first. */
  public List<Table> tables() {
    return tables;
  }

  /** The columns, by table and position. */
  public List<Column> columns() {
    return columns;
  }

  /** The PRIMARY KEY and UNIQUE constraints. */
  public List<Key> keys() {
    return keys;
  }

  /** The FOREIGN KEY constraints whose referenced key is in this database. */
  public List<ForeignKey> foreignKeys() {
    return foreignKeys;
  }
}
