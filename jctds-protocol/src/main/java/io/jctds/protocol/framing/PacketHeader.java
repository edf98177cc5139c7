package io.jctds.protocol.framing;

import io.jctds.protocol.TdsProtocolException;
import java.nio.ByteBuffer;

/**
 * The 8-byte TDS packet header ([MS-TDS] 2.2.3.1). Length and SPID are big-endian; the length
 * includes the header itself.
 *
 * @param type packet type, see {@link PacketType}
 * @param status status bits, see the {@code STATUS_} constants
 * @param length total packet length including this header (8..65535)
 * @param spid server process id (big-endian on the wire)
 * @param packetId packet sequence number, modulo 256
 * @param window unused, 0
 */
public record PacketHeader(int type, int status, int length, int spid, int packetId, int window) {
  /** Size of the header in bytes. */
  public static final int SIZE = 8;

  /** End of message: the last packet of a request or response. */
  public static final int STATUS_EOM = 0x01;

  /** Client to server: the server should ignore this message (sent with EOM). */
  public static final int STATUS_IGNORE = 0x02;

  /** Client to server: reset the connection before this request. */
  public static final int STATUS_RESET_CONNECTION = 0x08;

  /** Client to server: reset the connection, keeping the transaction state. */
  public static final int STATUS_RESET_CONNECTION_SKIP_TRAN = 0x10;

  /** Smallest packet size a peer may negotiate. */
  public static final int MIN_PACKET_SIZE = 512;

  /** Largest packet size ([MS-TDS]: 32767 recommended, length field allows 65535). */
  public static final int MAX_PACKET_SIZE = 65535;

  public PacketHeader {
    if (length < SIZE || length > MAX_PACKET_SIZE) {
      throw new TdsProtocolException(
          "TDS packet length " + length + " is outside " + SIZE + ".." + MAX_PACKET_SIZE, 2);
    }
    checkByte("type", type, 0);
    checkByte("status", status, 1);
    checkByte("packet id", packetId, 6);
    checkByte("window", window, 7);
    if (spid < 0 || spid > 0xFFFF) {
      throw new TdsProtocolException("TDS packet SPID " + spid + " is outside 0..65535", 4);
    }
  }

  private static void checkByte(String what, int value, int offset) {
    if (value < 0 || value > 0xFF) {
      throw new TdsProtocolException("TDS packet " + what + " " + value + " is not a byte", offset);
    }
  }

  /** Whether this is the last packet of its message. */
  public boolean isEndOfMessage() {
    return (status & STATUS_EOM) != 0;
  }

  /** Number of payload bytes that follow the header. */
  public int payloadLength() {
    return length - SIZE;
  }

  /** Writes the header at the buffer's position, advancing it by {@link #SIZE}. */
  public void encode(ByteBuffer out) {
    out.put((byte) type)
        .put((byte) status)
        .put((byte) (length >>> 8))
        .put((byte) length)
        .put((byte) (spid >>> 8))
        .put((byte) spid)
        .put((byte) packetId)
        .put((byte) window);
  }

  /** Writes a header into {@code out} at absolute index {@code at}, leaving the position alone. */
  public void encodeAt(ByteBuffer out, int at) {
    out.put(at, (byte) type)
        .put(at + 1, (byte) status)
        .put(at + 2, (byte) (length >>> 8))
        .put(at + 3, (byte) length)
        .put(at + 4, (byte) (spid >>> 8))
        .put(at + 5, (byte) spid)
        .put(at + 6, (byte) packetId)
        .put(at + 7, (byte) window);
  }

  /**
   * Reads a header from the buffer's position, advancing it by {@link #SIZE}.
   *
   * @throws TdsProtocolException if fewer than 8 bytes remain or the length field is invalid
   */
  public static PacketHeader decode(ByteBuffer in) {
    if (in.remaining() < SIZE) {
      throw new TdsProtocolException(
          "truncated TDS packet header: " + in.remaining() + " of " + SIZE + " bytes", 0);
    }
    int type = in.get() & 0xFF;
    int status = in.get() & 0xFF;
    int length = (in.get() & 0xFF) << 8 | in.get() & 0xFF; // big-endian whatever the order
    int spid = (in.get() & 0xFF) << 8 | in.get() & 0xFF;
    int packetId = in.get() & 0xFF;
    int window = in.get() & 0xFF;
    return new PacketHeader(type, status, length, spid, packetId, window);
  }

  @Override
  public String toString() {
    return PacketType.name(type)
        + String.format(
            " status=0x%02X length=%d spid=%d packetId=%d", status, length, spid, packetId);
  }
}
