package io.jctds.protocol.tls;

import static io.jctds.protocol.tls.TlsTestSupport.join;
import static io.jctds.protocol.tls.TlsTestSupport.packet;
import static io.jctds.protocol.tls.TlsTestSupport.peer;
import static io.jctds.protocol.tls.TlsTestSupport.readPacket;
import static io.jctds.protocol.tls.TlsTestSupport.serverContext;
import static io.jctds.protocol.tls.TlsTestSupport.trustManagers;
import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import java.nio.ByteBuffer;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every handshake is full. The client here is one that tries hard to resume (one shared {@code
 * SSLContext}, engines created for the same host and port, as most drivers do); a resumed JSSE
 * session keeps the creation time of the session it resumes, which is what the tests compare.
 */
class TlsResumptionTest {
  private static final byte[] PING = packet(PacketType.SQL_BATCH, new byte[] {1, 2, 3});

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void engineFromJsseTlsContextNeverResumesASession(String protocol) throws Exception {
    JsseTlsContext server = serverContext("server");
    SSLContext client = resumingClient();
    TlsParameters parameters = TlsParameters.TDS8.withProtocols(protocol);

    SSLSession first = connect(client, protocol, () -> server.newServerEngine(parameters));
    SSLSession second = connect(client, protocol, () -> server.newServerEngine(parameters));

    assertThat(second.getCreationTime()).isNotEqualTo(first.getCreationTime());
    assertThat(second.getId()).isNotEqualTo(first.getId());
  }

  /** The detector works: a server sharing one SSLContext does resume, for both versions. */
  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void sharedSslContextOnTheServerWouldResume(String protocol) throws Exception {
    SSLContext shared = SSLContext.getInstance("TLS");
    shared.init(TlsTestSupport.keyManagers("server"), null, null);
    SSLContext client = resumingClient();
    Supplier<TlsEngine> serverEngine =
        () -> {
          SSLEngine engine = shared.createSSLEngine();
          engine.setUseClientMode(false);
          return new JsseTlsEngine(engine, TlsParameters.TDS8_APPLICATION_PROTOCOL);
        };

    SSLSession first = connect(client, protocol, serverEngine);
    SSLSession second = connect(client, protocol, serverEngine);

    assertThat(second.getCreationTime()).isEqualTo(first.getCreationTime());
  }

  @Test
  void tds7WrappedHandshakesAreAlwaysFull() throws Exception {
    JsseTlsContext server = serverContext("server");
    SSLContext client = resumingClient();
    SSLSession first = connectTds7(client, server);
    SSLSession second = connectTds7(client, server);

    assertThat(second.getCreationTime()).isNotEqualTo(first.getCreationTime());
    assertThat(second.getId()).isNotEqualTo(first.getId());
  }

  private static SSLContext resumingClient() throws Exception {
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trustManagers("server"), null);
    return client;
  }

  private static SSLEngine clientEngine(SSLContext client, String protocol) {
    SSLEngine engine = client.createSSLEngine("localhost", 1433);
    engine.setUseClientMode(true);
    engine.setEnabledProtocols(new String[] {protocol});
    return engine;
  }

  /** One TLS-first connection with a ping and its echo; returns the client's session. */
  private static SSLSession connect(
      SSLContext client, String protocol, Supplier<TlsEngine> serverEngine) throws Exception {
    MemoryPipe pipe = new MemoryPipe();
    SSLEngine engine = clientEngine(client, protocol);
    Future<Void> peer =
        peer(
            () -> {
              try (TdsTlsTransport t =
                  TdsTlsTransport.handshakeFirst(
                      pipe.client,
                      new JsseTlsEngine(engine, TlsParameters.TDS8_APPLICATION_PROTOCOL))) {
                t.write(ByteBuffer.wrap(PING));
                assertThat(readPacket(t)).isEqualTo(PING); // also reads TLS 1.3 session tickets
              }
              return null;
            });
    try (TdsTlsTransport server = TdsTlsTransport.handshakeFirst(pipe.server, serverEngine.get())) {
      server.write(ByteBuffer.wrap(readPacket(server)));
      join(peer);
    }
    return engine.getSession();
  }

  private static SSLSession connectTds7(SSLContext client, JsseTlsContext server) throws Exception {
    MemoryPipe pipe = new MemoryPipe();
    SSLEngine engine = clientEngine(client, "TLSv1.2");
    Future<Void> peer =
        peer(
            () -> {
              try (TdsTlsTransport t =
                  TdsTlsTransport.handshakeInPrelogin(
                      pipe.client, new JsseTlsEngine(engine, null), Scope.WHOLE_CONNECTION)) {
                t.write(ByteBuffer.wrap(PING));
                assertThat(readPacket(t)).isEqualTo(PING);
              }
              return null;
            });
    try (TdsTlsTransport s =
        TdsTlsTransport.handshakeInPrelogin(
            pipe.server, server.newServerEngine(TlsParameters.TDS7), Scope.WHOLE_CONNECTION)) {
      s.write(ByteBuffer.wrap(readPacket(s)));
      join(peer);
    }
    return engine.getSession();
  }
}
