package io.jctds.server.functions;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.Variants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Conversions with SQL Server's rules and messages ("CAST and CONVERT (Transact-SQL)"): strings to
 * numbers (an empty string is 0 for int and float, error 245 or 8114 otherwise), to bit and to
 * uniqueidentifier (8169); numbers, money and binary to text in each CONVERT style; values to and
 * from binary and sql_variant.
 */
public final class ConversionFunctions {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private ConversionFunctions() {}

  /** tinyint's range check (error 220). */
  public static Short tinyint(Long v) {
    if (v == null) {
      return null;
    }
    if (v < 0 || v > 255) {
      throw new SqlException(
          220, 16, 2, "Arithmetic overflow error for data type tinyint, value = " + v + ".", false);
    }
    return v.shortValue();
  }

  /** A string checked and normalised for conversion to the number type {@code declaration}. */
  public static String numberText(String s, String declaration) {
    if (s == null) {
      return null;
    }
    SqlType t = SqlType.parse(declaration);
    String v = s.trim();
    boolean integer = t.base().family() == SqlBase.Family.INTEGER;
    boolean money = t.base() == SqlBase.MONEY || t.base() == SqlBase.SMALLMONEY;
    if (v.isEmpty()
        && (integer || t.base() == SqlBase.FLOAT || t.base() == SqlBase.REAL || money)) {
      return "0";
    }
    if (money) {
      v = v.replace(",", "");
      if (v.startsWith("$")) {
        v = v.substring(1);
      } else if (v.startsWith("-$")) {
        v = "-" + v.substring(2);
      }
    }
    boolean ok =
        integer
            ? v.matches("[+-]?\\d+")
            : t.base() == SqlBase.FLOAT || t.base() == SqlBase.REAL
                ? v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
                : v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    if (!ok) {
      throw integer || money
          ? new SqlException(
              245,
              16,
              1,
              "Conversion failed when converting the "
                  + "varchar value '"
                  + s
                  + "' to data type "
                  + t.base().sqlName()
                  + ".",
              true)
          : new SqlException(
              8114,
              16,
              5,
              "Error converting data type varchar to "
                  + (t.base() == SqlBase.FLOAT || t.base() == SqlBase.REAL ? "float" : "numeric")
                  + ".",
              true);
    }
    return v.startsWith("+") ? v.substring(1) : v;
  }

  /** A string to bit: TRUE/FALSE or a number (non-zero is 1). */
  public static Boolean textBit(String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    try {
      return new BigDecimal(v.isEmpty() ? "0" : v).signum() != 0;
    } catch (NumberFormatException e) {
      throw new SqlException(
          245,
          16,
          1,
          "Conversion failed when converting the varchar value '" + s + "' to data type bit.",
          true);
    }
  }

  /** A string to uniqueidentifier: 36 characters, optionally in braces (error 8169). */
  public static UUID toGuid(String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim();
    if (v.startsWith("{") && v.endsWith("}")) {
      v = v.substring(1, v.length() - 1);
    }
    if (v.length() > 36) {
      v = v.substring(0, 36);
    }
    if (!v.matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
      throw new SqlException(
          8169,
          16,
          2,
          "Conversion failed when converting from a character string to uniqueidentifier.",
          true);
    }
    return UUID.fromString(v);
  }

  /** float and real as text: style 0 at most 6 significant digits, 1 eight, 2 sixteen, 3 17. */
  public static String floatText(Double d, Integer style, Boolean real) {
    if (d == null) {
      return null;
    }
    int st = style == null || style < 0 ? 0 : style;
    if (d == 0) {
      return st == 0 || st == 3 ? "0" : st == 1 ? "0.0000000e+000" : "0.000000000000000e+000";
    }
    if (st == 1 || st == 2) {
      int digits = st == 1 ? 8 : 16;
      return scientific(d, digits - 1, false);
    }
    int significant = st == 3 ? 17 : 6;
    BigDecimal b =
        new BigDecimal(d).round(new java.math.MathContext(significant, RoundingMode.HALF_EVEN));
    int exp = b.precision() - b.scale() - 1;
    if (exp < -4 || exp >= significant) {
      return scientific(d, significant - 1, true);
    }
    String plain = b.stripTrailingZeros().toPlainString();
    return plain;
  }

  private static String scientific(double d, int fractionDigits, boolean trim) {
    String s = String.format(Locale.ROOT, "%." + fractionDigits + "e", d);
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e);
    if (trim && mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    int exp = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%03d", Math.abs(exp));
  }

