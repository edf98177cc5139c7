package io.jctds.jdbc;

import io.jctds.Column;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * JDBC's getter conversions (JDBC 4.3 appendix B, tables B-5 and B-6) applied to a column value as
 * {@link io.jctds.Row#get(int)} returns it. {@code v} is never null here: the result set handles
 * SQL NULL (primitive getters 0 / false, object getters null, wasNull). A conversion JDBC does not
 * allow, or a value that does not fit, is an SQLException (SQLState 22018 / 22003) naming the
 * column and the SQL Server type. (Stub: filled by the values part.)
 */
final class JdbcValues {
  private JdbcValues() {}

  private static SQLException todo() {
    return new SQLFeatureNotSupportedException("not yet");
  }

  static String getString(Object v, Column c) throws SQLException {
    throw todo();
  }

  static boolean getBoolean(Object v, Column c) throws SQLException {
    throw todo();
  }

  static long getLong(Object v, Column c, long min, long max) throws SQLException {
    throw todo();
  }

  static double getDouble(Object v, Column c) throws SQLException {
    throw todo();
  }

  static float getFloat(Object v, Column c) throws SQLException {
    throw todo();
  }

  static BigDecimal getBigDecimal(Object v, Column c) throws SQLException {
    throw todo();
  }

  static byte[] getBytes(Object v, Column c) throws SQLException {
    throw todo();
  }

  static java.sql.Date getDate(Object v, Column c, Calendar cal) throws SQLException {
    throw todo();
  }

  static Time getTime(Object v, Column c, Calendar cal) throws SQLException {
    throw todo();
  }

  static Timestamp getTimestamp(Object v, Column c, Calendar cal) throws SQLException {
    throw todo();
  }

  /** getObject(int): the Java class JDBC and mssql-jdbc give the SQL Server type. */
  static Object getObject(Object v, Column c) throws SQLException {
    throw todo();
  }

  static <T> T getObject(Object v, Column c, Class<T> type) throws SQLException {
    throw todo();
  }

  static InputStream getBinaryStream(Object v, Column c) throws SQLException {
    throw todo();
  }

  static Reader getCharacterStream(Object v, Column c) throws SQLException {
    throw todo();
  }

  static Blob getBlob(Object v, Column c) throws SQLException {
    throw todo();
  }

  static Clob getClob(Object v, Column c) throws SQLException {
    throw todo();
  }

  static NClob getNClob(Object v, Column c) throws SQLException {
    throw todo();
  }

  static SQLXML getSqlXml(Object v, Column c) throws SQLException {
    throw todo();
  }

  /** The java.sql.Types constant for the column's SQL Server type (as mssql-jdbc reports it). */
  static int jdbcType(Column c) {
    return java.sql.Types.OTHER;
  }

  /** The class name getObject returns for the column (ResultSetMetaData.getColumnClassName). */
  static String className(Column c) {
    return Object.class.getName();
  }

  /** The type name without length, precision or scale: nvarchar(50) is nvarchar. */
  static String baseTypeName(Column c) {
    String n = c.typeName();
    int p = n.indexOf('(');
    return p < 0 ? n : n.substring(0, p);
  }
}
