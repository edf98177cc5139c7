package io.jctds.jdbc;

import io.jctds.jdbc.JdbcTypes.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * getBytes of a number, as mssql-jdbc 13.6.2 gives it: integers big-endian in their storage width
 * (bit and tinyint 1 byte, smallint 2, int 4, bigint 8), real and float as their IEEE bits, money
 * and smallmoney as the two's complement of value × 10⁴ in 8 / 4 bytes, decimal and numeric as
 * TDS's decimal form (scale, length, sign, magnitude little-endian).
 */
final class JdbcBytes {
  private JdbcBytes() {}

  static byte[] of(Object v, Kind k) {
    if (v instanceof Boolean b) {
      return new byte[] {(byte) (b ? 1 : 0)};
    } else if (v instanceof Float f) {
      return ByteBuffer.allocate(4).putFloat(f).array();
    } else if (v instanceof Double d) {
      return ByteBuffer.allocate(8).putDouble(d).array();
    } else if (v instanceof BigDecimal d) {
      return k == Kind.MONEY || k == Kind.SMALLMONEY
          ? money(d, k == Kind.MONEY ? 8 : 4)
          : decimal(d);
    }
    long l = ((Number) v).longValue();
    int width =
        switch (k) {
          case TINYINT, BIT -> 1;
          case SMALLINT -> 2;
          case INT -> 4;
          // mssql-jdbc sizes a sql_variant's int and smallint by the whole variant value
          // (2 header bytes + 4 or 2)
          case VARIANT -> v instanceof Integer ? 6 : v instanceof Short ? 4 : 8;
          default -> 8;
        };
    byte[] out = new byte[width];
    for (int i = width - 1; i >= 0; i--) {
      out[i] = (byte) l;
      l >>= 8;
    }
    return out;
  }

  /**
   * datetime as stored: days since 1900-01-01 and 1/300 s ticks since midnight, 4 bytes each;
   * smalldatetime: days and minutes, 2 bytes each (big-endian, as mssql-jdbc gives them).
   */
  static byte[] dateTime(LocalDateTime t, boolean small) {
    long days = ChronoUnit.DAYS.between(LocalDate.of(1900, 1, 1), t.toLocalDate());
    long nanos = t.toLocalTime().toNanoOfDay();
    if (small) {
      return ByteBuffer.allocate(4)
          .putShort((short) days)
          .putShort((short) (nanos / 60_000_000_000L))
          .array();
    }
    long ticks = Math.round(nanos * 300.0 / 1_000_000_000L);
    return ByteBuffer.allocate(8).putInt((int) days).putInt((int) ticks).array();
  }

  private static byte[] money(BigDecimal d, int width) {
    byte[] unscaled = d.setScale(4).unscaledValue().toByteArray();
    byte[] out = new byte[width];
    byte pad = (byte) (d.signum() < 0 ? -1 : 0);
    int offset = width - unscaled.length;
    for (int i = 0; i < offset; i++) {
      out[i] = pad;
    }
    System.arraycopy(
        unscaled, Math.max(0, -offset), out, Math.max(0, offset), Math.min(width, unscaled.length));
    return out;
  }

  private static byte[] decimal(BigDecimal d) {
    BigDecimal v = d.scale() < 0 ? d.setScale(0) : d;
    BigInteger magnitude = v.unscaledValue().abs();
    byte[] be = magnitude.toByteArray();
    byte[] out = new byte[be.length + 3];
    out[0] = (byte) v.scale();
    out[1] = (byte) (be.length + 1);
    out[2] = (byte) (v.signum() < 0 ? 0 : 1);
    for (int i = 0; i < be.length; i++) {
      out[3 + i] = be[be.length - 1 - i];
    }
    return out;
  }
}
