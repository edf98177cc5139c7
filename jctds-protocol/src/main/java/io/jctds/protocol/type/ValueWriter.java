package io.jctds.protocol.type;

import io.jctds.protocol.TdsWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes one value with the length prefix its {@link TypeInfo} requires (TYPE_VARBYTE): the form
 * used in ROW/NBCROW tokens, RETURNVALUE and RPC parameters. The primitive writers do not box. A
 * Java value that does not suit the type is an {@link IllegalArgumentException} naming both.
 * Fixed-length char, nchar and binary values shorter than the declared length are padded (spaces,
 * zero bytes) as SQL Server does.
 */
public final class ValueWriter {
  private ValueWriter() {}

  /** Writes NULL: length 0, 0xFFFF, PLP NULL, or a zero text pointer. */
  public static void writeNull(TdsWriter out, TypeInfo t) {
    switch (t.type().kind()) {
      case FIXED -> {
        if (t.type() != TdsType.NULL) {
          throw new IllegalArgumentException(
              t.sqlName() + " is a fixed-length type and cannot carry NULL; use its N type");
        }
      }
      case BYTELEN -> out.u8(0);
      case USHORTLEN -> {
        if (t.isPlp()) {
          PlpCodec.writeNull(out);
        } else {
          out.u16(0xFFFF);
        }
      }
      case PLP -> PlpCodec.writeNull(out);
      case LONGLEN -> {
        if (t.type() == TdsType.SSVARIANT) {
          out.i32(0);
        } else {
          out.u8(0);
        }
      }
    }
  }

  private static void prefix(TdsWriter out, TypeInfo t, int len) {
    if (t.type().kind() == TdsType.LengthKind.BYTELEN) {
      out.u8(len);
    }
  }

  /** Writes an integer into an integer, bit, float, decimal or money column. */
  public static void writeLong(TdsWriter out, TypeInfo t, long v) {
    switch (t.family()) {
      case INTEGER -> {
        int size = t.type() == TdsType.INTN ? t.maxLength() : t.type().size();
        prefix(out, t, size);
        IntegerCodec.encode(out, v, size);
      }
      case BIT -> {
        prefix(out, t, 1);
        out.u8(v != 0 ? 1 : 0);
      }
      case FLOAT -> writeDouble(out, t, v);
      case DECIMAL, MONEY -> write(out, t, BigDecimal.valueOf(v));
      default -> write(out, t, v);
    }
  }

  /** Writes a double into a float, real, decimal or money column. */
  public static void writeDouble(TdsWriter out, TypeInfo t, double v) {
    if (t.family() == TypeInfo.Family.FLOAT) {
      int size = t.type() == TdsType.FLTN ? t.maxLength() : t.type().size();
      prefix(out, t, size);
      FloatCodec.encode(out, v, size);
    } else {
      write(out, t, (Object) v);
    }
  }

  /** Writes a boolean into a bit or integer column. */
  public static void writeBoolean(TdsWriter out, TypeInfo t, boolean v) {
    writeLong(out, t, v ? 1 : 0);
  }

  /** Writes {@code v} (null = NULL) converted for the column's type family. */
  public static void write(TdsWriter out, TypeInfo t, Object v) {
    if (v == null) {
      writeNull(out, t);
      return;
    }
    switch (t.family()) {
      case INTEGER, BIT -> writeLong(out, t, integral(t, v));
      case FLOAT -> writeDouble(out, t, number(t, v).doubleValue());
      case DECIMAL -> writeDecimal(out, t, decimal(t, v));
      case MONEY -> {
        int size = t.type() == TdsType.MONEYN ? t.maxLength() : t.type().size();
        prefix(out, t, size);
        MoneyCodec.encode(out, decimal(t, v), size);
      }
      case DATETIME, DATE, TIME, DATETIME2, DATETIMEOFFSET -> writeTemporal(out, t, v);
      case GUID -> {
        prefix(out, t, 16);
        GuidCodec.encode(out, v instanceof String s ? UUID.fromString(s) : cast(t, v, UUID.class));
      }
      case CHAR -> writeBytes(out, t, chars(t, v), (byte) ' ');
      case NCHAR, XML -> writeUnicode(out, t, v);
      case BINARY, UDT -> writeBytes(out, t, binary(t, v), (byte) 0);
      case VARIANT -> VariantWriter.write(out, v);
      case NULL -> writeNull(out, t);
    }
  }

  private static void writeDecimal(TdsWriter out, TypeInfo t, BigDecimal v) {
    int size = DecimalCodec.valueSize(t.precision());
    prefix(out, t, size);
    DecimalCodec.encode(out, v, t.precision(), t.scale());
  }

