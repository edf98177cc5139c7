package io.jctds.protocol.type;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/** real (4 bytes) and float (8 bytes): little-endian IEEE 754. */
public final class FloatCodec {
  private FloatCodec() {}

  /** Decodes 4 or 8 bytes at {@code off}. */
  public static double decode(ByteBuffer b, int off, int len) {
    return switch (len) {
      case 4 -> Float.intBitsToFloat(Wire.i32At(b, off));
      case 8 -> Double.longBitsToDouble(Wire.i64At(b, off));
      default -> throw new IllegalArgumentException("float of " + len + " bytes");
    };
  }

  /** Writes {@code v} as 4 or 8 bytes (no length prefix). */
  public static void encode(TdsWriter out, double v, int size) {
    switch (size) {
      case 4 -> out.i32(Float.floatToIntBits((float) v));
      case 8 -> out.i64(Double.doubleToLongBits(v));
      default -> throw new IllegalArgumentException("float of " + size + " bytes");
    }
  }
}
