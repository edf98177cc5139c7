package io.jctds.server.functions;

import io.jctds.server.sql.SqlException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses date and time strings the way SQL Server's conversion does ("Date and time types" and
 * "CAST and CONVERT (Transact-SQL)"): ISO 8601 ({@code 2024-05-01T12:34:56.789}, independent of
 * DATEFORMAT), unseparated {@code 20240501}, numeric dates in the session's DATEFORMAT order
 * ({@code 05/01/2024} under mdy), alphabetic months ({@code May 1 2024}, {@code 1 May 2024}),
 * two-digit years (cutoff 2049), a time part with optional fraction and AM/PM, and a time zone
 * offset ({@code +02:00}, {@code Z}). A time alone is on 1900-01-01; a date alone at midnight.
 */
final class TemporalParser {
  private static final Pattern TIME =
      Pattern.compile(
          "(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:[.:](\\d{0,9}))?)?)?\\s*([AaPp][Mm])?|"
              + "(\\d{1,2})\\s*([AaPp][Mm])");
  private static final Pattern OFFSET = Pattern.compile("\\s*(Z|[+-]\\d{1,2}:\\d{2})$");
  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };

  private TemporalParser() {}

  /**
   * The value of {@code text}.
   *
   * @param yearFirstFollowsFormat whether yyyy-xx-xx follows DATEFORMAT (datetime and smalldatetime
   *     do, the newer types do not)
   * @return an OffsetDateTime (with the offset given, else UTC and {@code hadOffset[0]} false)
   * @throws SqlException 241 when the text is not a date or time
   */
  static OffsetDateTime parse(
      String text, String dateFormat, boolean yearFirstFollowsFormat, boolean[] hadOffset) {
    String s = text.trim();
    ZoneOffset offset = ZoneOffset.UTC;
    Matcher om = OFFSET.matcher(s);
    hadOffset[0] = false;
    if (om.find()
        && (s.length() > 10 || s.contains(":") && !s.endsWith(om.group(1)))
        && om.start() > 0) {
      String o = om.group(1);
      offset =
          o.equals("Z")
              ? ZoneOffset.UTC
              : ZoneOffset.of(o.length() == 5 ? o.charAt(0) + "0" + o.substring(1) : o);
      s = s.substring(0, om.start()).trim();
      hadOffset[0] = true;
    }
    try {
      LocalDateTime dt = local(s, dateFormat, yearFirstFollowsFormat);
      return dt.atOffset(offset);
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      throw invalid();
    }
  }

  static SqlException invalid() {
    return new SqlException(
        241,
        16,
        1,
        "Conversion failed when converting date and/or time from character string.",
        true);
  }

  private static LocalDateTime local(String s, String fmt, boolean yearFirstFollowsFormat) {
    if (s.isEmpty()) {
      return LocalDateTime.of(1900, 1, 1, 0, 0);
    }
    int t = s.indexOf('T');
    if (t == 10 && s.length() > 11 && Character.isDigit(s.charAt(0))) {
      return LocalDate.parse(s.substring(0, 10)).atTime(time(s.substring(11)));
    }
    String datePart = s;
    String timePart = "";
    int split = splitTime(s);
    if (split >= 0) {
      datePart = s.substring(0, split).trim();
      timePart = s.substring(split).trim();
    }
    LocalTime time = timePart.isEmpty() ? LocalTime.MIDNIGHT : time(timePart);
    if (datePart.isEmpty()) {
      return LocalDate.of(1900, 1, 1).atTime(time);
    }
    return date(datePart, fmt, yearFirstFollowsFormat).atTime(time);
  }

  /** Where the time part starts: the first token containing ':' or ending in AM/PM. */
  private static int splitTime(String s) {
    String[] tokens = s.split("\\s+");
    int at = 0;
    for (String tok : tokens) {
      int idx = s.indexOf(tok, at);
      if (tok.contains(":")
          || tok.matches("(?i)\\d{1,2}(am|pm)")
          || tok.matches("(?i)am|pm") && idx > 0) {
        if (tok.matches("(?i)am|pm")) {
          int prev = s.lastIndexOf(' ', idx - 2);
          return prev + 1;
        }
        return idx;
      }
      at = idx + tok.length();
    }
    return -1;
  }

  static LocalTime time(String s) {
    Matcher m = TIME.matcher(s.trim());
    if (!m.matches()) {
      throw new DateTimeException(s);
    }
    int h;
    int mi = 0;
    int sec = 0;
    int nanos = 0;
    String ampm;
    if (m.group(6) != null) {
      h = Integer.parseInt(m.group(6));
      ampm = m.group(7);
    } else {
      h = Integer.parseInt(m.group(1));
      mi = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      String f = m.group(4);
      if (f != null && !f.isEmpty()) {
        nanos = Integer.parseInt((f + "000000000").substring(0, 9));
      }
      ampm = m.group(5);
    }
    if (ampm != null) {
      boolean pm = ampm.toUpperCase(Locale.ROOT).equals("PM");
      if (h > 12 || h == 0 && pm) {
        throw new DateTimeException(s);
      }
      h = h % 12 + (pm ? 12 : 0);
    }
    return LocalTime.of(h, mi, sec, nanos);
  }

  private static LocalDate date(String s, String fmt, boolean yearFirstFollowsFormat) {
    if (s.matches("\\d{8}")) {
      return LocalDate.of(
          Integer.parseInt(s.substring(0, 4)),
          Integer.parseInt(s.substring(4, 6)),
          Integer.parseInt(s.substring(6)));
    }
    if (s.matches("\\d{6}")) {
      return LocalDate.of(
          year(s.substring(0, 2)),
          Integer.parseInt(s.substring(2, 4)),
          Integer.parseInt(s.substring(4)));
    }
    if (s.chars().anyMatch(Character::isLetter)) {
      return alphabetic(s);
    }
    String[] p = s.split("[/.-]");
    if (p.length != 3) {
      throw new DateTimeException(s);
    }
    if (p[0].length() == 4) {
      boolean ydm = yearFirstFollowsFormat && (fmt.equals("dmy") || fmt.equals("ydm"));
      return ydm
          ? LocalDate.of(year(p[0]), num(p[2]), num(p[1]))
          : LocalDate.of(year(p[0]), num(p[1]), num(p[2]));
    }
    int y = fmt.indexOf('y');
    int m = fmt.indexOf('m');
    int d = fmt.indexOf('d');
    return LocalDate.of(year(p[y]), num(p[m]), num(p[d]));
  }

  private static int num(String s) {
    return Integer.parseInt(s);
  }

  private static int year(String s) {
    int y = Integer.parseInt(s);
    if (s.length() <= 2) {
      return y <= 49 ? 2000 + y : 1900 + y;
    }
    return y;
  }

  private static LocalDate alphabetic(String s) {
    String[] p = s.replace(",", " ").trim().split("\\s+");
    int month = -1;
    java.util.List<String> nums = new java.util.ArrayList<>();
    for (String tok : p) {
      int mo = month(tok);
      if (mo > 0 && month < 0) {
        month = mo;
      } else {
        nums.add(tok);
      }
    }
    if (month < 0 || nums.size() < 1 || nums.size() > 2) {
      throw new DateTimeException(s);
    }
    if (nums.size() == 1) {
      return LocalDate.of(year(nums.get(0)), month, 1);
    }
    String a = nums.get(0);
    String b = nums.get(1);
    if (a.length() == 4) {
      return LocalDate.of(year(a), month, num(b));
    }
    return LocalDate.of(year(b), month, num(a));
  }

  private static int month(String tok) {
    String u = tok.toUpperCase(Locale.ROOT);
    if (u.length() < 3 || !u.chars().allMatch(Character::isLetter)) {
      return -1;
    }
    for (int i = 0; i < MONTHS.length; i++) {
      if (u.startsWith(MONTHS[i])) {
        return i + 1;
      }
    }
    return -1;
  }
}
