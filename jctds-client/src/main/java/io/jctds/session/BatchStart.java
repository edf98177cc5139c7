package io.jctds.session;

import java.util.regex.Pattern;

/**
 * Whether a SQL batch starts with a statement T-SQL requires to be the first of its batch: {@code
 * CREATE [OR ALTER]} / {@code ALTER} of a procedure, function, trigger or view, and {@code CREATE}
 * of a schema, default or rule (T-SQL reference, "Batches": "CREATE DEFAULT, CREATE FUNCTION,
 * CREATE PROCEDURE, CREATE RULE, CREATE SCHEMA, CREATE TRIGGER, and CREATE VIEW statements cannot
 * be combined with other statements in a batch"). Such a batch cannot be prefixed with SET
 * statements.
 */
final class BatchStart {
  private static final Pattern FIRST =
      Pattern.compile(
          "(?is)(?:CREATE\\s+OR\\s+ALTER|CREATE|ALTER)\\s+"
              + "(?:PROC|PROCEDURE|FUNCTION|TRIGGER|VIEW|SCHEMA|DEFAULT|RULE)\\b.*");

  private BatchStart() {}

  /** Whether {@code sql}, after leading blanks and comments, starts with such a statement. */
  static boolean mustComeFirst(String sql) {
    int i = skipBlanksAndComments(sql);
    return i < sql.length() && FIRST.matcher(sql).region(i, sql.length()).matches();
  }

  private static int skipBlanksAndComments(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        i = afterBlockComment(sql, i);
      } else {
        return i;
      }
    }
    return n;
  }

  /** T-SQL block comments nest. */
  private static int afterBlockComment(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }
}
