package io.jctds.internal.params;

import io.jctds.ProgrammingError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites k-cTDS parameter markers into T-SQL parameter references: {@code :0}, {@code :1} ...
 * (numeric paramstyle) become {@code @P0}, {@code @P1} ...; {@code :name} (named) becomes {@code
 * @name}. A {@code :} inside a '...' or N'...' literal (quotes doubled), a "..." or [...] quoted
 * identifier, a -- or (nested) /* *&#47; comment, and {@code ::} is left alone. Parameters the text
 * does not use are allowed (k-cTDS passes every parameter to sp_executesql); a marker naming a
 * parameter that was not given is a {@link ProgrammingError} naming it.
 */
public final class ParamText {
  private ParamText() {}

  /**
   * The rewritten text and the parameters it uses.
   *
   * @param sql the T-SQL text with {@code @P0} / {@code @name} references
   * @param used the parameters used, in order of first use: indexes as "0", "1" ... or names
   */
  public record Rewritten(String sql, List<String> used) {}

  /** Rewrites {@code :N} markers; {@code N} must be below {@code count}. */
  public static Rewritten numeric(String sql, int count) {
    return rewrite(sql, true, count, List.of());
  }

  /** Rewrites {@code :name} markers; each name must be in {@code names} (case-sensitive). */
  public static Rewritten named(String sql, Collection<String> names) {
    return rewrite(sql, false, 0, names);
  }

  private static Rewritten rewrite(
      String sql, boolean numeric, int count, Collection<String> names) {
    StringBuilder out = null;
    Set<String> used = new LinkedHashSet<>();
    int copied = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int next = skipQuoted(sql, i, c);
      if (next > i) {
        i = next;
        continue;
      }
      if (c != ':') {
        i++;
        continue;
      }
      if (i + 1 < n && sql.charAt(i + 1) == ':') {
        i += 2; // the :: scope operator
        continue;
      }
      int end = markerEnd(sql, i + 1, numeric);
      if (end == i + 1 || !numeric && Character.isDigit(sql.charAt(i + 1))) {
        i++;
        continue;
      }
      String key = sql.substring(i + 1, end);
      check(key, numeric, count, names);
      used.add(key);
      if (out == null) {
        out = new StringBuilder(n + 16);
      }
      out.append(sql, copied, i).append(numeric ? "@P" : "@").append(key);
      copied = end;
      i = end;
    }
    if (out == null) {
      return new Rewritten(sql, List.of());
    }
    out.append(sql, copied, n);
    return new Rewritten(out.toString(), new ArrayList<>(used));
  }

  private static void check(String key, boolean numeric, int count, Collection<String> names) {
    if (numeric) {
      long index = key.length() > 9 ? Long.MAX_VALUE : Long.parseLong(key);
      if (index >= count) {
        throw new ProgrammingError(
            "the SQL text uses parameter :" + key + " but " + count + " parameters were given");
      }
    } else if (!names.contains(key)) {
      throw new ProgrammingError(
          "the SQL text uses parameter :" + key + " but no parameter of that name was given");
    }
  }

  private static int markerEnd(String sql, int from, boolean numeric) {
    int j = from;
    while (j < sql.length()) {
      char c = sql.charAt(j);
      boolean ok = numeric ? c >= '0' && c <= '9' : Character.isLetterOrDigit(c) || c == '_';
      if (!ok) {
        break;
      }
      j++;
    }
    return j;
  }

  /**
   * If {@code c} (at {@code i}) opens a literal, quoted identifier or comment, the index after it;
   * else {@code i}. Also used by jctds-jdbc to find {@code ?} markers with the same rules.
   */
  public static int skipQuoted(String sql, int i, char c) {
    return switch (c) {
      case '\'' -> closing(sql, i + 1, '\'');
      case '"' -> closing(sql, i + 1, '"');
      case '[' -> closing(sql, i + 1, ']');
      case '-' -> i + 1 < sql.length() && sql.charAt(i + 1) == '-' ? lineEnd(sql, i + 2) : i;
      case '/' -> i + 1 < sql.length() && sql.charAt(i + 1) == '*' ? blockEnd(sql, i + 2) : i;
      default -> i; // N'...' is handled by its quote: the N is an ordinary character
    };
  }

  /** The index after the closing {@code q}; a doubled {@code q} is an escaped one. */
  private static int closing(String sql, int from, char q) {
    int j = from;
    while (j < sql.length()) {
      if (sql.charAt(j) == q) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == q) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return sql.length(); // unterminated: the server reports it
  }

  private static int lineEnd(String sql, int from) {
    int j = from;
    while (j < sql.length() && sql.charAt(j) != '\n' && sql.charAt(j) != '\r') {
      j++;
    }
    return j;
  }

  /** After a (nested) block comment whose body starts at {@code from}. */
  private static int blockEnd(String sql, int from) {
    int depth = 1;
    int j = from;
    while (j < sql.length()) {
      if (sql.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (sql.startsWith("*/", j)) {
        depth--;
        j += 2;
        if (depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return sql.length();
  }
}
