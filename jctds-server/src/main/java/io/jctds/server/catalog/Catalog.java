package io.jctds.server.catalog;

import io.jctds.server.storage.DatabaseInfo;
import io.jctds.server.storage.H2Store;
import io.jctds.server.storage.Names;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session knows about tables and views: their columns with the SQL Server types they were
 * declared with (kept in H2's REMARKS: a column's declared type, a view's column types), read
 * through the session's own H2 connection so that its temporary tables are seen. Lookups are cached
 * until the store's schema version changes.
 */
public final class Catalog {
  /** The REMARKS prefix of a view: its column types, tab-separated, then its T-SQL text. */
  public static final String VIEW_TYPES = "jctds-view-types:";

  private final H2Store store;
  private final Connection connection;
  private final Map<String, Table> cache = new HashMap<>();
  private long version = -1;

  /**
   * @param store the store (for the schema version)
   * @param connection the session's H2 connection
   */
  public Catalog(H2Store store, Connection connection) {
    this.store = store;
    this.connection = connection;
  }

  /**
   * A column.
   *
   * @param name its name as declared
   * @param type its SQL Server type
   * @param nullable whether it allows NULL
   * @param identity whether it is the IDENTITY column
   * @param computed whether it is computed
   * @param hasDefault whether it has a DEFAULT
   */
  public record Column(
      String name,
      SqlType type,
      boolean nullable,
      boolean identity,
      boolean computed,
      boolean hasDefault) {}

  /**
   * A table or view.
   *
   * @param database its TDS database
   * @param schema its schema
   * @param name its name as created
   * @param view whether it is a view
   * @param temporary whether it is a temporary table of this session
   * @param columns its visible columns in order
   * @param remarks its H2 REMARKS (a view's definition)
   */
  public record Table(
      String database,
      String schema,
      String name,
      boolean view,
      boolean temporary,
      List<Column> columns,
      String remarks) {

    /** The quoted H2 name. */
    public String h2Name() {
      return Names.qualified(database, schema, name);
    }

    /** The name SQL Server's messages use: {@code schema.name} (or {@code #t}). */
    public String display() {
      return temporary ? name : schema + "." + name;
    }

    /** The column named {@code n} (any case), or null. */
    public Column column(String n) {
      for (Column c : columns) {
        if (c.name().equalsIgnoreCase(n)) {
          return c;
        }
      }
      return null;
    }

    /** The IDENTITY column, or null. */
    public Column identity() {
      for (Column c : columns) {
        if (c.identity()) {
          return c;
        }
      }
      return null;
    }
  }

  /** The table or view {@code database.schema.name}, or null when it does not exist. */
  public Table table(String database, String schema, String name) throws SQLException {
    long v = store.schemaVersion();
    if (v != version) {
      cache.clear();
      version = v;
    }
    String key = Names.key(Names.schema(database, schema) + "\u0000" + name);
    Table t = cache.get(key);
    if (t == null) {
      t = load(database, schema, name);
      if (t == null && createSystemView(database, schema, name)) {
        t = load(database, schema, name);
      }
      if (t != null) {
        cache.put(key, t);
      }
    }
    return t;
  }

  /**
   * Creates system view {@code schema.name} of {@code database} when it is one and does not exist
   * yet (system views are made when first used, which keeps start-up and CREATE DATABASE cheap), on
   * the store's DDL session so that the session's transaction is not committed.
   *
   * @return whether it is a system view of an existing database
   */
  private boolean createSystemView(String database, String schema, String name)
      throws SQLException {
    SystemViews.View v = SystemViews.find(schema, name);
    DatabaseInfo db = v == null ? null : store.database(database);
    if (db == null) {
      return false;
    }
    store.withDdl(c -> SystemViews.ensure(c, db.name(), v));
    return true;
  }

  /**
   * The object id of the constraint or sequence {@code database.schema.name} (any case), or null:
   * OBJECT_ID finds these as SQL Server does (tables and views are found by {@link #table}).
   */
  public Integer objectId(String database, String schema, String name) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE LOWER(CONSTRAINT_SCHEMA) = ?"
                + " AND LOWER(CONSTRAINT_NAME) = ? UNION ALL SELECT 1 FROM"
                + " INFORMATION_SCHEMA.SEQUENCES WHERE LOWER(SEQUENCE_SCHEMA) = ?"
                + " AND LOWER(SEQUENCE_NAME) = ?")) {
      String h2Schema = Names.key(Names.schema(database, schema));
      p.setString(1, h2Schema);
      p.setString(2, Names.key(name));
      p.setString(3, h2Schema);
      p.setString(4, Names.key(name));
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? ObjectIds.of(database, schema, name) : null;
      }
    }
  }

  /**
   * OBJECT_NAME and OBJECT_SCHEMA_NAME: the name (as sys.objects shows it) or the schema of the
   * table, view, constraint, DEFAULT constraint or sequence with id {@code id} in {@code database},
   * or null.
   */
  public String objectName(String database, int id, boolean schemaOnly) throws SQLException {
    String pattern =
        Names.key(database).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%";
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT TABLE_SCHEMA, TABLE_NAME, NULL FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE LOWER(TABLE_SCHEMA) LIKE ?1 ESCAPE '\\' UNION ALL"
                + " SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, NULL FROM"
                + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE LOWER(CONSTRAINT_SCHEMA) LIKE ?1"
                + " ESCAPE '\\' UNION ALL SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, NULL FROM"
                + " INFORMATION_SCHEMA.SEQUENCES WHERE LOWER(SEQUENCE_SCHEMA) LIKE ?1"
                + " ESCAPE '\\' UNION ALL SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_SCHEMA) LIKE ?1 ESCAPE '\\'"
                + " AND COLUMN_DEFAULT IS NOT NULL AND IS_IDENTITY = 'NO'")) {
      p.setString(1, pattern);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String[] split = Names.split(rs.getString(1));
          String name = rs.getString(2);
          if (split == null || !split[0].equalsIgnoreCase(database)) {
            continue;
          }
          if (rs.getString(3) != null) {
            name = CatalogValues.defaultName(split[0], split[1], name, rs.getString(3));
          }
          if (ObjectIds.of(split[0], split[1], name) == id) {
            return schemaOnly ? split[1] : CatalogValues.displayName(name, id);
          }
        }
      }
    }
    return null;
  }

  /** Forgets cached tables (after this session changed the schema). */
  public void invalidate() {
    cache.clear();
  }

  private Table load(String database, String schema, String name) throws SQLException {
    String h2Schema = Names.schema(database, schema);
    String tableName;
    String type;
    String remarks;
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, REMARKS FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE LOWER(TABLE_SCHEMA) = ? AND LOWER(TABLE_NAME) = ?")) {
      p.setString(1, Names.key(h2Schema));
      p.setString(2, Names.key(name));
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        h2Schema = rs.getString(1);
        tableName = rs.getString(2);
        type = rs.getString(3);
        remarks = rs.getString(4);
      }
    }
    String[] split = Names.split(h2Schema);
    boolean view = "VIEW".equals(type);
    List<Column> columns = columns(h2Schema, tableName, view ? viewTypes(remarks) : null);
    return new Table(
        split[0],
        split[1],
        tableName,
        view,
        type != null && type.contains("TEMPORARY"),
        List.copyOf(columns),
        remarks);
  }

  /** The column types a view's REMARKS list, or null when they are not a view's. */
  static List<SqlType> viewTypes(String remarks) {
    if (remarks == null || !remarks.startsWith(VIEW_TYPES) || remarks.indexOf('\n') < 0) {
      return null;
    }
    String line = remarks.substring(VIEW_TYPES.length(), remarks.indexOf('\n'));
    List<SqlType> types = new ArrayList<>();
    for (String t : line.split("\t")) {
      types.add(t.isEmpty() ? null : SqlType.parse(t));
    }
    return types;
  }

  private List<Column> columns(String h2Schema, String table, List<SqlType> viewTypes)
      throws SQLException {
    List<Column> out = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT COLUMN_NAME, REMARKS, DATA_TYPE, IS_NULLABLE, IS_IDENTITY, IS_GENERATED,"
                + " COLUMN_DEFAULT, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
                + " DATETIME_PRECISION, IS_VISIBLE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
      p.setString(1, h2Schema);
      p.setString(2, table);
      try (ResultSet rs = p.executeQuery()) {
        int i = 0;
        while (rs.next()) {
          if (!rs.getBoolean(12)) {
            continue; // the server's own shadow columns
          }
          SqlType t = viewTypes != null && i < viewTypes.size() ? viewTypes.get(i) : null;
          out.add(column(rs, t));
          i++;
        }
      }
    }
    return out;
  }

  private static Column column(ResultSet rs, SqlType known) throws SQLException {
    long len = rs.getLong(8);
    Long length = rs.wasNull() ? null : len;
    SqlType type =
        resolve(
            rs.getString(2),
            known,
            rs.getString(3),
            length,
            integer(rs, 9),
            integer(rs, 10),
            integer(rs, 11));
    return new Column(
        rs.getString(1),
        type,
        "YES".equals(rs.getString(4)),
        "YES".equals(rs.getString(5)),
        !"NEVER".equals(rs.getString(6)),
        rs.getString(7) != null);
  }

  private static Integer integer(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }

  /**
   * A column's SQL Server type: {@code known} (a view column's), else its REMARKS, else the closest
   * type to its H2 type (INFORMATION_SCHEMA.COLUMNS' DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,
   * NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION).
   */
  static SqlType resolve(
      String remarks,
      SqlType known,
      String h2Type,
      Long length,
      Integer precision,
      Integer scale,
      Integer datetimePrecision) {
    if (known != null) {
      return known;
    }
    if (remarks != null && !remarks.isEmpty()) {
      return SqlType.parse(remarks);
    }
    if (h2Type == null) {
      return null;
    }
    int p =
        length == null
            ? precision == null ? 0 : precision
            : (int) Math.min(length, Integer.MAX_VALUE);
    int s = datetimePrecision != null ? datetimePrecision : scale == null ? 0 : scale;
    return H2Types.fromH2(h2Type, p, s);
  }
}
