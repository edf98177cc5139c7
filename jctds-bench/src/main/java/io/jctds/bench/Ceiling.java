package io.jctds.bench;

import io.jctds.server.TdsServer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The ceiling no client can beat: the same byte volume a scenario's response has, copied over a
 * loopback socket from the server JVM, plain or through TLS (the JDK's, AES-GCM, with the server's
 * certificate). The server side answers each 8-byte request (a byte count) with that many bytes.
 */
final class Ceiling {
  private static final byte[] CHUNK = new byte[32 * 1024];

  private Ceiling() {}

  /** Starts the ceiling's listener in the server JVM; returns its port. */
  static int serve(TdsServer server) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try {
                  Socket s = listener.accept();
                  Thread c = new Thread(() -> answer(server, s), "ceiling-" + s.getPort());
                  c.setDaemon(true);
                  c.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "ceiling-accept");
    t.setDaemon(true);
    t.start();
    return listener.getLocalPort();
  }

  private static void answer(TdsServer server, Socket plain) {
    try (plain) {
      plain.setTcpNoDelay(true);
      Socket s = plain;
      if (plain.getInputStream().read() == 1) {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(server.credentials().keyManagers(), null, null);
        SSLSocket tls =
            (SSLSocket) ctx.getSocketFactory().createSocket(plain, plain.getInputStream(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        s = tls;
      }
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        long left = in.readLong();
        while (left > 0) {
          int n = (int) Math.min(left, CHUNK.length);
          out.write(CHUNK, 0, n);
          left -= n;
        }
        out.flush();
      }
    } catch (IOException | java.security.GeneralSecurityException e) {
      // the client is done
    }
  }

  /** The client side: one connection (handshake outside the clock), then copies on request. */
  static final class Client implements BenchClient {
    private final Socket socket;
    private final DataOutputStream out;
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];

    Client(Target t, int port) throws Exception {
      Socket plain = new Socket(t.host(), port);
      plain.setTcpNoDelay(true);
      plain.getOutputStream().write(t.tls() ? 1 : 0);
      Socket s = plain;
      if (t.tls()) {
        SSLSocket tls = (SSLSocket) factory(t.caPem()).createSocket(plain, t.host(), port, true);
        tls.startHandshake();
        s = tls;
      }
      this.socket = s;
      this.out = new DataOutputStream(s.getOutputStream());
      this.in = s.getInputStream();
    }

    private static SSLSocketFactory factory(Path pem) throws Exception {
      X509Certificate ca;
      try (InputStream f = Files.newInputStream(pem)) {
        ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(f);
      }
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx.getSocketFactory();
    }

    /** Copies {@code bytes}; true when exactly that many arrived. */
    private boolean copy(long bytes) throws IOException {
      out.writeLong(bytes);
      out.flush();
      long left = bytes;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          return false;
        }
        left -= n;
      }
      return true;
    }

    @Override
    public long fetchRows(long n) throws IOException {
      return copy(WireVolume.rows(n)) ? Scenario.FETCH.expected(n) : -1;
    }

    @Override
    public long fetchBlobs(long n, int size) throws IOException {
      return copy(WireVolume.blobs(n, size)) ? n * size : -1;
    }

    @Override
    public long selectOne() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long insertMany(long n) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long bulkInsert(long n) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
