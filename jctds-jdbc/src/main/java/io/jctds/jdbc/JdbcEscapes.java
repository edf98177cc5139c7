package io.jctds.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;

/** STUB (replaced by the escapes part): JDBC escape syntax translated to T-SQL. */
final class JdbcEscapes {
  private JdbcEscapes() {}

  /**
   * A {@code {call proc(args)}} or {@code {? = call proc(args)}} escape: the procedure name, the
   * number of {@code ?} markers (the return status's included), whether it returns the status, and
   * each argument's text.
   */
  record Call(
      String procedure, int parameterCount, boolean returnsStatus, List<String> argumentTexts) {}

  /** STUB: only {@code ?} arguments without nesting. */
  static Call parseCall(String sql) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "\\s*\\{\\s*(\\?\\s*=\\s*)?call\\s+([^\\s(}]+)\\s*(?:\\((.*)\\))?\\s*}\\s*",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL)
            .matcher(sql);
    if (!m.matches()) {
      return null;
    }
    List<String> args = new java.util.ArrayList<>();
    if (m.group(3) != null && !m.group(3).isBlank()) {
      for (String a : m.group(3).split(",")) {
        args.add(a.trim());
      }
    }
    int count = (m.group(1) != null ? 1 : 0);
    for (String a : args) {
      count += a.equals("?") ? 1 : 0;
    }
    return new Call(m.group(2), count, m.group(1) != null, args);
  }

  static String translate(String sql) throws SQLException {
    if (sql.indexOf('{') >= 0) {
      throw new SQLFeatureNotSupportedException("JDBC escapes are not translated yet");
    }
    return sql;
  }
}
