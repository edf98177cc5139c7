package io.jctds.jdbc;

import io.jctds.Column;
import io.jctds.jdbc.JdbcTypes.Target;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * getObject(int, Class): the classes mssql-jdbc 13.6.2 takes, each through the getter it uses
 * (String getString, Integer getInt, LocalDateTime / LocalDate / LocalTime its LocalDateTime
 * conversion, UUID the 16 bytes of getBytes, ...), plus BigInteger, Instant, ZonedDateTime,
 * InputStream, Reader, Object and the primitive classes, which mssql-jdbc refuses.
 */
final class JdbcObjects {
  private JdbcObjects() {}

  static <T> T get(Object v, Column c, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException(
          "getObject: the target class is null; pass e.g. String.class", "HY009");
    }
    Object r = number(v, c, wrapper(type));
    if (r == null) {
      r = temporal(v, c, type);
    }
    if (r == null) {
      r = other(v, c, type);
    }
    if (r == null) {
      throw new SQLDataException(
          "getObject cannot convert column "
              + JdbcValues.describe(c)
              + " to "
              + type.getName()
              + "; the classes are String, the number classes, BigDecimal, BigInteger, Boolean,"
              + " byte[], UUID, java.sql.Date/Time/Timestamp, the java.time classes, Blob, Clob,"
              + " NClob, SQLXML, InputStream, Reader and Object",
          "22018");
    }
    @SuppressWarnings("unchecked")
    T t = (T) r;
    return t;
  }

  private static Class<?> wrapper(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    } else if (type == long.class) {
      return Long.class;
    } else if (type == short.class) {
      return Short.class;
    } else if (type == byte.class) {
      return Byte.class;
    } else if (type == boolean.class) {
      return Boolean.class;
    } else if (type == double.class) {
      return Double.class;
    } else if (type == float.class) {
      return Float.class;
    }
    return type;
  }

  private static Object number(Object v, Column c, Class<?> type) throws SQLException {
    if (type == String.class) {
      return JdbcValues.getString(v, c);
    } else if (type == Integer.class) {
      return (int) JdbcValues.getLong(v, c, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (type == Long.class) {
      return JdbcValues.getLong(v, c, Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (type == Short.class) {
      return (short) JdbcValues.getLong(v, c, Short.MIN_VALUE, Short.MAX_VALUE);
    } else if (type == Byte.class) {
      return (byte) JdbcValues.getLong(v, c, Byte.MIN_VALUE, Byte.MAX_VALUE);
    } else if (type == Boolean.class) {
      return JdbcValues.getBoolean(v, c);
    } else if (type == Double.class) {
      return JdbcValues.getDouble(v, c);
    } else if (type == Float.class) {
      return JdbcValues.getFloat(v, c);
    } else if (type == BigDecimal.class) {
      return JdbcValues.getBigDecimal(v, c);
    } else if (type == BigInteger.class) {
      return JdbcValues.getBigDecimal(v, c).setScale(0, RoundingMode.DOWN).toBigInteger();
    } else if (type == byte[].class) {
      return JdbcValues.getBytes(v, c);
    } else if (type == UUID.class) {
      byte[] g = JdbcValues.getBytes(v, c);
      if (g.length != 16) {
        throw JdbcValues.notConvertible(v, c, "UUID", null);
      }
      return JdbcValues.guid(g);
    } else if (type == Object.class) {
      return JdbcValues.getObject(v, c);
    }
    return null;
  }

  private static Object temporal(Object v, Column c, Class<?> type) throws SQLException {
    if (type == java.sql.Date.class) {
      return JdbcValues.getDate(v, c, null);
    } else if (type == Time.class) {
      return JdbcValues.getTime(v, c, null);
    } else if (type == Timestamp.class) {
      return JdbcValues.getTimestamp(v, c, null);
    } else if (type == LocalDateTime.class) {
      return localDateTime(v, c, "LocalDateTime");
    } else if (type == LocalDate.class) {
      return localDateTime(v, c, "LocalDate").toLocalDate();
    } else if (type == LocalTime.class) {
      return localDateTime(v, c, "LocalTime").toLocalTime();
    } else if (type == OffsetDateTime.class) {
      return offsetDateTime(v, c, "OffsetDateTime");
    } else if (type == OffsetTime.class) {
      return offsetDateTime(v, c, "OffsetTime").toOffsetTime();
    } else if (type == ZonedDateTime.class) {
      return offsetDateTime(v, c, "ZonedDateTime").toZonedDateTime();
    } else if (type == Instant.class) {
      return v instanceof OffsetDateTime o
          ? o.toInstant()
          : JdbcValues.getTimestamp(v, c, null).toInstant();
    }
    return null;
  }

  /** mssql-jdbc's LocalDateTime conversion: text parsed, a datetimeoffset in the JVM's zone. */
  private static LocalDateTime localDateTime(Object v, Column c, String name) throws SQLException {
    JdbcValues.check(v, c, Target.TIMESTAMP, name);
    if (v instanceof String s) {
      try {
        return Timestamp.valueOf(s.trim()).toLocalDateTime();
      } catch (IllegalArgumentException e) {
        throw JdbcValues.notConvertible(v, c, name, e);
      }
    }
    return JdbcTemporal.localDateTime(v);
  }

  private static OffsetDateTime offsetDateTime(Object v, Column c, String name)
      throws SQLException {
    JdbcValues.check(v, c, Target.DATETIMEOFFSET, name);
    return (OffsetDateTime) v;
  }

  private static Object other(Object v, Column c, Class<?> type) throws SQLException {
    if (type == Blob.class) {
      return JdbcValues.getBlob(v, c);
    } else if (type == NClob.class) {
      return JdbcValues.getNClob(v, c);
    } else if (type == Clob.class) {
      return JdbcValues.getClob(v, c);
    } else if (type == SQLXML.class) {
      return JdbcValues.getSqlXml(v, c);
    } else if (type == InputStream.class) {
      return JdbcValues.getBinaryStream(v, c);
    } else if (type == Reader.class) {
      return JdbcValues.getCharacterStream(v, c);
    }
    return null;
  }
}
