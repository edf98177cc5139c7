package io.jctds.protocol.tls;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.framing.PacketHeader;
import java.nio.ByteBuffer;

/**
 * Follows the first TDS packet of a byte stream (the LOGIN7 packet in login-only encryption): its
 * length comes from bytes 2..3 of its header, so the stream can switch to plaintext exactly where
 * the packet ends.
 */
final class FirstPacket {
  private int length = -1;
  private int seen;
  private int lengthHigh;

  /**
   * Claims the bytes of {@code src}, from its position, that belong to the first packet. Does not
   * move the position.
   *
   * @return how many of the {@code src.remaining()} bytes belong to the first packet
   * @throws TdsProtocolException if the header's length is below 8
   */
  int claim(ByteBuffer src) {
    int n = src.remaining();
    int k = 0;
    while (k < n && !isComplete()) {
      if (length < 0) {
        int b = src.get(src.position() + k) & 0xFF;
        if (seen == 2) {
          lengthHigh = b;
        } else if (seen == 3) {
          length = lengthHigh << 8 | b;
          if (length < PacketHeader.SIZE) {
            throw new TdsProtocolException(
                "the first TDS packet (LOGIN7) declares length "
                    + length
                    + ", less than its 8-byte header",
                2);
          }
        }
        seen++;
        k++;
      } else {
        int step = Math.min(n - k, length - seen);
        seen += step;
        k += step;
      }
    }
    return k;
  }

  /** Whether every byte of the first packet has been claimed. */
  boolean isComplete() {
    return length >= 0 && seen >= length;
  }
}
