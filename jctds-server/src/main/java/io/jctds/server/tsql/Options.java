package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A session's SET options. The defaults are what SQL Server gives an ODBC/JDBC/TDS client after
 * login (DBCC USEROPTIONS in "SET statements (Transact-SQL)"): ANSI_NULLS, ANSI_PADDING,
 * ANSI_WARNINGS, ANSI_NULL_DFLT_ON, CONCAT_NULL_YIELDS_NULL and QUOTED_IDENTIFIER on; TEXTSIZE
 * 2147483647; LANGUAGE us_english; DATEFORMAT mdy; DATEFIRST 7; LOCK_TIMEOUT -1; READ COMMITTED.
 * {@code @@OPTIONS} is computed from the bits of "Configure the user options server configuration
 * option".
 */
public final class Options {
  /** Options set with ON or OFF. */
  public static final Set<String> ON_OFF =
      Set.of(
          "ANSI_DEFAULTS",
          "ANSI_NULL_DFLT_OFF",
          "ANSI_NULL_DFLT_ON",
          "ANSI_NULLS",
          "ANSI_PADDING",
          "ANSI_WARNINGS",
          "ARITHABORT",
          "ARITHIGNORE",
          "CONCAT_NULL_YIELDS_NULL",
          "CURSOR_CLOSE_ON_COMMIT",
          "FMTONLY",
          "FORCEPLAN",
          "IMPLICIT_TRANSACTIONS",
          "NOCOUNT",
          "NOEXEC",
          "NUMERIC_ROUNDABORT",
          "PARSEONLY",
          "QUOTED_IDENTIFIER",
          "REMOTE_PROC_TRANSACTIONS",
          "SHOWPLAN_ALL",
          "SHOWPLAN_TEXT",
          "SHOWPLAN_XML",
          "XACT_ABORT",
          "NO_BROWSETABLE",
          "DISABLE_DEF_CNST_CHK",
          "STATISTICS");

  /** Options with a numeric value. */
  public static final Set<String> NUMERIC =
      Set.of("TEXTSIZE", "LOCK_TIMEOUT", "DATEFIRST", "ROWCOUNT", "QUERY_GOVERNOR_COST_LIMIT");

  /** The options ANSI_DEFAULTS ON turns on ("SET ANSI_DEFAULTS (Transact-SQL)"). */
  public static final List<String> ANSI_DEFAULTS =
      List.of(
          "ANSI_NULLS",
          "ANSI_NULL_DFLT_ON",
          "ANSI_PADDING",
          "ANSI_WARNINGS",
          "CURSOR_CLOSE_ON_COMMIT",
          "IMPLICIT_TRANSACTIONS",
          "QUOTED_IDENTIFIER");

  /** The @@OPTIONS bit of each option. */
  private static final Map<String, Integer> BITS =
      Map.ofEntries(
          Map.entry("DISABLE_DEF_CNST_CHK", 1),
          Map.entry("IMPLICIT_TRANSACTIONS", 2),
          Map.entry("CURSOR_CLOSE_ON_COMMIT", 4),
          Map.entry("ANSI_WARNINGS", 8),
          Map.entry("ANSI_PADDING", 16),
          Map.entry("ANSI_NULLS", 32),
          Map.entry("ARITHABORT", 64),
          Map.entry("ARITHIGNORE", 128),
          Map.entry("QUOTED_IDENTIFIER", 256),
          Map.entry("NOCOUNT", 512),
          Map.entry("ANSI_NULL_DFLT_ON", 1024),
          Map.entry("ANSI_NULL_DFLT_OFF", 2048),
          Map.entry("CONCAT_NULL_YIELDS_NULL", 4096),
          Map.entry("NUMERIC_ROUNDABORT", 8192),
          Map.entry("XACT_ABORT", 16384));

  private static final List<String> DEFAULT_ON =
      List.of(
          "ANSI_NULLS",
          "ANSI_PADDING",
          "ANSI_WARNINGS",
          "ANSI_NULL_DFLT_ON",
          "CONCAT_NULL_YIELDS_NULL",
          "QUOTED_IDENTIFIER");

  private final Map<String, String> values = new HashMap<>();

  /** The defaults. */
  public Options() {
    reset();
  }

