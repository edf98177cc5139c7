package io.jctds.cli;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values as {@code jctds sql} prints them, the way sqlcmd users read them: NULL as {@code NULL};
 * bit as {@code 1} / {@code 0}; binary as {@code 0x} and upper-case hex; decimal, numeric and money
 * exactly, without exponent; uniqueidentifier in upper case (as CONVERT(char(36), ...) gives it);
 * dates and times in ODBC's timestamp form {@code yyyy-mm-dd hh:mm:ss[.f...]} with as many
 * fractional digits as the column's type has (datetime 3, smalldatetime none, datetime2(n), time(n)
 * and datetimeoffset(n) n), a datetimeoffset followed by its offset ({@code +01:00}).
 */
final class Cells {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final Pattern SCALE = Pattern.compile("\\((\\d)\\)$");

  private Cells() {}

  /** One value of a column whose SQL Server type name is {@code typeName} (null if unknown). */
  static String cell(Object value, String typeName) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      return "0x" + HEX.formatHex(bytes);
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof UUID u) {
      return u.toString().toUpperCase(Locale.ROOT);
    }
    if (value instanceof LocalDateTime t) {
      return t.toLocalDate() + " " + time(t.toLocalTime(), digits(typeName, 7));
    }
    if (value instanceof LocalTime t) {
      return time(t, digits(typeName, 7));
    }
    if (value instanceof OffsetDateTime t) {
      LocalDateTime local = t.toLocalDateTime();
      return local.toLocalDate()
          + " "
          + time(local.toLocalTime(), digits(typeName, 7))
          + " "
          + (t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId());
    }
    return value.toString();
  }

  /** How many fractional second digits a temporal type shows. */
  static int digits(String typeName, int otherwise) {
    if (typeName == null) {
      return otherwise;
    }
    String t = typeName.toLowerCase(Locale.ROOT);
    if (t.equals("datetime")) {
      return 3;
    }
    if (t.equals("smalldatetime")) {
      return 0;
    }
    Matcher m = SCALE.matcher(t);
    return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
  }

  private static String time(LocalTime t, int digits) {
    String s =
        String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    if (digits == 0) {
      return s;
    }
    String nanos = String.format(Locale.ROOT, "%09d", t.getNano());
    return s + "." + nanos.substring(0, digits);
  }
}
