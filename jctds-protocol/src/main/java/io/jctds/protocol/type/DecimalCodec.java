package io.jctds.protocol.type;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/**
 * decimal and numeric ([MS-TDS] 2.2.5.5.1.5): a sign byte (1 = positive, 0 = negative) and the
 * unscaled magnitude as a little-endian unsigned integer of 4, 8, 12 or 16 bytes, chosen by the
 * precision.
 */
public final class DecimalCodec {
  private DecimalCodec() {}

  /** Value size including the sign byte for a precision: 5, 9, 13 or 17. */
  public static int valueSize(int precision) {
    return precision <= 9 ? 5 : precision <= 19 ? 9 : precision <= 28 ? 13 : 17;
  }

  /** Decodes {@code len} bytes (sign + magnitude) with {@code scale}. */
  public static BigDecimal decode(ByteBuffer b, int off, int len, int scale) {
    if (len < 2 || len > 17) {
      throw new IllegalArgumentException("decimal of " + len + " bytes");
    }
    boolean positive = b.get(off) != 0;
    int mag = len - 1;
    if (mag <= 8) {
      long m = Wire.uintAt(b, off + 1, mag);
      if (m >= 0) {
        return BigDecimal.valueOf(positive ? m : -m, scale);
      }
    }
    byte[] be = new byte[mag];
    for (int i = 0; i < mag; i++) {
      be[mag - 1 - i] = b.get(off + 1 + i);
    }
    BigInteger u = new BigInteger(1, be);
    return new BigDecimal(positive ? u : u.negate(), scale);
  }

  /**
   * Writes the value bytes (sign + magnitude, no length prefix) for decimal(precision, scale),
   * rounding half-up to the scale.
   *
   * @throws IllegalArgumentException if the value has more digits than the precision allows
   */
  public static void encode(TdsWriter out, BigDecimal v, int precision, int scale) {
    BigDecimal scaled = v.setScale(scale, RoundingMode.HALF_UP);
    // precision(): the digits of the unscaled value, counted without building its text
    if (scaled.signum() != 0 && scaled.precision() > precision) {
      throw new IllegalArgumentException(
          v.toPlainString() + " does not fit decimal(" + precision + "," + scale + ")");
    }
    BigInteger unscaled = scaled.unscaledValue();
    BigInteger abs = unscaled.abs();
    int mag = valueSize(precision) - 1;
    out.u8(unscaled.signum() < 0 ? 0 : 1);
    if (abs.bitLength() <= 63) {
      out.uint(abs.longValue(), Math.min(mag, 8));
      out.zeros(mag - Math.min(mag, 8));
      return;
    }
    byte[] be = abs.toByteArray();
    for (int i = 0; i < mag; i++) {
      int j = be.length - 1 - i;
      out.u8(j >= 0 ? be[j] : 0);
    }
  }
}
