package io.jctds.protocol.tls;

import io.jctds.protocol.framing.PacketHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Keys from the keytool fixtures (see README.md next to them), TDS packets, the peer thread. */
final class TlsTestSupport {
  static final char[] PASSWORD = "changeit".toCharArray();
  private static final ExecutorService PEERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tls-test-peer");
            t.setDaemon(true);
            return t;
          });

  private TlsTestSupport() {}

  static KeyStore store(String name) {
    try (InputStream in = TlsTestSupport.class.getResourceAsStream(name + ".p12")) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyManager[] keyManagers(String name) throws GeneralSecurityException {
    KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
    factory.init(store(name), PASSWORD);
    return factory.getKeyManagers();
  }

  static TrustManager[] trustManagers(String name) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store(name));
    return factory.getTrustManagers();
  }

  static X509Certificate certificate(String name) throws GeneralSecurityException {
    KeyStore store = store(name);
    return (X509Certificate) store.getCertificate(store.aliases().nextElement());
  }

  /** A server context with the fixture's key. */
  static JsseTlsContext serverContext(String name) throws GeneralSecurityException {
    return new JsseTlsContext(keyManagers(name), null, null);
  }

  /** A client context trusting the fixture's certificate only. */
  static JsseTlsContext clientContext(String trusted) throws GeneralSecurityException {
    return new JsseTlsContext(null, trustManagers(trusted), null);
  }

  /** A whole TDS packet: EOM status, the given type and payload. */
  static byte[] packet(int type, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(PacketHeader.SIZE + payload.length);
    new PacketHeader(type, PacketHeader.STATUS_EOM, b.capacity(), 0, 1, 0).encode(b);
    return b.put(payload).array();
  }

  /** Reads one whole TDS packet: the header, then as many bytes as its length says. */
  static byte[] readPacket(Transport transport) throws IOException {
    ByteBuffer header = readFully(transport, PacketHeader.SIZE);
    int length = PacketHeader.decode(header.duplicate()).length();
    ByteBuffer whole = ByteBuffer.allocate(length).put(header);
    whole.put(readFully(transport, length - PacketHeader.SIZE));
    return whole.array();
  }

  static ByteBuffer readFully(Transport transport, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (transport.read(b) < 0) {
        throw new IOException("end of stream after " + b.position() + " of " + n + " bytes");
      }
    }
    return b.flip();
  }

  /** Runs the other side of a connection on its own thread. */
  static <T> Future<T> peer(Callable<T> task) {
    return PEERS.submit(task);
  }

  /** The peer's result, or its exception unwrapped. */
  static <T> T join(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Index of {@code needle} in {@code haystack}, or -1. */
  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
