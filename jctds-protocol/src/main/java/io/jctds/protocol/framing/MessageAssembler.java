package io.jctds.protocol.framing;

import io.jctds.protocol.TdsProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns packets back into message payloads ([MS-TDS] 2.2.3). Bytes are {@linkplain
 * #feed(ByteBuffer) fed} as they arrive from the transport, in chunks of any size; headers are
 * checked (length 8..negotiated size, the same packet type throughout a message) and payloads are
 * appended to one reusable buffer. A consumer can decode {@link #payload()} while the message is
 * still arriving (streaming a large result) and {@link #compact()} what it has consumed.
 *
 * <p>A consumer that hands out tokens referring to the buffer's bytes (rows it does not copy) calls
 * {@link #lend()}: the bytes received so far are then never overwritten. The next {@link
 * #compact()}, {@link #makeRoom()} or {@link #reset()} moves the unconsumed bytes to a fresh array
 * instead and leaves the old one to whatever still refers to it (the garbage collector reclaims it
 * with the last such token), so a caller may keep rows without the assembler copying each one.
 *
 * <p>Not thread-safe; one per connection.
 */
public final class MessageAssembler {
  private final byte[] header = new byte[PacketHeader.SIZE];
  private int headerFill;
  private int payloadLeft;
  private PacketHeader current;
  private PacketHeader first;
  private boolean complete;
  private int maxPacketSize;
  private final int maxMessageSize;
  private long messageBytes;
  private int packets;
  private byte[] data;
  private ByteBuffer view;

  /** Whether tokens referring to {@link #data} were handed out: do not overwrite it. */
  private boolean lent;

  /**
   * The smallest array {@link #lend() lent} bytes move to: large enough to hold many packets, so
   * that a fresh array is needed once per this many bytes rather than once per packet.
   */
  static final int LENT_MOVE_CAPACITY = 64 * 1024;

  /**
   * @param maxPacketSize the negotiated packet size; longer packets are an error
   * @param maxMessageSize the most payload bytes one message may hold in the buffer at once (an
   *     attacker-controlled peer cannot make this object allocate more)
   */
  public MessageAssembler(int maxPacketSize, int maxMessageSize) {
    maxPacketSize(maxPacketSize);
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException("maxMessageSize must be positive");
    }
    this.maxMessageSize = maxMessageSize;
    this.data = new byte[Math.min(maxPacketSize, maxMessageSize)];
    this.view = ByteBuffer.wrap(data, 0, 0).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Changes the largest accepted packet, e.g. after ENVCHANGE packet size. */
  public void maxPacketSize(int size) {
    if (size < PacketHeader.SIZE || size > PacketHeader.MAX_PACKET_SIZE) {
      throw new IllegalArgumentException(
          "packet size " + size + " is outside 8.." + PacketHeader.MAX_PACKET_SIZE);
    }
    this.maxPacketSize = size;
  }

  /**
   * Adds exactly one packet (header and payload are the buffer's remaining bytes).
   *
   * @return its header
   * @throws TdsProtocolException if the buffer does not hold exactly one valid packet
   */
  public PacketHeader add(ByteBuffer packet) {
    if (headerFill != 0 || payloadLeft != 0) {
      throw new IllegalStateException("a packet is partly fed; finish it with feed()");
    }
    int at = packet.position();
    int len = packet.remaining();
    if (len < PacketHeader.SIZE) {
      throw new TdsProtocolException("packet of " + len + " bytes is shorter than its header", 0);
    }
    int declared = (packet.get(at + 2) & 0xFF) << 8 | packet.get(at + 3) & 0xFF;
    if (declared != len) {
      throw new TdsProtocolException(
          "packet length field says " + declared + " but the packet has " + len + " bytes", 2);
    }
    feed(packet);
    return current;
  }

  /**
   * Consumes stream bytes until the current message is complete or {@code chunk} is exhausted.
   * Bytes after the end of the message stay in {@code chunk} for the next one.
   *
   * @return whether the message is complete
   * @throws TdsProtocolException on an invalid header
   */
  public boolean feed(ByteBuffer chunk) {
    if (complete) {
      reset();
    }
    while (chunk.hasRemaining() && !complete) {
      if (payloadLeft == 0 && headerFill < PacketHeader.SIZE) {
        readHeaderBytes(chunk);
      } else {
        int n = Math.min(payloadLeft, chunk.remaining());
        append(chunk, n);
        payloadLeft -= n;
      }
      if (headerFill == PacketHeader.SIZE && payloadLeft == 0) {
        headerFill = 0;
        complete = current.isEndOfMessage();
      }
    }
    return complete;
  }

  private void readHeaderBytes(ByteBuffer chunk) {
    int n = Math.min(PacketHeader.SIZE - headerFill, chunk.remaining());
    chunk.get(header, headerFill, n);
    headerFill += n;
    if (headerFill == PacketHeader.SIZE) {
      acceptHeader(PacketHeader.decode(ByteBuffer.wrap(header)));
    }
  }

  private void acceptHeader(PacketHeader h) {
    if (h.length() > maxPacketSize) {
      throw new TdsProtocolException(
          "packet of "
              + h.length()
              + " bytes exceeds the negotiated packet size "
              + maxPacketSize
              + " ("
              + PacketType.name(h.type())
              + ")",
          2);
    }
    if (first != null && h.type() != first.type()) {
      throw new TdsProtocolException(
          "packet type changed from "
              + PacketType.name(first.type())
              + " to "
              + PacketType.name(h.type())
              + " in the middle of a message (packet "
              + (packets + 1)
              + ")",
          0);
    }
    if (first == null) {
      first = h;
    }
    current = h;
    packets++;
    payloadLeft = h.payloadLength();
  }

  private void append(ByteBuffer chunk, int n) {
    messageBytes += n;
    int end = view.limit();
    if (end + n > data.length) {
      if ((long) end + n > maxMessageSize) {
        throw new TdsProtocolException(
            "message exceeds the limit of "
                + maxMessageSize
                + " buffered payload bytes; consume and compact() while it streams",
            (int) Math.min(Integer.MAX_VALUE, messageBytes));
      }
      grow(end + n);
    }
    chunk.get(data, end, n);
    view.limit(end + n);
  }

  private void grow(int needed) {
    int cap = (int) Math.min(maxMessageSize, Math.max(needed, (long) data.length * 2));
    byte[] bigger = new byte[cap];
    int pos = view.position();
    int lim = view.limit();
    System.arraycopy(data, 0, bigger, 0, lim);
    data = bigger;
    view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    view.limit(lim).position(pos);
    lent = false; // the old array stays as it is with whatever refers to it
  }

  /** Whether the last packet of the message (EOM) has been received. */
  public boolean isComplete() {
    return complete;
  }

  /** The message's packet type, or -1 before its first header. */
  public int type() {
    return first == null ? -1 : first.type();
  }

  /** The header of the most recent packet (its SPID is the server's session id), or null. */
  public PacketHeader lastHeader() {
    return current;
  }

  /** Number of packets received for the current message. */
  public int packets() {
    return packets;
  }

  /**
   * The payload bytes received and not yet consumed: little-endian, position = first unconsumed
   * byte, limit = last byte received. Decoders advance its position. Call this again after each
   * {@link #feed}: when the buffer grows a new object replaces it (the old one keeps its bytes, so
   * rows decoded from it stay valid). Bytes move only in {@link #compact()}, which invalidates
   * anything that refers to them by index.
   */
  public ByteBuffer payload() {
    return view;
  }

  /**
   * Drops the consumed bytes (before the payload's position) to make room. When the buffer was
   * {@link #lend() lent}, the unconsumed bytes move to a fresh array and the old one is left as it
   * is.
   */
  public void compact() {
    int pos = view.position();
    int lim = view.limit();
    if (lent) {
      moveTo(new byte[moveCapacity(lim - pos)], pos, lim);
    } else if (pos > 0) {
      System.arraycopy(data, pos, data, 0, lim - pos);
      view.limit(lim - pos).position(0);
    }
  }

  /**
   * Compacts only when fewer bytes than one packet of the negotiated size are free at the end of
   * the buffer, so that the next packet's payload fits without growing it.
   */
  public void makeRoom() {
    if (data.length - view.limit() < maxPacketSize) {
      compact();
    }
  }

  /**
   * Marks the bytes received so far as referred to by tokens handed out (rows kept without a copy):
   * from now on they are never overwritten; see the class comment.
   */
  public void lend() {
    lent = true;
  }

  private int moveCapacity(int keep) {
    long want = Math.max(Math.max(data.length, LENT_MOVE_CAPACITY), (long) keep + maxPacketSize);
    return (int) Math.max(keep, Math.min(maxMessageSize, want));
  }

  private void moveTo(byte[] fresh, int pos, int lim) {
    System.arraycopy(data, pos, fresh, 0, lim - pos);
    data = fresh;
    view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    view.limit(lim - pos).position(0);
    lent = false;
  }

  /** Forgets the current message (and any partly fed packet) and starts over. */
  public void reset() {
    headerFill = 0;
    payloadLeft = 0;
    current = null;
    first = null;
    complete = false;
    messageBytes = 0;
    packets = 0;
    if (lent) {
      moveTo(new byte[Math.min(maxPacketSize, maxMessageSize)], 0, 0);
    } else {
      view.limit(0).position(0);
    }
  }
}
