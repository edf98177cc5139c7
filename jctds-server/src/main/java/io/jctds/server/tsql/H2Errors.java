package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2's errors as SQL Server reports them: number, severity, state and message text from SQL
 * Server's sys.messages (as documented in "Database engine events and errors" on
 * learn.microsoft.com), filled in with the object names of the failing statement. An error the
 * server cannot map is error 50000 with H2's text, never silence.
 */
public final class H2Errors {
  // possessive runs: one step per run of text, not per character (a long value in a message
  // would otherwise overflow the stack)
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]++|\"\")*+)\"");
  private static final Pattern KEY_VALUE = Pattern.compile("VALUES \\( /\\* [^*]* \\*/ (.*) \\)");
  private static final Pattern CAST = Pattern.compile("CAST\\((.*) AS [^()]*(\\(\\d+\\))?\\)");

  private H2Errors() {}

  /**
   * What the failing statement was about, for messages.
   *
   * @param verb INSERT, UPDATE, DELETE, MERGE or null
   * @param database the database of the statement's table
   * @param table the table as SQL Server names it in messages ({@code dbo.t})
   */
  public record Where(String verb, String database, String table) {
    static final Where NONE = new Where(null, null, null);
  }

  /** Translates without statement context. */
  public static SqlException translate(SQLException e) {
    return translate(e, Where.NONE);
  }

  /** Translates {@code e}, raised by the statement described by {@code where}. */
  public static SqlException translate(SQLException e, Where where) {
    SqlException cause = userFunctionError(e);
    if (cause != null) {
      return cause;
    }
    String full = e.getMessage() == null ? "" : e.getMessage();
    String msg = full.length() > 1_000_000 ? full.substring(0, 1_000_000) : full; // huge values
    String first = msg.split("; SQL statement:")[0].split("\n")[0];
    String verb = where.verb() == null ? "INSERT" : where.verb();
    String table = where.table() == null ? "" : where.table();
    return switch (e.getErrorCode()) {
      case 42102, 42103, 42104 -> SqlException.invalidObject(unqualified(quoted(first, 0)));
      case 42122 -> SqlException.invalidColumn(unqualified(quoted(first, 0)));
      case 42101 ->
          new SqlException(
              2714,
              16,
              6,
              "There is already an object named '"
                  + unqualified(quoted(first, 0))
                  + "' in the database.",
              false);
      case 42111 ->
          new SqlException(
              1913,
              16,
              1,
              "The operation failed because an index or statistics with name '"
                  + unqualified(quoted(first, 0))
                  + "' already exists on table '"
                  + table
                  + "'.",
              false);
      case 90079 ->
          new SqlException(
              2760,
              16,
              1,
              "The specified schema name \""
                  + unqualified(quoted(first, 0))
                  + "\" either does not"
                  + " exist or you do not have permission to use it.",
              false);
      case 23505 -> duplicate(first, table);
      case 23502 ->
          new SqlException(
              515,
              16,
              2,
              "Cannot insert the value NULL into column '"
                  + unqualified(quoted(first, 0))
                  + "', table '"
                  + where.database()
                  + "."
                  + table
                  + "'; column does not allow nulls. "
                  + verb
                  + " fails.",
              false);
      case 23503, 23506, 23513 -> constraint(e.getErrorCode(), first, verb, where);
      case 22001 ->
          where.table() == null || isNumericColumn(first)
              ? new SqlException(
                  8115,
                  16,
                  2,
                  "Arithmetic overflow error converting expression"
                      + " to data type "
                      + overflowType(first)
                      + ".",
                  false)
              : truncated(first, where);
      case 22012 -> new SqlException(8134, 16, 1, "Divide by zero error encountered.", false);
      case 22003, 22004 -> // 22004: the value out of range names its column
          new SqlException(
              8115,
              16,
              2,
              "Arithmetic overflow error converting expression to data type "
                  + overflowType(first)
                  + ".",
              false);
      case 22018 ->
          new SqlException(
              245,
              16,
              1,
              "Conversion failed when converting the varchar value '"
                  + quoted(first, 0)
                  + "' to data type int.",
              true);
      case 22007 ->
          new SqlException(
              241,
              16,
              1,
              "Conversion failed when converting date and/or time from character string.",
              true);
      case 40001 ->
          new SqlException(
              1205,
              13,
              51,
              "Transaction (Process ID %SPID%) was deadlocked on lock resources with another process"
                  + " and has been chosen as the deadlock victim. Rerun the transaction.",
              true);
      case 50200 -> new SqlException(1222, 16, 51, "Lock request time out period exceeded.", false);
      case 90022 -> SqlException.unknownFunction(quoted(first, 0));
      case 90057 ->
          new SqlException(
              3728, 16, 1, "'" + unqualified(quoted(first, 0)) + "' is not a constraint.", false);
      case 42112 ->
          new SqlException(
              3701,
              11,
              7,
              "Cannot drop the index '"
                  + unqualified(quoted(first, 0))
                  + "', because it does not"
                  + " exist or you do not have permission.",
              false);
      case 57014 -> new SqlException(3617, 25, 1, "The query was cancelled.", true);
      default ->
          new SqlException(
              50000,
              16,
              1,
              "The jctds server could not run this statement: "
                  + first
                  + " (H2 error "
                  + e.getErrorCode()
                  + ")",
              false);
    };
  }

  /** The server's own error raised inside one of its H2 functions, unwrapped. */
  private static SqlException userFunctionError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SqlException s) {
        return s;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** The {@code n}-th "quoted" text of {@code s}, or "" (with "" unescaped). */
  static String quoted(String s, int n) {
    Matcher m = QUOTED.matcher(s);
    for (int i = 0; m.find(); i++) {
      if (i == n) {
        return m.group(1).replace("\"\"", "\"");
      }
    }
    return "";
  }

  /** {@code "db.dbo".t} or {@code db.dbo.t} to {@code t}; a column's {@code c TYPE} to c. */
  static String unqualified(String name) {
    String n = name.replace("\"", "");
    int sp = n.indexOf(' ');
    if (sp > 0) {
      n = n.substring(0, sp);
    }
    int dot = n.lastIndexOf('.');
    return dot >= 0 ? n.substring(dot + 1) : n;
  }

  private static SqlException duplicate(String first, String table) {
    String inner = quoted(first, 0);
    String constraint = unqualified(inner.split(" ")[0]);
    String value = keyValue(inner);
    if (inner.contains(" INDEX ") || inner.contains(" PRIMARY KEY ON ")) {
      boolean pk = inner.contains("PRIMARY_KEY") || inner.contains("PRIMARY KEY");
      String kind = pk ? "PRIMARY KEY" : "UNIQUE KEY";
      return new SqlException(
          2627,
          14,
          1,
          "Violation of "
              + kind
              + " constraint '"
              + constraint
              + "'. Cannot insert duplicate key"
              + " in object '"
              + table
              + "'. The duplicate key value is ("
              + value
              + ").",
          false);
    }
    String index = constraint;
    return new SqlException(
        2601,
        14,
        1,
        "Cannot insert duplicate key row in object '"
            + table
            + "' with unique index '"
            + index
            + "'. The duplicate key value is ("
            + value
            + ").",
        false);
  }

  private static String keyValue(String inner) {
    Matcher m = KEY_VALUE.matcher(inner);
    if (!m.find()) {
      int paren = inner.lastIndexOf("( /* key:");
      if (paren < 0) {
        return "";
      }
      String v = inner.substring(inner.indexOf("*/", paren) + 2).trim();
      return clean(v.substring(0, v.length() - 1).trim().split(", ")[0]);
    }
    StringBuilder sb = new StringBuilder();
    for (String part : m.group(1).split(", ")) {
      sb.append(sb.length() == 0 ? "" : ", ").append(clean(part));
    }
    return sb.toString();
  }

  private static String clean(String v) {
    String s = v.trim();
    Matcher c = CAST.matcher(s);
    if (c.matches()) {
      s = c.group(1);
    }
    if (s.startsWith("'") && s.endsWith("'") && s.length() >= 2) {
      s = s.substring(1, s.length() - 1).replace("''", "'");
    }
    return s;
  }

  private static SqlException constraint(int code, String first, String verb, Where where) {
    String inner = quoted(first, 0);
    String name = unqualified(inner.split(":")[0].trim());
    String db = where.database() == null ? "" : where.database();
    if (code == 23513) {
      return new SqlException(
          547,
          16,
          0,
          "The "
              + verb
              + " statement conflicted with the CHECK constraint \""
              + name
              + "\". The"
              + " conflict occurred in database \""
              + db
              + "\", table \""
              + where.table()
              + "\".",
          false);
    }
    boolean parentMissing = code == 23506;
    String kind = parentMissing ? "FOREIGN KEY" : "REFERENCE";
    String other = referenced(inner, parentMissing);
    Matcher col =
        Pattern.compile(parentMissing ? "REFERENCES [^(]*\\(([^),]+)" : "FOREIGN KEY\\(([^),]+)")
            .matcher(inner);
    String column = col.find() ? ", column '" + col.group(1).replace("\"", "") + "'" : "";
    return new SqlException(
        547,
        16,
        0,
        "The "
            + verb
            + " statement conflicted with the "
            + kind
            + " constraint \""
            + name
            + "\". The conflict occurred in database \""
            + db
            + "\", table \""
            + other
            + "\""
            + column
            + ".",
        false);
  }

  /** The parent (or child) table of an H2 referential message, as schema.table. */
  private static String referenced(String inner, boolean parent) {
    Matcher m =
        Pattern.compile(
                parent
                    ? "REFERENCES (\"?[^\"(]+\"?\\.)?\"?([^\"(]+)\"?\\("
                    : ": (\"?[^\"(]+\"?\\.)?\"?([^\"( ]+)\"? FOREIGN KEY")
            .matcher(inner);
    if (!m.find()) {
      return "";
    }
    String schema = m.group(1) == null ? "dbo." : m.group(1).replace("\"", "");
    int dot = schema.indexOf('.');
    String s = dot >= 0 && dot < schema.length() - 1 ? schema.substring(dot + 1) : schema;
    return (s.endsWith(".") ? s : s + ".") + m.group(2);
  }

  /**
   * Whether H2's "Value too long for column" names a decimal/numeric column: for those SQL Server
   * reports 8115 (arithmetic overflow), not 2628 (a string or binary truncation).
   */
  private static boolean isNumericColumn(String first) {
    String column = quoted(first, 0).toUpperCase(java.util.Locale.ROOT);
    return column.matches("(?s).*\\b(NUMERIC|DECIMAL)\\s*\\(.*");
  }

  private static SqlException truncated(String first, Where where) {
    String column = unqualified(quoted(first, 0));
    String value = quoted(first, 1);
    Matcher m = Pattern.compile("^'(.*)' \\(\\d+\\)$", Pattern.DOTALL).matcher(value);
    String v = m.matches() ? m.group(1).replace("''", "'") : value;
    Matcher len = Pattern.compile("\\((\\d+)\\)\"").matcher(first);
    if (len.find()) {
      int n = Integer.parseInt(len.group(1));
      v = v.length() > n ? v.substring(0, n) : v;
    }
    return new SqlException(
        2628,
        16,
        1,
        "String or binary data would be truncated in table '"
            + where.database()
            + "."
            + where.table()
            + "', column '"
            + column
            + "'. Truncated value: '"
            + v
            + "'.",
        false);
  }

  private static String overflowType(String first) {
    String u = first.toUpperCase(java.util.Locale.ROOT);
    if (u.contains("BIGINT")) {
      return "bigint";
    }
    if (u.contains("NUMERIC") || u.contains("DECIMAL")) {
      return "numeric";
    }
    return "int";
  }
}
