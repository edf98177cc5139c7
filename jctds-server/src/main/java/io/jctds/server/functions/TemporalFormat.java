package io.jctds.server.functions;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Date and time values as text, in the styles of "CAST and CONVERT (Transact-SQL)": without a
 * style, datetime and smalldatetime print as {@code mon dd yyyy hh:miAM} and the newer types in ISO
 * form with their scale's fraction digits; styles 1-14/101-114, 20/120, 21/121, 22, 23, 126 and 127
 * as documented.
 */
final class TemporalFormat {
  private static final String[] MON = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private TemporalFormat() {}

  static String format(OffsetDateTime v, SqlType t, int style) {
    LocalDateTime l = v.toLocalDateTime();
    boolean legacy = t.base() == SqlBase.DATETIME || t.base() == SqlBase.SMALLDATETIME;
    int scale =
        switch (t.base()) {
          case DATETIME -> 3;
          case SMALLDATETIME, DATE -> 0;
          default -> t.scale();
        };
    if (style < 0) {
      if (legacy) {
        return style0(l);
      }
      return iso(l, v, t, scale, ' ');
    }
    int s = style >= 100 ? style - 100 : style;
    boolean century =
        style >= 100
            || style == 0
            || style == 20
            || style == 21
            || style == 23
            || style == 9
            || style == 13
            || style == 126
            || style == 127;
    String yy =
        century ? String.format("%04d", l.getYear()) : String.format("%02d", l.getYear() % 100);
    String mm = two(l.getMonthValue());
    String dd = two(l.getDayOfMonth());
    return switch (style) {
      case 0, 100 -> style0(l);
      case 20, 120 -> date(l) + " " + hms(l);
      case 21, 121, 25 ->
          date(l)
              + " "
              + hms(l)
              + fraction(l, Math.max(scale, legacy ? 3 : 0), legacy)
              + (t.base() == SqlBase.DATETIMEOFFSET ? " " + offset(v.getOffset()) : "");
      case 23 -> date(l);
      case 126, 127 ->
          iso(l, v, t, scale, 'T') + (style == 127 && t.base() == SqlBase.DATETIMEOFFSET ? "" : "");
      case 22 -> mm + "/" + dd + "/" + String.format("%02d", l.getYear() % 100) + " " + ampm(l);
      default -> classic(s, l, yy, mm, dd, style);
    };
  }

  private static String classic(
      int s, LocalDateTime l, String yy, String mm, String dd, int style) {
    return switch (s) {
      case 1 -> mm + "/" + dd + "/" + yy;
      case 2 -> yy + "." + mm + "." + dd;
      case 3 -> dd + "/" + mm + "/" + yy;
      case 4 -> dd + "." + mm + "." + yy;
      case 5 -> dd + "-" + mm + "-" + yy;
      case 6 -> dd + " " + MON[l.getMonthValue() - 1] + " " + yy;
      case 7 -> MON[l.getMonthValue() - 1] + " " + dd + ", " + yy;
      case 8 -> hms(l);
      case 9 ->
          MON[l.getMonthValue() - 1]
              + " "
              + pad(l.getDayOfMonth())
              + " "
              + yy
              + " "
              + hour12(l)
              + ":"
              + two(l.getMinute())
              + ":"
              + two(l.getSecond())
              + ":"
              + ms(l)
              + (l.getHour() < 12 ? "AM" : "PM");
      case 10 -> mm + "-" + dd + "-" + yy;
      case 11 -> yy + "/" + mm + "/" + dd;
      case 12 -> yy + mm + dd;
      case 13 -> dd + " " + MON[l.getMonthValue() - 1] + " " + yy + " " + hms(l) + ":" + ms(l);
      case 14 -> hms(l) + ":" + ms(l);
      default ->
          throw new SqlException(
              281,
              16,
              1,
              style
                  + " is not a valid style number when converting from datetime to a"
                  + " character string.",
              false);
    };
  }

  private static String style0(LocalDateTime l) {
    return MON[l.getMonthValue() - 1]
        + " "
        + pad(l.getDayOfMonth())
        + " "
        + l.getYear()
        + " "
        + ampm0(l);
  }

  private static String ampm0(LocalDateTime l) {
    return pad(hour12n(l)) + ":" + two(l.getMinute()) + (l.getHour() < 12 ? "AM" : "PM");
  }

  private static String ampm(LocalDateTime l) {
    return hour12n(l)
        + ":"
        + two(l.getMinute())
        + ":"
        + two(l.getSecond())
        + " "
        + (l.getHour() < 12 ? "AM" : "PM");
  }

  private static int hour12n(LocalDateTime l) {
    int h = l.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static String hour12(LocalDateTime l) {
    return String.valueOf(hour12n(l));
  }

  private static String iso(LocalDateTime l, OffsetDateTime v, SqlType t, int scale, char sep) {
    String text =
        switch (t.base()) {
          case DATE -> date(l);
          case TIME -> hms(l) + fraction(l, scale, false);
          default ->
              date(l)
                  + sep
                  + hms(l)
                  + fraction(l, scale, sep == 'T' && (t.base() == SqlBase.DATETIME));
        };
    if (t.base() == SqlBase.DATETIMEOFFSET) {
      text +=
          sep == 'T' && v.getOffset().equals(ZoneOffset.UTC)
              ? "Z"
              : (sep == 'T' ? "" : " ") + offset(v.getOffset());
    }
    return text;
  }

  private static String date(LocalDateTime l) {
    return String.format("%04d-%02d-%02d", l.getYear(), l.getMonthValue(), l.getDayOfMonth());
  }

  private static String hms(LocalDateTime l) {
    return two(l.getHour()) + ":" + two(l.getMinute()) + ":" + two(l.getSecond());
  }

  private static String ms(LocalDateTime l) {
    return String.format("%03d", l.getNano() / 1_000_000);
  }

  /** The fraction with {@code scale} digits; {@code trim} drops it when zero (style 126). */
  private static String fraction(LocalDateTime l, int scale, boolean trim) {
    if (scale <= 0 || trim && l.getNano() == 0) {
      return "";
    }
    return "." + String.format("%09d", l.getNano()).substring(0, scale);
  }

  static String offset(ZoneOffset o) {
    int secs = o.getTotalSeconds();
    int abs = Math.abs(secs) / 60;
    return String.format("%s%02d:%02d", secs < 0 ? "-" : "+", abs / 60, abs % 60);
  }

  private static String two(int v) {
    return String.format("%02d", v);
  }

  private static String pad(int v) {
    return String.format("%2d", v);
  }
}
