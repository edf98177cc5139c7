package io.jctds.cli;

import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.JctdsException;
import io.jctds.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the shell: shell commands and their arguments, T-SQL keywords, and the current
 * database's table and column names. Names come from INFORMATION_SCHEMA.TABLES and COLUMNS, read
 * once per database and kept until {@link #forget} (after {@code :use}, USE, or a batch that
 * creates, drops or alters something).
 */
final class ShellCompleter implements Completer {
  /** The names of one database. */
  record Names(List<String> tables, List<String> columns) {}

  private final Supplier<Connection> connection;
  private final Map<String, Names> cache = new HashMap<>();
  private List<String> databases;

  ShellCompleter(Supplier<Connection> connection) {
    this.connection = connection;
  }

  /** Drops what is cached for {@code database} (all databases when null). */
  void forget(String database) {
    if (database == null) {
      cache.clear();
      databases = null;
    } else {
      cache.remove(database.toLowerCase(Locale.ROOT));
      databases = null;
    }
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    String first = words.isEmpty() ? "" : words.get(0);
    if (first.startsWith(":")) {
      commandArguments(first, line.wordIndex(), candidates);
      return;
    }
    for (String k : ShellKeywords.KEYWORDS) {
      candidates.add(new Candidate(k, k, "keyword", null, null, null, true));
    }
    Names names = names();
    for (String t : names.tables()) {
      candidates.add(new Candidate(t, t, "table", null, null, null, true));
    }
    for (String c : names.columns()) {
      candidates.add(new Candidate(c, c, "column", null, null, null, true));
    }
  }

  private void commandArguments(String command, int wordIndex, List<Candidate> candidates) {
    if (wordIndex == 0) {
      for (String c : ShellCommands.NAMES) {
        candidates.add(new Candidate(c, c, "command", null, null, null, true));
      }
      return;
    }
    if (wordIndex != 1) {
      return;
    }
    List<String> values =
        switch (command.toLowerCase(Locale.ROOT)) {
          case ":describe", ":tables" -> names().tables();
          case ":use" -> databases();
          case ":format" -> List.of("table", "vertical", "csv", "json");
          case ":timing" -> List.of("on", "off");
          default -> List.of();
        };
    for (String v : values) {
      candidates.add(new Candidate(v, v, null, null, null, null, true));
    }
  }

  /** The current database's names, read on first use. */
  Names names() {
    Connection c = connection.get();
    if (c == null || c.isClosed()) {
      return new Names(List.of(), List.of());
    }
    String database = c.database();
    String key = database == null ? "" : database.toLowerCase(Locale.ROOT);
    Names names = cache.get(key);
    if (names == null) {
      names = load(c);
      cache.put(key, names);
    }
    return names;
  }

  private static Names load(Connection c) {
    TreeSet<String> tables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Row r : query(c, "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES")) {
      tables.add(String.valueOf(r.get(1)));
      tables.add(r.get(0) + "." + r.get(1));
    }
    TreeSet<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Row r : query(c, "SELECT DISTINCT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS")) {
      columns.add(String.valueOf(r.get(0)));
    }
    return new Names(List.copyOf(tables), List.copyOf(columns));
  }

  private List<String> databases() {
    if (databases == null) {
      Connection c = connection.get();
      List<String> names = new ArrayList<>();
      if (c != null && !c.isClosed()) {
        for (Row r : query(c, "SELECT name FROM sys.databases ORDER BY name")) {
          names.add(String.valueOf(r.get(0)));
        }
      }
      databases = names;
    }
    return databases;
  }

  /** The rows of a catalog query, or none when it fails (completion never reports errors). */
  private static List<Row> query(Connection c, String sql) {
    try (Cursor cursor = c.cursor()) {
      cursor.execute(sql);
      return cursor.fetchAll();
    } catch (JctdsException e) {
      return List.of();
    }
  }
}
