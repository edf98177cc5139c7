package io.jctds.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * A field of a bcp character-format file as the value of its column (by the column's SQL Server
 * type name): the inverse of {@link BcpText}. An empty field is NULL, a field of one NUL byte an
 * empty string. Throws IllegalArgumentException (with a reason) when the text does not convert.
 */
final class BcpValues {
  private static final HexFormat HEX = HexFormat.of();

  private BcpValues() {}

  static Object parse(String field, String typeName) {
    if (field.isEmpty()) {
      return null;
    }
    String type = baseType(typeName);
    if (field.equals("\0")) {
      return type.endsWith("binary") || type.equals("image") ? new byte[0] : "";
    }
    try {
      return switch (type) {
        case "bit" -> bit(field);
        case "tinyint", "smallint", "int", "bigint" -> Long.parseLong(field.trim());
        case "decimal", "numeric", "money", "smallmoney" -> new BigDecimal(field.trim());
        case "float", "real" -> Double.parseDouble(field.trim());
        case "binary", "varbinary", "image", "timestamp", "rowversion" -> hex(field.trim());
        case "uniqueidentifier" -> UUID.fromString(field.trim());
        case "date", "datetime", "smalldatetime", "datetime2" -> dateTime(field.trim());
        case "time" -> time(field.trim());
        case "datetimeoffset" -> offsetDateTime(field.trim());
        default -> field;
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          shortened(field) + " is not a valid " + typeName + " value", e);
    }
  }

  static String baseType(String typeName) {
    String t = typeName.toLowerCase(Locale.ROOT);
    int paren = t.indexOf('(');
    return (paren < 0 ? t : t.substring(0, paren)).trim();
  }

  private static Boolean bit(String field) {
    return switch (field.trim().toLowerCase(Locale.ROOT)) {
      case "1", "true" -> Boolean.TRUE;
      case "0", "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a bit");
    };
  }

  private static byte[] hex(String field) {
    String digits = field.startsWith("0x") || field.startsWith("0X") ? field.substring(2) : field;
    return HEX.parseHex(digits);
  }

  /** {@code yyyy-mm-dd[ hh:mm:ss[.f...]]}, also with a {@code T}. */
  static LocalDateTime dateTime(String field) {
    String s = field.replace('T', ' ');
    int space = s.indexOf(' ');
    if (space < 0) {
      return LocalDate.parse(s).atStartOfDay();
    }
    return LocalDateTime.of(
        LocalDate.parse(s.substring(0, space)), LocalTime.parse(s.substring(space + 1).trim()));
  }

  private static LocalTime time(String field) {
    return field.indexOf('-') > 0 ? dateTime(field).toLocalTime() : LocalTime.parse(field);
  }

  /** A date and time, then an optional {@code +hh:mm}/{@code -hh:mm} offset (default +00:00). */
  private static OffsetDateTime offsetDateTime(String field) {
    int space = field.lastIndexOf(' ');
    if (space > 0 && space + 1 < field.length()) {
      char c = field.charAt(space + 1);
      if (c == '+' || c == '-') {
        return OffsetDateTime.of(
            dateTime(field.substring(0, space)), ZoneOffset.of(field.substring(space + 1)));
      }
    }
    return OffsetDateTime.of(dateTime(field), ZoneOffset.UTC);
  }

  /**
   * The most a value of column {@code c} may hold, from its declared size: characters for char and
   * varchar (their bytes in a single-byte code page), UTF-16 units for nchar and nvarchar, bytes
   * for binary and varbinary; 0 when no limit is checked here ((max) types, text, other types).
   */
  static int limit(io.jctds.Column c) {
    int size = c.internalSize();
    if (size <= 0) {
      return 0;
    }
    return switch (baseType(c.typeName())) {
      case "char", "varchar", "binary", "varbinary" -> size;
      case "nchar", "nvarchar" -> size / 2;
      default -> 0;
    };
  }

  /**
   * Why {@code value} does not fit a column of {@code limit} ({@link #limit}), or null when it does
   * (SQL Server would refuse it with error 2628, "String or binary data would be truncated").
   */
  static String tooLong(Object value, io.jctds.Column c, int limit) {
    if (limit == 0) {
      return null;
    }
    if (value instanceof String s && s.length() > limit) {
      return shortened(s) + " is " + s.length() + " characters, longer than " + c.typeName();
    }
    if (value instanceof byte[] b && b.length > limit) {
      return b.length + " bytes, longer than " + c.typeName();
    }
    return null;
  }

  /** {@code 'text'} quoted, cut after 40 characters. */
  static String shortened(String s) {
    return "'" + (s.length() <= 40 ? s : s.substring(0, 40) + "...") + "'";
  }
}
