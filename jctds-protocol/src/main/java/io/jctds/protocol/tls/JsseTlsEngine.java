package io.jctds.protocol.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * {@link TlsEngine} over a JSSE {@link SSLEngine}, with heap buffers reused for the life of the
 * connection (heap, not direct: JDK 17's AES-GCM uses its GHASH intrinsic only on arrays; a direct
 * buffer takes a plain-Java GHASH loop, see NOTES-perf.md). Delegated tasks run on the calling
 * thread.
 *
 * <p>Create engines through {@link JsseTlsContext}, which gives each one a fresh {@code
 * SSLContext}: JSSE resumes TLS 1.2 sessions (session tickets) and TLS 1.3 sessions (PSK) across
 * engines of one {@code SSLContext} even when its session cache size is 1 or the session was
 * invalidated, so a fresh context per connection is what guarantees a full handshake.
 */
public final class JsseTlsEngine implements TlsEngine {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
  private static final String RECEIVED_ALERT = "Received fatal alert: ";

  /** TLS alert description no_application_protocol (RFC 7301). */
  private static final int NO_APPLICATION_PROTOCOL = 120;

  private final SSLEngine engine;
  private final String requiredApplicationProtocol;
  private final int packetSize;
  private ByteBuffer netIn; // write mode: the start of a record not yet complete
  private ByteBuffer appIn; // write mode: decrypted bytes not yet read
  private ByteBuffer netOut; // write mode: records not yet taken
  private boolean handshakeComplete;

