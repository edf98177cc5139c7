package io.jctds.protocol.tls;

import static io.jctds.protocol.tls.TlsTestSupport.clientContext;
import static io.jctds.protocol.tls.TlsTestSupport.join;
import static io.jctds.protocol.tls.TlsTestSupport.packet;
import static io.jctds.protocol.tls.TlsTestSupport.peer;
import static io.jctds.protocol.tls.TlsTestSupport.serverContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import java.nio.ByteBuffer;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failed handshakes: typed exceptions with the alerts, and the transport closed. */
class TdsTlsTransportFailureTest {
  private final MemoryPipe pipe = new MemoryPipe();

  @Test
  void untrustedServerCertificateFailsBothSidesAndTheServerSeesTheClientsAlert() throws Exception {
    JsseTlsContext clientTls = clientContext("other");
    Future<TlsHandshakeException> client =
        peer(
            () ->
                catchThrowableOfType(
                    TlsHandshakeException.class,
                    () ->
                        TdsTlsTransport.handshakeInPrelogin(
                            pipe.client,
                            clientTls.newClientEngine(TlsParameters.TDS7),
                            Scope.WHOLE_CONNECTION)));
    TlsHandshakeException server =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () ->
                TdsTlsTransport.handshakeInPrelogin(
                    pipe.server,
                    serverContext("server").newServerEngine(TlsParameters.TDS7),
                    Scope.WHOLE_CONNECTION));

    TlsHandshakeException clientFailure = join(client);
    assertThat(clientFailure)
        .hasMessageContaining("TDS 7.x PRELOGIN")
        .hasMessageContaining("(client)");
    assertThat(clientFailure.peerAlert()).isEmpty();
    assertThat(server).hasMessageContaining("(server)");
    assertThat(server.peerAlert()).contains("certificate_unknown");
    assertThat(pipe.client.isClosed()).isTrue();
    assertThat(pipe.server.isClosed()).isTrue();
  }

  @ParameterizedTest(name = "{0}, client offers ALPN [{1}]")
  @CsvSource({"TLSv1.2,", "TLSv1.3,", "TLSv1.2,h2", "TLSv1.3,h2"})
  void tds8ServerRefusesAClientThatDoesNotOfferTds8Alpn(String protocol, String offered)
      throws Exception {
    JsseTlsContext clientTls = clientContext("server");
    TlsParameters parameters =
        TlsParameters.TDS8.withProtocols(protocol).withApplicationProtocol(offered);
    Future<TlsHandshakeException> client =
        peer(
            () ->
                catchThrowableOfType(
                    TlsHandshakeException.class,
                    () ->
                        TdsTlsTransport.handshakeFirst(
                            pipe.client, clientTls.newClientEngine(parameters))));
    TlsHandshakeException server =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () ->
                TdsTlsTransport.handshakeFirst(
                    pipe.server, serverContext("server").newServerEngine(TlsParameters.TDS8)));

    assertThat(server).isNotNull();
    assertThat(join(client).peerAlert()).contains("no_application_protocol");
    if (offered == null) {
      assertThat(server.localAlert()).contains("no_application_protocol");
      assertThat(server).hasMessageContaining("sent no ALPN extension");
    }
    assertThat(pipe.server.isClosed()).isTrue();
    assertThat(pipe.client.isClosed()).isTrue();
  }

  @Test
  void connectionEndingInsideTheHandshakeIsAHandshakeFailure() throws Exception {
    ByteBuffer partial = ByteBuffer.allocate(18);
    new PacketHeader(PacketType.PRELOGIN, PacketHeader.STATUS_EOM, 100, 0, 1, 0).encode(partial);
    partial.put(new byte[] {0x16, 0x03, 0x01, 0x00, 0x50, 0x01, 0, 0, 0x4C, 0x03}).flip();
    pipe.client.write(partial);
    pipe.client.close();

    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () ->
                TdsTlsTransport.handshakeInPrelogin(
                    pipe.server,
                    serverContext("server").newServerEngine(TlsParameters.TDS7),
                    Scope.WHOLE_CONNECTION));
    assertThat(e).hasMessageContaining("connection ended inside a PRELOGIN packet");
    assertThat(pipe.server.isClosed()).isTrue();
  }

  @Test
  void anotherPacketTypeDuringTheWrappedHandshakeIsRefused() throws Exception {
    pipe.client.write(ByteBuffer.wrap(packet(PacketType.LOGIN7, new byte[] {0x16, 3, 1, 0, 1})));

    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () ->
                TdsTlsTransport.handshakeInPrelogin(
                    pipe.server,
                    serverContext("server").newServerEngine(TlsParameters.TDS7),
                    Scope.WHOLE_CONNECTION));
    assertThat(e)
        .hasMessageContaining("expected a PRELOGIN (0x12) packet")
        .hasMessageContaining("Login7");
    assertThat(pipe.server.isClosed()).isTrue();
  }

  @Test
  void plaintextPreloginWhereTlsFirstIsExpectedIsRefused() throws Exception {
    pipe.client.write(ByteBuffer.wrap(packet(PacketType.PRELOGIN, new byte[] {0, 0, 0x1A})));

    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () ->
                TdsTlsTransport.handshakeFirst(
                    pipe.server, serverContext("server").newServerEngine(TlsParameters.TDS8)));
    assertThat(e)
        .hasMessageContaining("TLS-first (TDS 8.0) handshake (server)")
        .hasMessageContaining("expected a TLS record but the peer sent 12 01");
    assertThat(pipe.server.isClosed()).isTrue();
  }

  @Test
  void writingAfterCloseIsATypedError() throws Exception {
    JsseTlsContext clientTls = clientContext("server");
    Future<TdsTlsTransport> client =
        peer(
            () ->
                TdsTlsTransport.handshakeFirst(
                    pipe.client, clientTls.newClientEngine(TlsParameters.TDS8)));
    TdsTlsTransport server =
        TdsTlsTransport.handshakeFirst(
            pipe.server, serverContext("server").newServerEngine(TlsParameters.TDS8));
    TdsTlsTransport transport = join(client);
    transport.close();
    server.close();

    TlsException e =
        catchThrowableOfType(
            TlsException.class, () -> transport.write(ByteBuffer.wrap(new byte[] {1})));
    assertThat(e).hasMessageContaining("closed");
    assertThat(pipe.client.isClosed()).isTrue();
  }
}
