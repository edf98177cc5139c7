package io.jctds.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The getter conversions of {@link RowsResultSet}, for the plain Java values an in-memory row holds
 * (String, Boolean, the Number classes, byte[], java.sql and java.time dates and times, UUID): the
 * conversions JDBC 4.3 table B-6 allows between them. A value of another kind, or one that does not
 * fit, is an SQLDataException (22018 / 22003) naming the column.
 */
final class RowValues {
  private RowValues() {}

  static String string(Object v) {
    if (v instanceof byte[] b) {
      return HexFormat.of().withUpperCase().formatHex(b);
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  static boolean bool(Object v, String column) throws SQLException {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      String t = s.strip().toLowerCase(Locale.ROOT);
      if (t.equals("1") || t.equals("true")) {
        return true;
      }
      if (t.equals("0") || t.equals("false")) {
        return false;
      }
    }
    throw cannot(v, "boolean", column);
  }

  /** {@code v} as a whole number in [min, max] (a fraction is truncated, as getInt on 2.7 is 2). */
  static long integral(Object v, String column, long min, long max, String target)
      throws SQLException {
    BigDecimal d = decimal(v, column, target);
    BigInteger whole = d.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0
        || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new SQLDataException(
          "the value " + string(v) + " of column " + column + " is out of range for " + target,
          "22003");
    }
    return whole.longValue();
  }

  static double dbl(Object v, String column) throws SQLException {
    if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue();
    }
    return decimal(v, column, "double").doubleValue();
  }

  static BigDecimal decimal(Object v, String column, String target) throws SQLException {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw cannot(v, target, column);
      }
      return new BigDecimal(v.toString());
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        throw cannot(v, target, column);
      }
    }
    throw cannot(v, target, column);
  }

  static byte[] bytes(Object v, String column) throws SQLException {
    if (v instanceof byte[] b) {
      return b.clone();
    }
    throw cannot(v, "byte[]", column);
  }

  static LocalDateTime dateTime(Object v, String column, String target) throws SQLException {
    try {
      if (v instanceof Timestamp t) {
        return t.toLocalDateTime();
      }
      if (v instanceof java.sql.Date d) {
        return d.toLocalDate().atStartOfDay();
      }
      if (v instanceof Time t) {
        return t.toLocalTime().atDate(LocalDate.of(1970, 1, 1));
      }
      if (v instanceof LocalDateTime t) {
        return t;
      }
      if (v instanceof LocalDate d) {
        return d.atStartOfDay();
      }
      if (v instanceof LocalTime t) {
        return t.atDate(LocalDate.of(1970, 1, 1));
      }
      if (v instanceof String s) {
        return parse(s.strip());
      }
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw cannot(v, target, column);
    }
    throw cannot(v, target, column);
  }

  private static LocalDateTime parse(String s) {
    if (s.indexOf(':') < 0) {
      return LocalDate.parse(s).atStartOfDay();
    }
    if (s.indexOf('-') < 0) {
      return LocalTime.parse(s).atDate(LocalDate.of(1970, 1, 1));
    }
    return Timestamp.valueOf(s.replace('T', ' ')).toLocalDateTime();
  }

  /** Milliseconds since the epoch of the local date-time {@code t} in {@code cal}'s zone. */
  static long epochMillis(LocalDateTime t, Calendar cal) {
    ZoneId zone = cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
    return t.atZone(zone).toInstant().toEpochMilli();
  }

  static java.sql.Date date(Object v, String column, Calendar cal) throws SQLException {
    LocalDate d = dateTime(v, column, "java.sql.Date").toLocalDate();
    return cal == null
        ? java.sql.Date.valueOf(d)
        : new java.sql.Date(epochMillis(d.atStartOfDay(), cal));
  }

  static Time time(Object v, String column, Calendar cal) throws SQLException {
    LocalTime t = dateTime(v, column, "java.sql.Time").toLocalTime();
    if (cal == null) {
      Time r = Time.valueOf(t);
      return new Time(r.getTime() + t.getNano() / 1_000_000);
    }
    return new Time(epochMillis(t.atDate(LocalDate.of(1970, 1, 1)), cal));
  }

  static Timestamp timestamp(Object v, String column, Calendar cal) throws SQLException {
    LocalDateTime t = dateTime(v, column, "java.sql.Timestamp");
    if (cal == null) {
      return Timestamp.valueOf(t);
    }
    Timestamp r = new Timestamp(epochMillis(t, cal));
    r.setNanos(t.getNano());
    return r;
  }

  /** getObject(i, type) for the common classes. */
  @SuppressWarnings("unchecked")
  static <T> T as(Object v, Class<T> type, String column) throws SQLException {
    if (type.isInstance(v) && !(v instanceof byte[])) {
      return (T) v;
    }
    Object r;
    if (type == String.class) {
      r = string(v);
    } else if (type == Integer.class || type == int.class) {
      r = (int) integral(v, column, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    } else if (type == Long.class || type == long.class) {
      r = integral(v, column, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    } else if (type == Short.class || type == short.class) {
      r = (short) integral(v, column, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    } else if (type == Byte.class || type == byte.class) {
      r = (byte) integral(v, column, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    } else if (type == Boolean.class || type == boolean.class) {
      r = bool(v, column);
    } else if (type == Double.class || type == double.class) {
      r = dbl(v, column);
    } else if (type == Float.class || type == float.class) {
      r = (float) dbl(v, column);
    } else if (type == BigDecimal.class) {
      r = decimal(v, column, "BigDecimal");
    } else if (type == BigInteger.class) {
      r = BigInteger.valueOf(integral(v, column, Long.MIN_VALUE, Long.MAX_VALUE, "BigInteger"));
    } else if (type == byte[].class) {
      r = bytes(v, column);
    } else {
      r = temporalOrUuid(v, type, column);
    }
    return (T) r;
  }

  private static Object temporalOrUuid(Object v, Class<?> type, String column) throws SQLException {
    if (type == java.sql.Date.class) {
      return date(v, column, null);
    }
    if (type == Time.class) {
      return time(v, column, null);
    }
    if (type == Timestamp.class) {
      return timestamp(v, column, null);
    }
    if (type == LocalDate.class) {
      return dateTime(v, column, "LocalDate").toLocalDate();
    }
    if (type == LocalTime.class) {
      return dateTime(v, column, "LocalTime").toLocalTime();
    }
    if (type == LocalDateTime.class) {
      return dateTime(v, column, "LocalDateTime");
    }
    if (type == UUID.class && v instanceof String s) {
      try {
        return UUID.fromString(s.strip());
      } catch (IllegalArgumentException e) {
        throw cannot(v, "UUID", column);
      }
    }
    if (type == Object.class) {
      return v;
    }
    throw cannot(v, type.getName(), column);
  }

  static SQLException cannot(Object v, String target, String column) {
    return new SQLDataException(
        "column "
            + column
            + " holds a "
            + v.getClass().getSimpleName()
            + " ("
            + string(v)
            + "), which does not convert to "
            + target
            + ": read it with getObject or getString",
        "22018");
  }
}
