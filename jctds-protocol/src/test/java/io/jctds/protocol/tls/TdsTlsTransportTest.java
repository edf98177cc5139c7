package io.jctds.protocol.tls;

import static io.jctds.protocol.tls.TlsTestSupport.certificate;
import static io.jctds.protocol.tls.TlsTestSupport.clientContext;
import static io.jctds.protocol.tls.TlsTestSupport.indexOf;
import static io.jctds.protocol.tls.TlsTestSupport.join;
import static io.jctds.protocol.tls.TlsTestSupport.packet;
import static io.jctds.protocol.tls.TlsTestSupport.peer;
import static io.jctds.protocol.tls.TlsTestSupport.readPacket;
import static io.jctds.protocol.tls.TlsTestSupport.serverContext;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Successful handshakes in both TDS placements, and what each puts on the wire. */
class TdsTlsTransportTest {
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;

  private final MemoryPipe pipe = new MemoryPipe();

  @Test
  void wrappedHandshakeThenEveryPacketInsideTls() throws Exception {
    JsseTlsContext clientTls = clientContext("server");
    byte[] request = packet(PacketType.SQL_BATCH, "select 'request-marker'".getBytes(US_ASCII));
    byte[] large = new byte[40_000];
    new Random(7).nextBytes(large);
    byte[] bulk = packet(PacketType.BULK_LOAD, large);
    byte[] response = packet(PacketType.TABULAR_RESULT, "response-marker".getBytes(US_ASCII));
    Future<TlsSessionInfo> client =
        peer(
            () -> {
              try (TdsTlsTransport t =
                  TdsTlsTransport.handshakeInPrelogin(
                      pipe.client,
                      clientTls.newClientEngine(TlsParameters.TDS7),
                      Scope.WHOLE_CONNECTION)) {
                t.asOutputStream().write(request);
                t.write(ByteBuffer.wrap(bulk));
                assertThat(readPacket(t)).isEqualTo(response);
                return t.session();
              }
            });

    TdsTlsTransport server =
        TdsTlsTransport.handshakeInPrelogin(
            pipe.server,
            serverContext("server").newServerEngine(TlsParameters.TDS7),
            Scope.WHOLE_CONNECTION);
    assertThat(readPacket(server)).isEqualTo(request);
    assertThat(readPacket(server)).isEqualTo(bulk);
    server.write(ByteBuffer.wrap(response));
    TlsSessionInfo clientSession = join(client);
    assertThat(server.asInputStream().read())
        .as("client's close_notify ends the stream")
        .isEqualTo(-1);
    server.close();

    TlsSessionInfo serverSession = server.session();
    assertThat(clientSession.protocol()).isEqualTo("TLSv1.2");
    assertThat(serverSession.protocol()).isEqualTo("TLSv1.2");
    assertThat(clientSession.cipherSuite()).isEqualTo(serverSession.cipherSuite());
    assertThat(clientSession.applicationProtocol()).isEmpty();
    assertThat(clientSession.peerCertificates()).containsExactly(certificate("server"));
    assertThat(serverSession.localCertificates()).containsExactly(certificate("server"));
    assertThat(serverSession.peerCertificates()).isEmpty();
    assertThat(server.isEncrypting()).isTrue();

    WireLog up = WireLog.parse(pipe.clientToServer());
    assertThat(up.preloginPackets()).isNotEmpty();
    assertThat(up.handshakeRecordTypes()).first().isEqualTo(HANDSHAKE);
    assertThat(up.recordTypes()).contains(APPLICATION_DATA).endsWith(21); // close_notify
    assertThat(up.plaintext()).isEmpty();
    assertThat(indexOf(pipe.clientToServer(), "request-marker".getBytes(US_ASCII))).isEqualTo(-1);
    WireLog down = WireLog.parse(pipe.serverToClient());
    assertThat(down.preloginPackets()).isNotEmpty();
    assertThat(down.recordTypes()).containsOnly(APPLICATION_DATA);
    assertThat(indexOf(pipe.serverToClient(), "response-marker".getBytes(US_ASCII))).isEqualTo(-1);
  }

