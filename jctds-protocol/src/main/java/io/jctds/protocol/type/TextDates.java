package io.jctds.protocol.type;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The text forms of date and time values that SQL Server sends to down-level clients (TDS 7.1 and
 * 7.2 receive date, time, datetime2 and datetimeoffset as nvarchar: "Backward compatibility for
 * down-level clients" in the date and time types' documentation): {@code 2024-05-01}, {@code
 * 12:34:56.1234567}, {@code 2024-05-01 12:34:56.1234567}, {@code 2024-05-01 12:34:56.1234567
 * +02:00}. A 'T' between date and time is accepted too.
 */
final class TextDates {
  private TextDates() {}

  static LocalDate date(String s) {
    return hasTime(s) ? dateTime(s).toLocalDate() : LocalDate.parse(s);
  }

  static LocalTime time(String s) {
    return hasDate(s) ? dateTime(s).toLocalTime() : LocalTime.parse(s);
  }

  static LocalDateTime dateTime(String s) {
    if (!hasTime(s)) {
      return LocalDate.parse(s).atStartOfDay();
    }
    int offset = offsetStart(s);
    if (offset > 0) {
      return offsetDateTime(s).toLocalDateTime();
    }
    return LocalDateTime.parse(iso(s));
  }

  static OffsetDateTime offsetDateTime(String s) {
    int offset = offsetStart(s);
    if (offset < 0) {
      throw new IllegalArgumentException("no offset in " + s);
    }
    return OffsetDateTime.parse(iso(s.substring(0, offset).trim()) + s.substring(offset));
  }

  private static String iso(String s) {
    return s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
  }

  private static boolean hasTime(String s) {
    return s.indexOf(':') >= 0;
  }

  private static boolean hasDate(String s) {
    return s.length() >= 10 && s.charAt(4) == '-';
  }

  /** Where a trailing "+hh:mm" / "-hh:mm" starts, or -1. */
  private static int offsetStart(String s) {
    int n = s.length();
    if (n < 6 || s.charAt(n - 3) != ':') {
      return -1;
    }
    char sign = s.charAt(n - 6);
    return hasTime(s.substring(0, n - 6)) && (sign == '+' || sign == '-') ? n - 6 : -1;
  }
}
