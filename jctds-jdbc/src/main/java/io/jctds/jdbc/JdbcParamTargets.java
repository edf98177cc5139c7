package io.jctds.jdbc;

import io.jctds.SqlBigInt;
import io.jctds.SqlChar;
import io.jctds.SqlInt;
import io.jctds.SqlNChar;
import io.jctds.SqlNVarChar;
import io.jctds.SqlSmallInt;
import io.jctds.SqlTinyInt;
import io.jctds.SqlValue;
import io.jctds.SqlVarChar;
import io.jctds.SqlVariant;
import io.jctds.SqlXml;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.UUID;

/**
 * setObject(i, x, targetSqlType): a parameter value (already as {@link JdbcParams#value(Object,
 * boolean)} gives it) converted to the java.sql.Types target, as JDBC 4.3 table B-5 allows: text
 * parses to numbers and dates, numbers and dates format as text, numbers convert among themselves,
 * dates among themselves. A value the target does not take is an SQLException (22018).
 */
final class JdbcParamTargets {
  private JdbcParamTargets() {}

  /** mssql-jdbc's microsoft.sql.Types.DATETIMEOFFSET and SQL_VARIANT. */
  private static final int MS_DATETIMEOFFSET = -155;

  private static final int MS_SQL_VARIANT = -156;

  static String name(int sqlType) {
    try {
      return JDBCType.valueOf(sqlType).getName();
    } catch (IllegalArgumentException e) {
      return Integer.toString(sqlType);
    }
  }

  static Object convert(Object x, int target, int scale, boolean unicode) throws SQLException {
    Object plain = x;
    if (x instanceof SqlVarChar || x instanceof SqlChar || x instanceof SqlNChar) {
      plain = ((SqlValue<?>) x).value(); // a String or Character as the setter made it
    } else if (x instanceof SqlValue<?>) {
      return x;
    }
    return switch (target) {
      case Types.BIT, Types.BOOLEAN -> bool(plain, target);
      case Types.TINYINT -> new SqlTinyInt(integral(plain, target));
      case Types.SMALLINT -> new SqlSmallInt(integral(plain, target));
      case Types.INTEGER -> new SqlInt(integral(plain, target));
      case Types.BIGINT -> new SqlBigInt(integral(plain, target));
      case Types.REAL -> decimal(plain, target).floatValue();
      case Types.FLOAT, Types.DOUBLE -> decimal(plain, target).doubleValue();
      case Types.DECIMAL, Types.NUMERIC -> JdbcParams.scaled(decimal(plain, target), scale);
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB ->
          plain instanceof Reader || plain instanceof InputStream
              ? reader(plain)
              : chars(text(plain), unicode);
      case Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB ->
          plain instanceof Reader || plain instanceof InputStream
              ? reader(plain)
              : new SqlNVarChar(text(plain));
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> binary(plain, target);
      case Types.DATE -> dateTime(plain, target).toLocalDate();
      case Types.TIME -> dateTime(plain, target).toLocalTime();
      case Types.TIMESTAMP -> dateTime(plain, target);
      case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME_WITH_TIMEZONE, MS_DATETIMEOFFSET ->
          offsetDateTime(plain, target);
      case Types.SQLXML -> new SqlXml(text(plain));
      case MS_SQL_VARIANT -> new SqlVariant(plain);
      case Types.OTHER, Types.JAVA_OBJECT, Types.NULL -> x;
      default ->
          throw new SQLFeatureNotSupportedException(
              "setObject: java.sql.Types " + name(target) + " is not a type SQL Server has",
              "0A000");
    };
  }

  private static SQLException refused(Object x, int target) {
    return new java.sql.SQLDataException(
        "setObject: a "
            + x.getClass().getName()
            + " does not convert to java.sql.Types "
            + name(target)
            + " (JDBC 4.3 table B-5); pass a value of a matching class",
        "22018");
  }

  private static Boolean bool(Object x, int target) throws SQLException {
    if (x instanceof Boolean b) {
      return b;
    } else if (x instanceof Number) {
      return decimal(x, target).signum() != 0;
    } else if (x instanceof String s) {
      String t = s.trim();
      return t.length() == 1 ? t.charAt(0) == '1' : Boolean.parseBoolean(t);
    }
    throw refused(x, target);
  }

