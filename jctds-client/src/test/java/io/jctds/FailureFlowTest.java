package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.OperationalError.Reason;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client does when the server fails or lies during login: a typed error that says what
 * happened, and never a half-open socket (the rogue server sees the client close).
 */
class FailureFlowTest {
  @TempDir Path dir;

  private static void assertReason(ThrowingCallable call, Reason reason, String text) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            OperationalError.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(text);
  }

  private static void preloginPlain(Peer peer) throws Exception {
    peer.readPrelogin();
    peer.answerPrelogin(0x02, true);
  }

  @Test
  void serverClosesDuringTheLoginResponse() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              preloginPlain(peer);
              peer.readLogin7();
              peer.sendRaw(Hex.bytes("04 00 00 40 00 39 01 00 AD 20")); // half a packet
              peer.close();
            })) {
      Path conf = w.conf(server.port(), "encryption = off");
      assertReason(
          () -> Jctds.connect("rogue", w.options(conf, "pw").build()),
          Reason.CONNECTION_BROKEN,
          "closed the connection during reading the login response");
      server.await();
    }
  }

  @Test
  void packetLongerThanNegotiatedIsAProtocolError() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.sendRaw(Hex.bytes("04 01 FF FF 00 00 01 00 00 00 1A"));
              assertThat(peer.seesEof(10_000)).as("the client closed its socket").isTrue();
            })) {
      Path conf = w.conf(server.port());
      assertReason(
          () -> Jctds.connect("rogue", w.options(conf, "pw").build()),
          Reason.PROTOCOL,
          "65535 bytes, larger than the negotiated packet size 4096");
      server.await();
    }
  }

  @Test
  void tokenLongerThanItsMessageIsAProtocolError() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              preloginPlain(peer);
              peer.readLogin7();
              // LOGINACK claiming 500 bytes in a 4-byte payload with EOM
              peer.sendRaw(Hex.bytes("04 01 00 0C 00 39 01 00 AD F4 01 01"));
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port(), "encryption = off");
      assertReason(
          () -> Jctds.connect("rogue", w.options(conf, "pw").build()),
          Reason.PROTOCOL,
          "ends inside a LOGINACK token");
      server.await();
    }
  }

  @Test
  void loginFailedIsTypedWithTheServersMessage() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              preloginPlain(peer);
              peer.readLogin7();
              peer.sendTokens(
                  new ServerMessage(
                      true, 18456, 1, 14, "Login failed for user 'sa'.", "rogue", "", 1),
                  new Done(TokenType.DONE, Done.STATUS_ERROR, 0, 0));
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port(), "encryption = off");
      assertThatThrownBy(() -> Jctds.connect("rogue", w.options(conf, "wrong").build()))
          .isInstanceOfSatisfying(
              OperationalError.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.LOGIN_FAILED);
                assertThat(e.number()).isEqualTo(18456);
                assertThat(e.severity()).isEqualTo(14);
                assertThat(e.server()).isEqualTo("rogue");
              })
          .hasMessageContaining("Login failed for user 'sa'.")
          .hasMessageNotContaining("wrong");
      server.await();
    }
  }

  @Test
  void silentServerHitsTheLoginTimeout() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              assertThat(peer.seesEof(20_000)).as("the client gave up and closed").isTrue();
            })) {
      Path conf = w.conf(server.port());
      assertReason(
          () ->
              Jctds.connect(
                  "rogue", w.options(conf, "pw").loginTimeout(Duration.ofMillis(700)).build()),
          Reason.LOGIN_TIMEOUT,
          "timed out after 0.7 s (ConnectOptions.loginTimeout) during the PRELOGIN exchange");
      server.await();
    }
  }

  @Test
  void nothingListeningIsConnectionRefused() throws Exception {
    TestWorld w = new TestWorld(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path conf = w.conf(port);
    assertReason(
        () -> Jctds.connect("rogue", w.options(conf, "pw").build()),
        Reason.CONNECTION_REFUSED,
        "port " + "in [rogue] of " + conf + ":3");
  }

  @Test
  void tds70WithRequireIsRefusedBeforeConnecting() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path conf = w.conf(s.getLocalPort(), "tds version = 7.0", "encryption = require");
      assertReason(
          () -> Jctds.connect("rogue", w.options(conf, "pw").build()),
          Reason.ENCRYPTION_IMPOSSIBLE,
          "tds version = 7.0 in [rogue] of " + conf + ":4");
      assertThat(RogueServer.connectionArrives(s, 300)).isFalse();
    }
  }

  @Test
  void tds70SendsLogin7WithoutPrelogin() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.version = TdsVersion.V7_0;
              assertThat(peer.readLogin7().tdsVersion()).isEqualTo(0x70000000);
              peer.loginOk(0x07000000, 4096);
              peer.expectSetup();
              peer.seesEof(10_000);
            })) {
      Path conf = w.conf(server.port(), "tds version = 7.0");
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build())) {
        assertThat(c.tdsVersion()).isEqualTo("7.0");
      }
      server.await();
      assertThat(server.peers().get(0).headers().get(0).type()).isEqualTo(PacketType.LOGIN7);
    }
  }

  @Test
  void invalidConfigurationIsAConfigurationError() throws Exception {
    TestWorld w = new TestWorld(dir);
    Path conf = w.conf(1433, "encryption = sometimes");
    assertReason(
        () -> Jctds.connect("rogue", w.options(conf, "pw").build()),
        Reason.CONFIGURATION,
        "sometimes");
  }

  @Test
  void enableTlsV1WithoutTheLegacyModuleNamesTheArtifact() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x01, true);
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port(), "encryption = require", "enable tls v1 = yes");
      assertReason(
          () -> Jctds.connect("rogue", w.options(conf, "pw").build()),
          Reason.TLS_HANDSHAKE,
          "io.jctds:jctds-tls-legacy");
      server.await();
    }
  }
}
