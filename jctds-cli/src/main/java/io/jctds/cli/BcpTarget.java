package io.jctds.cli;

import io.jctds.Column;
import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.DatabaseError;
import io.jctds.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a {@code bcp in} target and which of them take a field's value.
 *
 * <p>As freebcp 1.3.17: a character file has one field per table column, computed and timestamp
 * (rowversion) columns included (freebcp.c counts host columns with bcp_gethostcolcount, all the
 * table's columns), but the values of computed and timestamp columns are read and never sent
 * (FreeTDS src/tds/bulk.c tds_bcp_start_insert_stmt and tds7_bcp_send_colmetadata skip {@code
 * column_timestamp} and {@code column_computed}), nor are an identity column's without {@code -E}.
 * Which columns are computed, timestamp or identity is asked of {@code sys.columns} ({@code
 * is_computed}, {@code system_type_id} 189, {@code is_identity}), as mssql-jdbc 13.6.2's
 * SQLServerBulkCopy asks it for {@code is_computed}.
 *
 * @param columns every column of the table, in order (one field each)
 * @param sent for each column, whether its field's value is given to the bulk load
 * @param byName whether rows must be given by column name: when a computed or timestamp column is
 *     left out, positional rows would depend on whether the server flags computed columns in
 *     COLMETADATA (SQL Server does; the bulk load then leaves them out of a positional row)
 */
record BcpTarget(List<Column> columns, boolean[] sent, boolean byName) {

  /** {@code sys.columns.system_type_id} of timestamp (rowversion). */
  static final int TIMESTAMP_TYPE = 189;

  /** One row of {@code sys.columns}: what decides whether a column's field is sent. */
  record Kind(String name, boolean computed, boolean identity, int systemTypeId) {}

  /** Decides from the table's columns and their {@link Kind}s (matched by name, any case). */
  static BcpTarget of(List<Column> columns, List<Kind> kinds, boolean keepIdentity) {
    boolean[] sent = new boolean[columns.size()];
    boolean byName = false;
    for (int i = 0; i < sent.length; i++) {
      Kind k = find(kinds, columns.get(i).name());
      boolean omitted = k != null && (k.computed() || k.systemTypeId() == TIMESTAMP_TYPE);
      byName |= omitted;
      sent[i] = !omitted && (k == null || !k.identity() || keepIdentity);
    }
    return new BcpTarget(columns, sent, byName);
  }

  private static Kind find(List<Kind> kinds, String name) {
    for (Kind k : kinds) {
      if (k.name().equalsIgnoreCase(name)) {
        return k;
      }
    }
    return null;
  }

  /** The target's columns (FMTONLY) and their kinds from sys.columns. */
  static BcpTarget read(Connection connection, String table, boolean keepIdentity) {
    List<Column> columns = describe(connection, table);
    return of(columns, kinds(connection, table), keepIdentity);
  }

  private static List<Column> describe(Connection connection, String table) {
    try (Cursor cursor = connection.cursor()) {
      cursor.execute("SET FMTONLY ON; SELECT * FROM " + table + "; SET FMTONLY OFF");
      List<Column> columns = cursor.description();
      if (columns == null || columns.isEmpty()) {
        throw new CliException(ExitCodes.SERVER_ERROR, "no columns for " + table);
      }
      return columns;
    } catch (DatabaseError e) {
      connection.cursor().execute("SET FMTONLY OFF");
      throw new CliException(ExitCodes.SERVER_ERROR, e.getMessage(), e);
    }
  }

  /**
   * The sys.columns rows of {@code table} (in its own database when the name has three parts); none
   * when the server cannot answer (then every field is sent, as before).
   */
  static List<Kind> kinds(Connection connection, String table) {
    String db = databasePart(table);
    String sql =
        "SELECT name, is_computed, is_identity, system_type_id FROM "
            + (db == null ? "" : db + ".")
            + "sys.columns WHERE object_id = OBJECT_ID(N'"
            + table.replace("'", "''")
            + "') ORDER BY column_id";
    List<Kind> kinds = new ArrayList<>();
    try (Cursor cursor = connection.cursor()) {
      cursor.execute(sql);
      Row r;
      while ((r = cursor.fetchOne()) != null) {
        kinds.add(
            new Kind(
                (String) r.get(0),
                truth(r.get(1)),
                truth(r.get(2)),
                ((Number) r.get(3)).intValue()));
      }
    } catch (DatabaseError e) {
      return List.of();
    }
    return kinds;
  }

  private static boolean truth(Object v) {
    return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
  }

  /**
   * The database of a three-part name ({@code db.schema.table}, brackets or quotes kept), or null.
   */
  static String databasePart(String table) {
    List<Integer> dots = new ArrayList<>();
    char close = 0;
    for (int i = 0; i < table.length(); i++) {
      char c = table.charAt(i);
      if (close != 0) {
        close = c == close ? 0 : close;
      } else if (c == '[') {
        close = ']';
      } else if (c == '"') {
        close = '"';
      } else if (c == '.') {
        dots.add(i);
      }
    }
    if (dots.size() != 2 || table.trim().toLowerCase(Locale.ROOT).startsWith("#")) {
      return null;
    }
    String db = table.substring(0, dots.get(0)).trim();
    return db.isEmpty() ? null : db;
  }
}
