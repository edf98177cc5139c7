package io.jctds.server.catalog;

import io.jctds.server.catalog.CatalogSnapshot.Column;
import io.jctds.server.catalog.CatalogSnapshot.Constraint;
import io.jctds.server.catalog.CatalogSnapshot.Index;
import io.jctds.server.catalog.CatalogSnapshot.Sequence;
import io.jctds.server.catalog.CatalogSnapshot.Table;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.Variants;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.h2.jdbc.JdbcConnection;
import org.h2.tools.SimpleResultSet;

/**
 * The H2 table functions the catalog views of each database read ({@code "jctds"."cat_*"}, see
 * {@link SystemViews}): the rows of one database from the statement's {@link CatalogSnapshot}. Each
 * takes CURRENT_TIMESTAMP, by which it knows the statement, so that a query joining several catalog
 * views reads H2's metadata about once however often H2 evaluates the views.
 */
public final class CatalogRows {
  /** By H2 session (forgotten with it): the CURRENT_TIMESTAMP a snapshot is for, the snapshot. */
  private static final Map<Object, Object[]> SNAPSHOTS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private CatalogRows() {}

  /**
   * The snapshot of the statement running in the H2 session of {@code c}: read anew unless the
   * session's last one was read in this statement. H2's CURRENT_TIMESTAMP is the start of the
   * session's current command, and the queries that read a snapshot are commands of their own; so
   * after reading, the snapshot is kept under the CURRENT_TIMESTAMP of its last query, which is
   * what the statement's next call sees, while a later statement starts a new command.
   */
  static CatalogSnapshot snapshot(Connection c, OffsetDateTime stamp) throws SQLException {
    Object session = c instanceof JdbcConnection j ? j.getSession() : null;
    Object[] e = session == null ? null : SNAPSHOTS.get(session);
    if (e != null && e[0].equals(stamp)) {
      return (CatalogSnapshot) e[1];
    }
    CatalogSnapshot s = new CatalogSnapshot(c);
    if (session != null) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT CURRENT_TIMESTAMP")) {
        rs.next();
        SNAPSHOTS.put(session, new Object[] {rs.getObject(1, OffsetDateTime.class), s});
      }
    }
    return s;
  }

  /**
   * A result with columns {@code spec} ({@code name:kind}, comma-separated; kinds s VARCHAR, i
   * INTEGER, h SMALLINT, b BOOLEAN, t TIMESTAMP, x VARBINARY).
   */
  static SimpleResultSet result(String spec) {
    SimpleResultSet rs = new SimpleResultSet();
    for (String col : spec.split(",")) {
      String[] nk = col.trim().split(":");
      switch (nk[1]) {
        case "s" -> rs.addColumn(nk[0], Types.VARCHAR, Integer.MAX_VALUE, 0);
        case "i" -> rs.addColumn(nk[0], Types.INTEGER, 10, 0);
        case "h" -> rs.addColumn(nk[0], Types.SMALLINT, 5, 0);
        case "b" -> rs.addColumn(nk[0], Types.BOOLEAN, 1, 0);
        case "t" -> rs.addColumn(nk[0], Types.TIMESTAMP, 23, 3);
        default -> rs.addColumn(nk[0], Types.VARBINARY, 8100, 0);
      }
    }
    return rs;
  }

  /** Whether H2 only asks for the columns (while defining a view). */
  static boolean columnsOnly(Connection c) throws SQLException {
    return c.getMetaData().getURL().startsWith("jdbc:columnlist:");
  }

  static boolean in(String db, String database) {
    return db.equalsIgnoreCase(database);
  }

  static Short small(Integer v) {
    return v == null ? null : v.shortValue();
  }

  private static final String TABLES =
      "name:s, object_id:i, schema_id:i, schema_name:s, kind:s, max_column_id_used:i,"
          + " definition:s, h2_name:s";

  /** Tables and views: for sys.tables, sys.views, INFORMATION_SCHEMA.TABLES and VIEWS. */
  public static ResultSet tables(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(TABLES);
    if (columnsOnly(c)) {
      return rs;
    }
    CatalogSnapshot s = snapshot(c, stamp);
    for (Table t : s.tables()) {
      if (in(t.db(), db)) {
        int maxColumn = 0;
        for (Column col : s.columns()) {
          maxColumn = col.table() == t ? Math.max(maxColumn, col.columnId()) : maxColumn;
        }
        String remarks = t.remarks();
        String definition =
            t.view() && remarks != null && remarks.indexOf('\n') >= 0
                ? remarks.substring(remarks.indexOf('\n') + 1)
                : null;
        rs.addRow(
            t.name(),
            t.objectId(),
            t.schemaId(),
            t.schema(),
            t.view() ? "V" : "U",
            maxColumn,
            definition,
            t.h2Name());
      }
    }
    return rs;
  }

  private static final String OBJECTS =
      "name:s, object_id:i, schema_id:i, parent_object_id:i, type:s, type_desc:s, created:t,"
          + " modified:t";

  /**
   * sys.objects' rows: tables, views, constraints, defaults, sequences, procedures and functions
   * (created and modified are known for procedures and functions only).
   */
  public static ResultSet objects(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(OBJECTS);
    if (columnsOnly(c)) {
      return rs;
    }
    CatalogSnapshot s = snapshot(c, stamp);
    for (Table t : s.tables()) {
      if (in(t.db(), db)) {
        rs.addRow(
            t.name(),
            t.objectId(),
            t.schemaId(),
            0,
            t.view() ? "V" : "U",
            t.view() ? "VIEW" : "USER_TABLE",
            null,
            null);
      }
    }
    for (Constraint k : s.constraints()) {
      if (in(k.table().db(), db)) {
        rs.addRow(
            k.name(),
            k.objectId(),
            k.table().schemaId(),
            k.table().objectId(),
            k.type(),
            ConstraintRows.typeDesc(k.type()),
            null,
            null);
      }
    }
    for (Column col : s.columns()) {
      if (col.defaultName() != null && in(col.table().db(), db)) {
        rs.addRow(
            col.defaultName(),
            col.defaultObjectId(),
            col.table().schemaId(),
            col.table().objectId(),
            "D",
            "DEFAULT_CONSTRAINT",
            null,
            null);
      }
    }
    for (Sequence q : s.sequences()) {
      if (in(q.db(), db)) {
        rs.addRow(
            q.name(),
            q.objectId(),
            ObjectIds.schemaId(q.schema()),
            0,
            "SO",
            "SEQUENCE_OBJECT",
            null,
            null);
      }
    }
    RoutineRows.objects(s, db, rs);
    return rs;
  }

  private static final String COLUMNS =
      "object_id:i, table_name:s, schema_name:s, name:s, column_id:i, system_type_id:h,"
          + " max_length:h, precision:h, scale:h, collation_name:s, is_nullable:b,"
          + " is_ansi_padded:b, is_identity:b, is_computed:b, default_object_id:i,"
          + " default_definition:s, data_type:s, char_max:i, char_octets:i, num_precision:h,"
          + " num_radix:h, num_scale:i, dt_precision:h, charset:s, seed:x, increment:x, last:x";

  /** Columns: for sys.columns, sys.identity_columns and INFORMATION_SCHEMA.COLUMNS. */
  public static ResultSet columns(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(COLUMNS);
    if (columnsOnly(c)) {
      return rs;
    }
    for (Column col : snapshot(c, stamp).columns()) {
      if (in(col.table().db(), db)) {
        rs.addRow(columnRow(col));
      }
    }
    return rs;
  }

  private static Object[] columnRow(Column col) {
    String d = col.type();
    boolean seeded = col.identity() && col.identityStart() != null;
    boolean generated =
        seeded && col.identityBase() != null && !col.identityBase().equals(col.identityStart());
    return new Object[] {
      col.table().objectId(),
      col.table().name(),
      col.table().schema(),
      col.name(),
      col.columnId(),
      small(CatalogValues.typeNumber(d, "system_type_id")),
      small(CatalogValues.typeNumber(d, "max_length")),
      small(CatalogValues.typeNumber(d, "precision")),
      small(CatalogValues.typeNumber(d, "scale")),
      CatalogValues.typeText(d, "collation"),
      col.nullable(),
      CatalogValues.typeNumber(d, "is_ansi_padded") == 1,
      col.identity(),
      col.computed(),
      col.defaultObjectId(),
      col.defaultText() == null ? null : "(" + col.defaultText() + ")",
      CatalogValues.typeText(d, "name"),
      CatalogValues.typeNumber(d, "CHARACTER_MAXIMUM_LENGTH"),
      CatalogValues.typeNumber(d, "CHARACTER_OCTET_LENGTH"),
      small(CatalogValues.typeNumber(d, "NUMERIC_PRECISION")),
      small(CatalogValues.typeNumber(d, "NUMERIC_PRECISION_RADIX")),
      CatalogValues.typeNumber(d, "NUMERIC_SCALE"),
      small(CatalogValues.typeNumber(d, "DATETIME_PRECISION")),
      CatalogValues.typeText(d, "charset"),
      seeded ? variant(d, col.identityStart()) : null,
      seeded ? variant(d, col.identityIncrement()) : null,
      generated ? variant(d, minus(col.identityBase(), col.identityIncrement())) : null
    };
  }

  static Number minus(Number a, Number b) {
    return new BigDecimal(a.toString()).subtract(new BigDecimal(b.toString()));
  }

  /** A number as a sql_variant of the declared type {@code declaration}. */
  static byte[] variant(String declaration, Number n) {
    if (n == null) {
      return null;
    }
    SqlType t = CatalogValues.parse(declaration);
    BigDecimal v = new BigDecimal(n.toString());
    Object value = t.base().family() == SqlBase.Family.INTEGER ? (Object) v.longValue() : v;
    return Variants.encode(t, value);
  }

  private static final String INDEXES =
      "object_id:i, name:s, index_id:i, is_unique:b, is_primary_key:b, is_unique_constraint:b";

  /** sys.indexes' rows. */
  public static ResultSet indexes(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(INDEXES);
    if (columnsOnly(c)) {
      return rs;
    }
    for (Index i : snapshot(c, stamp).indexes()) {
      if (in(i.table().db(), db)) {
        rs.addRow(
            i.table().objectId(),
            i.name(),
            i.indexId(),
            i.unique(),
            i.primaryKey(),
            i.uniqueConstraint());
      }
    }
    return rs;
  }

  private static final String INDEX_COLUMNS =
      "object_id:i, index_id:i, ordinal:i, column_id:i, is_descending_key:b";

  /** sys.index_columns' rows: each index's key columns as column ids. */
  public static ResultSet indexColumns(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(INDEX_COLUMNS);
    if (columnsOnly(c)) {
      return rs;
    }
    CatalogSnapshot s = snapshot(c, stamp);
    for (Index i : s.indexes()) {
      if (!in(i.table().db(), db)) {
        continue;
      }
      for (int k = 0; k < i.columns().size(); k++) {
        Column col = s.column(i.table(), i.columns().get(k));
        if (col != null) {
          rs.addRow(
              i.table().objectId(), i.indexId(), k + 1, col.columnId(), i.descending().get(k));
        }
      }
    }
    return rs;
  }

  private static final String SEQUENCES =
      "object_id:i, start_value:x, increment:x, minimum_value:x, maximum_value:x, is_cycling:b,"
          + " cache_size:i, system_type_id:h, precision:h, scale:h, current_value:x,"
          + " last_used_value:x, schema_name:s, data_type:s";

  /**
   * sys.sequences' own columns, by object id, then the schema and type names
   * INFORMATION_SCHEMA.SEQUENCES shows.
   */
  public static ResultSet sequences(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(SEQUENCES);
    if (columnsOnly(c)) {
      return rs;
    }
    for (Sequence q : snapshot(c, stamp).sequences()) {
      if (!in(q.db(), db)) {
        continue;
      }
      String d = q.type();
      boolean used = q.base() != null && !q.base().equals(q.start());
      Number current = used ? minus(q.base(), q.increment()) : q.start();
      rs.addRow(
          q.objectId(),
          variant(d, q.start()),
          variant(d, q.increment()),
          variant(d, q.minimum()),
          variant(d, q.maximum()),
          q.cycle(),
          (int) q.cache(),
          small(CatalogValues.typeNumber(d, "system_type_id")),
          small(CatalogValues.typeNumber(d, "precision")),
          small(CatalogValues.typeNumber(d, "scale")),
          variant(d, current),
          used ? variant(d, current) : null,
          q.schema(),
          d);
    }
    return rs;
  }
}
