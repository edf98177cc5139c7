package io.jctds.protocol.type;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Writes a Java value as a sql_variant: DWORD length, base type, properties, data. */
final class VariantWriter {
  private VariantWriter() {}

  static void write(TdsWriter out, Object v) {
    BufferWriter body = new BufferWriter(32, 8016 + 16);
    if (v instanceof Integer i) {
      body.u8(TdsType.INT4.id()).u8(0).i32(i);
    } else if (v instanceof Long l) {
      body.u8(TdsType.INT8.id()).u8(0).i64(l);
    } else if (v instanceof Short s) {
      body.u8(TdsType.INT2.id()).u8(0).u16(s);
    } else if (v instanceof Byte b) {
      body.u8(TdsType.INT2.id()).u8(0).u16(b);
    } else if (v instanceof Boolean b) {
      body.u8(TdsType.BIT.id()).u8(0).u8(b ? 1 : 0);
    } else if (v instanceof Double d) {
      body.u8(TdsType.FLT8.id()).u8(0).i64(Double.doubleToLongBits(d));
    } else if (v instanceof Float f) {
      body.u8(TdsType.FLT4.id()).u8(0).i32(Float.floatToIntBits(f));
    } else if (v instanceof BigDecimal d) {
      decimal(body, d);
    } else if (v instanceof UUID u) {
      body.u8(TdsType.GUID.id()).u8(0);
      GuidCodec.encode(body, u);
    } else {
      temporalOrText(body, v);
    }
    out.i32(body.size()).bytes(body.view());
  }

  private static void decimal(BufferWriter body, BigDecimal d) {
    int scale = Math.max(0, d.scale());
    int precision = Math.max(d.precision(), scale);
    if (precision > 38) {
      throw new IllegalArgumentException(d + " has more than 38 digits for sql_variant");
    }
    body.u8(TdsType.NUMERICN.id()).u8(2).u8(precision).u8(scale);
    DecimalCodec.encode(body, d, precision, scale);
  }

  private static void temporalOrText(BufferWriter body, Object v) {
    if (v instanceof LocalDate d) {
      body.u8(TdsType.DATEN.id()).u8(0);
      DateTimeCodec.encodeDate(body, d);
    } else if (v instanceof LocalTime t) {
      body.u8(TdsType.TIMEN.id()).u8(1).u8(7);
      DateTimeCodec.encodeTime(body, t, 7);
    } else if (v instanceof LocalDateTime t) {
      body.u8(TdsType.DATETIME2N.id()).u8(1).u8(7);
      DateTimeCodec.encodeDateTime2(body, t, 7);
    } else if (v instanceof OffsetDateTime t) {
      body.u8(TdsType.DATETIMEOFFSETN.id()).u8(1).u8(7);
      DateTimeCodec.encodeDateTimeOffset(body, t, 7);
    } else if (v instanceof byte[] b) {
      checkSize(b.length);
      body.u8(TdsType.BIGVARBINARY.id()).u8(2).u16(8000).bytes(b);
    } else if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
      checkSize(b.length);
      body.u8(TdsType.NVARCHAR.id()).u8(7);
      Collation.SQL_LATIN1_GENERAL_CP1_CI_AS.encode(body);
      body.u16(8000).bytes(b);
    } else {
      throw new IllegalArgumentException(
          "a " + v.getClass().getSimpleName() + " cannot be written as sql_variant");
    }
  }

  private static void checkSize(int n) {
    if (n > 8000) {
      throw new IllegalArgumentException("sql_variant holds at most 8000 bytes, got " + n);
    }
  }
}