  @Test
  void tls13InsidePreloginPacketsWhenBothSidesRaiseTheMaximum() throws Exception {
    // TDS 7.x defaults to TLS 1.2 (TlsParameters.TDS7); the transport itself does not forbid
    // 1.3: a user who raises the maximum on both sides gets it.
    TlsParameters tls13 = TlsParameters.TDS7.withProtocols("TLSv1.3", "TLSv1.2");
    JsseTlsContext clientTls = clientContext("server");
    byte[] request = packet(PacketType.SQL_BATCH, "select 'tls13-marker'".getBytes(US_ASCII));
    byte[] response = packet(PacketType.TABULAR_RESULT, "tls13-answer".getBytes(US_ASCII));
    Future<TlsSessionInfo> client =
        peer(
            () -> {
              try (TdsTlsTransport t =
                  TdsTlsTransport.handshakeInPrelogin(
                      pipe.client, clientTls.newClientEngine(tls13), Scope.WHOLE_CONNECTION)) {
                t.write(ByteBuffer.wrap(request));
                assertThat(readPacket(t)).isEqualTo(response);
                return t.session();
              }
            });
    TdsTlsTransport server =
        TdsTlsTransport.handshakeInPrelogin(
            pipe.server, serverContext("server").newServerEngine(tls13), Scope.WHOLE_CONNECTION);
    assertThat(readPacket(server)).isEqualTo(request);
    server.write(ByteBuffer.wrap(response));
    assertThat(join(client).protocol()).isEqualTo("TLSv1.3");
    assertThat(server.session().protocol()).isEqualTo("TLSv1.3");
    server.close();
    assertThat(indexOf(pipe.clientToServer(), "tls13-marker".getBytes(US_ASCII))).isEqualTo(-1);
  }

  @Test
  void wrappedHandshakeFlightsAreSplitIntoPreloginPacketsOfAtMost4096Bytes() throws Exception {
    JsseTlsContext clientTls = clientContext("big");
    Future<TlsSessionInfo> client =
        peer(
            () -> {
              try (TdsTlsTransport t =
                  TdsTlsTransport.handshakeInPrelogin(
                      pipe.client,
                      clientTls.newClientEngine(TlsParameters.TDS7),
                      Scope.WHOLE_CONNECTION)) {
                return t.session();
              }
            });
    TdsTlsTransport server =
        TdsTlsTransport.handshakeInPrelogin(
            pipe.server,
            serverContext("big").newServerEngine(TlsParameters.TDS7),
            Scope.WHOLE_CONNECTION);
    join(client);
    server.close();

    for (byte[] wire : new byte[][] {pipe.clientToServer(), pipe.serverToClient()}) {
      WireLog log = WireLog.parse(wire);
      assertThat(log.preloginPackets())
          .allSatisfy(
              h -> {
                assertThat(h.type()).isEqualTo(PacketType.PRELOGIN);
                assertThat(h.length()).isLessThanOrEqualTo(TdsTlsTransport.PRELOGIN_PACKET_SIZE);
                if (!h.isEndOfMessage()) {
                  assertThat(h.length()).isEqualTo(TdsTlsTransport.PRELOGIN_PACKET_SIZE);
                }
              });
      assertThat(log.preloginPackets()).last().matches(PacketHeader::isEndOfMessage);
      assertThat(log.handshakeRecordTypes()).first().isEqualTo(HANDSHAKE);
    }
    WireLog down = WireLog.parse(pipe.serverToClient());
    assertThat(down.preloginPackets())
        .as("the 6.5 KB certificate needs a flight of several packets")
        .filteredOn(h -> !h.isEndOfMessage())
        .isNotEmpty();
    assertThat(pipe.clientToServer()).startsWith(0x12, 0x01);
    assertThat(WireLog.parse(pipe.clientToServer()).handshakePayload()).startsWith(0x16, 0x03);
  }

  /** How the client hands its LOGIN7 packet and the next packet to the transport. */
  enum Writes {
    ONE_PACKET_PER_WRITE,
    BOTH_PACKETS_IN_ONE_WRITE,
    HEADER_SPLIT_ACROSS_WRITES
  }

  @ParameterizedTest
  @EnumSource(Writes.class)
  void loginOnlyEncryptsExactlyTheFirstPacketThenBothSidesArePlaintext(Writes writes)
      throws Exception {
    JsseTlsContext clientTls = clientContext("server");
    byte[] login = packet(PacketType.LOGIN7, "login7-secret-marker".getBytes(US_ASCII));
    byte[] batch = packet(PacketType.SQL_BATCH, "plain-batch-marker".getBytes(US_ASCII));
    byte[] response = packet(PacketType.TABULAR_RESULT, "plain-response".getBytes(US_ASCII));
    Future<TdsTlsTransport> client =
        peer(
            () -> {
              TdsTlsTransport t =
                  TdsTlsTransport.handshakeInPrelogin(
                      pipe.client, clientTls.newClientEngine(TlsParameters.TDS7), Scope.LOGIN_ONLY);
              assertThat(t.isEncrypting()).isTrue();
              write(t, writes, login, batch);
              assertThat(t.isEncrypting()).isFalse();
              return t;
            });

    TdsTlsTransport server =
        TdsTlsTransport.handshakeInPrelogin(
            pipe.server,
            serverContext("server").newServerEngine(TlsParameters.TDS7),
            Scope.LOGIN_ONLY);
    TdsTlsTransport clientTransport = join(client);
    // the plaintext batch is already buffered behind the encrypted LOGIN7
    assertThat(readPacket(server)).isEqualTo(login);
    assertThat(server.isEncrypting()).isFalse();
    assertThat(readPacket(server)).isEqualTo(batch);
    server.write(ByteBuffer.wrap(response));
    assertThat(readPacket(clientTransport)).isEqualTo(response);
    clientTransport.close();
    server.close();

    WireLog up = WireLog.parse(pipe.clientToServer());
    assertThat(up.recordTypes()).as("no close_notify").containsOnly(APPLICATION_DATA);
    assertThat(up.plaintext()).isEqualTo(batch);
    assertThat(indexOf(pipe.clientToServer(), "login7-secret-marker".getBytes(US_ASCII)))
        .isEqualTo(-1);
    WireLog down = WireLog.parse(pipe.serverToClient());
    assertThat(down.recordTypes()).isEmpty();
    assertThat(down.plaintext()).isEqualTo(response);
  }

