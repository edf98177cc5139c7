package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed {@code INSERT BULK table (column type, ...) [WITH (hint, ...)]} statement: the batch a
 * bulk-copy client sends before its BulkLoadBCP message ([MS-TDS] 2.2.6.1; the T-SQL reference
 * lists the hints under BULK INSERT and the bcp utility's -h).
 *
 * @param table the table's name parts, unquoted
 * @param columns the declared columns, in the order the rows carry them (empty: all columns)
 * @param keepNulls KEEP_NULLS: a NULL stays NULL instead of taking the column's default
 * @param keepIdentity KEEP_IDENTITY: identity values come from the rows
 */
record BulkStatement(
    List<String> table, List<Declared> columns, boolean keepNulls, boolean keepIdentity) {

  /** A column as INSERT BULK declares it: its name and the type text ("nvarchar(50)"). */
  record Declared(String name, String type) {}

  private static final Pattern START = Pattern.compile("(?is)\\A\\s*INSERT\\s+BULK\\s");

  /** Whether a batch is an INSERT BULK statement. */
  static boolean matches(String batch) {
    return START.matcher(batch).find();
  }

  /** Parses an INSERT BULK batch; a malformed one is error 102 as SQL Server reports it. */
  static BulkStatement parse(String batch) {
    java.util.regex.Matcher m = START.matcher(batch);
    m.find();
    Scanner s = new Scanner(batch, m.end());
    List<String> table = new ArrayList<>();
    table.add(s.identifier());
    while (s.accept('.')) {
      table.add(s.identifier());
    }
    List<Declared> columns = new ArrayList<>();
    if (s.accept('(')) {
      do {
        String name = s.identifier();
        columns.add(new Declared(name, s.typeText()));
      } while (s.accept(','));
      s.expect(')');
    }
    boolean keepNulls = false;
    boolean keepIdentity = false;
    if (s.acceptWord("WITH")) {
      s.expect('(');
      do {
        String hint = s.hint().toUpperCase(Locale.ROOT);
        keepNulls |= hint.equals("KEEP_NULLS");
        keepIdentity |= hint.equals("KEEP_IDENTITY");
        if (!known(hint)) {
          throw SqlException.syntax(hint);
        }
      } while (s.accept(','));
      s.expect(')');
    }
    s.end();
    return new BulkStatement(List.copyOf(table), List.copyOf(columns), keepNulls, keepIdentity);
  }

  private static boolean known(String hint) {
    String h = hint.replaceAll("\\s+", "");
    return h.equals("TABLOCK")
        || h.equals("KEEP_NULLS")
        || h.equals("KEEP_IDENTITY")
        || h.equals("CHECK_CONSTRAINTS")
        || h.equals("FIRE_TRIGGERS")
        || h.startsWith("ORDER(")
        || h.matches("(ROWS_PER_BATCH|KILOBYTES_PER_BATCH)=\\d+");
  }

  /** A small scanner over the statement text after INSERT BULK. */
  private static final class Scanner {
    private final String text;
    private int at;

    Scanner(String text, int at) {
      this.text = text;
      this.at = at;
    }

    private void skip() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    boolean accept(char c) {
      skip();
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!accept(c)) {
        throw near();
      }
    }

    boolean acceptWord(String word) {
      skip();
      int end = at + word.length();
      if (end <= text.length()
          && text.regionMatches(true, at, word, 0, word.length())
          && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        at = end;
        return true;
      }
      return false;
    }

    void end() {
      skip();
      if (at < text.length() && text.charAt(at) == ';') {
        at++;
        skip();
      }
      if (at < text.length()) {
        throw near();
      }
    }

    private SqlException near() {
      if (at >= text.length()) {
        return SqlException.unexpectedEnd("BULK");
      }
      int end = at + 1;
      while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        end++;
      }
      return SqlException.syntax(text.substring(at, end));
    }

    /** A regular, [bracketed] or "quoted" identifier, unquoted. */
    String identifier() {
      skip();
      if (at >= text.length()) {
        throw near();
      }
      char c = text.charAt(at);
      if (c == '[' || c == '"') {
        char close = c == '[' ? ']' : '"';
        StringBuilder sb = new StringBuilder();
        int i = at + 1;
        while (i < text.length()) {
          char d = text.charAt(i);
          if (d == close) {
            if (i + 1 < text.length() && text.charAt(i + 1) == close) {
              sb.append(close);
              i += 2;
              continue;
            }
            at = i + 1;
            return sb.toString();
          }
          sb.append(d);
          i++;
        }
        throw SqlException.unexpectedEnd(text.substring(at));
      }
      int start = at;
      while (at < text.length() && isWordChar(text.charAt(at))) {
        at++;
      }
      if (start == at) {
        throw near();
      }
      return text.substring(start, at);
    }

    private static boolean isWordChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '#' || c == '@' || c == '$';
    }

    /** A column's type text up to the next top-level comma or closing parenthesis. */
    String typeText() {
      return balanced();
    }

    /** A hint's text ("ORDER(a ASC)", "ROWS_PER_BATCH = 10") up to a top-level , or ). */
    String hint() {
      return balanced();
    }

    private String balanced() {
      skip();
      int start = at;
      int depth = 0;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (c == ',' && depth == 0) {
          break;
        } else if (c == '[') {
          int close = text.indexOf(']', at);
          at = close < 0 ? text.length() - 1 : close;
        }
        at++;
      }
      String t = text.substring(start, at).trim();
      if (t.isEmpty()) {
        throw near();
      }
      return t;
    }
  }
}
