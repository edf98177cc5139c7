package io.jctds.server.catalog;

import static io.jctds.server.catalog.CatalogSnapshot.query;

import io.jctds.server.catalog.CatalogSnapshot.Column;
import io.jctds.server.catalog.CatalogSnapshot.Constraint;
import io.jctds.server.catalog.CatalogSnapshot.Index;
import io.jctds.server.catalog.CatalogSnapshot.Sequence;
import io.jctds.server.catalog.CatalogSnapshot.Table;
import io.jctds.server.storage.Names;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the parts of a {@link CatalogSnapshot} from H2's INFORMATION_SCHEMA. */
final class SnapshotReader {
  private SnapshotReader() {}

  /** Only the TDS databases' schemas ({@code <db>.<schema>}) hold user objects. */
  private static final String OURS = "LOCATE('.', %s) > 0";

  static List<Table> tables(Connection c) throws SQLException {
    List<Table> out = new ArrayList<>();
    query(
        c,
        "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, REMARKS FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE "
            + OURS.formatted("TABLE_SCHEMA"),
        rs -> {
          String h2Schema = rs.getString(1);
          String name = rs.getString(2);
          if (!CatalogSnapshot.userSchema(h2Schema) || name.startsWith("@")) {
            return; // system views, table variables
          }
          String[] split = Names.split(h2Schema);
          String type = rs.getString(3);
          out.add(
              new Table(
                  split[0],
                  split[1],
                  h2Schema,
                  name,
                  "VIEW".equals(type),
                  type != null && type.contains("TEMPORARY"),
                  rs.getString(4),
                  ObjectIds.of(split[0], split[1], name),
                  ObjectIds.schemaId(split[1])));
        });
    return out;
  }

  static List<Column> columns(Connection c, CatalogSnapshot s) throws SQLException {
    List<Column> out = new ArrayList<>();
    int[] position = {0};
    Table[] last = {null};
    query(
        c,
        "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, REMARKS, DATA_TYPE,"
            + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION,"
            + " IS_NULLABLE, IS_IDENTITY, IS_GENERATED, COLUMN_DEFAULT, IDENTITY_START,"
            + " IDENTITY_INCREMENT, IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_VISIBLE"
            + " AND "
            + OURS.formatted("TABLE_SCHEMA")
            + " AND TABLE_SCHEMA NOT LIKE '%.sys' AND TABLE_SCHEMA NOT LIKE '%.INFORMATION_SCHEMA'"
            + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION",
        rs -> {
          Table t = s.table(rs.getString(1), rs.getString(2));
          if (t == null) {
            return;
          }
          position[0] = t == last[0] ? position[0] + 1 : 1;
          last[0] = t;
          out.add(column(rs, t, position[0]));
        });
    return out;
  }

  private static Column column(ResultSet rs, Table t, int position) throws SQLException {
    String name = rs.getString(3);
    String type =
        CatalogValues.declaredType(
            rs.getString(4),
            t.view() ? t.remarks() : null,
            position,
            rs.getString(5),
            number(rs, 6) == null ? null : number(rs, 6).longValue(),
            integer(rs, 7),
            integer(rs, 8),
            integer(rs, 9));
    boolean identity = "YES".equals(rs.getString(11));
    String defaultText = rs.getString(13);
    String defaultName =
        defaultText == null || identity
            ? null
            : CatalogValues.defaultName(t.db(), t.schema(), t.h2Name(), name);
    return new Column(
        t,
        name,
        position,
        type,
        "YES".equals(rs.getString(10)),
        identity,
        !"NEVER".equals(rs.getString(12)),
        defaultText,
        defaultName,
        defaultName == null ? 0 : ObjectIds.of(t.db(), t.schema(), defaultName),
        number(rs, 14),
        number(rs, 15),
        number(rs, 16));
  }

  private static Number number(ResultSet rs, int i) throws SQLException {
    Object v = rs.getObject(i);
    return v instanceof Number n ? n : null;
  }