  /** money as text: style 0 two decimals, 1 with thousands commas, 2 and 126 four decimals. */
  public static String moneyText(BigDecimal v, Integer style) {
    if (v == null) {
      return null;
    }
    int st = style == null || style < 0 ? 0 : style;
    return switch (st) {
      case 1 -> String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_UP));
      case 2, 126 -> v.setScale(4, RoundingMode.HALF_UP).toPlainString();
      default -> v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    };
  }

  /** Binary as hex text: style 1 with 0x, style 2 without (upper case). */
  public static String hexText(byte[] b, Integer style) {
    if (b == null) {
      return null;
    }
    int st = style == null ? 1 : style;
    return (st == 2 ? "" : "0x") + HEX.formatHex(b);
  }

  /** Binary as characters: the bytes in the code page (or UTF-16LE). */
  public static String bytesText(byte[] b, Boolean unicode, String charset) {
    if (b == null) {
      return null;
    }
    if (Boolean.TRUE.equals(unicode)) {
      byte[] even = b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
      return new String(even, StandardCharsets.UTF_16LE);
    }
    return new String(b, Charset.forName(charset));
  }

  /** Characters as binary: style 0 the encoded bytes, 1 hex with 0x, 2 hex without. */
  public static byte[] textBytes(String s, Integer style, Boolean unicode) {
    if (s == null) {
      return null;
    }
    int st = style == null || style < 0 ? 0 : style;
    if (st == 1 || st == 2) {
      String h = st == 1 && s.regionMatches(true, 0, "0x", 0, 2) ? s.substring(2) : s;
      if (st == 1 && !s.regionMatches(true, 0, "0x", 0, 2)
          || h.length() % 2 == 1
          || !h.matches("[0-9A-Fa-f]*")) {
        throw new SqlException(
            8114, 16, 5, "Error converting data type varchar to varbinary.", true);
      }
      return HexFormat.of().parseHex(h);
    }
    return s.getBytes(
        Boolean.TRUE.equals(unicode)
            ? StandardCharsets.UTF_16LE
            : io.jctds.server.types.SqlCollation.DEFAULT.charset());
  }

  /** A number or uniqueidentifier as binary (big-endian integers, the right-most bytes kept). */
  public static byte[] valueBytes(String text, String declaration, Integer length) {
    if (text == null) {
      return null;
    }
    SqlType t = SqlType.parse(declaration);
    byte[] full =
        switch (t.base()) {
          case TINYINT -> new byte[] {(byte) Integer.parseInt(text)};
          case SMALLINT -> ByteBuffer.allocate(2).putShort(Short.parseShort(text)).array();
          case INT -> ByteBuffer.allocate(4).putInt(Integer.parseInt(text)).array();
          case BIGINT -> ByteBuffer.allocate(8).putLong(Long.parseLong(text)).array();
          case BIT ->
              new byte[] {(byte) (text.equals("1") || text.equalsIgnoreCase("true") ? 1 : 0)};
          case UNIQUEIDENTIFIER -> guidBytes(UUID.fromString(text));
          default -> text.getBytes(StandardCharsets.US_ASCII);
        };
    int n = length == null || length < 0 ? full.length : length;
    if (n >= full.length) {
      return full;
    }
    return java.util.Arrays.copyOfRange(full, full.length - n, full.length);
  }

  /** uniqueidentifier's 16 bytes as SQL Server stores them (first three groups little-endian). */
  static byte[] guidBytes(UUID u) {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    byte[] a = b.array();
    return new byte[] {
      a[3], a[2], a[1], a[0], a[5], a[4], a[7], a[6],
      a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]
    };
  }

  /**
   * Binary to an integer type of {@code size} bytes: the right-most {@code size} bytes (zero-padded
   * on the left) read big-endian as that type, so CAST(0x01 AS int) is 1 and CAST(0xFFFF AS
   * smallint) is -1 ("CAST and CONVERT": binary to integer).
   */
  public static Long bytesInteger(byte[] b, Integer size) {
    if (b == null || size == null) {
      return null;
    }
    long v = 0;
    for (int i = b.length - size; i < b.length; i++) {
      v = v << 8 | (i < 0 ? 0 : b[i] & 0xFF);
    }
    int bits = 8 * size;
    return bits >= 64 ? v : v << (64 - bits) >> (64 - bits);
  }

  /** binary(16) to uniqueidentifier (SQL Server's byte order). */
  public static UUID bytesGuid(byte[] b) {
    if (b == null) {
      return null;
    }
    byte[] a = java.util.Arrays.copyOf(b, 16);
    byte[] be = {
      a[3], a[2], a[1], a[0], a[5], a[4], a[7], a[6],
      a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]
    };
    ByteBuffer buf = ByteBuffer.wrap(be);
    return new UUID(buf.getLong(), buf.getLong());
  }

  /**
   * uniqueidentifier's sort key: SQL Server compares bytes 10-15 first, then 8-9, 6-7, 4-5 and 0-3
   * of the stored value ("Comparing GUID and uniqueidentifier values", learn.microsoft.com).
   */
  public static byte[] guidOrder(UUID u) {
    if (u == null) {
      return null;
    }
    byte[] s = guidBytes(u);
    return new byte[] {
      s[10], s[11], s[12], s[13], s[14], s[15], s[8], s[9],
      s[6], s[7], s[4], s[5], s[0], s[1], s[2], s[3]
    };
  }

  /** A value as a sql_variant body of its base type. */
  public static byte[] variant(String text, String declaration) {
    if (text == null) {
      return null;
    }
    SqlType t = SqlType.parse(declaration);
    Object v =
        switch (t.base()) {
          case BIT -> text.equals("1") || text.equalsIgnoreCase("true");
          case TINYINT, SMALLINT, INT, BIGINT -> Long.parseLong(text.trim());
          case REAL -> Float.parseFloat(text);
          case FLOAT -> Double.parseDouble(text);
          case DECIMAL, NUMERIC, MONEY, SMALLMONEY -> new BigDecimal(text.trim());
          case DATE -> LocalDate.parse(text.substring(0, 10));
          case TIME -> LocalTime.parse(text.trim());
          case DATETIME, SMALLDATETIME, DATETIME2 ->
              TemporalFunctions.fromH2(text.replace('T', ' ')).toLocalDateTime();
          case DATETIMEOFFSET -> TemporalFunctions.fromH2(text.replace('T', ' '));
          case UNIQUEIDENTIFIER -> UUID.fromString(text);
          case BINARY, VARBINARY ->
              HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
          default -> text;
        };
    return Variants.encode(t, v);
  }

  /** A sql_variant as text (its base value converted as CAST would). */
  public static String variantText(byte[] body) {
    if (body == null) {
      return null;
    }
    io.jctds.protocol.BufferWriter w = new io.jctds.protocol.BufferWriter();
    w.bytes(body);
    ByteBuffer b = w.view().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    Object v =
        io.jctds.protocol.type.Values.getObject(
            io.jctds.protocol.type.TypeInfo.variant(), b, b.position(), body.length);
    if (v instanceof byte[] bytes) {
      return hexText(bytes, 1);
    }
    if (v instanceof java.time.temporal.TemporalAccessor) {
      return v.toString().replace('T', ' ');
    }
    return v == null
        ? null
        : v instanceof UUID u ? u.toString().toUpperCase(Locale.ROOT) : v.toString();
  }

  /** ROUND(x, n, f) with f non-zero: truncation. */
  public static BigDecimal roundTruncate(BigDecimal x, Integer n, Integer f) {
    if (x == null || n == null) {
      return null;
    }
    RoundingMode mode = f != null && f != 0 ? RoundingMode.DOWN : RoundingMode.HALF_UP;
    return x.setScale(n, mode).setScale(Math.max(x.scale(), 0), RoundingMode.UNNECESSARY);
  }

  /** TRY_CAST / TRY_CONVERT of text: the converted text, or NULL when it does not convert. */
  public static String tryConvert(String text, String declaration, Integer style) {
    if (text == null) {
      return null;
    }
    SqlType t = SqlType.parse(declaration);
    try {
      if (t.base().isNumeric() && t.base() != SqlBase.BIT) {
        String n = numberText(text, declaration);
        if (t.base().family() == SqlBase.Family.INTEGER) {
          io.jctds.server.types.Values.checkInteger(Long.parseLong(n), t);
        } else if (t.isDecimal() || t.base() == SqlBase.MONEY || t.base() == SqlBase.SMALLMONEY) {
          io.jctds.server.types.Values.fitDecimal(new BigDecimal(n), t);
        }
        return n;
      }
      if (t.base().isTemporal()) {
        return TemporalFunctions.parseTemporal(text, declaration, style);
      }
      if (t.base() == SqlBase.UNIQUEIDENTIFIER) {
        return toGuid(text).toString();
      }
      if (t.base() == SqlBase.BIT) {
        return Boolean.TRUE.equals(textBit(text)) ? "TRUE" : "FALSE";
      }
      return text;
    } catch (SqlException | NumberFormatException e) {
      return null;
    }
  }
}
