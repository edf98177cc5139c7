package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsHandshakeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed input, lying lengths, truncated messages, vanished and silent clients: each ends only
 * its own session (with a log line naming the SPID), while an established session keeps working.
 */
class RobustnessIT {
  private static final RecordingLogger LOG = new RecordingLogger();
  private static TdsServer server;
  private static RawClient witness;

  @BeforeAll
  static void start() throws IOException {
    server =
        TestServers.builder(EncryptionPolicy.ON)
            .loginTimeout(Duration.ofSeconds(1))
            .logger(LOG)
            .build()
            .start();
    witness = RawClient.connect(server);
    witness.loginOk();
  }

  @AfterEach
  void witnessStillWorks() throws IOException {
    assertThat(Responses.scalar(witness.batch("SELECT @@SPID"))).isEqualTo((short) 51);
  }

  @AfterAll
  static void stop() throws IOException {
    witness.close();
    server.close();
  }

  private static byte[] header(int type, int status, int length) {
    return new byte[] {
      (byte) type, (byte) status, (byte) (length >>> 8), (byte) length, 0, 0, 1, 0
    };
  }

  @Test
  void notTdsAtAll() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(LOG.all()).containsPattern("WARNING spid \\d+: the first byte 0x47 is neither");
  }

  @Test
  void packetShorterThanItsHeader() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.sendRaw(header(PacketType.PRELOGIN, 1, 4));
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(LOG.all()).containsPattern("spid \\d+: protocol error, closing: .*length 4");
  }

  @Test
  void lengthThatLiesThenDisconnect() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.sendRaw(header(PacketType.PRELOGIN, 1, 4000));
      c.sendRaw(new byte[20]);
      c.socket().shutdownOutput();
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void preloginOptionPointingOutsideThePayload() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      byte[] payload = {0x00, 0x00, 0x40, 0x00, 0x06, (byte) 0xFF};
      c.sendRaw(header(PacketType.PRELOGIN, 1, 8 + payload.length));
      c.sendRaw(payload);
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(LOG.all()).contains("PRELOGIN option 0x00 points to bytes");
  }

  @Test
  void randomLogin7() throws IOException {
    byte[] junk = new byte[300];
    new Random(7).nextBytes(junk);
    try (RawClient c = RawClient.connect(server)) {
      c.prelogin(2);
      c.sendMessage(PacketType.LOGIN7, out -> out.bytes(junk));
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void garbageInsteadOfTheTlsHandshake() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      assertThat(c.prelogin(1).encryption()).isEqualTo(1);
      c.sendMessage(PacketType.PRELOGIN, out -> out.bytes(new byte[] {1, 2, 3, 4, 5, 6, 7}));
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void clientThatRefusesTheCertificate() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      assertThat(c.prelogin(1).encryption()).isEqualTo(1);
      assertThatThrownBy(() -> untrustingHandshake(c)).isInstanceOf(TlsHandshakeException.class);
    }
  }

  private static void untrustingHandshake(RawClient c) throws IOException {
    io.jctds.protocol.tls.JsseTlsContext untrusting =
        new io.jctds.protocol.tls.JsseTlsContext(null, null, null); // JDK trust store only
    TdsTlsTransport.handshakeInPrelogin(
        transportOf(c),
        untrusting.newClientEngine(io.jctds.protocol.tls.TlsParameters.TDS7),
        TdsTlsTransport.Scope.WHOLE_CONNECTION);
  }

  private static io.jctds.protocol.tls.Transport transportOf(RawClient c) throws IOException {
    return io.jctds.protocol.tls.Transport.of(
        c.socket().getInputStream(), c.socket().getOutputStream());
  }

  @Test
  void oddLengthBatchAfterLogin() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      c.sendMessage(
          PacketType.SQL_BATCH,
          out -> {
            io.jctds.protocol.batch.AllHeaders.transaction(0, 1).encode(out);
            out.bytes(new byte[] {0x53, 0x00, 0x45});
          });
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(LOG.all()).contains("SQLBatch text has an odd number of bytes");
  }

  @Test
  void packetTypeChangesInTheMiddleOfAMessage() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      byte[] part = new byte[30];
      c.sendRaw(header(PacketType.SQL_BATCH, 0, 8 + part.length));
      c.sendRaw(part);
      c.sendRaw(header(PacketType.RPC, 1, 8 + part.length));
      c.sendRaw(part);
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(LOG.all()).contains("packet type changed from SQLBatch to RPC");
  }

  @Test
  void clientVanishesMidRequest() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      c.sendRaw(header(PacketType.SQL_BATCH, 0, 108));
      c.sendRaw(new byte[100]);
      c.socket().shutdownOutput();
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void unexpectedMessageAfterLogin() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      c.sendMessage(PacketType.PRELOGIN, out -> out.u8(0xFF));
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(LOG.all()).contains("unexpected PreLogin message after login");
  }

  @Test
  void oversizedLogin7() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.prelogin(2);
      boolean closed;
      try {
        c.sendMessage(PacketType.LOGIN7, out -> out.zeros(200_000));
        closed = c.closedByServer();
      } catch (java.io.UncheckedIOException e) {
        closed = true; // the server closed while the client was still writing
      }
      assertThat(closed).isTrue();
    }
  }

  @Test
  void silentClientIsDisconnectedAfterTheLoginTimeout() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(LOG.all()).contains("no complete login within 1 s; closing");
  }

  @Test
  void silentAfterPreloginIsDisconnectedToo() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.prelogin(2);
      assertThat(c.closedByServer()).isTrue();
    }
  }
}
