package io.jctds.cli;

import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.JctdsException;
import io.jctds.Row;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shell's own commands, as sqlcmd and psql users expect them: {@code :help}, {@code :describe},
 * {@code :tables}, {@code :use}, {@code :timing}, {@code :format}, {@code :out}, {@code
 * :encryption}, {@code :reconnect}, {@code :quit}.
 */
final class ShellCommands {
  /** The commands, for completion. */
  static final List<String> NAMES =
      List.of(
          ":help",
          ":describe",
          ":tables",
          ":use",
          ":timing",
          ":format",
          ":out",
          ":encryption",
          ":reconnect",
          ":quit");

  private static final String HELP =
      """
      Statements run at a line 'go' ('go N' runs one N times, as sqlcmd); 'quit' or Ctrl-D ends.
      Ctrl-C cancels the running batch, or drops the statement being typed. Tab completes.
        :help                  this text
        :describe TABLE        the columns of TABLE: type, nullability, keys, default
        :tables [PATTERN]      the tables and views (PATTERN: LIKE, or * and ?)
        :use DB                makes DB the current database
        :timing on|off         show how long each batch took (on)
        :format table|vertical|csv|json
                               how result sets are shown (table)
        :out FILE / :out       append result sets to FILE / show them again
        :encryption            how the connection is encrypted and what was checked
        :reconnect             a new connection with the same settings
        :quit                  ends the shell""";

  private final Shell shell;

  ShellCommands(Shell shell) {
    this.shell = shell;
  }

  /** Runs one command line; false when the shell should end. */
  boolean run(String line) {
    String[] parts = line.split("\\s+", 2);
    String name = parts[0].toLowerCase(Locale.ROOT);
    String arg = parts.length > 1 ? parts[1].strip() : "";
    PrintWriter screen = shell.screen();
    try {
      if (name.equals(":quit") || name.equals(":q")) {
        return false;
      }
      switch (name) {
        case ":help", ":h", ":?" -> screen.println(HELP);
        case ":describe", ":d" -> describe(arg);
        case ":tables" -> tables(arg);
        case ":use" -> use(arg);
        case ":timing" -> timing(arg);
        case ":format" -> format(arg);
        case ":out" -> out(arg);
        case ":encryption" -> encryption();
        case ":reconnect" -> reconnect();
        default -> screen.println("jctds: unknown command " + parts[0] + "; :help lists them.");
      }
    } catch (JctdsException | CliException | UncheckedIOException | IllegalArgumentException e) {
      screen.println("jctds: " + parts[0] + ": " + e.getMessage());
    }
    screen.flush();
    return true;
  }

  private Connection connection() {
    Connection c = shell.connection();
    if (c == null || c.isClosed()) {
      throw new IllegalArgumentException("not connected: :reconnect opens a new connection");
    }
    return c;
  }

