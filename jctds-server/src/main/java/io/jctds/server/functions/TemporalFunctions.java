package io.jctds.server.functions;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Date and time functions with SQL Server's semantics: parsing strings into each type (with the
 * session's DATEFORMAT), formatting them for CAST and CONVERT styles, datetime's 1/300 s and
 * smalldatetime's minute rounding, DATEDIFF counting datepart boundaries, DATEPART/DATENAME with
 * DATEFIRST, and the *FROMPARTS functions.
 */
public final class TemporalFunctions {
  /** Seconds always written: OffsetDateTime.toString drops ":00", which H2 then rejects. */
  private static final DateTimeFormatter OFFSET_TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSSxxx");

  private TemporalFunctions() {}

  /** The value of a date/time string converted to {@code declaration}, as ISO text for H2. */
  public static String parseTemporal(String text, String declaration, Integer style) {
    if (text == null) {
      return null;
    }
    SqlType t = SqlType.parse(declaration);
    boolean legacy = t.base() == SqlBase.DATETIME || t.base() == SqlBase.SMALLDATETIME;
    boolean[] hadOffset = new boolean[1];
    OffsetDateTime v = TemporalParser.parse(text, dateFormat(style), legacy, hadOffset);
    LocalDateTime local =
        hadOffset[0] && t.base() != SqlBase.DATETIMEOFFSET
            ? v.toLocalDateTime()
            : v.toLocalDateTime();
    return switch (t.base()) {
      case DATE -> local.toLocalDate().toString();
      case TIME -> local.toLocalTime().toString();
      case DATETIME -> checkRange(roundDatetime(local), 1753, t).toString().replace('T', ' ');
      case SMALLDATETIME -> checkRange(roundSmall(local), 1900, t).toString().replace('T', ' ');
      case DATETIMEOFFSET -> v.format(OFFSET_TEXT);
      default -> local.toString().replace('T', ' ');
    };
  }

  private static String dateFormat(Integer style) {
    if (style != null) {
      switch (style) {
        case 1, 101, 10, 110, 22 -> {
          return "mdy";
        }
        case 3, 103, 4, 104, 5, 105 -> {
          return "dmy";
        }
        case 2, 102, 11, 111 -> {
          return "ymd";
        }
        default -> {
          // session's DATEFORMAT
        }
      }
    }
    try {
      return FunctionContext.current().dateFormat();
    } catch (IllegalStateException e) {
      return "mdy";
    }
  }

  private static LocalDateTime checkRange(LocalDateTime v, int minYear, SqlType t) {
    int maxYear = t.base() == SqlBase.SMALLDATETIME ? 2079 : 9999;
    if (v.getYear() < minYear
        || v.getYear() > maxYear
        || t.base() == SqlBase.SMALLDATETIME && v.isAfter(LocalDateTime.of(2079, 6, 6, 23, 59))) {
      throw new SqlException(
          242,
          16,
          3,
          "The conversion of a varchar data type to a "
              + t.sqlName()
              + " data type resulted in an out-of-range value.",
          true);
    }
    return v;
  }

  /** datetime precision: rounded to the nearest 1/300 s, shown as .000, .003, .007. */
  public static LocalDateTime roundDatetime(LocalDateTime v) {
    if (v == null) {
      return null;
    }
    long nanos = v.toLocalTime().toNanoOfDay();
    long ticks = Math.round(nanos * 3.0 / 10_000_000.0);
    long ms = Math.round(ticks * 10.0 / 3.0);
    return v.toLocalDate().atStartOfDay().plus(ms, ChronoUnit.MILLIS);
  }

  /** smalldatetime precision: rounded to the minute (29.998 s down, 29.999 s up). */
  public static LocalDateTime roundSmall(LocalDateTime v) {
    if (v == null) {
      return null;
    }
    LocalDateTime r = roundDatetime(v);
    LocalDateTime minute = r.truncatedTo(ChronoUnit.MINUTES);
    return r.getSecond() * 1000 + r.getNano() / 1_000_000 >= 29_999
        ? minute.plusMinutes(1)
        : minute;
  }

  /** H2 function: datetime rounding. */
  public static LocalDateTime roundDatetimeFn(LocalDateTime v) {
    return roundDatetime(v);
  }

