package io.jctds.jdbc;

import io.jctds.jdbc.JdbcTypes.Kind;
import java.math.BigDecimal;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The date and time getters: java.sql.Date / Time / Timestamp from the java.time value a row holds,
 * interpreted in the given Calendar's zone (the JVM's when none), and the text getString gives. The
 * rules are mssql-jdbc 13.6.2's: a datetimeoffset ignores the Calendar (its own offset rules), a
 * java.sql.Time rounds to the nearest millisecond on 1970-01-01, a java.sql.Date is midnight, dates
 * before the 1582 Gregorian change keep their wall-calendar fields (as java.sql.Timestamp.valueOf
 * does).
 */
final class JdbcTemporal {
  private JdbcTemporal() {}

  private static final LocalDate BASE_1900 = LocalDate.of(1900, 1, 1);
  private static final LocalDate BASE_1970 = LocalDate.of(1970, 1, 1);

  /** Epoch milliseconds of the wall-clock {@code t} in {@code zone} (Java's standard calendar). */
  static long millis(LocalDateTime t, TimeZone zone) {
    GregorianCalendar g = new GregorianCalendar(zone, Locale.US);
    g.clear();
    g.setLenient(true);
    g.set(t.getYear(), t.getMonthValue() - 1, t.getDayOfMonth(), t.getHour(), t.getMinute());
    g.set(Calendar.SECOND, t.getSecond());
    g.set(Calendar.MILLISECOND, t.getNano() / 1_000_000);
    return g.getTimeInMillis();
  }

  private static TimeZone zone(Calendar cal) {
    return cal == null ? TimeZone.getDefault() : cal.getTimeZone();
  }

  private static TimeZone zone(ZoneOffset offset) {
    return TimeZone.getTimeZone(offset);
  }

  /** The wall-clock value of a date, time or date-and-time (time: on 1900-01-01, as mssql-jdbc). */
  static LocalDateTime wallClock(Object v) {
    if (v instanceof LocalDateTime t) {
      return t;
    } else if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    } else if (v instanceof LocalTime t) {
      return BASE_1900.atTime(t);
    }
    throw new IllegalArgumentException("not a date or time: " + v.getClass().getName());
  }

  static Timestamp timestamp(Object v, Calendar cal) {
    if (v instanceof OffsetDateTime o) {
      LocalDateTime utc = o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      return timestamp(millis(utc, zone(ZoneOffset.UTC)), o.getNano());
    }
    LocalDateTime t = wallClock(v);
    return timestamp(millis(t, zone(cal)), t.getNano());
  }

  private static Timestamp timestamp(long millis, int nanos) {
    Timestamp ts = new Timestamp(millis);
    ts.setNanos(nanos);
    return ts;
  }

  static java.sql.Date date(Object v, Calendar cal) {
    if (v instanceof OffsetDateTime o) {
      return new java.sql.Date(millis(o.toLocalDate().atStartOfDay(), zone(o.getOffset())));
    }
    return new java.sql.Date(millis(wallClock(v).toLocalDate().atStartOfDay(), zone(cal)));
  }

  static Time time(Object v, Calendar cal) {
    if (v instanceof OffsetDateTime o) {
      return time(o.toLocalDateTime(), zone(o.getOffset()));
    }
    return time(wallClock(v), zone(cal));
  }

  private static Time time(LocalDateTime t, TimeZone zone) {
    if (t.getNano() % 1_000_000 >= 500_000) {
      t = t.plusNanos(1_000_000);
    }
    return new Time(millis(BASE_1970.atTime(t.toLocalTime()), zone));
  }

  /** The LocalDateTime getObject(LocalDateTime.class) gives: a datetimeoffset in the JVM's zone. */
  static LocalDateTime localDateTime(Object v) {
    if (v instanceof OffsetDateTime o) {
      return timestamp(o, null).toLocalDateTime();
    }
    return wallClock(v);
  }

  /** getString of a date or time value of kind {@code k} with {@code scale} fractional digits. */
  static String text(Object v, Kind k, int scale) {
    return switch (k) {
      case DATE -> date((LocalDate) v);
      case TIME -> clock(((LocalTime) v)) + fraction(((LocalTime) v).getNano(), scale);
      case DATETIME, SMALLDATETIME -> Timestamp.valueOf((LocalDateTime) v).toString();
      case DATETIME2 -> {
        LocalDateTime t = (LocalDateTime) v;
        yield date(t.toLocalDate()) + " " + clock(t.toLocalTime()) + fraction(t.getNano(), scale);
      }
      case DATETIMEOFFSET -> {
        OffsetDateTime o = (OffsetDateTime) v;
        int minutes = o.getOffset().getTotalSeconds() / 60;
        int abs = Math.abs(minutes);
        yield date(o.toLocalDate())
            + " "
            + clock(o.toLocalTime())
            + fraction(o.getNano(), scale)
            + String.format(
                Locale.ROOT, " %c%02d:%02d", minutes >= 0 ? '+' : '-', abs / 60, abs % 60);
      }
      default -> throw new IllegalArgumentException(k + " is not a date or time type");
    };
  }

  /** A sql_variant's datetimeoffset as text: the fraction without trailing zeros, none for 0. */
  static String variantText(OffsetDateTime o) {
    String full = text(o, Kind.DATETIMEOFFSET, 9);
    int dot = full.indexOf('.', 17);
    int space = full.lastIndexOf(' ');
    String fraction = full.substring(dot, space).replaceAll("0+$", "");
    return full.substring(0, dot) + (fraction.equals(".") ? "" : fraction) + full.substring(space);
  }

  private static String date(LocalDate d) {
    return String.format(
        Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  private static String clock(LocalTime t) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
  }

  /** ".nnnnnnn" with {@code scale} digits (empty for scale 0). */
  static String fraction(int nanos, int scale) {
    if (scale <= 0) {
      return "";
    }
    return BigDecimal.valueOf(nanos, 9)
        .setScale(Math.min(scale, 9), java.math.RoundingMode.DOWN)
        .toPlainString()
        .substring(1);
  }

  /** The value of a date/time text as JDBC's escape forms read it (mssql-jdbc's string rules). */
  static Object parse(String s, JdbcTypes.Target target) {
    String t = s.trim();
    return switch (target) {
      case TIMESTAMP -> Timestamp.valueOf(t);
      case DATE -> {
        int sp = t.indexOf(' ');
        yield java.sql.Date.valueOf(sp < 0 ? t : t.substring(0, sp));
      }
      case TIME -> {
        int sp = t.indexOf(' ');
        Timestamp ts = Timestamp.valueOf("1970-01-01 " + (sp < 0 ? t : t.substring(sp + 1)));
        yield time(ts.toLocalDateTime(), TimeZone.getDefault());
      }
      default -> throw new IllegalArgumentException("no date or time target " + target);
    };
  }
}
