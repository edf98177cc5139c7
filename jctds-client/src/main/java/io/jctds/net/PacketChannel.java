package io.jctds.net;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.framing.MessageAssembler;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.tls.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * TDS packets over a {@link Transport}: the one I/O seam between the session code and the bytes.
 * Messages are written straight into packets of the negotiated size ({@link PacketWriter}); packets
 * are read whole (header first, then exactly its length) and handed to a {@link MessageAssembler},
 * so a response can be decoded while it is still arriving. Every packet passes the {@link
 * ProtocolDump} on its way, above TLS.
 *
 * <p>The transport can be replaced (plain socket → TLS) between messages; {@link #takeBuffered()}
 * hands over bytes read ahead. Not thread-safe, except that {@link #sendAttention()} may be called
 * while another thread is blocked reading.
 */
public final class PacketChannel implements AutoCloseable {
  /** Payload bytes one message may hold in memory at once (a single huge row still fits). */
  static final int MAX_BUFFERED_MESSAGE = 1 << 30;

  private static final System.Logger LOG = System.getLogger("io.jctds.net");

  private final PacketWriter writer;
  private final MessageAssembler assembler;
  private final ProtocolDump dump;
  private final String id;
  private Transport transport;
  private ByteBuffer inbound = ByteBuffer.allocate(16 * 1024).flip(); // read mode
  private int maxInboundPacket;
  private long sentOffset;
  private int maskFrom;
  private int maskTo;
  private String sendingWhat;

  /**
   * @param transport where the bytes go
   * @param packetSize the packet size for both directions until {@link #packetSize(int)} changes it
   * @param dump the protocol dump (or {@link ProtocolDump#NONE})
   * @param id the connection id for log lines
   */
  public PacketChannel(Transport transport, int packetSize, ProtocolDump dump, String id) {
    this.transport = transport;
    this.dump = dump;
    this.id = id;
    this.maxInboundPacket = packetSize;
    this.writer = new PacketWriter(packetSize, this::emit);
    this.assembler = new MessageAssembler(packetSize, MAX_BUFFERED_MESSAGE);
  }

  /** The current transport. */
  public Transport transport() {
    return transport;
  }

  /** Replaces the transport, e.g. with TLS; only between messages. */
  public void transport(Transport t) {
    this.transport = t;
  }

  /**
   * Removes and returns the bytes read from the transport but not yet used (to hand them to the
   * transport that replaces it, see {@link Transport#withPrefix}).
   */
  public ByteBuffer takeBuffered() {
    ByteBuffer rest = ByteBuffer.allocate(inbound.remaining()).put(inbound).flip();
    inbound.clear().flip();
    return rest;
  }

  /** The packet size for what this side sends. */
  public int packetSize() {
    return writer.packetSize();
  }

  /**
   * Applies a negotiated packet size (ENVCHANGE 4) to what is sent; received packets may be as
   * large as the largest size seen so far.
   */
  public void packetSize(int size) {
    writer.packetSize(size);
    if (size > maxInboundPacket) {
      maxInboundPacket = size;
      assembler.maxPacketSize(size);
    }
  }

  /** The packet id of each message's first packet: 0 during login (as FreeTDS), then 1. */
  public void firstPacketId(int packetId) {
    writer.firstPacketId(packetId);
  }

  /** The protocol dump. */
  public ProtocolDump dump() {
    return dump;
  }

  /**
   * Sends one message: {@code body} writes its payload, which is split into packets as it goes.
   *
   * @throws IOException if the transport fails
   */
  public void send(int type, Consumer<TdsWriter> body) throws IOException {
    send(type, 0, body);
  }

  /**
   * Sends one message whose first packet carries the extra {@code status} bits (such as {@link
   * PacketHeader#STATUS_RESET_CONNECTION}).
   *
   * @throws IOException if the transport fails
   */
  public void send(int type, int status, Consumer<TdsWriter> body) throws IOException {
    send(type, status, body, 0, 0, null);
  }

  /** The number of bytes read from the transport and not yet used. */
  public int buffered() {
    return inbound.remaining();
  }

  /**
   * Sends one message whose payload bytes {@code maskFrom..maskTo} are secret: the dump and the log
   * show them as zeros.
   *
   * @param what how the dump names the packets
   */
  public void sendMasked(int type, ByteBuffer payload, int maskFrom, int maskTo, String what)
      throws IOException {
    send(type, 0, w -> w.bytes(payload), maskFrom, maskTo, what);
  }

  private void send(int type, int status, Consumer<TdsWriter> body, int from, int to, String what)
      throws IOException {
    sentOffset = 0;
    maskFrom = from;
    maskTo = to;
    sendingWhat = what;
    try {
      writer.beginMessage(type, status);
      try {
        body.accept(writer);
      } catch (RuntimeException e) {
        if (!(e instanceof UncheckedIOException)) {
          writer.abortMessage();
        }
        throw e;
      }
      writer.endMessage();
    } catch (UncheckedIOException e) {
      abandonMessage();
      throw e.getCause();
    } finally {
      maskFrom = 0;
      maskTo = 0;
      sendingWhat = null;
    }
  }

  private void abandonMessage() {
    if (writer.inMessage()) {
      try {
        writer.abortMessage();
      } catch (UncheckedIOException ignored) {
        // the transport is broken; the caller reports the first failure
      }
    }
  }

  /** Sends an ATTENTION (cancel): a header-only packet with EOM. */
  public void sendAttention() throws IOException {
    ByteBuffer packet = ByteBuffer.allocate(PacketHeader.SIZE);
    new PacketHeader(PacketType.ATTENTION, PacketHeader.STATUS_EOM, PacketHeader.SIZE, 0, 1, 0)
        .encode(packet);
    packet.flip();
    dump.sent("Attention", packet.duplicate(), 0, 0);
    transport.write(packet);
  }

  /** The PacketWriter's sink: dump with the mask applied, then write. */
  private void emit(ByteBuffer packet) {
    int start = packet.position();
    int payload = packet.remaining() - PacketHeader.SIZE;
    if (dump.enabled() || LOG.isLoggable(System.Logger.Level.TRACE)) {
      int from = (int) Math.max(0, maskFrom - sentOffset) + PacketHeader.SIZE;
      int to = (int) Math.min(payload, Math.max(0, maskTo - sentOffset)) + PacketHeader.SIZE;
      dump.sent(sendingWhat, packet.duplicate(), from, Math.max(from, to));
      LOG.log(
          System.Logger.Level.TRACE,
          () -> "[" + id + "] sent " + PacketType.name(packet.get(start) & 0xFF) + " packet");
    }
    sentOffset += payload;
    try {
      transport.write(packet);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The assembler holding the message being received. */
  public MessageAssembler assembler() {
    return assembler;
  }

  /**
   * Reads one whole packet and adds it to the current message.
   *
   * @return its header
   * @throws EOFException if the server closes the connection
   * @throws TdsProtocolException if the packet header is invalid or too long
   */
  public PacketHeader readPacket() throws IOException {
    fill(PacketHeader.SIZE, -1);
    PacketHeader header = PacketHeader.decode(inbound.duplicate());
    if (header.length() > maxInboundPacket) {
      throw new TdsProtocolException(
          "the server sent a "
              + PacketType.name(header.type())
              + " packet of "
              + header.length()
              + " bytes, larger than the negotiated packet size "
              + maxInboundPacket,
          2);
    }
    fill(header.length(), header.type());
    ByteBuffer packet = inbound.slice(inbound.position(), header.length());
    dump.received(packet.duplicate());
    inbound.position(inbound.position() + header.length());
    return assembler.add(packet);
  }

  /**
   * Reads a whole message and returns its payload (position 0, little-endian).
   *
   * @throws TdsProtocolException if it is not of {@code type}
   */
  public ByteBuffer readMessage(int type) throws IOException {
    assembler.reset();
    do {
      PacketHeader h = readPacket();
      if (h.type() != type) {
        throw new TdsProtocolException(
            "expected a "
                + PacketType.name(type)
                + " packet, the server sent "
                + PacketType.name(h.type()),
            0);
      }
    } while (!assembler.isComplete());
    return assembler.payload();
  }

  /**
   * Reads until {@code n} bytes are buffered: a packet header ({@code type} -1) or a whole packet
   * of that type (the text for a premature end is built only then: this runs for every packet).
   */
  private void fill(int n, int type) throws IOException {
    if (inbound.remaining() >= n) {
      return;
    }
    if (n > inbound.capacity()) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(n, 2 * inbound.capacity()));
      inbound = bigger.put(inbound).flip();
    }
    while (inbound.remaining() < n) {
      inbound.compact();
      int read;
      try {
        read = transport.read(inbound);
      } finally {
        inbound.flip();
      }
      if (read < 0) {
        throw new EOFException(
            "the server closed the connection while jctds was reading "
                + (type < 0 ? "a packet header" : "a " + n + "-byte " + PacketType.name(type))
                + " ("
                + inbound.remaining()
                + " of "
                + n
                + " bytes had arrived)");
      }
    }
  }

  /** Closes the transport. */
  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException ignored) {
      // closing: nothing to report
    }
  }
}