  private static Integer integer(ResultSet rs, int i) throws SQLException {
    Number n = number(rs, i);
    return n == null ? null : n.intValue();
  }

  /** A character key's hidden twin {@code $rt$c} stands for the column {@code c}. */
  static String keyColumn(String h2Column) {
    return h2Column.startsWith("$rt$") ? h2Column.substring(4) : h2Column;
  }

  static List<Constraint> constraints(Connection c, CatalogSnapshot s) throws SQLException {
    Map<String, List<Object[]>> keys = keyColumns(c);
    List<Constraint> out = new ArrayList<>();
    query(
        c,
        "SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.CONSTRAINT_TYPE, k.INDEX_NAME,"
            + " r.UNIQUE_CONSTRAINT_SCHEMA, r.UNIQUE_CONSTRAINT_NAME, r.UPDATE_RULE,"
            + " r.DELETE_RULE, h.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS k"
            + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r"
            + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
            + " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS h"
            + " ON h.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
            + " AND h.CONSTRAINT_NAME = k.CONSTRAINT_NAME WHERE "
            + OURS.formatted("k.TABLE_SCHEMA"),
        rs -> {
          Table t = s.table(rs.getString(1), rs.getString(2));
          if (t == null) {
            return;
          }
          String name = rs.getString(3);
          List<String> cols = new ArrayList<>();
          List<Integer> positions = new ArrayList<>();
          for (Object[] k : keys.getOrDefault(CatalogSnapshot.key(t.h2Schema(), name), List.of())) {
            cols.add((String) k[0]);
            positions.add((Integer) k[1]);
          }
          String[] refs =
              rs.getString(7) == null ? null : new String[] {rs.getString(6), rs.getString(7)};
          String[] rules =
              refs == null ? null : new String[] {rule(rs.getString(8)), rule(rs.getString(9))};
          out.add(
              new Constraint(
                  t,
                  name,
                  ObjectIds.of(t.db(), t.schema(), name),
                  rs.getString(4),
                  rs.getString(5),
                  List.copyOf(cols),
                  positions,
                  refs,
                  rules,
                  rs.getString(10)));
        });
    return out;
  }

  /** H2's RESTRICT is SQL Server's NO ACTION (both check at the end of the statement here). */
  private static String rule(String h2) {
    return "RESTRICT".equals(h2) ? "NO ACTION" : h2;
  }

  /** Key columns by constraint: column, position in the referenced key (or null). */
  private static Map<String, List<Object[]>> keyColumns(Connection c) throws SQLException {
    Map<String, List<Object[]>> out = new HashMap<>();
    query(
        c,
        "SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, COLUMN_NAME, POSITION_IN_UNIQUE_CONSTRAINT"
            + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE "
            + OURS.formatted("CONSTRAINT_SCHEMA")
            + " ORDER BY CONSTRAINT_SCHEMA, CONSTRAINT_NAME, ORDINAL_POSITION",
        rs ->
            out.computeIfAbsent(
                    CatalogSnapshot.key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                .add(new Object[] {keyColumn(rs.getString(3)), integer(rs, 4)}));
    return out;
  }

  /**
   * The indexes: per table a heap (index_id 0) when it has no primary key, else the primary key's
   * index as index 1, then its unique constraints and CREATE INDEX indexes numbered from 2 by name.
   */
  static List<Index> indexes(Connection c, CatalogSnapshot s) throws SQLException {
    Map<Table, List<Index>> byTable = new HashMap<>();
    for (Constraint k : s.constraints()) {
      if (k.kind().equals("PRIMARY KEY") || k.kind().equals("UNIQUE")) {
        boolean pk = k.kind().equals("PRIMARY KEY");
        List<Boolean> asc = k.columns().stream().map(x -> false).toList();
        byTable
            .computeIfAbsent(k.table(), x -> new ArrayList<>())
            .add(new Index(k.table(), k.name(), pk ? 1 : 0, true, pk, !pk, k.columns(), asc));
      }
    }
    createdIndexes(c, s, byTable);
    List<Index> out = new ArrayList<>();
    for (Table t : s.tables()) {
      if (t.view()) {
        continue;
      }
      List<Index> list = byTable.getOrDefault(t, List.of());
      if (list.stream().noneMatch(Index::primaryKey)) {
        out.add(new Index(t, null, 0, false, false, false, List.of(), List.of()));
      }
      int next = 2;
      List<Index> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparing(i -> Names.key(i.name())));
      for (Index i : sorted) {
        out.add(
            i.primaryKey()
                ? i
                : new Index(
                    t,
                    i.name(),
                    next++,
                    i.unique(),
                    false,
                    i.uniqueConstraint(),
                    i.columns(),
                    i.descending()));
      }
    }
    return out;
  }