  private static void writeTemporal(TdsWriter out, TypeInfo t, Object v) {
    switch (t.family()) {
      case DATETIME -> {
        LocalDateTime dt = localDateTime(t, v);
        int size = t.type() == TdsType.DATETIMN ? t.maxLength() : t.type().size();
        prefix(out, t, size);
        if (size == 8) {
          DateTimeCodec.encodeDateTime(out, dt);
        } else {
          DateTimeCodec.encodeSmallDateTime(out, dt);
        }
      }
      case DATE -> {
        out.u8(3);
        DateTimeCodec.encodeDate(
            out, v instanceof LocalDateTime d ? d.toLocalDate() : cast(t, v, LocalDate.class));
      }
      case TIME -> {
        out.u8(t.maxLength());
        LocalTime time =
            v instanceof LocalDateTime d ? d.toLocalTime() : cast(t, v, LocalTime.class);
        DateTimeCodec.encodeTime(out, time, t.scale());
      }
      case DATETIME2 -> {
        out.u8(t.maxLength());
        DateTimeCodec.encodeDateTime2(out, localDateTime(t, v), t.scale());
      }
      default -> {
        out.u8(t.maxLength());
        OffsetDateTime odt =
            v instanceof ZonedDateTime z ? z.toOffsetDateTime() : cast(t, v, OffsetDateTime.class);
        DateTimeCodec.encodeDateTimeOffset(out, odt, t.scale());
      }
    }
  }

  private static LocalDateTime localDateTime(TypeInfo t, Object v) {
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    return cast(t, v, LocalDateTime.class);
  }

  private static void writeBytes(TdsWriter out, TypeInfo t, byte[] data, byte pad) {
    if (t.isPlp()) {
      PlpCodec.write(out, data);
      return;
    }
    byte[] d = data;
    boolean fixed =
        t.type() == TdsType.BIGCHAR || t.type() == TdsType.NCHAR || t.type() == TdsType.BIGBINARY;
    if (fixed && d.length < t.maxLength()) {
      d = Arrays.copyOf(d, t.maxLength());
      if (pad != 0 || t.type() == TdsType.NCHAR) {
        for (int i = data.length; i < d.length; i++) {
          d[i] = t.type() == TdsType.NCHAR ? (byte) (i % 2 == 0 ? ' ' : 0) : pad;
        }
      }
    }
    switch (t.type().kind()) {
      case USHORTLEN -> out.u16(checkUshortLen(t, d.length)).bytes(d);
      case BYTELEN -> out.u8(checkByteLen(t, d.length)).bytes(d);
      case LONGLEN -> out.u8(16).zeros(16 + 8).i32(d.length).bytes(d);
      default -> PlpCodec.write(out, d);
    }
  }

  /** A USHORTLEN value's length, refused when it exceeds the type's maximum. */
  private static int checkUshortLen(TypeInfo t, int len) {
    if (len > t.maxLength()) {
      throw new IllegalArgumentException(
          len + " bytes do not fit " + t.sqlName() + " (" + t.maxLength() + " bytes)");
    }
    return len;
  }

  private static int checkByteLen(TypeInfo t, int len) {
    if (len > 255) {
      throw new IllegalArgumentException(len + " bytes do not fit legacy " + t.sqlName());
    }
    return len;
  }

  private static long integral(TypeInfo t, Object v) {
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof BigDecimal || v instanceof BigInteger) {
      try {
        return v instanceof BigDecimal d ? d.longValueExact() : ((BigInteger) v).longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(v + " does not fit " + t.sqlName(), e);
      }
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (d != Math.rint(d)) {
        throw new IllegalArgumentException(v + " is not a whole number for " + t.sqlName());
      }
    }
    return number(t, v).longValue();
  }

  private static Number number(TypeInfo t, Object v) {
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return cast(t, v, Number.class);
  }

  private static BigDecimal decimal(TypeInfo t, Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Double || v instanceof Float) {
      return BigDecimal.valueOf(((Number) v).doubleValue());
    }
    return BigDecimal.valueOf(number(t, v).longValue());
  }

  private static byte[] chars(TypeInfo t, Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    String s = v instanceof String x ? x : v.toString();
    Collation c = t.collation() == null ? Collation.SQL_LATIN1_GENERAL_CP1_CI_AS : t.collation();
    return s.getBytes(c.charset());
  }

  /**
   * nvarchar(n) text without a surrogate goes straight into the writer as UTF-16LE code units (what
   * {@code getBytes(UTF_16LE)} would produce, without a CharsetEncoder and a byte array per value);
   * anything else (nchar padding, (max) and xml as PLP, text with surrogates, where the JDK's
   * encoder replaces a lone one) takes the encoder's bytes.
   */
  private static void writeUnicode(TdsWriter out, TypeInfo t, Object v) {
    String s = v instanceof String x ? x : v.toString();
    if (t.type() == TdsType.NVARCHAR && !t.isPlp() && !hasSurrogate(s)) {
      out.u16(checkUshortLen(t, 2 * s.length())).ucs2(s);
      return;
    }
    writeBytes(out, t, s.getBytes(StandardCharsets.UTF_16LE), (byte) 0);
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] binary(TypeInfo t, Object v) {
    if (v instanceof ByteBuffer b) {
      byte[] d = new byte[b.remaining()];
      b.duplicate().get(d);
      return d;
    }
    return cast(t, v, byte[].class);
  }

  private static <T> T cast(TypeInfo t, Object v, Class<T> type) {
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException(
          "a "
              + v.getClass().getSimpleName()
              + " cannot be written as "
              + t.sqlName()
              + "; expected "
              + type.getSimpleName());
    }
    return type.cast(v);
  }
}
