package io.jctds.protocol.type;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/**
 * money (8 bytes: the high 32 bits first, then the low 32 bits, each little-endian) and smallmoney
 * (4 bytes), both counting units of 1/10000.
 */
public final class MoneyCodec {
  private MoneyCodec() {}

  /** The value in units of 1/10000. */
  public static long decodeUnits(ByteBuffer b, int off, int len) {
    return switch (len) {
      case 4 -> Wire.i32At(b, off);
      case 8 -> (long) Wire.i32At(b, off) << 32 | Wire.i32At(b, off + 4) & 0xFFFFFFFFL;
      default -> throw new IllegalArgumentException("money of " + len + " bytes");
    };
  }

  /** The value with scale 4. */
  public static BigDecimal decode(ByteBuffer b, int off, int len) {
    return BigDecimal.valueOf(decodeUnits(b, off, len), 4);
  }

  /**
   * Writes {@code v} (rounded half-up to 4 decimals) as 4 or 8 bytes (no length prefix).
   *
   * @throws IllegalArgumentException if it is out of range
   */
  public static void encode(TdsWriter out, BigDecimal v, int size) {
    long units;
    try {
      units = v.setScale(4, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(v.toPlainString() + " is out of range for money", e);
    }
    encodeUnits(out, units, size);
  }

  /** Writes a value given in units of 1/10000. */
  public static void encodeUnits(TdsWriter out, long units, int size) {
    switch (size) {
      case 4 -> {
        if (units < Integer.MIN_VALUE || units > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              BigDecimal.valueOf(units, 4).toPlainString() + " is out of range for smallmoney");
        }
        out.i32((int) units);
      }
      case 8 -> out.i32((int) (units >>> 32)).i32((int) units);
      default -> throw new IllegalArgumentException("money of " + size + " bytes");
    }
  }
}
