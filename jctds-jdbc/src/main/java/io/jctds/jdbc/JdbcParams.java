package io.jctds.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * PreparedStatement parameter values as the jctds client takes them (plain Java values or the
 * {@code io.jctds.Sql*} wrappers): JDBC's setter table (JDBC 4.3 appendix B, table B-4) and
 * setObject's target types. (Stub: filled by the values part.)
 */
final class JdbcParams {
  private JdbcParams() {}

  /**
   * The value for {@code setObject(i, x)} and the typed setters ({@code setInt} passes an Integer,
   * {@code setString} a String, ...): java.sql.Date / Time / Timestamp become java.time values, a
   * String becomes nvarchar, or varchar when {@code unicode} is false.
   */
  static Object value(Object x, boolean unicode) throws SQLException {
    throw new SQLFeatureNotSupportedException("not yet");
  }

  /**
   * The value for {@code setObject(i, x, targetSqlType, scaleOrLength)} and {@code setNull(i,
   * sqlType)} (x null): converted to the java.sql.Types target, a typed NULL for null.
   */
  static Object value(Object x, int targetSqlType, int scaleOrLength, boolean unicode)
      throws SQLException {
    throw new SQLFeatureNotSupportedException("not yet");
  }
}