  /** Back to the login defaults (sp_reset_connection). */
  public void reset() {
    values.clear();
    DEFAULT_ON.forEach(o -> values.put(o, "ON"));
    values.put("TEXTSIZE", "2147483647");
    values.put("LOCK_TIMEOUT", "-1");
    values.put("DATEFIRST", "7");
    values.put("DATEFORMAT", "mdy");
    values.put("LANGUAGE", "us_english");
    values.put("TRANSACTION ISOLATION LEVEL", "READ COMMITTED");
  }

  /** A copy of every value, for {@link #restore} (a module's SET options end with it). */
  public Map<String, String> save() {
    return new HashMap<>(values);
  }

  /** Puts back what {@link #save} copied. */
  public void restore(Map<String, String> saved) {
    values.clear();
    values.putAll(saved);
  }

  /** Whether an ON/OFF option is on. */
  public boolean on(String name) {
    return "ON".equals(values.get(name));
  }

  /** An option's value as text, or null. */
  public String get(String name) {
    return values.get(name);
  }

  /** A numeric option. */
  public int number(String name) {
    try {
      return Integer.parseInt(values.getOrDefault(name, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Applies {@code SET names value}.
   *
   * @throws SqlException 195 for an unknown option, 2741 for a bad DATEFORMAT, 1052 for a bad
   *     DATEFIRST
   */
  public void set(List<String> names, String value) {
    String first = names.get(0).toUpperCase(Locale.ROOT);
    if (names.size() == 1 && !ON_OFF.contains(first)) {
      setValued(first, value);
      return;
    }
    for (String n : names) {
      String name = n.toUpperCase(Locale.ROOT);
      if (!ON_OFF.contains(name)) {
        throw new SqlException(195, 15, 1, "'" + n + "' is not a recognized SET option.", true);
      }
      if (!value.equals("ON") && !value.equals("OFF")) {
        throw new SqlException(102, 15, 1, "Incorrect syntax near '" + value + "'.", true);
      }
      if (name.equals("ANSI_DEFAULTS")) {
        ANSI_DEFAULTS.forEach(o -> values.put(o, value));
      }
      values.put(name, value);
    }
  }

  private void setValued(String name, String value) {
    switch (name) {
      case "DATEFORMAT" -> {
        String f = value.toLowerCase(Locale.ROOT);
        if (!List.of("mdy", "dmy", "ymd", "ydm", "myd", "dym").contains(f)) {
          throw new SqlException(
              2741, 16, 1, "SET DATEFORMAT date order '" + value + "' is invalid.", false);
        }
        values.put(name, f);
      }
      case "DATEFIRST" -> {
        int d = parse(name, value);
        if (d < 1 || d > 7) {
          throw new SqlException(1052, 16, 1, "SET DATEFIRST " + d + " is out of range.", false);
        }
        values.put(name, String.valueOf(d));
      }
      case "TEXTSIZE" -> {
        int t = parse(name, value);
        values.put(name, String.valueOf(t == 0 ? 4096 : t < 0 ? Integer.MAX_VALUE : t));
      }
      case "LOCK_TIMEOUT", "ROWCOUNT", "QUERY_GOVERNOR_COST_LIMIT" ->
          values.put(name, String.valueOf(parse(name, value)));
      case "TRANSACTION ISOLATION LEVEL" -> values.put(name, isolation(value));
      case "LANGUAGE", "DEADLOCK_PRIORITY", "CONTEXT_INFO", "DATEFORMAT_NAME" ->
          values.put(name, value);
      default ->
          throw new SqlException(
              195, 15, 1, "'" + name + "' is not a recognized SET option.", true);
    }
  }

  private static String isolation(String level) {
    String l = level.toUpperCase(Locale.ROOT);
    return switch (l) {
      case "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE", "SNAPSHOT" -> l;
      default -> throw new SqlException(102, 15, 1, "Incorrect syntax near '" + level + "'.", true);
    };
  }

  private static int parse(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new SqlException(102, 15, 1, "Incorrect syntax near '" + value + "'.", true);
    }
  }

  /** {@code @@OPTIONS}. */
  public int bits() {
    int bits = 0;
    for (Map.Entry<String, Integer> e : BITS.entrySet()) {
      if (on(e.getKey())) {
        bits |= e.getValue();
      }
    }
    return bits;
  }
}
