package io.jctds.server.session;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.framing.MessageAssembler;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.tls.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * One session's TDS packet stream over its current {@link Transport}: reads whole client messages
 * through a {@link MessageAssembler}, writes responses through a {@link PacketWriter}, counts
 * packets both ways. The transport can be replaced (plain → TLS) without losing bytes already read
 * past the last message.
 *
 * <p>After login one thread reads ({@link ClientReader}) while another writes: the reading state
 * (chunk, assemblers) belongs to the reader, the writer to the request thread, and a transport
 * allows one reader and one writer at a time. Requests are assembled alternately in two buffers, so
 * the payload of the request being served stays valid while the next message is read; a request's
 * buffer is reused only after the one read after it was handed over, which the reader does only
 * once the request before it has been served.
 */
final class PacketChannel {
  /** Largest message accepted before login (PRELOGIN, LOGIN7). */
  static final int LOGIN_MESSAGE_LIMIT = 128 * 1024;

  /**
   * SQL Server's largest batch, in network packets: "Batch size: 65,536 * (network packet size)"
   * (Microsoft, "Maximum capacity specifications for SQL Server"); a request after login may hold
   * that many packets' worth of payload (an RPC request of mssql-jdbc's 100k-row executeBatch is
   * 16.8 MB at the default 4096-byte packets).
   */
  static final long BATCH_PACKETS = 65_536;

  /**
   * Response packets are written to the transport in batches of up to this many bytes (see {@link
   * Gathering}); 16 KiB is also TLS's largest record payload.
   */
  static final int GATHER_BYTES = 32 * 1024;

  /** A request is also held in this JVM's heap: at most this share of it (1/4). */
  static final int HEAP_SHARE_DIVISOR = 4;

  private Transport transport;
  private final ByteBuffer chunk = ByteBuffer.allocate(16 * 1024).flip();
  private final MessageAssembler[] assemblers = new MessageAssembler[2];
  private int current;
  private final PacketWriter writer;
  private volatile long reads;
  private volatile long writes;
  private volatile Instant lastRead;
  private volatile Instant lastWrite;

  PacketChannel(Transport transport) {
    this.transport = transport;
    assemblers[0] = new MessageAssembler(PacketHeader.MAX_PACKET_SIZE, LOGIN_MESSAGE_LIMIT);
    assemblers[1] = new MessageAssembler(PacketHeader.MAX_PACKET_SIZE, LOGIN_MESSAGE_LIMIT);
    this.writer = new PacketWriter(4096, new Gathering());
  }

  /**
   * A message the client sent: its type, the first and the last packet's status and the payload.
   */
  record Message(
      int type, int status, int lastStatus, ByteBuffer payload, int packets, Stream stream) {
    Message(int type, int status, int lastStatus, ByteBuffer payload, int packets) {
      this(type, status, lastStatus, payload, packets, null);
    }

    /**
     * Whether the client abandoned the message: [MS-TDS] 2.2.1.7, the ignore bit with EOM on the
     * packet that ends it. A streamed message's end is not known yet: always false.
     */
    boolean ignored() {
      return stream == null && (lastStatus & PacketHeader.STATUS_IGNORE) != 0;
    }

    /** The payload as the engine reads it: whole, or streamed as it arrives. */
    io.jctds.server.sql.StreamedPayload streamed() {
      return stream != null
          ? stream
          : io.jctds.server.sql.StreamedPayload.whole(
              payload, (lastStatus & PacketHeader.STATUS_IGNORE) != 0);
    }
  }

  /**
   * Reads the first byte of the connection without consuming it.
   *
   * @return the byte, or -1 when the client closed without sending anything
   */
  int peek() throws IOException {
    if (!fill()) {
      return -1;
    }
    return chunk.get(chunk.position()) & 0xFF;
  }

  /**
   * Reads one whole message.
   *
   * @return the message, or null when the client closed cleanly between messages
   * @throws EOFException when the client closed in the middle of a message
   * @throws io.jctds.protocol.TdsProtocolException when a packet header is invalid
   */
  Message read() throws IOException {
    return read(null);
  }

  /**
   * Reads one message; a BulkLoadBCP message that has not arrived whole when the bytes received so
   * far are used up is returned at once, its payload {@linkplain Message#stream() streamed}: until
   * that stream has ended, only its reader may use this channel, and {@code streamEnded} runs (on
   * the reading thread) when its last packet has arrived.
   */
  Message read(Runnable streamEnded) throws IOException {
    MessageAssembler assembler = assemblers[current];
    long fed = 0;
    int status = 0;
    while (true) {
      if (!chunk.hasRemaining()
          && streamEnded != null
          && !assembler.isComplete()
          && assembler.type() == PacketType.BULK_LOAD) {
        return new Message(
            PacketType.BULK_LOAD,
            status,
            0,
            assembler.payload(),
            0,
            new Stream(assembler, streamEnded));
      }
      if (!chunk.hasRemaining() && !fill()) {
        if (fed == 0) {
          return null;
        }
        throw new EOFException(
            "the client closed the connection in the middle of a message ("
                + fed
                + " bytes received)");
      }
      if (fed < 2 && chunk.remaining() > 1 - fed) {
        status = chunk.get(chunk.position() + (int) (1 - fed)) & 0xFF; // first header's status
      }
      int before = chunk.remaining();
      boolean complete = assembler.feed(chunk);
      fed += before - chunk.remaining();
      if (!complete && assembler.type() >= 0 && !PacketType.isKnown(assembler.type())) {
        // no TDS message has this type: close now rather than wait for the length it claims
        throw new TdsProtocolException(
            "unknown packet type 0x" + Integer.toHexString(assembler.type()), 0);
      }
      if (complete) {
        int packets = assembler.packets();
        reads += packets;
        lastRead = Instant.now();
        int type = assembler.type();
        if (type != PacketType.ATTENTION) {
          current ^= 1; // this payload stays valid while the next message is read
        }
        return new Message(
            type, status, assembler.lastHeader().status(), assembler.payload(), packets);
      }
    }
  }

