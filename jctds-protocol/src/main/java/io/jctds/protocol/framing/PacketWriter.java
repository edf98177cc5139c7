package io.jctds.protocol.framing;

import io.jctds.protocol.TdsWriter;
import java.nio.ByteBuffer;

/**
 * Writes a message straight into TDS packets ([MS-TDS] 2.2.3): the payload goes into one reusable
 * packet buffer after an 8-byte header; when the buffer reaches the negotiated packet size (header
 * included) the packet is handed to the {@link PacketSink} and the buffer is reused. The last
 * packet carries EOM. Packet ids count up from {@link #firstPacketId(int)} modulo 256.
 *
 * <p>Usage: {@code beginMessage(PacketType.SQL_BATCH); ...encode...; endMessage();}. Not
 * thread-safe; one per connection.
 */
public final class PacketWriter extends TdsWriter {
  /** Receives each finished packet. */
  @FunctionalInterface
  public interface PacketSink {
    /**
     * Sends one packet: the bytes from the buffer's position to its limit (header included). The
     * buffer is reused after this returns, so the sink must consume or copy it. I/O failures should
     * be thrown as {@link java.io.UncheckedIOException}.
     */
    void send(ByteBuffer packet);

    /**
     * Called after a message's last packet and after {@link PacketWriter#flush()}: the peer must
     * see everything sent so far now. A sink that gathers packets into larger writes (the embedded
     * server's, to spend one system call on several packets) writes them out here; a sink that
     * writes every packet at once has nothing to do.
     */
    default void flush() {}
  }

  private final PacketSink sink;
  private int packetSize;
  private int type = -1;
  private int firstStatus;
  private int spid;
  private int firstPacketId = 1;
  private int packetId;
  private int packetsInMessage;

  /**
   * @param packetSize the negotiated packet size including the header (512..65535)
   * @param sink where finished packets go
   */
  public PacketWriter(int packetSize, PacketSink sink) {
    super(ByteBuffer.allocate(checkSize(packetSize)));
    this.packetSize = packetSize;
    this.sink = sink;
  }

  private static int checkSize(int size) {
    if (size < PacketHeader.MIN_PACKET_SIZE || size > PacketHeader.MAX_PACKET_SIZE) {
      throw new IllegalArgumentException(
          "packet size "
              + size
              + " is outside "
              + PacketHeader.MIN_PACKET_SIZE
              + ".."
              + PacketHeader.MAX_PACKET_SIZE);
    }
    return size;
  }

  /** The current packet size (header included). */
  public int packetSize() {
    return packetSize;
  }

  /**
   * Changes the packet size, e.g. after the server's ENVCHANGE packet-size; only between messages.
   */
  public void packetSize(int size) {
    checkSize(size);
    requireIdle("change the packet size");
    if (size > buf.capacity()) {
      buf = ByteBuffer.allocate(size).order(buf.order());
    }
    packetSize = size;
  }

  /** The SPID written into packet headers (clients send 0; servers their session id). */
  public void spid(int spid) {
    if (spid < 0 || spid > 0xFFFF) {
      throw new IllegalArgumentException("SPID " + spid + " is outside 0..65535");
    }
    this.spid = spid;
  }

  /** The packet id of the first packet of each message (default 1; FreeTDS uses 0 during login). */
  public void firstPacketId(int id) {
    this.firstPacketId = id & 0xFF;
  }

  /** Starts a message of {@code type} (see {@link PacketType}). */
  public void beginMessage(int type) {
    beginMessage(type, 0);
  }

  /**
   * Starts a message of {@code type} with extra status bits on its first packet, e.g. {@link
   * PacketHeader#STATUS_RESET_CONNECTION}.
   */
  public void beginMessage(int type, int statusBits) {
    requireIdle("begin a new message");
    if (type < 0 || type > 0xFF) {
      throw new IllegalArgumentException("packet type " + type + " is not a byte");
    }
    this.type = type;
    this.firstStatus = statusBits & ~PacketHeader.STATUS_EOM & 0xFF;
    this.packetId = firstPacketId;
    this.packetsInMessage = 0;
    startPacket();
  }

  /** Whether a message has been begun and not yet ended. */
  public boolean inMessage() {
    return type >= 0;
  }

  /** Sends the last packet of the message with EOM set. */
  public void endMessage() {
    requireMessage();
    finishPacket(PacketHeader.STATUS_EOM);
    type = -1;
    sink.flush();
  }

  /**
   * Ends the message with a packet flagged EOM + IGNORE, telling the server to discard what was
   * already sent ([MS-TDS] 2.2.3.1.2); used when encoding fails half way.
   */
  public void abortMessage() {
    requireMessage();
    finishPacket(PacketHeader.STATUS_EOM | PacketHeader.STATUS_IGNORE);
    type = -1;
    sink.flush();
  }

  /**
   * Sends what the open message holds so far as a packet without EOM, so the peer sees it now (SQL
   * Server does this for RAISERROR ... WITH NOWAIT); the message goes on in the next packet. Does
   * nothing when the current packet holds no payload.
   */
  public void flush() {
    requireMessage();
    if (buf.position() > PacketHeader.SIZE) {
      finishPacket(0);
      startPacket();
    }
    sink.flush();
  }

  /** Number of packets sent for the current (or last) message. */
  public int packetsInMessage() {
    return packetsInMessage;
  }

  /** Convenience: sends {@code payload}'s remaining bytes as one whole message. */
  public void writeMessage(int type, ByteBuffer payload) {
    beginMessage(type);
    bytes(payload);
    endMessage();
  }

  @Override
  protected void overflow(int wanted) {
    requireMessage();
    finishPacket(0);
    startPacket();
  }

  private void startPacket() {
    buf.clear();
    buf.limit(packetSize);
    buf.position(PacketHeader.SIZE);
  }

  private void finishPacket(int eom) {
    int status = eom | (packetsInMessage == 0 ? firstStatus : 0);
    int length = buf.position();
    new PacketHeader(type, status, length, spid, packetId, 0).encodeAt(buf, 0);
    buf.flip();
    packetsInMessage++;
    packetId = (packetId + 1) & 0xFF;
    try {
      sink.send(buf);
    } catch (RuntimeException e) {
      // the sink failed (its transport is broken): the message ends here, unsent, so that an
      // abort afterwards does not frame the half-written buffer again and hide this failure
      type = -1;
      startPacket();
      throw e;
    }
  }

  private void requireIdle(String action) {
    if (type >= 0) {
      throw new IllegalStateException(
          "cannot " + action + " while a " + PacketType.name(type) + " message is open");
    }
  }

  private void requireMessage() {
    if (type < 0) {
      throw new IllegalStateException("no message begun: call beginMessage(type) first");
    }
  }
}
