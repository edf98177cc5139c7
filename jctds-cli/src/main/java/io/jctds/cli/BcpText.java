package io.jctds.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Values in bcp's character form ({@code -c}), as FreeTDS 1.3.17's freebcp writes them
 * (src/dblib/bcp.c, _bcp_convert_out; the expectations of jctds-server's FreeBcpIT): NULL as an
 * empty field, an empty string or binary as one NUL byte, binary as lower-case hex without {@code
 * 0x}, bit as {@code 1}/{@code 0}, uniqueidentifier in upper case, every date and time type as
 * {@code yyyy-mm-dd hh:mm:ss.fff} (milliseconds; a time on 1900-01-01, a date at midnight, a
 * datetimeoffset in its own local time without its offset). Differences from freebcp: the year is
 * always 4 digits (freebcp writes year 1 as {@code 1-01-01}, which its own {@code in} reads as
 * 2001), float and real are Java's shortest round-trip form ({@code 1.79E308}; freebcp {@code
 * 1.79e+308}).
 */
final class BcpText {
  private static final HexFormat HEX = HexFormat.of();
  private static final LocalDate NO_DATE = LocalDate.of(1900, 1, 1);

  private BcpText() {}

  /** Appends the character form of {@code value} to {@code out}. */
  static void append(StringBuilder out, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof String s) {
      out.append(s.isEmpty() ? "\0" : s);
    } else if (value instanceof byte[] bytes) {
      if (bytes.length == 0) {
        out.append('\0');
      } else {
        HEX.formatHex(out, bytes);
      }
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof Boolean b) {
      out.append(b ? '1' : '0');
    } else if (value instanceof UUID u) {
      out.append(u.toString().toUpperCase(Locale.ROOT));
    } else if (value instanceof LocalDateTime t) {
      dateTime(out, t.toLocalDate(), t.toLocalTime());
    } else if (value instanceof LocalDate d) {
      dateTime(out, d, LocalTime.MIDNIGHT);
    } else if (value instanceof LocalTime t) {
      dateTime(out, NO_DATE, t);
    } else if (value instanceof OffsetDateTime t) {
      dateTime(out, t.toLocalDate(), t.toLocalTime());
    } else {
      out.append(value);
    }
  }

  private static void dateTime(StringBuilder out, LocalDate d, LocalTime t) {
    pad(out, d.getYear(), 4).append('-');
    pad(out, d.getMonthValue(), 2).append('-');
    pad(out, d.getDayOfMonth(), 2).append(' ');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2).append('.');
    pad(out, t.getNano() / 1_000_000, 3);
  }

  private static StringBuilder pad(StringBuilder out, int n, int width) {
    String s = Integer.toString(n);
    for (int i = s.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(s);
  }
}