  /**
   * The rest of a BulkLoadBCP message, read by the session thread as it decodes ({@link
   * io.jctds.server.sql.StreamedPayload}): consumed bytes are compacted away, so the buffer holds
   * the unread part of a packet or two, however long the message.
   */
  final class Stream implements io.jctds.server.sql.StreamedPayload {
    private final MessageAssembler assembler;
    private final Runnable onEnd;
    private boolean ended;
    private boolean broken;

    private Stream(MessageAssembler assembler, Runnable onEnd) {
      this.assembler = assembler;
      this.onEnd = onEnd;
    }

    @Override
    public ByteBuffer buffer() {
      return assembler.payload();
    }

    @Override
    public boolean more() {
      if (ended || broken) {
        return false;
      }
      assembler.compact();
      int before = assembler.payload().remaining();
      try {
        while (true) {
          if (!chunk.hasRemaining() && !fill()) {
            throw new EOFException("the client closed the connection in the middle of a bulk load");
          }
          if (assembler.feed(chunk)) {
            end();
            return true;
          }
          if (assembler.payload().remaining() > before) {
            return true;
          }
        }
      } catch (IOException e) {
        broken = true;
        throw new UncheckedIOException(e);
      } catch (TdsProtocolException e) {
        broken = true;
        throw new UncheckedIOException(
            new IOException("protocol error in a bulk load message: " + e.getMessage(), e));
      }
    }

    private void end() {
      ended = true;
      reads += assembler.packets();
      lastRead = Instant.now();
      current ^= 1; // the rest of this payload stays valid while the next message is read
      onEnd.run();
    }

    @Override
    public boolean ended() {
      return ended;
    }

    @Override
    public boolean abandoned() {
      return ended && (assembler.lastHeader().status() & PacketHeader.STATUS_IGNORE) != 0;
    }
  }

  private boolean fill() throws IOException {
    if (chunk.hasRemaining()) {
      return true;
    }
    chunk.clear();
    int n;
    try {
      n = transport.read(chunk);
    } finally {
      chunk.flip();
    }
    return n > 0;
  }

  /**
   * Replaces the transport, e.g. with TLS over the current one; bytes already read and not yet
   * consumed are handed to {@code wrap} first.
   */
  void switchTransport(Wrapper wrap) throws IOException {
    Transport base = chunk.hasRemaining() ? Transport.withPrefix(chunk, transport) : transport;
    chunk.position(chunk.limit());
    transport = wrap.wrap(base);
  }

  /** Puts a new transport over the current one. */
  @FunctionalInterface
  interface Wrapper {
    Transport wrap(Transport base) throws IOException;
  }

  /** The current transport. */
  Transport transport() {
    return transport;
  }

  /** After login: larger requests, and the negotiated size for responses. */
  void loggedIn(int packetSize) {
    int limit = requestLimit(packetSize, Runtime.getRuntime().maxMemory());
    assemblers[0] = new MessageAssembler(PacketHeader.MAX_PACKET_SIZE, limit);
    assemblers[1] = new MessageAssembler(PacketHeader.MAX_PACKET_SIZE, limit);
    writer.packetSize(packetSize);
  }

  /**
   * The most payload bytes one request may hold once buffered: SQL Server's batch size limit for
   * the negotiated packet size ({@link #BATCH_PACKETS} packets), but at most a quarter of the heap,
   * so that one session cannot exhaust the server's memory (a BulkLoadBCP message streams and holds
   * only its current row).
   */
  static int requestLimit(int packetSize, long maxHeap) {
    long sqlServer = BATCH_PACKETS * packetSize;
    long heap = Math.max(LOGIN_MESSAGE_LIMIT, maxHeap / HEAP_SHARE_DIVISOR);
    return (int) Math.min(Math.min(sqlServer, heap), Integer.MAX_VALUE - 16);
  }

  /** The response writer; messages it ends are sent at once. */
  PacketWriter writer() {
    return writer;
  }

  /**
   * The writer's sink: packets are gathered into one buffer and written together when it is full,
   * when a message ends and when the writer flushes (RAISERROR ... WITH NOWAIT), so a large result
   * costs one write (and with TLS one record) per {@link #GATHER_BYTES} instead of one per packet.
   * The packets and their order are unchanged; only how many reach the socket per system call.
   */
  private final class Gathering implements PacketWriter.PacketSink {
    private final ByteBuffer pending = ByteBuffer.allocate(GATHER_BYTES);

    @Override
    public void send(ByteBuffer packet) {
      if (packet.remaining() > pending.remaining()) {
        flush();
      }
      if (packet.remaining() > pending.capacity()) {
        write(packet);
      } else {
        pending.put(packet);
      }
      writes++;
    }

    @Override
    public void flush() {
      if (pending.position() > 0) {
        pending.flip();
        try {
          write(pending);
        } finally {
          pending.clear();
        }
      }
    }

    private void write(ByteBuffer bytes) {
      try {
        transport.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      lastWrite = Instant.now();
    }
  }

  long reads() {
    return reads;
  }

  long writes() {
    return writes;
  }

  Instant lastRead() {
    return lastRead;
  }

  Instant lastWrite() {
    return lastWrite;
  }
}