  /**
   * Wraps a configured engine (client or server mode, protocols, cipher suites already set).
   *
   * @param engine the JSSE engine; used by this object only from now on
   * @param applicationProtocol the ALPN protocol, or null for none. In client mode it is the one
   *     protocol offered. In server mode it is required: a client offering other protocols, or none
   *     at all, fails the handshake with the alert {@code no_application_protocol}.
   */
  public JsseTlsEngine(SSLEngine engine, String applicationProtocol) {
    this.engine = Objects.requireNonNull(engine, "engine");
    if (applicationProtocol != null && engine.getUseClientMode()) {
      SSLParameters parameters = engine.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {applicationProtocol});
      engine.setSSLParameters(parameters);
    } else if (applicationProtocol != null) {
      engine.setHandshakeApplicationProtocolSelector(
          (e, offered) -> offered.contains(applicationProtocol) ? applicationProtocol : null);
    }
    this.requiredApplicationProtocol = engine.getUseClientMode() ? null : applicationProtocol;
    SSLSession session = engine.getSession();
    this.packetSize = session.getPacketBufferSize();
    this.netIn = ByteBuffer.allocate(packetSize);
    this.appIn = ByteBuffer.allocate(session.getApplicationBufferSize());
    this.netOut = ByteBuffer.allocate(2 * packetSize);
  }

  @Override
  public boolean isClientMode() {
    return engine.getUseClientMode();
  }

  @Override
  public void beginHandshake() throws IOException {
    try {
      engine.beginHandshake();
      pump();
    } catch (SSLException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public boolean isHandshakeComplete() {
    return handshakeComplete;
  }

  @Override
  public void offerInput(ByteBuffer src) throws IOException {
    try {
      if (netIn.position() == 0) {
        unwrapFrom(src);
        netIn = ensureRoom(netIn, src.remaining());
        netIn.put(src);
      } else {
        netIn = ensureRoom(netIn, src.remaining());
        netIn.put(src).flip();
        try {
          unwrapFrom(netIn);
        } finally {
          netIn.compact();
        }
      }
    } catch (SSLException | RuntimeException e) {
      throw failure(e);
    }
    checkApplicationProtocol();
  }

  /** Unwraps every complete record of {@code net}, leaving an incomplete one in it. */
  private void unwrapFrom(ByteBuffer net) throws SSLException {
    while (net.hasRemaining()) {
      SSLEngineResult result = engine.unwrap(net, appIn);
      if (result.getStatus() == Status.BUFFER_OVERFLOW) {
        appIn = ensureRoom(appIn, engine.getSession().getApplicationBufferSize());
        continue;
      }
      noteFinished(result);
      boolean progress = result.bytesConsumed() > 0 || result.bytesProduced() > 0;
      HandshakeStatus before = engine.getHandshakeStatus();
      pump();
      if (result.getStatus() == Status.BUFFER_UNDERFLOW || result.getStatus() == Status.CLOSED) {
        return;
      }
      if (!progress && before != HandshakeStatus.NEED_TASK && before != HandshakeStatus.NEED_WRAP) {
        return;
      }
    }
  }

  /** Runs delegated tasks and produces handshake output until the engine needs input. */
  private void pump() throws SSLException {
    while (true) {
      HandshakeStatus status = engine.getHandshakeStatus();
      if (status == HandshakeStatus.NEED_TASK) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
          task.run();
        }
      } else if (status == HandshakeStatus.NEED_WRAP) {
        SSLEngineResult result = wrap(EMPTY);
        if (result.getStatus() == Status.CLOSED && result.bytesProduced() == 0) {
          return;
        }
      } else {
        return;
      }
    }
  }

  private SSLEngineResult wrap(ByteBuffer src) throws SSLException {
    while (true) {
      SSLEngineResult result = engine.wrap(src, netOut);
      if (result.getStatus() == Status.BUFFER_OVERFLOW) {
        netOut = ensureRoom(netOut, packetSize);
        continue;
      }
      noteFinished(result);
      return result;
    }
  }

  private void noteFinished(SSLEngineResult result) {
    if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
      handshakeComplete = true;
    }
  }

  /**
   * A server that requires an ALPN protocol refuses a client that offered none. JSSE calls the
   * protocol selector only when the client sent the ALPN extension, so a client without it would
   * otherwise complete the handshake. JSSE knows the outcome once it has produced the ServerHello
   * (TLS 1.2) or read the ClientHello (TLS 1.3); the ServerHello has not left this object yet, so
   * it is replaced by a plaintext fatal alert, as the ServerHello was never sent.
   */
  private void checkApplicationProtocol() throws TlsHandshakeException {
    if (requiredApplicationProtocol == null || handshakeComplete) {
      return;
    }
    String selected = engine.getHandshakeApplicationProtocol();
    if (selected == null || selected.equals(requiredApplicationProtocol)) {
      return;
    }
    netOut.clear();
    netOut.put(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, (byte) NO_APPLICATION_PROTOCOL});
    engine.closeOutbound();
    throw new TlsHandshakeException(
        "the client did not offer the ALPN protocol "
            + requiredApplicationProtocol
            + (selected.isEmpty() ? " (it sent no ALPN extension)" : "")
            + "; TDS 8.0 requires it: connect with encryption = strict / TDS 8.0",
        null,
        "no_application_protocol",
        null);
  }

  @Override
  public boolean isInboundDone() {
    return engine.isInboundDone();
  }

  @Override
  public int availableOutput() {
    return netOut.position();
  }

  @Override
  public int readOutput(ByteBuffer dst) {
    return drain(netOut, dst);
  }

  @Override
  public int availableApplicationData() {
    return appIn.position();
  }

  @Override
  public int readApplicationData(ByteBuffer dst) {
    return drain(appIn, dst);
  }

  @Override
  public void writeApplicationData(ByteBuffer src) throws IOException {
    try {
      do {
        SSLEngineResult result = wrap(src);
        if (result.getStatus() == Status.CLOSED) {
          throw new TlsException(
              "cannot send: the TLS session is closed ("
                  + (engine.isInboundDone() ? "the peer sent close_notify" : "closed locally")
                  + ")");
        }
        pump();
      } while (src.hasRemaining() && netOut.remaining() >= packetSize);
    } catch (SSLException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public void closeOutbound() throws IOException {
    engine.closeOutbound();
    try {
      while (!engine.isOutboundDone()) {
        if (wrap(EMPTY).bytesProduced() == 0) {
          return;
        }
      }
    } catch (SSLException | RuntimeException e) {
      throw new TlsException("could not produce the TLS close_notify alert: " + e.getMessage(), e);
    }
  }

  @Override
  public TlsSessionInfo sessionInfo() {
    if (!handshakeComplete) {
      throw new IllegalStateException("the TLS handshake has not completed");
    }
    SSLSession session = engine.getSession();
    List<X509Certificate> peer;
    try {
      peer = x509(session.getPeerCertificates());
    } catch (SSLPeerUnverifiedException e) {
      peer = List.of();
    }
    return new TlsSessionInfo(
        session.getProtocol(),
        session.getCipherSuite(),
        engine.getApplicationProtocol(),
        peer,
        x509(session.getLocalCertificates()));
  }

  private static List<X509Certificate> x509(Certificate[] certificates) {
    List<X509Certificate> list = new ArrayList<>();
    if (certificates != null) {
      for (Certificate c : certificates) {
        if (c instanceof X509Certificate x) {
          list.add(x);
        }
      }
    }
    return list;
  }

  /**
   * Turns a JSSE failure into a typed exception, after collecting the alert JSSE queued for the
   * peer (it hands it out on the next wrap) so the caller can send it.
   */
  private TlsException failure(Exception e) {
    try {
      engine.closeOutbound();
      while (wrap(EMPTY).bytesProduced() > 0) {
        // collect the queued alert and close_notify
      }
    } catch (SSLException | RuntimeException ignored) {
      // the engine is already failed; the original error is what matters
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (handshakeComplete) {
      return new TlsException("TLS failed: " + message, e);
    }
    String peerAlert = peerAlert(e);
    String reason =
        peerAlert != null ? "the peer refused the handshake with the alert " + peerAlert : message;
    return new TlsHandshakeException("TLS handshake failed: " + reason, peerAlert, null, e);
  }

  /** The alert name from JSSE's "Received fatal alert: name" message, anywhere in the causes. */
  private static String peerAlert(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.startsWith(RECEIVED_ALERT)) {
        return m.substring(RECEIVED_ALERT.length()).trim();
      }
    }
    return null;
  }

  /** Moves as many bytes as fit from a write-mode buffer to {@code dst}. */
  private static int drain(ByteBuffer from, ByteBuffer dst) {
    from.flip();
    int n = Math.min(from.remaining(), dst.remaining());
    dst.put(from.slice(from.position(), n));
    from.position(from.position() + n);
    from.compact();
    return n;
  }

  /** Returns {@code buffer} (write mode) or a larger copy with at least {@code room} bytes free. */
  private static ByteBuffer ensureRoom(ByteBuffer buffer, int room) {
    if (buffer.remaining() >= room) {
      return buffer;
    }
    int capacity = Math.max(buffer.capacity() * 2, buffer.position() + room);
    ByteBuffer larger = ByteBuffer.allocate(capacity);
    buffer.flip();
    larger.put(buffer);
    return larger;
  }
}
