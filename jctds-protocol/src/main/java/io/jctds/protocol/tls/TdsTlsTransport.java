package io.jctds.protocol.tls;

import io.jctds.protocol.TdsProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * TLS for a TDS connection: runs the handshake in the placement TDS uses, then is the {@link
 * Transport} that session code reads TDS packets from and writes them to. Client and server use it
 * alike; the {@link TlsEngine} decides the role.
 *
 * <ul>
 *   <li>{@link #handshakeInPrelogin}: TDS 7.x. The handshake travels in PRELOGIN (0x12) packets of
 *       at most 4096 bytes, EOM on the last packet of each flight; then TLS records go straight on
 *       the stream. With {@link Scope#LOGIN_ONLY} exactly one TDS packet is encrypted (the client's
 *       LOGIN7: the client encrypts the first packet it writes, the server decrypts the first
 *       packet it reads, its length taken from the packet header) and then both directions are
 *       plaintext, without close_notify, with every byte already read past the encrypted packet
 *       kept.
 *   <li>{@link #handshakeFirst}: TDS 8.0 (strict). The handshake is the first thing on the stream
 *       (the client's first byte is 0x16), and everything afterwards is inside TLS.
 * </ul>
 *
 * <p>A failed handshake sends the alert the engine produced, closes the underlying transport and
 * throws {@link TlsHandshakeException}. One thread may read while another writes (a cancel sent
 * during a read).
 */
public final class TdsTlsTransport implements Transport {

  /** Largest PRELOGIN packet carrying handshake bytes, header included. */
  public static final int PRELOGIN_PACKET_SIZE = 4096;

  /** How much of a TDS 7.x connection TLS protects, as the PRELOGIN exchange decided. */
  public enum Scope {
    /** Every byte after the handshake (server answered ENCRYPT_ON or ENCRYPT_REQ). */
    WHOLE_CONNECTION,
    /** Only the first LOGIN7 packet (server answered ENCRYPT_OFF). */
    LOGIN_ONLY
  }

  /** What one direction of the connection currently does. */
  private enum Mode {
    TLS,
    FIRST_PACKET,
    PLAIN
  }

  private final Transport wire;
  private final TlsEngine engine;
  private final InboundBuffer in;
  private final RecordReader records;
  private final ReentrantLock readLock = new ReentrantLock();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReentrantLock engineLock = new ReentrantLock();
  private final FirstPacket firstPacket = new FirstPacket();
  private final boolean wrappedHandshake;
  private ByteBuffer netOut = ByteBuffer.allocate(PRELOGIN_PACKET_SIZE); // write mode
  private final ByteBuffer appIn; // read mode: decrypted bytes not yet returned
  private TlsSessionInfo session;
  private volatile Mode inbound;
  private volatile Mode outbound;
  private volatile boolean closed;

  private TdsTlsTransport(Transport wire, TlsEngine engine, boolean wrappedHandshake) {
    this.wire = Objects.requireNonNull(wire, "wire");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.wrappedHandshake = wrappedHandshake;
    this.in = new InboundBuffer(wire, RecordReader.MAX_RECORD + PRELOGIN_PACKET_SIZE);
    this.records = new RecordReader(in, wrappedHandshake);
    this.appIn = ByteBuffer.allocate(RecordReader.MAX_BODY).flip();
  }

  /**
   * TDS 7.x: runs the handshake inside PRELOGIN packets, right after the PRELOGIN exchange.
   *
   * @param wire the raw connection, positioned after the PRELOGIN response
   * @param engine a fresh engine; it should allow at most TLS 1.2 ({@link TlsParameters#TDS7})
   * @param scope whole connection, or login-only (the server answered ENCRYPT_OFF)
   * @return the protected connection; for {@link Scope#LOGIN_ONLY} it turns to plaintext by itself
   *     after the first packet
   * @throws TlsHandshakeException if the handshake fails; {@code wire} is closed
   * @throws IOException if {@code wire} fails; {@code wire} is closed
   */
  public static TdsTlsTransport handshakeInPrelogin(Transport wire, TlsEngine engine, Scope scope)
      throws IOException {
    boolean loginOnly = Objects.requireNonNull(scope, "scope") == Scope.LOGIN_ONLY;
    TdsTlsTransport transport = new TdsTlsTransport(wire, engine, true);
    transport.handshake();
    boolean client = engine.isClientMode();
    transport.inbound = loginOnly ? (client ? Mode.PLAIN : Mode.FIRST_PACKET) : Mode.TLS;
    transport.outbound = loginOnly ? (client ? Mode.FIRST_PACKET : Mode.PLAIN) : Mode.TLS;
    return transport;
  }

  /**
   * TDS 8.0 (strict): runs the handshake first on the raw connection; everything afterwards is
   * inside TLS. ALPN is the engine's business ({@link TlsParameters#TDS8}).
   *
   * @param wire the raw connection; for a server, {@link Transport#withPrefix} gives back bytes
   *     already peeked at
   * @param engine a fresh engine
   * @throws TlsHandshakeException if the handshake fails; {@code wire} is closed
   * @throws IOException if {@code wire} fails; {@code wire} is closed
   */
  public static TdsTlsTransport handshakeFirst(Transport wire, TlsEngine engine)
      throws IOException {
    TdsTlsTransport transport = new TdsTlsTransport(wire, engine, false);
    transport.handshake();
    transport.inbound = Mode.TLS;
    transport.outbound = Mode.TLS;
    return transport;
  }

  /** What the handshake negotiated: protocol, cipher suite, ALPN, certificates. */
  public TlsSessionInfo session() {
    return session;
  }

  /** Whether TLS still protects either direction (false once login-only encryption has ended). */
  public boolean isEncrypting() {
    return inbound != Mode.PLAIN || outbound != Mode.PLAIN;
  }

  private String where() {
    return (wrappedHandshake
            ? "TLS handshake inside TDS 7.x PRELOGIN packets"
            : "TLS-first (TDS 8.0) handshake")
        + (engine.isClientMode() ? " (client)" : " (server)");
  }

  private void handshake() throws IOException {
    PreloginFramer framer = wrappedHandshake ? new PreloginFramer() : null;
    try {
      engine.beginHandshake();
      while (!engine.isHandshakeComplete()) {
        sendHandshakeOutput(framer);
        ByteBuffer record = records.next();
        if (record == null || engine.isInboundDone()) {
          throw new EOFException("the peer closed the connection during the TLS handshake");
        }
        engine.offerInput(record);
      }
      session = engine.sessionInfo();
      sendHandshakeOutput(framer);
      records.endWrapping();
    } catch (TlsHandshakeException e) {
      throw abort(framer, TlsHandshakeException.inContext(where(), e));
    } catch (TlsException | EOFException | TdsProtocolException e) {
      throw abort(framer, new TlsHandshakeException(where() + ": " + e.getMessage(), e));
    } catch (IOException | RuntimeException e) {
      TlsHandshakeException refusal = e instanceof IOException ? alertAlreadyReceived() : null;
      if (refusal != null) {
        refusal.addSuppressed(e);
        throw abort(framer, TlsHandshakeException.inContext(where(), refusal));
      }
      abort(framer, null);
      throw e;
    }
  }

  /**
   * After a failed write during the handshake: the peer may have refused us and closed, with its
   * alert already buffered behind records not yet processed (a TLS 1.3 server sends ServerHello
   * before the alert). That alert explains the failure better than the broken pipe.
   */
  private TlsHandshakeException alertAlreadyReceived() {
    try {
      while (records.hasBufferedRecord()) {
        engine.offerInput(records.next());
      }
    } catch (TlsHandshakeException e) {
      return e;
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** Sends the engine's pending output: PRELOGIN-framed during a TDS 7.x handshake, else raw. */
  private void sendHandshakeOutput(PreloginFramer framer) throws IOException {
    int n = engine.availableOutput();
    if (n == 0) {
      return;
    }
    if (framer == null) {
      sendOutput();
      return;
    }
    netOut = ensureCapacity(netOut, PreloginFramer.framedSize(n));
    netOut.clear();
    framer.frame(engine, n, netOut);
    netOut.flip();
    wire.write(netOut);
  }

  /** Sends what the failed engine queued (its alert), closes the wire, returns {@code e}. */
  private <E extends Exception> E abort(PreloginFramer framer, E e) {
    try {
      sendHandshakeOutput(framer);
    } catch (IOException | RuntimeException ignored) {
      // the peer may be gone already; the handshake failure is what the caller needs
    }
    closeQuietly();
    return e;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    readLock.lock();
    try {
      if (!appIn.hasRemaining() && inbound == Mode.TLS) {
        return decryptInto(dst);
      }
      if (!appIn.hasRemaining() && inbound != Mode.PLAIN && !decryptNext()) {
        return -1;
      }
      if (appIn.hasRemaining()) {
        int n = Math.min(appIn.remaining(), dst.remaining());
        dst.put(appIn.slice(appIn.position(), n));
        appIn.position(appIn.position() + n);
        return n;
      }
      return in.read(dst);
    } finally {
      readLock.unlock();
    }
  }

  /**
   * Full TLS: reads records until some application data is decrypted and moves it straight into the
   * caller's buffer (no copy through {@link #appIn}, which only the first packet of login-only
   * encryption needs); what does not fit waits in the engine for the next read.
   *
   * @return the number of bytes moved, or -1 at the end of the stream
   */
  private int decryptInto(ByteBuffer dst) throws IOException {
    while (true) {
      engineLock.lock();
      try {
        if (engine.availableApplicationData() > 0) {
          return engine.readApplicationData(dst);
        }
        if (engine.isInboundDone()) {
          return -1;
        }
      } finally {
        engineLock.unlock();
      }
      ByteBuffer record = records.next();
      if (record == null) {
        return -1;
      }
      engineLock.lock();
      try {
        engine.offerInput(record);
      } finally {
        engineLock.unlock();
      }
      sendPostHandshakeOutput();
    }
  }

  /**
   * Reads records until some application data is decrypted, or login-only decryption ends.
   *
   * @return false at the end of the stream
   */
  private boolean decryptNext() throws IOException {
    while (!appIn.hasRemaining() && inbound != Mode.PLAIN) {
      boolean pending;
      engineLock.lock();
      try {
        pending = engine.availableApplicationData() > 0;
        if (!pending && engine.isInboundDone()) {
          return false;
        }
      } finally {
        engineLock.unlock();
      }
      ByteBuffer record = pending ? null : records.next();
      if (!pending && record == null) {
        return false;
      }
      engineLock.lock();
      try {
        if (record != null) {
          engine.offerInput(record);
        }
        appIn.compact();
        try {
          engine.readApplicationData(appIn);
        } finally {
          appIn.flip();
        }
      } finally {
        engineLock.unlock();
      }
      sendPostHandshakeOutput();
      if (inbound == Mode.FIRST_PACKET) {
        endFirstPacketIn();
      }
    }
    return true;
  }

  /** Login-only, server side: plaintext follows once the LOGIN7 packet has been decrypted. */
  private void endFirstPacketIn() throws TlsException {
    int claimed = firstPacket.claim(appIn);
    if (claimed < appIn.remaining()) {
      throw new TlsException(
          "the peer encrypted "
              + (appIn.remaining() - claimed)
              + " bytes after its first TDS packet, but login-only encryption (ENCRYPT_OFF)"
              + " covers only the LOGIN7 packet");
    }
    if (firstPacket.isComplete()) {
      inbound = Mode.PLAIN;
    }
  }

  /**
   * Sends what processing input produced after the handshake (a TLS 1.3 KeyUpdate reply). After the
   * peer's close_notify nothing is sent: the peer is closing, and {@link #close()} answers.
   */
  private void sendPostHandshakeOutput() throws IOException {
    engineLock.lock();
    try {
      if (engine.availableOutput() == 0 || outbound == Mode.PLAIN || engine.isInboundDone()) {
        return;
      }
    } finally {
      engineLock.unlock();
    }
    writeLock.lock();
    try {
      sendOutput();
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void write(ByteBuffer src) throws IOException {
    writeLock.lock();
    try {
      if (closed) {
        throw new TlsException("cannot write: the TDS connection is closed");
      }
      if (outbound == Mode.FIRST_PACKET) {
        ByteBuffer first = src.slice(src.position(), firstPacket.claim(src));
        src.position(src.position() + first.remaining());
        encrypt(first);
        if (firstPacket.isComplete()) {
          outbound = Mode.PLAIN; // login-only: drop TLS without close_notify
        }
      }
      if (outbound == Mode.TLS) {
        encrypt(src);
      } else if (src.hasRemaining()) {
        wire.write(src);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private void encrypt(ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      engineLock.lock();
      try {
        engine.writeApplicationData(src);
      } finally {
        engineLock.unlock();
      }
      sendOutput();
    }
  }

  /** Sends all of the engine's output raw. Callers hold the write lock or run the handshake. */
  private void sendOutput() throws IOException {
    while (true) {
      engineLock.lock();
      try {
        int n = engine.availableOutput();
        if (n == 0) {
          return;
        }
        netOut = ensureCapacity(netOut, n);
        netOut.clear();
        engine.readOutput(netOut);
      } finally {
        engineLock.unlock();
      }
      netOut.flip();
      wire.write(netOut);
    }
  }

  /**
   * Sends close_notify if TLS still protects the outbound direction, then closes the underlying
   * transport.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    writeLock.lock();
    try {
      if (!closed && outbound != Mode.PLAIN && session != null) {
        engineLock.lock();
        try {
          engine.closeOutbound();
        } finally {
          engineLock.unlock();
        }
        sendOutput();
      }
    } catch (IOException | RuntimeException ignored) {
      // best effort: the peer may have gone; closing the socket is what matters
    } finally {
      closed = true;
      writeLock.unlock();
      wire.close();
    }
  }

  private void closeQuietly() {
    closed = true;
    try {
      wire.close();
    } catch (IOException | RuntimeException ignored) {
      // already failing; nothing more to report
    }
  }

  private static ByteBuffer ensureCapacity(ByteBuffer buffer, int capacity) {
    return buffer.capacity() >= capacity
        ? buffer
        : ByteBuffer.allocate(Math.max(capacity, 2 * buffer.capacity()));
  }
}
