package io.jctds.bench.jmh;

import io.jctds.protocol.tls.JsseTlsContext;
import io.jctds.protocol.tls.JsseTlsEngine;
import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsParameters;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.ServerCredentials;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TLS over an in-memory pair of the protocol module's {@link JsseTlsEngine}s, as the client (and
 * the embedded server) use them: TLS 1.2 ({@link TlsParameters#TDS7}), the JDK's choice of cipher
 * suite (ECDHE-RSA with AES-256-GCM on JDK 17; printed in setup), a generated server certificate.
 * {@code wrap}: the server side encrypts one 16 KiB record; {@code wrapUnwrap}: that record is also
 * offered to the client side and its plaintext read out. A record decrypts only once (sequence
 * numbers), so unwrap alone is the difference of the two. Score per 16 KiB record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TlsUnwrapBench {
  static final int RECORD = 16 * 1024;

  private TlsEngine client;
  private TlsEngine server;
  private final ByteBuffer plain = ByteBuffer.allocate(RECORD);
  private final ByteBuffer net = ByteBuffer.allocate(RECORD + 1024);
  private final ByteBuffer received = ByteBuffer.allocate(RECORD);

  @Setup
  public void setUp() throws Exception {
    ServerCredentials creds =
        CertificateAuthority.generate("jctds jmh CA").issueServerCredentials(List.of());
    server =
        new JsseTlsContext(creds.keyManagers(), null, null).newServerEngine(TlsParameters.TDS7);
    client = new JsseTlsContext(null, trust(creds), null).newClientEngine(TlsParameters.TDS7);
    client.beginHandshake();
    server.beginHandshake();
    for (int i = 0;
        i < 50 && !(client.isHandshakeComplete() && server.isHandshakeComplete());
        i++) {
      move(client, server);
      move(server, client);
    }
    if (!client.isHandshakeComplete() || !server.isHandshakeComplete()) {
      throw new IllegalStateException("the in-memory TLS handshake did not complete");
    }
    System.out.println("TLS: " + client.sessionInfo());
    for (int i = 0; i < RECORD; i++) {
      plain.put(i, (byte) (i * 7));
    }
  }

  private static javax.net.ssl.TrustManager[] trust(ServerCredentials creds)
      throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    ks.setCertificateEntry("ca", creds.trustAnchor());
    TrustManagerFactory f = TrustManagerFactory.getInstance("PKIX");
    f.init(ks);
    return f.getTrustManagers();
  }

  private static void move(TlsEngine from, TlsEngine to) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(64 * 1024);
    from.readOutput(b);
    b.flip();
    if (b.hasRemaining()) {
      to.offerInput(b);
    }
  }

  private void wrapOne() throws IOException {
    server.writeApplicationData(plain.clear());
    net.clear();
    server.readOutput(net);
    if (server.availableOutput() != 0) {
      throw new IllegalStateException("one record did not fit the buffer");
    }
    net.flip();
  }

  @Benchmark
  public int wrap() throws IOException {
    wrapOne();
    return net.remaining();
  }

  @Benchmark
  public int wrapUnwrap() throws IOException {
    wrapOne();
    client.offerInput(net);
    received.clear();
    int n = client.readApplicationData(received);
    if (n != RECORD) {
      throw new IllegalStateException(n + " plaintext bytes came out of one record");
    }
    return received.get(RECORD - 1);
  }
}
