package io.jctds.protocol.type;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts one raw column value — its {@link TypeInfo}, a buffer, and the offset and length that
 * {@link ValueScanner} found (length -1 = NULL) — to Java values. Primitive getters do not box and
 * return 0/false for NULL (check {@code len < 0} first); object getters return null for NULL. Each
 * getter accepts the families listed in its documentation; anything else is a {@link
 * ConversionException}. PLP values are joined from their chunks and sql_variant values are
 * unwrapped to their base type.
 */
public final class Values {
  private Values() {}

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** A value's location after unwrapping PLP chunks or a sql_variant header. */
  record Slot(TypeInfo t, ByteBuffer b, int off, int len) {}

  private static Slot plain(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len >= 0 && t.isPlp()) {
      byte[] d = PlpCodec.readAll(b, off, len);
      return new Slot(t, ByteBuffer.wrap(d), 0, d.length);
    }
    return new Slot(t, b, off, len);
  }

  /** Accepts integer, bit, float and real (truncated), decimal and money (truncated), text. */
  public static long getLong(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return 0;
    }
    return switch (t.family()) {
      case INTEGER, BIT -> IntegerCodec.decode(b, off, len);
      case FLOAT -> (long) FloatCodec.decode(b, off, len);
      case MONEY -> MoneyCodec.decodeUnits(b, off, len) / 10_000;
      case DECIMAL -> DecimalCodec.decode(b, off, len, t.scale()).longValue();
      case CHAR, NCHAR -> parse(t, getString(t, b, off, len), s -> Long.parseLong(s), "long");
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getLong(s.t(), s.b(), s.off(), s.len());
      }
      default -> throw ConversionException.of(t, "long");
    };
  }

  /** {@link #getLong} narrowed to int; fails if the value does not fit. */
  public static int getInt(TypeInfo t, ByteBuffer b, int off, int len) {
    long v = getLong(t, b, off, len);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ConversionException(v + " does not fit an int", null);
    }
    return (int) v;
  }

  /** Accepts integer, bit, float, real, decimal, money and numeric text. */
  public static double getDouble(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return 0;
    }
    return switch (t.family()) {
      case INTEGER, BIT -> IntegerCodec.decode(b, off, len);
      case FLOAT -> FloatCodec.decode(b, off, len);
      case MONEY -> MoneyCodec.decodeUnits(b, off, len) / 10_000.0;
      case DECIMAL -> DecimalCodec.decode(b, off, len, t.scale()).doubleValue();
      case CHAR, NCHAR -> parse(t, getString(t, b, off, len), Double::parseDouble, "double");
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getDouble(s.t(), s.b(), s.off(), s.len());
      }
      default -> throw ConversionException.of(t, "double");
    };
  }

  /** Accepts bit, integer (non-zero is true) and the text "1", "0", "true", "false". */
  public static boolean getBoolean(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return false;
    }
    return switch (t.family()) {
      case BIT, INTEGER -> IntegerCodec.decode(b, off, len) != 0;
      case CHAR, NCHAR -> parse(t, getString(t, b, off, len), Values::parseBoolean, "boolean");
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getBoolean(s.t(), s.b(), s.off(), s.len());
      }
      default -> throw ConversionException.of(t, "boolean");
    };
  }

  private static boolean parseBoolean(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> throw new NumberFormatException("not a boolean: " + s);
    };
  }

  /** Accepts decimal, numeric, money, integer, bit, float (exact decimal of the double), text. */
  public static BigDecimal getBigDecimal(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    return switch (t.family()) {
      case DECIMAL -> DecimalCodec.decode(b, off, len, t.scale());
      case MONEY -> MoneyCodec.decode(b, off, len);
      case INTEGER, BIT -> BigDecimal.valueOf(IntegerCodec.decode(b, off, len));
      case FLOAT -> BigDecimal.valueOf(FloatCodec.decode(b, off, len));
      case CHAR, NCHAR -> parse(t, getString(t, b, off, len), BigDecimal::new, "BigDecimal");
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getBigDecimal(s.t(), s.b(), s.off(), s.len());
      }
      default -> throw ConversionException.of(t, "BigDecimal");
    };
  }

  /**
   * Text of any value: char types in their collation's charset, nchar types and xml as UTF-16LE,
   * binary as upper-case hex, uniqueidentifier upper-case, decimals in plain notation, other values
   * through {@link #getObject}.
   */
  public static String getString(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    Slot s = plain(t, b, off, len);
    return switch (t.family()) {
      case CHAR -> decode(s, charset(t));
      case NCHAR, XML -> io.jctds.protocol.Wire.utf16le(s.b(), s.off(), s.len());
      case BINARY, UDT -> HEX.formatHex(getBytes(t, b, off, len));
      case GUID -> GuidCodec.decode(b, off).toString().toUpperCase(Locale.ROOT);
      case DECIMAL, MONEY -> getBigDecimal(t, b, off, len).toPlainString();
      case VARIANT -> {
        Slot v = Variants.unwrap(b, off, len);
        yield getString(v.t(), v.b(), v.off(), v.len());
      }
      default -> String.valueOf(getObject(t, b, off, len));
    };
  }

  private static Charset charset(TypeInfo t) {
    return t.collation() == null
        ? Collation.SQL_LATIN1_GENERAL_CP1_CI_AS.charset()
        : t.collation().charset();
  }

  private static String decode(Slot s, Charset cs) {
    return io.jctds.protocol.Wire.decode(s.b(), s.off(), s.len(), cs);
  }

  /** The raw value bytes of any type (PLP chunks joined); null for NULL. */
  public static byte[] getBytes(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    Slot s = plain(t, b, off, len);
    return io.jctds.protocol.Wire.copy(s.b(), s.off(), s.len());
  }

  /** Accepts uniqueidentifier and its text form. */
  public static UUID getUuid(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    return switch (t.family()) {
      case GUID -> GuidCodec.decode(b, off);
      case CHAR, NCHAR -> parse(t, getString(t, b, off, len).trim(), UUID::fromString, "UUID");
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getUuid(s.t(), s.b(), s.off(), s.len());
      }
      default -> throw ConversionException.of(t, "UUID");
    };
  }

  /**
   * Accepts date, datetime, smalldatetime, datetime2, datetimeoffset (its local date) and the text
   * forms down-level clients receive ({@code 2024-05-01}, with or without a time).
   */
  public static LocalDate getDate(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    return switch (t.family()) {
      case DATE -> DateTimeCodec.decodeDate(b, off);
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getDate(s.t(), s.b(), s.off(), s.len());
      }
      case CHAR, NCHAR -> parse(t, getString(t, b, off, len), TextDates::date, "LocalDate");
      default -> getDateTime(t, b, off, len).toLocalDate();
    };
  }

  /**
   * Accepts time, datetime, smalldatetime, datetime2, datetimeoffset (its local time) and the text
   * forms down-level clients receive ({@code 12:34:56.1234567}, with or without a date).
   */
  public static LocalTime getTime(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    return switch (t.family()) {
      case TIME -> DateTimeCodec.decodeTime(b, off, t.scale());
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getTime(s.t(), s.b(), s.off(), s.len());
      }
      case CHAR, NCHAR -> parse(t, getString(t, b, off, len), TextDates::time, "LocalTime");
      default -> getDateTime(t, b, off, len).toLocalTime();
    };
  }

  /**
   * Accepts datetime, smalldatetime, datetime2, date (at midnight) and datetimeoffset (its local
   * date-time at its own offset), and the text forms down-level clients receive.
   */
  public static LocalDateTime getDateTime(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    return switch (t.family()) {
      case DATETIME ->
          len == 8
              ? DateTimeCodec.decodeDateTime(b, off)
              : DateTimeCodec.decodeSmallDateTime(b, off);
      case DATETIME2 -> DateTimeCodec.decodeDateTime2(b, off, t.scale());
      case DATE -> DateTimeCodec.decodeDate(b, off).atStartOfDay();
      case DATETIMEOFFSET ->
          DateTimeCodec.decodeDateTimeOffset(b, off, t.scale()).toLocalDateTime();
      case CHAR, NCHAR -> parse(t, getString(t, b, off, len), TextDates::dateTime, "LocalDateTime");
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getDateTime(s.t(), s.b(), s.off(), s.len());
      }
      default -> throw ConversionException.of(t, "LocalDateTime");
    };
  }

  /** Accepts datetimeoffset and its down-level text form ({@code 2024-05-01 12:34:56 +02:00}). */
  public static OffsetDateTime getOffsetDateTime(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    return switch (t.family()) {
      case DATETIMEOFFSET -> DateTimeCodec.decodeDateTimeOffset(b, off, t.scale());
      case CHAR, NCHAR ->
          parse(t, getString(t, b, off, len), TextDates::offsetDateTime, "OffsetDateTime");
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getOffsetDateTime(s.t(), s.b(), s.off(), s.len());
      }
      default -> throw ConversionException.of(t, "OffsetDateTime");
    };
  }

  /**
   * The natural Java value: Short (tinyint, smallint), Integer, Long, Boolean, Float (real),
   * Double, BigDecimal (decimal, numeric, money), LocalDateTime (datetime, smalldatetime,
   * datetime2), LocalDate, LocalTime, OffsetDateTime, UUID, String (char, nchar, xml), byte[]
   * (binary, UDT); sql_variant gives its base type's value.
   */
  public static Object getObject(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    return switch (t.family()) {
      case NULL -> null;
      case INTEGER -> {
        long v = IntegerCodec.decode(b, off, len);
        yield len <= 2 ? (Object) (short) v : len == 4 ? (Object) (int) v : (Object) v;
      }
      case BIT -> IntegerCodec.decode(b, off, len) != 0;
      case FLOAT ->
          len == 4 ? (Object) (float) FloatCodec.decode(b, off, 4) : FloatCodec.decode(b, off, 8);
      case DECIMAL, MONEY -> getBigDecimal(t, b, off, len);
      case DATETIME, DATETIME2 -> getDateTime(t, b, off, len);
      case DATE -> getDate(t, b, off, len);
      case TIME -> getTime(t, b, off, len);
      case DATETIMEOFFSET -> getOffsetDateTime(t, b, off, len);
      case GUID -> GuidCodec.decode(b, off);
      case CHAR, NCHAR, XML -> getString(t, b, off, len);
      case BINARY, UDT -> getBytes(t, b, off, len);
      case VARIANT -> {
        Slot s = Variants.unwrap(b, off, len);
        yield getObject(s.t(), s.b(), s.off(), s.len());
      }
    };
  }

  private static <T> T parse(TypeInfo t, String s, Function<String, T> parser, String to) {
    try {
      return parser.apply(s.trim());
    } catch (RuntimeException e) {
      throw new ConversionException(
          "cannot convert the " + t.sqlName() + " text \"" + abbreviate(s) + "\" to " + to, e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
