package io.jctds.protocol.tls;

import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import java.nio.ByteBuffer;

/**
 * Wraps TLS handshake output in PRELOGIN (0x12) packets of at most {@link
 * TdsTlsTransport#PRELOGIN_PACKET_SIZE} bytes, the size every TDS peer accepts during login; the
 * last packet of a flight carries EOM.
 */
final class PreloginFramer {
  private static final int MAX_PAYLOAD = TdsTlsTransport.PRELOGIN_PACKET_SIZE - PacketHeader.SIZE;

  private int packetId = 1;

  /** Number of bytes {@code tlsBytes} TLS bytes take once framed. */
  static int framedSize(int tlsBytes) {
    int packets = Math.max(1, (tlsBytes + MAX_PAYLOAD - 1) / MAX_PAYLOAD);
    return tlsBytes + packets * PacketHeader.SIZE;
  }

  /**
   * Moves {@code n} bytes of the engine's output into {@code out} as PRELOGIN packets.
   *
   * @param out a buffer with at least {@link #framedSize(int) framedSize(n)} bytes remaining
   */
  void frame(TlsEngine engine, int n, ByteBuffer out) {
    int left = n;
    while (left > 0) {
      int payload = Math.min(left, MAX_PAYLOAD);
      left -= payload;
      new PacketHeader(
              PacketType.PRELOGIN,
              left == 0 ? PacketHeader.STATUS_EOM : 0,
              PacketHeader.SIZE + payload,
              0,
              packetId,
              0)
          .encode(out);
      packetId = (packetId + 1) & 0xFF;
      int limit = out.limit();
      out.limit(out.position() + payload);
      engine.readOutput(out);
      out.limit(limit);
    }
  }
}