  private static void write(TdsTlsTransport t, Writes writes, byte[] login, byte[] batch)
      throws Exception {
    switch (writes) {
      case ONE_PACKET_PER_WRITE -> {
        t.write(ByteBuffer.wrap(login));
        t.write(ByteBuffer.wrap(batch));
      }
      case BOTH_PACKETS_IN_ONE_WRITE -> {
        byte[] both = Arrays.copyOf(login, login.length + batch.length);
        System.arraycopy(batch, 0, both, login.length, batch.length);
        t.write(ByteBuffer.wrap(both));
      }
      case HEADER_SPLIT_ACROSS_WRITES -> {
        t.write(ByteBuffer.wrap(login, 0, 3));
        t.write(ByteBuffer.wrap(login, 3, login.length - 3));
        t.write(ByteBuffer.wrap(batch));
      }
    }
  }

  @Test
  void tlsFirstNegotiatesAlpnTds8AndCarriesEverythingInsideTls() throws Exception {
    JsseTlsContext clientTls = clientContext("server");
    byte[] prelogin = packet(PacketType.PRELOGIN, "prelogin-inside-tls".getBytes(US_ASCII));
    byte[] answer = packet(PacketType.TABULAR_RESULT, "answer-inside-tls".getBytes(US_ASCII));
    Future<TlsSessionInfo> client =
        peer(
            () -> {
              try (TdsTlsTransport t =
                  TdsTlsTransport.handshakeFirst(
                      pipe.client, clientTls.newClientEngine(TlsParameters.TDS8))) {
                t.write(ByteBuffer.wrap(prelogin));
                assertThat(readPacket(t)).isEqualTo(answer);
                return t.session();
              }
            });
    TdsTlsTransport server =
        TdsTlsTransport.handshakeFirst(
            pipe.server, serverContext("server").newServerEngine(TlsParameters.TDS8));
    assertThat(readPacket(server)).isEqualTo(prelogin);
    server.write(ByteBuffer.wrap(answer));
    TlsSessionInfo clientSession = join(client);
    server.close();

    assertThat(pipe.clientToServer()[0]).as("ClientHello record first").isEqualTo((byte) 0x16);
    assertThat(clientSession.applicationProtocol()).isEqualTo("tds/8.0");
    assertThat(server.session().applicationProtocol()).isEqualTo("tds/8.0");
    assertThat(clientSession.protocol()).isEqualTo("TLSv1.3");
    WireLog up = WireLog.parse(pipe.clientToServer());
    assertThat(up.preloginPackets()).isEmpty();
    assertThat(up.plaintext()).isEmpty();
    assertThat(indexOf(pipe.clientToServer(), "prelogin-inside-tls".getBytes(US_ASCII)))
        .isEqualTo(-1);
  }

  @Test
  void serverPeekedFirstByteIsGivenBackWithPrefix() throws Exception {
    JsseTlsContext clientTls = clientContext("server");
    Future<TdsTlsTransport> client =
        peer(
            () ->
                TdsTlsTransport.handshakeFirst(
                    pipe.client, clientTls.newClientEngine(TlsParameters.TDS8)));
    ByteBuffer first = ByteBuffer.allocate(1);
    assertThat(pipe.server.read(first)).isEqualTo(1);
    assertThat(first.flip().get(0)).isEqualTo((byte) 0x16);
    TdsTlsTransport server =
        TdsTlsTransport.handshakeFirst(
            Transport.withPrefix(first, pipe.server),
            serverContext("server").newServerEngine(TlsParameters.TDS8));
    TdsTlsTransport clientTransport = join(client);
    assertThat(clientTransport.session().protocol()).isEqualTo(server.session().protocol());
    clientTransport.close();
    server.close();
  }
}