  /** An index being read: its table, name, uniqueness and key columns so far. */
  private record Found(
      Table table, String name, boolean unique, List<String> columns, List<Boolean> descending) {}

  /** CREATE INDEX indexes (H2 marks the ones it made for constraints as generated). */
  private static void createdIndexes(Connection c, CatalogSnapshot s, Map<Table, List<Index>> out)
      throws SQLException {
    Map<String, Found> found = new HashMap<>();
    query(
        c,
        "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, x.COLUMN_NAME,"
            + " x.ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEXES i"
            + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS x ON x.INDEX_SCHEMA = i.INDEX_SCHEMA"
            + " AND x.TABLE_NAME = i.TABLE_NAME AND x.INDEX_NAME = i.INDEX_NAME"
            + " WHERE NOT i.IS_GENERATED AND "
            + OURS.formatted("i.TABLE_SCHEMA")
            + " ORDER BY i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, x.ORDINAL_POSITION",
        rs -> {
          Table t = s.table(rs.getString(1), rs.getString(2));
          if (t == null) {
            return;
          }
          String h2Index = rs.getString(3);
          String prefix = t.h2Name() + ".";
          String name = h2Index.startsWith(prefix) ? h2Index.substring(prefix.length()) : h2Index;
          boolean unique = "UNIQUE INDEX".equals(rs.getString(4));
          Found f =
              found.computeIfAbsent(
                  CatalogSnapshot.key(t.h2Schema(), h2Index),
                  k -> new Found(t, name, unique, new ArrayList<>(), new ArrayList<>()));
          f.columns().add(keyColumn(rs.getString(5)));
          f.descending().add("DESC".equals(rs.getString(6)));
        });
    for (Found f : found.values()) {
      out.computeIfAbsent(f.table(), x -> new ArrayList<>())
          .add(
              new Index(
                  f.table(), f.name(), 0, f.unique(), false, false, f.columns(), f.descending()));
    }
  }

  static List<Sequence> sequences(Connection c) throws SQLException {
    List<Sequence> out = new ArrayList<>();
    query(
        c,
        "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, DATA_TYPE, NUMERIC_PRECISION, NUMERIC_SCALE,"
            + " START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION, CACHE,"
            + " BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE "
            + OURS.formatted("SEQUENCE_SCHEMA"),
        rs -> {
          String[] split = Names.split(rs.getString(1));
          if (!CatalogSnapshot.userSchema(rs.getString(1))) {
            return;
          }
          String type =
              CatalogValues.declaredType(
                  null, null, null, rs.getString(3), null, integer(rs, 4), integer(rs, 5), null);
          out.add(
              new Sequence(
                  split[0],
                  split[1],
                  rs.getString(2),
                  ObjectIds.of(split[0], split[1], rs.getString(2)),
                  type,
                  number(rs, 6),
                  number(rs, 7),
                  number(rs, 8),
                  number(rs, 9),
                  "YES".equals(rs.getString(10)),
                  rs.getLong(11),
                  number(rs, 12)));
        });
    return out;
  }
}
