package io.jctds.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** STUB (replaced by the escapes part): JDBC escape syntax translated to T-SQL. */
final class JdbcEscapes {
  private JdbcEscapes() {}

  static String translate(String sql) throws SQLException {
    if (sql.indexOf('{') >= 0) {
      throw new SQLFeatureNotSupportedException("JDBC escapes are not translated yet");
    }
    return sql;
  }
}
