package io.jctds.protocol.type;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * uniqueidentifier: 16 bytes in Microsoft's mixed-endian GUID layout — the first three groups (4, 2
 * and 2 bytes) little-endian, the last 8 bytes as written.
 */
public final class GuidCodec {
  private GuidCodec() {}

  /** Decodes 16 bytes at {@code off}. */
  public static UUID decode(ByteBuffer b, int off) {
    long d1 = Wire.i32At(b, off) & 0xFFFFFFFFL;
    long d2 = Wire.u16At(b, off + 4);
    long d3 = Wire.u16At(b, off + 6);
    long msb = d1 << 32 | d2 << 16 | d3;
    long lsb = 0;
    for (int i = 8; i < 16; i++) {
      lsb = lsb << 8 | (b.get(off + i) & 0xFF);
    }
    return new UUID(msb, lsb);
  }

  /** Writes 16 bytes (no length prefix). */
  public static void encode(TdsWriter out, UUID u) {
    long msb = u.getMostSignificantBits();
    out.i32((int) (msb >>> 32)).u16((int) (msb >>> 16)).u16((int) msb);
    long lsb = u.getLeastSignificantBits();
    out.i64(Long.reverseBytes(lsb)); // the last 8 bytes in big-endian order
  }
}
