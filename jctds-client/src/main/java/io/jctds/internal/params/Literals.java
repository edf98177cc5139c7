package io.jctds.internal.params;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The nvarchar literals that stand for date and time values below TDS 7.3, in the ISO 8601 forms
 * SQL Server converts in any language setting ("Date and time types": yyyy-mm-dd,
 * yyyy-mm-ddThh:mm:ss[.fffffff], and datetimeoffset's [+|-]hh:mm offset), with at most 7 fractional
 * digits, trailing zeros dropped.
 */
final class Literals {
  private Literals() {}

  static String of(Object t) {
    if (t instanceof LocalDate d) {
      return date(d);
    } else if (t instanceof LocalTime time) {
      return time(time);
    } else if (t instanceof LocalDateTime dt) {
      return date(dt.toLocalDate()) + "T" + time(dt.toLocalTime());
    }
    OffsetDateTime o = (OffsetDateTime) t;
    ZoneOffset z = o.getOffset();
    if (z.getTotalSeconds() % 60 != 0) {
      throw new IllegalArgumentException("offset " + z + " is not a whole number of minutes");
    }
    String offset = z.getTotalSeconds() == 0 ? "+00:00" : z.getId();
    return date(o.toLocalDate()) + "T" + time(o.toLocalTime()) + offset;
  }

  private static String date(LocalDate d) {
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new IllegalArgumentException(d + " is outside SQL Server's years 0001..9999");
    }
    return String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  private static String time(LocalTime t) {
    String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int units = (t.getNano() + 50) / 100; // 100 ns, rounded half-up
    if (units == 10_000_000) {
      units = 9_999_999; // as time(7) does, never roll over into the next day
    }
    if (units == 0) {
      return s;
    }
    String f = String.format("%07d", units);
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    return s + "." + f.substring(0, end);
  }
}
