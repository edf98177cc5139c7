package io.jctds.server.types;

import io.jctds.server.sql.SqlException;
import java.util.regex.Pattern;

/**
 * SQL Server's LIKE patterns ("LIKE (Transact-SQL)"): {@code %} any string, {@code _} any one
 * character, {@code [abc]} and {@code [a-f]} one of a set, {@code [^abc]} one not in it; inside
 * brackets {@code %} and {@code _} are literal; an ESCAPE character makes the next one literal.
 * There is no default escape character, so a backslash is an ordinary character.
 */
public final class SqlLike {
  private SqlLike() {}

  /** The pattern as an H2 LIKE pattern with escape {@code \}, or null when it has [sets]. */
  public static String toH2Like(String pattern, String escape) {
    char esc = escapeChar(escape);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (esc != 0 && c == esc && i + 1 < pattern.length()) {
        literal(sb, pattern.charAt(++i));
      } else if (c == '[') {
        return null;
      } else if (c == '%' || c == '_') {
        sb.append(c);
      } else {
        literal(sb, c);
      }
    }
    return sb.toString();
  }

  private static void literal(StringBuilder sb, char c) {
    if (c == '%' || c == '_' || c == '\\') {
      sb.append('\\');
    }
    sb.append(c);
  }

  private static char escapeChar(String escape) {
    if (escape == null) {
      return 0;
    }
    if (escape.length() != 1) {
      throw new SqlException(
          506,
          16,
          1,
          "The invalid escape character \"" + escape + "\" was specified in a LIKE predicate.",
          false);
    }
    return escape.charAt(0);
  }

  /** The pattern as a Java regular expression matching the whole string. */
  public static String toRegex(String pattern, String escape) {
    char esc = escapeChar(escape);
    StringBuilder sb = new StringBuilder("^");
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (esc != 0 && c == esc && i + 1 < pattern.length()) {
        sb.append(Pattern.quote(String.valueOf(pattern.charAt(i + 1))));
        i += 2;
      } else if (c == '%') {
        sb.append(".*");
        i++;
      } else if (c == '_') {
        sb.append('.');
        i++;
      } else if (c == '[') {
        i = set(pattern, i, sb);
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return sb.append('$').toString();
  }

  /** Appends the regex of a [set] starting at {@code i}; returns the index after it. */
  private static int set(String pattern, int i, StringBuilder sb) {
    int close = pattern.indexOf(']', i + 2);
    if (close < 0) {
      sb.append("\\[");
      return i + 1; // an unclosed [ is literal
    }
    String body = pattern.substring(i + 1, close);
    StringBuilder cls = new StringBuilder("[");
    int j = 0;
    if (body.startsWith("^")) {
      cls.append('^');
      j = 1;
    }
    for (; j < body.length(); j++) {
      char c = body.charAt(j);
      if (c == '-' && j > 0 && j < body.length() - 1) {
        cls.append('-');
      } else {
        cls.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
      }
    }
    sb.append(cls).append(']');
    return close + 1;
  }

  /** Whether {@code value} matches {@code pattern} (both non-null). */
  public static boolean matches(String value, String pattern, String escape, boolean ci) {
    int flags = Pattern.DOTALL | (ci ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return Pattern.compile(toRegex(pattern, escape), flags).matcher(value).matches();
  }
}
