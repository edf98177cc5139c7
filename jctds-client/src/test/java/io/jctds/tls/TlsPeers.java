package io.jctds.tls;

import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.Transport;
import io.jctds.server.tls.ServerTlsContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A TLS handshake between a client engine and the embedded server's {@link ServerTlsContext} over a
 * loopback socket pair, in the TDS 8.0 (TLS first) or TDS 7.x (inside PRELOGIN packets) placement;
 * after the handshake the client sends {@code ping} and the server echoes it. Socket reads time out
 * after 30 s so a broken test fails instead of hanging.
 */
final class TlsPeers {
  private static final ExecutorService SERVERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tls-test-server");
            t.setDaemon(true);
            return t;
          });

  private TlsPeers() {}

  /** What the client saw: the negotiated session and every byte it wrote. */
  record Outcome(TdsTlsTransport client, byte[] clientBytes, Future<String> server) {}

  /**
   * Runs the handshake; the client side runs on the calling thread.
   *
   * @throws IOException the client's handshake failure
   */
  static Outcome handshake(boolean strict, ServerTlsContext server, TlsEngine clientEngine)
      throws IOException {
    return handshake(
        strict, () -> strict ? server.newTds8Engine() : server.newTds7Engine(), clientEngine);
  }

  /** {@link #handshake(boolean, ServerTlsContext, TlsEngine)} with the server's engines. */
  static Outcome handshake(
      boolean strict, java.util.function.Supplier<TlsEngine> serverEngine, TlsEngine clientEngine)
      throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Future<String> serverSide =
          SERVERS.submit(
              () -> {
                try (Socket s = listener.accept()) {
                  s.setSoTimeout(30_000);
                  Transport wire = Transport.of(s.getInputStream(), s.getOutputStream());
                  TdsTlsTransport tls =
                      strict
                          ? TdsTlsTransport.handshakeFirst(wire, serverEngine.get())
                          : TdsTlsTransport.handshakeInPrelogin(
                              wire, serverEngine.get(), TdsTlsTransport.Scope.WHOLE_CONNECTION);
                  ByteBuffer ping = ByteBuffer.allocate(4);
                  while (ping.hasRemaining() && tls.read(ping) >= 0) {
                    // read the whole ping
                  }
                  tls.write(ping.flip());
                  return StandardCharsets.US_ASCII.decode(ping.flip()).toString();
                }
              });
      Socket socket = new Socket(listener.getInetAddress(), listener.getLocalPort());
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      Transport raw = Transport.of(socket.getInputStream(), socket.getOutputStream());
      Transport recording = new Recording(raw, written);
      TdsTlsTransport client =
          strict
              ? TdsTlsTransport.handshakeFirst(recording, clientEngine)
              : TdsTlsTransport.handshakeInPrelogin(
                  recording, clientEngine, TdsTlsTransport.Scope.WHOLE_CONNECTION);
      client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer echo = ByteBuffer.allocate(4);
      while (echo.hasRemaining() && client.read(echo) >= 0) {
        // read the whole echo
      }
      if (!"ping".equals(StandardCharsets.US_ASCII.decode(echo.flip()).toString())) {
        throw new IOException("the server did not echo ping");
      }
      client.close();
      return new Outcome(client, written.toByteArray(), serverSide);
    }
  }

  /** The server side's failure after the client failed, or null if it did not fail. */
  static Exception serverFailure(Future<String> server) throws InterruptedException {
    try {
      server.get();
      return null;
    } catch (ExecutionException e) {
      return (Exception) e.getCause();
    }
  }

  /** Records what a transport writes. */
  private record Recording(Transport delegate, ByteArrayOutputStream written) implements Transport {
    @Override
    public int read(ByteBuffer dst) throws IOException {
      return delegate.read(dst);
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
      ByteBuffer copy = src.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      synchronized (written) {
        written.write(bytes, 0, bytes.length);
      }
      delegate.write(src);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  /** The ClientHello's extensions (type → data) from the client's first bytes. */
  static ClientHello clientHello(byte[] clientBytes, boolean wrappedInPrelogin) {
    ByteBuffer b = ByteBuffer.wrap(clientBytes);
    if (wrappedInPrelogin) {
      if ((b.get(0) & 0xff) != 0x12) {
        throw new IllegalStateException("not a PRELOGIN packet: " + b.get(0));
      }
      b.position(8);
    }
    if ((b.get() & 0xff) != 0x16) {
      throw new IllegalStateException("not a TLS handshake record");
    }
    b.position(b.position() + 4); // version, length
    if ((b.get() & 0xff) != 0x01) {
      throw new IllegalStateException("not a ClientHello");
    }
    b.position(b.position() + 3 + 2 + 32); // length, legacy version, random
    skip(b, b.get() & 0xff); // session id
    int suitesLength = b.getShort() & 0xffff;
    int[] suites = new int[suitesLength / 2];
    for (int i = 0; i < suites.length; i++) {
      suites[i] = b.getShort() & 0xffff;
    }
    skip(b, b.get() & 0xff); // compression methods
    int end = b.position() + 2 + (b.getShort() & 0xffff);
    Map<Integer, byte[]> extensions = new LinkedHashMap<>();
    while (b.position() < end) {
      int type = b.getShort() & 0xffff;
      byte[] data = new byte[b.getShort() & 0xffff];
      b.get(data);
      extensions.put(type, data);
    }
    return new ClientHello(suites, extensions);
  }

  private static void skip(ByteBuffer b, int n) {
    b.position(b.position() + n);
  }

  /** A parsed ClientHello. */
  record ClientHello(int[] cipherSuites, Map<Integer, byte[]> extensions) {
    static final int SERVER_NAME = 0;
    static final int ALPN = 16;
    static final int PRE_SHARED_KEY = 41;
    static final int SUPPORTED_VERSIONS = 43;
  }
}
