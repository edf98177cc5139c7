package io.jctds.jdbc;

import io.jctds.internal.params.ParamText;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * JDBC escape syntax (JDBC 4.3 section 13.4 and appendix D) translated to T-SQL: {@code {fn ...}}
 * scalar functions ({@link EscapeFunctions}), {@code {d '...'}}, {@code {t '...'}} and {@code {ts
 * '...'}} literals (as {@code CAST('...' AS date / time / datetime2)}), {@code {oj ...}} outer
 * joins (the join text), {@code {escape 'c'}} (ESCAPE 'c' for LIKE), and {@code {call proc(...)}} /
 * {@code {? = call proc(...)}} (EXEC). Escapes nest; text inside literals, quoted identifiers and
 * comments is left alone. An unknown escape is an SQLSyntaxErrorException naming it and its offset.
 */
final class JdbcEscapes {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{1,2}:\\d{1,2}");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2} \\d{1,2}:\\d{1,2}:\\d{1,2}(\\.\\d{1,9})?");

  private JdbcEscapes() {}

  /**
   * A {@code {call ...}} or {@code {? = call ...}} escape, parsed for CallableStatement.
   *
   * @param procedure the procedure name as written (possibly quoted or multi-part)
   * @param parameterCount the {@code ?} markers in the escape, the return-status marker included:
   *     JDBC's parameter indexes run from 1 to this
   * @param returnsStatus whether the escape is {@code {? = call ...}} (parameter 1 is the return
   *     status)
   * @param argumentTexts the arguments between the parentheses, trimmed and with their own escapes
   *     translated, in order ({@code "?"} for a marker); empty without parentheses
   */
  record Call(
      String procedure, int parameterCount, boolean returnsStatus, List<String> argumentTexts) {
    Call {
      argumentTexts = List.copyOf(argumentTexts);
    }

    /** The EXEC statement: {@code EXEC [? = ]procedure arg, arg ...}. */
    String toExec() {
      StringBuilder b = new StringBuilder("EXEC ");
      if (returnsStatus) {
        b.append("? = ");
      }
      b.append(procedure);
      if (!argumentTexts.isEmpty()) {
        b.append(' ').append(String.join(", ", argumentTexts));
      }
      return b.toString();
    }
  }

  /** {@code sql} with each JDBC escape replaced by its T-SQL. */
  static String translate(String sql) throws SQLException {
    if (sql.indexOf('{') < 0) {
      return sql;
    }
    return translate(sql, 0, sql.length());
  }

  /**
   * The parsed call when {@code sql} is one call escape (surrounding whitespace and a trailing
   * {@code ;} allowed), else null.
   */
  static Call parseCall(String sql) throws SQLException {
    int open = 0;
    while (open < sql.length() && Character.isWhitespace(sql.charAt(open))) {
      open++;
    }
    if (open >= sql.length() || sql.charAt(open) != '{') {
      return null;
    }
    int close = closingBrace(sql, open);
    String rest = sql.substring(close + 1).strip();
    if (!rest.isEmpty() && !rest.equals(";")) {
      return null;
    }
    String body = translate(sql, open + 1, close).strip();
    String keyword = keyword(body);
    if (!keyword.equals("?") && !keyword.equalsIgnoreCase("call")) {
      return null;
    }
    return call(body, open);
  }

  /** The translation of {@code sql[from, to)}, which holds whole escapes only. */
  private static String translate(String sql, int from, int to) throws SQLException {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = sql.charAt(i);
      int j = ParamText.skipQuoted(sql, i, c);
      if (j > i) {
        out.append(sql, i, Math.min(j, to));
        i = j;
      } else if (c == '{') {
        int close = closingBrace(sql, i);
        String body = translate(sql, i + 1, close).strip();
        out.append(escape(body, i));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index of the {@code }} that closes the escape opened at {@code open}. */
  private static int closingBrace(String sql, int open) throws SQLException {
    int depth = 0;
    int i = open;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int j = ParamText.skipQuoted(sql, i, c);
      if (j > i) {
        i = j;
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
      i++;
    }
    throw new SQLSyntaxErrorException(
        "JDBC escape at offset "
            + open
            + " has no closing '}': close it, or turn escape processing off"
            + " (Statement.setEscapeProcessing(false)) to send the text as it is",
        "42000");
  }

  /** The escape's keyword: its leading letters, or "?" for {@code {? = call ...}}. */
  private static String keyword(String body) {
    if (body.startsWith("?")) {
      return "?";
    }
    int k = 0;
    while (k < body.length() && Character.isLetter(body.charAt(k))) {
      k++;
    }
    return body.substring(0, k);
  }

  /** The T-SQL for one escape whose (translated, stripped) body is {@code body}. */
  private static String escape(String body, int offset) throws SQLException {
    String keyword = keyword(body);
    String rest = body.substring(keyword.length()).strip();
    return switch (keyword.toLowerCase(Locale.ROOT)) {
      case "fn" -> EscapeFunctions.translate(rest, offset);
      case "d" -> literal(rest, DATE, "date", "{d 'yyyy-mm-dd'}", offset);
      case "t" -> literal(rest, TIME, "time", "{t 'hh:mm:ss'}", offset);
      case "ts" ->
          literal(rest, TIMESTAMP, "datetime2", "{ts 'yyyy-mm-dd hh:mm:ss[.f...]'}", offset);
      case "oj" -> rest;
      case "escape" -> "ESCAPE " + rest;
      case "call", "?" -> call(body, offset).toExec();
      default ->
          throw new SQLSyntaxErrorException(
              "unknown JDBC escape {"
                  + (keyword.isEmpty() ? body : keyword)
                  + " ...} at offset "
                  + offset
                  + ": jctds translates {fn ...}, {d ...}, {t ...}, {ts ...}, {oj ...}, {escape"
                  + " ...}, {call ...} and {? = call ...}; write T-SQL instead, or turn escape"
                  + " processing off (Statement.setEscapeProcessing(false))",
              "42000");
    };
  }

  /** A date / time / timestamp escape's literal as {@code CAST('...' AS type)}. */
  private static String literal(String rest, Pattern form, String type, String syntax, int offset)
      throws SQLException {
    if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
      String value = rest.substring(1, rest.length() - 1).strip();
      if (form.matcher(value).matches()) {
        return "CAST('" + value + "' AS " + type + ")";
      }
    }
    throw new SQLSyntaxErrorException(
        "JDBC escape at offset " + offset + " is not of the form " + syntax + ": " + rest, "42000");
  }

  /** Parses {@code call name[(args)]} or {@code ? = call name[(args)]}. */
  private static Call call(String body, int offset) throws SQLException {
    boolean returns = body.startsWith("?");
    String s = body;
    if (returns) {
      s = s.substring(1).strip();
      if (!s.startsWith("=")) {
        throw callError(body, offset);
      }
      s = s.substring(1).strip();
    }
    if (!keyword(s).equalsIgnoreCase("call") || s.length() == 4) {
      throw callError(body, offset);
    }
    s = s.substring(4).strip();
    int nameEnd = nameEnd(s);
    String name = s.substring(0, nameEnd);
    String tail = s.substring(nameEnd).strip();
    List<String> args = List.of();
    if (!tail.isEmpty()) {
      if (!tail.startsWith("(") || !tail.endsWith(")")) {
        throw callError(body, offset);
      }
      args = splitArguments(tail.substring(1, tail.length() - 1));
    }
    if (name.isEmpty()) {
      throw callError(body, offset);
    }
    int markers = returns ? 1 : 0;
    for (String a : args) {
      markers += countMarkers(a);
    }
    return new Call(name, markers, returns, args);
  }

  private static SQLException callError(String body, int offset) {
    return new SQLSyntaxErrorException(
        "JDBC call escape at offset "
            + offset
            + " is not of the form {call proc[(arg, ...)]} or {? = call proc[(arg, ...)]}: {"
            + body
            + "}",
        "42000");
  }

  /** The end of a procedure name: parts joined by dots, each plain, "quoted" or [bracketed]. */
  private static int nameEnd(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '[') {
        i = ParamText.skipQuoted(s, i, c);
      } else if (Character.isLetterOrDigit(c) || "_@#$.;".indexOf(c) >= 0) {
        i++; // ';' for a numbered procedure (proc;1)
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * {@code text} split at its top-level commas (not inside parentheses, literals, quoted
   * identifiers or comments), each part trimmed; an empty text has no arguments.
   */
  static List<String> splitArguments(String text) {
    List<String> parts = new ArrayList<>();
    if (text.isBlank()) {
      return parts;
    }
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int j = ParamText.skipQuoted(text, i, c);
      if (j > i) {
        i = j;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i).strip());
        start = i + 1;
      }
      i++;
    }
    parts.add(text.substring(start).strip());
    return parts;
  }

  /** The {@code ?} markers in {@code text} outside literals, quoted identifiers and comments. */
  static int countMarkers(String text) {
    int n = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int j = ParamText.skipQuoted(text, i, c);
      if (j > i) {
        i = j;
        continue;
      }
      if (c == '?') {
        n++;
      }
      i++;
    }
    return n;
  }
}