  private void describe(String table) {
    if (table.isEmpty()) {
      throw new IllegalArgumentException("give a table: :describe TABLE or :describe SCHEMA.TABLE");
    }
    String[] name = splitName(table);
    List<Row> columns =
        query(
            "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                + " NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = :0 AND TABLE_SCHEMA = :1 ORDER BY ORDINAL_POSITION",
            name[1],
            name[0]);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(
          "no table or view " + table + " in database " + connection().database());
    }
    Map<String, String> keys = keys(name[0], name[1]);
    List<List<Object>> rows = new ArrayList<>();
    for (Row c : columns) {
      String column = String.valueOf(c.get(0));
      rows.add(
          java.util.Arrays.asList(
              column,
              typeName(c),
              "YES".equals(c.get(5)) ? "NULL" : "NOT NULL",
              keys.getOrDefault(column, ""),
              c.get(6) == null ? "" : String.valueOf(c.get(6))));
    }
    print(List.of("Column", "Type", "Nullable", "Key", "Default"), rows);
  }

  /** {@code [schema, table]}; the schema is the user's default (SCHEMA_NAME()) when not given. */
  private String[] splitName(String table) {
    String t = table.replace("[", "").replace("]", "");
    int dot = t.lastIndexOf('.');
    if (dot >= 0) {
      String schema = t.substring(0, dot);
      int inner = schema.lastIndexOf('.');
      return new String[] {schema.substring(inner + 1), t.substring(dot + 1)};
    }
    List<Row> schema = query("SELECT SCHEMA_NAME()");
    return new String[] {schema.isEmpty() ? "dbo" : String.valueOf(schema.get(0).get(0)), t};
  }

  /** Each key column's constraints: {@code PRIMARY KEY}, {@code UNIQUE}, {@code FOREIGN KEY}. */
  private Map<String, String> keys(String schema, String table) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (Row r :
        query(
            "SELECT k.COLUMN_NAME, t.CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
                + " AND k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
                + " WHERE t.TABLE_NAME = :0 AND t.TABLE_SCHEMA = :1"
                + " ORDER BY t.CONSTRAINT_TYPE DESC, k.ORDINAL_POSITION",
            table,
            schema)) {
      keys.merge(String.valueOf(r.get(0)), String.valueOf(r.get(1)), (a, b) -> a + ", " + b);
    }
    return keys;
  }

  private static String typeName(Row c) {
    String type = String.valueOf(c.get(1));
    Object length = c.get(2);
    if (length instanceof Number n) {
      return type + "(" + (n.intValue() == -1 ? "max" : n.toString()) + ")";
    }
    String t = type.toLowerCase(Locale.ROOT);
    if ((t.equals("decimal") || t.equals("numeric")) && c.get(3) != null) {
      return type + "(" + c.get(3) + "," + c.get(4) + ")";
    }
    return type;
  }

  private void tables(String pattern) {
    String like = pattern.isEmpty() ? "%" : pattern.replace('*', '%').replace('?', '_');
    List<List<Object>> rows = new ArrayList<>();
    for (Row r :
        query(
            "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_NAME LIKE :0 ORDER BY TABLE_SCHEMA, TABLE_NAME",
            like)) {
      rows.add(
          List.of(String.valueOf(r.get(0)), String.valueOf(r.get(1)), String.valueOf(r.get(2))));
    }
    print(List.of("Schema", "Name", "Type"), rows);
    shell.screen().println("(" + rows.size() + " tables)");
  }

  private void use(String database) {
    if (database.isEmpty()) {
      throw new IllegalArgumentException("give a database: :use DB");
    }
    String db = database.replace("[", "").replace("]", "");
    connection().use(db);
    shell.completer().forget(db);
    shell.screen().println("Database: " + connection().database());
  }

  private void timing(String arg) {
    switch (arg.toLowerCase(Locale.ROOT)) {
      case "on" -> shell.timing(true);
      case "off" -> shell.timing(false);
      case "" -> shell.timing(!shell.timing());
      default -> throw new IllegalArgumentException("give on or off, not '" + arg + "'");
    }
    shell.screen().println("Timing is " + (shell.timing() ? "on." : "off."));
  }

  private void format(String arg) {
    if (!arg.isEmpty()) {
      shell.format(ShellFormat.named(arg));
    }
    shell.screen().println("Format: " + shell.format().name().toLowerCase(Locale.ROOT));
  }

  private void out(String arg) {
    if (arg.isEmpty()) {
      shell.out(null);
      shell.screen().println("Results go to the screen.");
      return;
    }
    Path file = Path.of(arg).toAbsolutePath();
    shell.out(file);
    shell
        .screen()
        .println("Results are appended to " + file + " (:out alone: back to the screen).");
  }

  private void encryption() {
    shell.screen().print(connection().encryption().describe());
  }

  private void reconnect() {
    shell.reconnect();
    Connection c = shell.connection();
    shell
        .screen()
        .println("Connected again (database " + c.database() + ", TDS " + c.tdsVersion() + ").");
  }

  private List<Row> query(String sql, Object... params) {
    try (Cursor cursor = connection().cursor()) {
      cursor.execute(sql, params);
      return cursor.fetchAll();
    }
  }

  private void print(List<String> headers, List<List<Object>> rows) {
    List<String> types = headers.stream().map(h -> (String) null).toList();
    int width = shell.terminal().getWidth();
    StringBuilder text = new StringBuilder();
    for (String line :
        ShellFormat.TABLE.lines(
            new ShellFormat.Result(headers, types, rows), width, false, shell.unicode())) {
      text.append(line).append('\n');
    }
    shell.show(text.toString());
  }
}
