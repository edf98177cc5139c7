package io.jctds.jdbc;

import io.jctds.internal.params.ParamText;

/**
 * JDBC's {@code ?} parameter markers rewritten to the client's numeric markers ({@code :0}, {@code
 * :1}, ...), which the client turns into sp_executesql's {@code @P0}, {@code @P1}, ... A {@code ?}
 * inside a '...' or N'...' literal, a "..." or [...] quoted identifier or a comment is text, by the
 * same rules the client uses for its own markers ({@link ParamText#skipQuoted}).
 *
 * @param sql the rewritten text
 * @param count how many markers it had
 */
record JdbcSql(String sql, int count) {
  static JdbcSql of(String jdbc) {
    StringBuilder out = new StringBuilder(jdbc.length() + 16);
    int count = 0;
    int copied = 0;
    int i = 0;
    int n = jdbc.length();
    while (i < n) {
      char c = jdbc.charAt(i);
      int next = ParamText.skipQuoted(jdbc, i, c);
      if (next > i) {
        i = next;
        continue;
      }
      if (c == '?') {
        out.append(jdbc, copied, i).append(':').append(count++);
        copied = i + 1;
      }
      i++;
    }
    if (count == 0) {
      return new JdbcSql(jdbc, 0);
    }
    out.append(jdbc, copied, n);
    return new JdbcSql(out.toString(), count);
  }
}
