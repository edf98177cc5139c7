package io.jctds.server.catalog;

import io.jctds.server.storage.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored procedures and scalar functions as the catalog keeps them: one row per routine in table
 * {@code "jctds".routines} of the H2 store, with its definition as written (the CREATE batch) and
 * its parameters in a form the catalog views read without parsing T-SQL. Rows are written through
 * the session's own H2 connection, so that CREATE, ALTER and DROP inside a transaction are undone
 * by its ROLLBACK and seen by other sessions only after its COMMIT, and so that a file store keeps
 * them across restarts.
 */
public final class Routines {
  /** sys.objects.type of a stored procedure. */
  public static final String PROCEDURE = "P";

  /** sys.objects.type of a scalar function. */
  public static final String FUNCTION = "FN";

  private static final String TABLE = Names.quote(Names.SYSTEM_SCHEMA) + ".routines";

  private Routines() {}

  /**
   * A declared parameter.
   *
   * @param name its name with the {@code @}
   * @param type its declared type (as {@code SqlType.declaration()} writes it)
   * @param output whether it is OUTPUT
   * @param defaultText its default as written, or null when it has none
   */
  public record Parameter(String name, String type, boolean output, String defaultText) {}

  /**
   * A stored routine.
   *
   * @param database its database
   * @param schema its schema
   * @param name its name as created
   * @param type {@link #PROCEDURE} or {@link #FUNCTION}
   * @param definition the CREATE (or ALTER) batch as written
   * @param parameters its parameters in order
   * @param returns a function's return type declaration, null for a procedure
   * @param schemaBound WITH SCHEMABINDING
   * @param nullOnNullInput WITH RETURNS NULL ON NULL INPUT
   * @param created when it was created
   * @param modified when it was last altered
   */
  public record Routine(
      String database,
      String schema,
      String name,
      String type,
      String definition,
      List<Parameter> parameters,
      String returns,
      boolean schemaBound,
      boolean nullOnNullInput,
      LocalDateTime created,
      LocalDateTime modified) {

    /** Its object id. */
    public int objectId() {
      return ObjectIds.of(database, schema, name);
    }

    /** Whether it is a function. */
    public boolean function() {
      return FUNCTION.equals(type);
    }
  }

  /** Creates the table unless it exists (on every start of the store). */
  public static void install(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (db VARCHAR_IGNORECASE(128) NOT NULL, schema_name VARCHAR_IGNORECASE(128) NOT"
              + " NULL, name VARCHAR_IGNORECASE(128) NOT NULL, type VARCHAR(2) NOT NULL,"
              + " definition CHARACTER LARGE OBJECT NOT NULL, parameters CHARACTER LARGE OBJECT"
              + " NOT NULL, returns VARCHAR(200), schema_bound BOOLEAN NOT NULL, null_on_null"
              + " BOOLEAN NOT NULL, created TIMESTAMP(3) NOT NULL, modified TIMESTAMP(3) NOT NULL,"
              + " PRIMARY KEY (db, schema_name, name))");
    }
  }

  /** The routine {@code database.schema.name} (any case), or null. */
  public static Routine find(Connection c, String database, String schema, String name)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(select() + " WHERE db = ? AND schema_name = ? AND name = ?")) {
      p.setString(1, database);
      p.setString(2, schema);
      p.setString(3, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? read(rs) : null;
      }
    }
  }

  /** Every routine of {@code database} (every database when null), by schema and name. */
  public static List<Routine> list(Connection c, String database) throws SQLException {
    List<Routine> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            select()
                + (database == null ? "" : " WHERE db = ?")
                + " ORDER BY db, schema_name, name")) {
      if (database != null) {
        p.setString(1, database);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  /** Adds {@code r} (CREATE). */
  public static void insert(Connection c, Routine r) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, r.database());
      p.setString(2, r.schema());
      p.setString(3, r.name());
      p.setString(4, r.type());
      p.setString(5, r.definition());
      p.setString(6, encode(r.parameters()));
      p.setString(7, r.returns());
      p.setBoolean(8, r.schemaBound());
      p.setBoolean(9, r.nullOnNullInput());
      p.setObject(10, r.created());
      p.setObject(11, r.modified());
      p.executeUpdate();
    }
  }

  /** Replaces the definition of the existing routine {@code r} names (ALTER). */
  public static void update(Connection c, Routine r) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE "
                + TABLE
                + " SET type = ?, definition = ?, parameters = ?, returns = ?, schema_bound = ?,"
                + " null_on_null = ?, modified = ? WHERE db = ? AND schema_name = ? AND name = ?")) {
      p.setString(1, r.type());
      p.setString(2, r.definition());
      p.setString(3, encode(r.parameters()));
      p.setString(4, r.returns());
      p.setBoolean(5, r.schemaBound());
      p.setBoolean(6, r.nullOnNullInput());
      p.setObject(7, r.modified());
      p.setString(8, r.database());
      p.setString(9, r.schema());
      p.setString(10, r.name());
      p.executeUpdate();
    }
  }

  /** Removes the routine {@code database.schema.name} (DROP). */
  public static void delete(Connection c, String database, String schema, String name)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "DELETE FROM " + TABLE + " WHERE db = ? AND schema_name = ? AND name = ?")) {
      p.setString(1, database);
      p.setString(2, schema);
      p.setString(3, name);
      p.executeUpdate();
    }
  }

  /** Removes every routine of {@code database} (DROP DATABASE). */
  public static void deleteDatabase(Connection c, String database) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM " + TABLE + " WHERE db = ?")) {
      p.setString(1, database);
      p.executeUpdate();
    }
  }

  private static String select() {
    return "SELECT db, schema_name, name, type, definition, parameters, returns, schema_bound,"
        + " null_on_null, created, modified FROM "
        + TABLE;
  }

  private static Routine read(ResultSet rs) throws SQLException {
    return new Routine(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        decode(rs.getString(6)),
        rs.getString(7),
        rs.getBoolean(8),
        rs.getBoolean(9),
        rs.getObject(10, LocalDateTime.class),
        rs.getObject(11, LocalDateTime.class));
  }

  /** One line per parameter: name, type, 1 for OUTPUT, default text (tab-separated, escaped). */
  static String encode(List<Parameter> parameters) {
    StringBuilder sb = new StringBuilder();
    for (Parameter p : parameters) {
      sb.append(escape(p.name()))
          .append('\t')
          .append(escape(p.type()))
          .append('\t')
          .append(p.output() ? '1' : '0')
          .append('\t')
          .append(p.defaultText() == null ? "\\N" : escape(p.defaultText()))
          .append('\n');
    }
    return sb.toString();
  }

  static List<Parameter> decode(String text) {
    List<Parameter> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String line : text.split("\n")) {
      String[] f = line.split("\t", -1);
      out.add(
          new Parameter(
              unescape(f[0]),
              unescape(f[1]),
              f[2].equals("1"),
              f[3].equals("\\N") ? null : unescape(f[3])));
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
