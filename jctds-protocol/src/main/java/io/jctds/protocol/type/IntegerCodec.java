package io.jctds.protocol.type;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/** tinyint (unsigned), smallint, int, bigint and bit: little-endian two's complement. */
public final class IntegerCodec {
  private IntegerCodec() {}

  /** Decodes 1 (unsigned), 2, 4 or 8 bytes at {@code off}. */
  public static long decode(ByteBuffer b, int off, int len) {
    return switch (len) {
      case 1 -> b.get(off) & 0xFF;
      case 2 -> (short) Wire.u16At(b, off);
      case 4 -> Wire.i32At(b, off);
      case 8 -> Wire.i64At(b, off);
      default -> throw new IllegalArgumentException("integer of " + len + " bytes");
    };
  }

  /**
   * Writes {@code v} in {@code size} bytes (no length prefix).
   *
   * @throws IllegalArgumentException if it does not fit (tinyint is 0..255)
   */
  public static void encode(TdsWriter out, long v, int size) {
    boolean fits =
        switch (size) {
          case 1 -> v >= 0 && v <= 255;
          case 2 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
          case 4 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
          case 8 -> true;
          default -> throw new IllegalArgumentException("integer of " + size + " bytes");
        };
    if (!fits) {
      throw new IllegalArgumentException(
          v + " does not fit a " + size + "-byte " + (size == 1 ? "tinyint" : "integer"));
    }
    out.uint(v, size);
  }
}