  /** H2 function: smalldatetime rounding, with its 1900..2079 range. */
  public static LocalDateTime roundSmallFn(LocalDateTime v) {
    if (v == null) {
      return null;
    }
    LocalDateTime r = roundSmall(v);
    if (r.getYear() < 1900 || r.isAfter(LocalDateTime.of(2079, 6, 6, 23, 59))) {
      throw new SqlException(
          242,
          16,
          3,
          "The conversion of a datetime2 data type to a smalldatetime data type"
              + " resulted in an out-of-range value.",
          true);
    }
    return r;
  }

  /** A value in H2's text form ({@code CAST(x AS VARCHAR)}) as an OffsetDateTime. */
  static OffsetDateTime fromH2(String text) {
    String s = text.trim();
    if (s.length() <= 10 && s.contains("-") && !s.contains(":")) {
      return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    if (!s.contains("-")
        || s.indexOf('-') > 4 && s.indexOf(':') < s.indexOf('-') && s.length() < 19) {
      return LocalDate.of(1900, 1, 1).atTime(LocalTime.parse(s)).atOffset(ZoneOffset.UTC);
    }
    int sign = Math.max(s.lastIndexOf('+'), s.length() > 19 ? s.lastIndexOf('-') : -1);
    ZoneOffset off = ZoneOffset.UTC;
    if (sign > 18) {
      String o = s.substring(sign);
      off = ZoneOffset.of(o.length() == 3 ? o + ":00" : o);
      s = s.substring(0, sign);
    }
    return LocalDateTime.parse(s.replace(' ', 'T')).atOffset(off);
  }

  /** A value of {@code declaration} as text in CONVERT {@code style} (-1: CAST's format). */
  public static String temporalText(String h2Text, String declaration, Integer style) {
    if (h2Text == null) {
      return null;
    }
    SqlType t = SqlType.parse(declaration);
    return TemporalFormat.format(fromH2(h2Text), t, style == null ? -1 : style);
  }

  /** DATEDIFF: the number of {@code part} boundaries crossed from {@code a} to {@code b}. */
  public static Long datediff(String part, String a, String b) {
    if (a == null || b == null) {
      return null;
    }
    OffsetDateTime x = fromH2(a);
    OffsetDateTime y = fromH2(b);
    LocalDateTime l1 = x.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    LocalDateTime l2 = y.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    return switch (part) {
      case "year" -> (long) l2.getYear() - l1.getYear();
      case "quarter" ->
          (l2.getYear() * 4L + (l2.getMonthValue() - 1) / 3)
              - (l1.getYear() * 4L + (l1.getMonthValue() - 1) / 3);
      case "month" ->
          (l2.getYear() * 12L + l2.getMonthValue()) - (l1.getYear() * 12L + l1.getMonthValue());
      case "day", "dayofyear", "weekday" ->
          l2.toLocalDate().toEpochDay() - l1.toLocalDate().toEpochDay();
      case "week" ->
          Math.floorDiv(l2.toLocalDate().toEpochDay() + 4, 7)
              - Math.floorDiv(l1.toLocalDate().toEpochDay() + 4, 7);
      case "iso_week" ->
          Math.floorDiv(l2.toLocalDate().toEpochDay() + 3, 7)
              - Math.floorDiv(l1.toLocalDate().toEpochDay() + 3, 7);
      case "hour" -> units(l1, l2, 3_600_000_000_000L);
      case "minute" -> units(l1, l2, 60_000_000_000L);
      case "second" -> units(l1, l2, 1_000_000_000L);
      case "millisecond" -> units(l1, l2, 1_000_000L);
      case "microsecond" -> units(l1, l2, 1_000L);
      case "nanosecond" -> units(l1, l2, 1L);
      default ->
          throw new SqlException(
              9810,
              16,
              10,
              "The datepart " + part + " is not supported by date function datediff.",
              false);
    };
  }

  private static long units(LocalDateTime a, LocalDateTime b, long unitNanos) {
    long da = a.toLocalDate().toEpochDay();
    long db = b.toLocalDate().toEpochDay();
    long perDay = 86_400_000_000_000L / unitNanos;
    long ua = da * perDay + a.toLocalTime().toNanoOfDay() / unitNanos;
    long ub = db * perDay + b.toLocalTime().toNanoOfDay() / unitNanos;
    return Math.subtractExact(ub, ua);
  }

  /** DATEPART. */
  public static Integer datepart(String part, String text, Integer dateFirst) {
    if (text == null) {
      return null;
    }
    OffsetDateTime v = fromH2(text);
    LocalDateTime l = v.toLocalDateTime();
    int first = dateFirst == null ? 7 : dateFirst;
    return switch (part) {
      case "year" -> l.getYear();
      case "quarter" -> (l.getMonthValue() - 1) / 3 + 1;
      case "month" -> l.getMonthValue();
      case "dayofyear" -> l.getDayOfYear();
      case "day" -> l.getDayOfMonth();
      case "week" -> week(l.toLocalDate(), first);
      case "weekday" -> weekday(l.getDayOfWeek(), first);
      case "hour" -> l.getHour();
      case "minute" -> l.getMinute();
      case "second" -> l.getSecond();
      case "millisecond" -> l.getNano() / 1_000_000;
      case "microsecond" -> l.getNano() / 1_000;
      case "nanosecond" -> l.getNano();
      case "tzoffset" -> v.getOffset().getTotalSeconds() / 60;
      case "iso_week" -> l.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      default -> null;
    };
  }

  /** The weekday number under DATEFIRST {@code first} (1 Monday ... 7 Sunday). */
  static int weekday(DayOfWeek d, int first) {
    int sundayBased = d.getValue() % 7; // Sunday 0, Monday 1, ...
    int firstIndex = first % 7;
    return (sundayBased - firstIndex + 7) % 7 + 1;
  }

  /** SQL Server's week: week 1 holds January 1; weeks start on the DATEFIRST day. */
  static int week(LocalDate d, int first) {
    LocalDate jan1 = d.withDayOfYear(1);
    int offset = weekday(jan1.getDayOfWeek(), first) - 1;
    return (d.getDayOfYear() - 1 + offset) / 7 + 1;
  }

  /** DATENAME: month and weekday names (us_english), other parts as numbers. */
  public static String datename(String part, String text, Integer dateFirst) {
    if (text == null) {
      return null;
    }
    LocalDateTime l = fromH2(text).toLocalDateTime();
    return switch (part) {
      case "month" -> l.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "weekday" -> l.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "tzoffset" -> TemporalFormat.offset(fromH2(text).getOffset());
      default -> String.valueOf(datepart(part, text, dateFirst));
    };
  }

  /** DATEFROMPARTS and friends: the value as ISO text; error 289 for invalid parts. */
  public static String fromParts(
      String function,
      Integer a,
      Integer b,
      Integer c,
      Integer d,
      Integer e,
      Integer f,
      Integer g,
      Integer h,
      Integer i) {
    if (a == null || b == null || c == null) {
      return null;
    }
    try {
      return switch (function) {
        case "datefromparts" -> LocalDate.of(a, b, c).toString();
        case "timefromparts" -> LocalTime.of(a, b, c, fraction(d, e)).toString();
        case "smalldatetimefromparts" ->
            LocalDateTime.of(a, b, c, d, e).toString().replace('T', ' ');
        case "datetimefromparts" ->
            LocalDateTime.of(a, b, c, d, e, f, g * 1_000_000).toString().replace('T', ' ');
        default -> LocalDateTime.of(a, b, c, d, e, f, fraction(g, h)).toString().replace('T', ' ');
      };
    } catch (java.time.DateTimeException | NullPointerException x) {
      throw new SqlException(
          289,
          16,
          1,
          "Cannot construct data type "
              + function.replace("fromparts", "")
              + ", some of the arguments have values which are not valid.",
          false);
    }
  }

  private static int fraction(Integer value, Integer precision) {
    int p = precision == null ? 7 : precision;
    long v = value == null ? 0 : value;
    return (int) (v * (long) Math.pow(10, 9 - p));
  }

  /** ISDATE: 1 when the text converts to datetime. */
  public static Integer isdate(String text, String dateFormat) {
    if (text == null) {
      return 0;
    }
    try {
      OffsetDateTime v = TemporalParser.parse(text, dateFormat, true, new boolean[1]);
      int y = v.getYear();
      return y >= 1753 && y <= 9999 ? 1 : 0;
    } catch (SqlException e) {
      return 0;
    }
  }
}
