package io.jctds.jdbc;

import io.jctds.SqlBigInt;
import io.jctds.SqlChar;
import io.jctds.SqlDate;
import io.jctds.SqlDecimal;
import io.jctds.SqlInt;
import io.jctds.SqlNChar;
import io.jctds.SqlNVarChar;
import io.jctds.SqlSmallInt;
import io.jctds.SqlTinyInt;
import io.jctds.SqlValue;
import io.jctds.SqlVarBinary;
import io.jctds.SqlVarChar;
import io.jctds.SqlXml;
import io.jctds.internal.params.TypedNull;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.UUID;

/**
 * PreparedStatement parameter values as the jctds client takes them (plain Java values or the
 * {@code io.jctds.Sql*} wrappers): JDBC's setter table (JDBC 4.3 appendix B, tables B-2 and B-4)
 * and setObject's target types, with mssql-jdbc 13.6.2's choices where the spec leaves one
 * (java.sql.Timestamp keeps its nanoseconds as datetime2(7); Strings are nvarchar unless
 * sendStringParametersAsUnicode is false).
 */
final class JdbcParams {
  private JdbcParams() {}

  /**
   * The value for {@code setObject(i, x)} and the typed setters ({@code setInt} passes an Integer,
   * {@code setString} a String, ...): java.sql.Date / Time / Timestamp become java.time values, a
   * String becomes nvarchar, or varchar when {@code unicode} is false.
   */
  static Object value(Object x, boolean unicode) throws SQLException {
    if (x == null || x instanceof SqlValue<?>) {
      return x;
    } else if (x instanceof String s) {
      return text(s, unicode);
    } else if (x instanceof Character ch) {
      String s = String.valueOf(ch);
      return unicode ? new SqlNChar(s) : new SqlChar(s); // nchar(1) / char(1)
    } else if (x instanceof Byte b) {
      // JDBC's TINYINT (as mssql-jdbc declares it); SQL Server's tinyint has no negative values,
      // so a negative byte is smallint rather than mssql-jdbc's unsigned reading (-1 as 255)
      return b >= 0 ? new SqlTinyInt(b) : x;
    } else if (x instanceof BigInteger i) {
      // JDBC 4.3 table B-4: BIGINT; beyond bigint's range decimal(38,0) keeps the value
      return i.bitLength() < 64 ? (Object) i.longValue() : x;
    } else if (x instanceof Boolean
        || x instanceof Short
        || x instanceof Integer
        || x instanceof Long
        || x instanceof Float
        || x instanceof Double
        || x instanceof BigDecimal
        || x instanceof byte[]
        || x instanceof char[]
        || x instanceof UUID
        || x instanceof InputStream
        || x instanceof Reader) {
      return x;
    }
    Object t = temporal(x);
    if (t != null) {
      return t;
    }
    return lob(x);
  }

  private static Object text(String s, boolean unicode) {
    return unicode ? s : new SqlVarChar(s);
  }

  /** java.sql and java.util dates as java.time values; java.time values as they are. */
  private static Object temporal(Object x) {
    if (x instanceof Timestamp ts) {
      return ts.toLocalDateTime();
    } else if (x instanceof java.sql.Date d) {
      return d.toLocalDate();
    } else if (x instanceof Time t) {
      // Time.toLocalTime drops the milliseconds a Time holds
      return Instant.ofEpochMilli(t.getTime()).atZone(ZoneId.systemDefault()).toLocalTime();
    } else if (x instanceof java.util.Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
    } else if (x instanceof Calendar c) {
      return LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
    } else if (x instanceof OffsetTime t) {
      return t.atDate(LocalDate.of(1900, 1, 1));
    } else if (x instanceof LocalDate
        || x instanceof LocalTime
        || x instanceof LocalDateTime
        || x instanceof OffsetDateTime
        || x instanceof ZonedDateTime
        || x instanceof Instant) {
      return x;
    }
    return null;
  }

  private static Object lob(Object x) throws SQLException {
    if (x instanceof Blob b) {
      return b.getBytes(1, (int) b.length());
    } else if (x instanceof Clob c) {
      return c.getSubString(1, (int) c.length());
    } else if (x instanceof SQLXML s) {
      return new SqlXml(s.getString());
    }
    throw new SQLException(
        "a "
            + x.getClass().getName()
            + " cannot be a parameter; pass a String, a number, a byte[], a date/time (java.sql or"
            + " java.time), a UUID, a stream, a LOB, or use setObject(i, x, targetSqlType)",
        "HY004");
  }

  /**
   * The value for {@code setObject(i, x, targetSqlType, scaleOrLength)} and {@code setNull(i,
   * sqlType)} (x null): converted to the java.sql.Types target, a typed NULL for null. A negative
   * {@code scaleOrLength} leaves a BigDecimal's scale as it is; DECIMAL and NUMERIC round half-up
   * to a scale of 0 or more.
   */
  static Object value(Object x, int targetSqlType, int scaleOrLength, boolean unicode)
      throws SQLException {
    if (x == null) {
      return typedNull(targetSqlType, scaleOrLength, unicode);
    }
    try {
      return JdbcParamTargets.convert(value(x, unicode), targetSqlType, scaleOrLength, unicode);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new java.sql.SQLDataException(
          "setObject: the "
              + x.getClass().getSimpleName()
              + " value does not convert to java.sql.Types "
              + JdbcParamTargets.name(targetSqlType)
              + " ("
              + e.getMessage()
              + ")",
          "22018",
          e);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  /**
   * A NULL of the target type: the client's wrappers' {@code nullOf()}, or for bit, real, float,
   * time, datetime2 and datetimeoffset a {@link TypedNull} of the Java class the client sends as
   * that type; OTHER, JAVA_OBJECT and NULL are the untyped NULL (nvarchar), which SQL Server
   * converts to any column type.
   */
  static Object typedNull(int sqlType, int scale, boolean unicode) throws SQLException {
    return switch (sqlType) {
      case Types.TINYINT -> SqlTinyInt.nullOf();
      case Types.SMALLINT -> SqlSmallInt.nullOf();
      case Types.INTEGER -> SqlInt.nullOf();
      case Types.BIGINT -> SqlBigInt.nullOf();
      case Types.DECIMAL, Types.NUMERIC -> SqlDecimal.nullOf(38, Math.max(0, Math.min(38, scale)));
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB ->
          unicode ? SqlNVarChar.nullOf(4000) : SqlVarChar.nullOf(8000);
      case Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB -> SqlNVarChar.nullOf(4000);
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
          SqlVarBinary.nullOf(8000);
      case Types.DATE -> SqlDate.nullOf();
      case Types.BIT, Types.BOOLEAN -> new TypedNull(Boolean.class);
      // REAL as float too: what mssql-jdbc sends for setNull(REAL)
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> new TypedNull(Double.class);
      case Types.TIME -> new TypedNull(java.time.LocalTime.class);
      case Types.TIMESTAMP -> new TypedNull(LocalDateTime.class);
      case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME_WITH_TIMEZONE, -155 ->
          new TypedNull(OffsetDateTime.class);
      case Types.SQLXML -> SqlXml.nullOf();
      case Types.ARRAY, Types.STRUCT, Types.REF, Types.DATALINK, Types.ROWID, Types.DISTINCT ->
          throw new SQLFeatureNotSupportedException(
              "SQL Server has no " + JdbcParamTargets.name(sqlType) + " type", "0A000");
      default -> null;
    };
  }

  static BigDecimal scaled(BigDecimal d, int scale) {
    return scale < 0 ? d : d.setScale(Math.min(scale, 38), RoundingMode.HALF_UP);
  }
}