  private static long integral(Object x, int target) throws SQLException {
    BigDecimal d = decimal(x, target).setScale(0, RoundingMode.DOWN);
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw new java.sql.SQLDataException(
          "setObject: " + x + " is out of range for java.sql.Types " + name(target), "22003", e);
    }
  }

  private static BigDecimal decimal(Object x, int target) throws SQLException {
    if (x instanceof BigDecimal d) {
      return d;
    } else if (x instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (x instanceof Float || x instanceof Double) {
      double v = ((Number) x).doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw refused(x, target);
      }
      return new BigDecimal(x.toString());
    } else if (x instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    } else if (x instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (x instanceof String s) {
      return new BigDecimal(s.trim());
    }
    throw refused(x, target);
  }

  /** A character stream; an InputStream for a character target is ASCII (setAsciiStream). */
  private static Reader reader(Object x) {
    return x instanceof InputStream in
        ? new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.US_ASCII)
        : (Reader) x;
  }

  private static Object chars(String s, boolean unicode) {
    return unicode ? s : new SqlVarChar(s);
  }

  private static String text(Object x) throws SQLException {
    if (x instanceof String s) {
      return s;
    } else if (x instanceof byte[] b) {
      return HexFormat.of().withUpperCase().formatHex(b);
    } else if (x instanceof char[] c) {
      return new String(c);
    } else if (x instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (x instanceof Boolean b) {
      return b ? "1" : "0";
    } else if (x instanceof UUID u) {
      return u.toString().toUpperCase(java.util.Locale.ROOT);
    } else if (x instanceof LocalDateTime t) {
      // JDBC's timestamp escape form; not through java.sql.Timestamp, which shifts a wall-clock
      // time that falls in a DST gap of the JVM's zone
      String f =
          t.getNano() == 0 ? "" : JdbcTemporal.fraction(t.getNano(), 9).replaceAll("0+$", "");
      return JdbcTemporal.text(t.withNano(0), JdbcTypes.Kind.DATETIME2, 0) + f;
    } else if (x instanceof InputStream) {
      throw refused(x, Types.VARCHAR);
    }
    return x.toString();
  }

  private static Object binary(Object x, int target) throws SQLException {
    if (x instanceof byte[] || x instanceof InputStream) {
      return x;
    } else if (x instanceof UUID u) {
      return JdbcValues.guidBytes(u);
    }
    throw refused(x, target);
  }

  private static LocalDateTime dateTime(Object x, int target) throws SQLException {
    if (x instanceof LocalDateTime t) {
      return t;
    } else if (x instanceof LocalDate d) {
      return d.atStartOfDay();
    } else if (x instanceof LocalTime t) {
      return LocalDate.of(1970, 1, 1).atTime(t);
    } else if (x instanceof OffsetDateTime o) {
      return o.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    } else if (x instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    } else if (x instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneId.systemDefault());
    } else if (x instanceof String s) {
      return parse(s.trim(), target);
    }
    throw refused(x, target);
  }

  /** JDBC escape forms: yyyy-mm-dd, hh:mm:ss, yyyy-mm-dd hh:mm:ss[.f...] (ISO 'T' also). */
  private static LocalDateTime parse(String s, int target) {
    String t = s.replace('T', ' ');
    if (target == Types.DATE && t.indexOf(' ') < 0) {
      return java.sql.Date.valueOf(t).toLocalDate().atStartOfDay();
    }
    if (target == Types.TIME && t.indexOf('-') < 0) {
      return LocalDate.of(1970, 1, 1).atTime(LocalTime.parse(t));
    }
    if (t.indexOf(' ') < 0) {
      return java.sql.Date.valueOf(t).toLocalDate().atStartOfDay();
    }
    return java.sql.Timestamp.valueOf(t).toLocalDateTime();
  }

  private static OffsetDateTime offsetDateTime(Object x, int target) throws SQLException {
    if (x instanceof OffsetDateTime o) {
      return o;
    } else if (x instanceof ZonedDateTime z) {
      return z.toOffsetDateTime();
    } else if (x instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    } else if (x instanceof String s) {
      return OffsetDateTime.parse(s.trim().replace(' ', 'T').replaceFirst("T([+-])", "$1"));
    }
    return dateTime(x, target).atZone(ZoneId.systemDefault()).toOffsetDateTime();
  }
}
