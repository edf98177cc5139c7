package io.jctds.server.sql;

import java.nio.ByteBuffer;

/**
 * A request message's payload read while the request is served, packet by packet: a bulk load's
 * rows ([MS-TDS] 2.2.6.1) are decoded and inserted as they arrive, so a load of any size holds no
 * more than a few packets (and the row being decoded) in memory.
 *
 * <p>Used by the session thread only. A failing connection surfaces as {@link
 * java.io.UncheckedIOException} from {@link #more}; the session then ends.
 */
public interface StreamedPayload {
  /**
   * The payload received and not yet consumed: little-endian, position = first unconsumed byte.
   * Decoders advance its position. Call this again after {@link #more}: the buffer object may be
   * replaced, and the bytes before its position are dropped.
   */
  ByteBuffer buffer();

  /**
   * Drops the consumed bytes and waits for more of the message.
   *
   * @return false when the message had already ended (nothing more will come)
   * @throws java.io.UncheckedIOException when the connection fails or the client breaks the packet
   *     framing
   */
  boolean more();

  /** Whether the message's last packet has arrived. */
  boolean ended();

  /**
   * Once {@link #ended}: whether the client abandoned the message (the IGNORE bit on its last
   * packet, [MS-TDS] 2.2.1.7); what was done with its data must be undone.
   */
  boolean abandoned();

  /** Reads and discards the rest of the message (nothing if it has ended or the stream broke). */
  default void skipRest() {
    while (!ended() && more()) {
      ByteBuffer b = buffer();
      b.position(b.limit());
    }
  }

  /** A payload that arrived whole before its request was served. */
  static StreamedPayload whole(ByteBuffer payload, boolean abandoned) {
    return new StreamedPayload() {
      @Override
      public ByteBuffer buffer() {
        return payload;
      }

      @Override
      public boolean more() {
        return false;
      }

      @Override
      public boolean ended() {
        return true;
      }

      @Override
      public boolean abandoned() {
        return abandoned;
      }
    };
  }
}
