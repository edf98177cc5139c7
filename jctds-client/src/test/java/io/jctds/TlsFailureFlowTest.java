package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.OperationalError.Reason;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed page's Troubleshooting cases on the TDS 7.x path: each error names what happened, the
 * freetds.conf directive that decided it, and what to change.
 */
class TlsFailureFlowTest {
  @TempDir Path dir;

  private static RogueServer.Script refusedHandshake() {
    return peer -> {
      peer.readPrelogin();
      peer.answerPrelogin(0x01, true);
      try {
        peer.tls(TestWorld.tds7Engine(), Scope.WHOLE_CONNECTION);
      } catch (IOException expected) {
        return; // the client refused the certificate
      }
      throw new AssertionError("the handshake should have failed");
    };
  }

  @Test
  void hostnameMismatchNamesTheWantedNameAndTheFix() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server = new RogueServer(refusedHandshake())) {
      Path conf =
          w.conf(
              server.port(),
              "encryption = require",
              "ca file = " + w.caFile(),
              "certificate hostname = db.example.test");
      assertThatThrownBy(() -> Jctds.connect("rogue", w.options(conf, "pw").build()))
          .isInstanceOfSatisfying(
              OperationalError.class, e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE))
          .hasMessageContaining("db.example.test")
          .hasMessageContaining("certificate hostname")
          .hasMessageContaining("check certificate hostname");
      server.await();
    }
  }

  @Test
  void checkCertificateHostnameNoAcceptsTheWrongName() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x01, true);
              peer.tls(TestWorld.tds7Engine(), Scope.WHOLE_CONNECTION);
              peer.readLogin7();
              peer.loginOk(TdsVersion.V7_4.wire(), 4096);
              peer.expectSetup();
              peer.seesEof(10_000);
            })) {
      Path conf =
          w.conf(
              server.port(),
              "encryption = require",
              "ca file = " + w.caFile(),
              "certificate hostname = db.example.test",
              "check certificate hostname = no");
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build())) {
        assertThat(c.encryption().isCertificateValidated()).isTrue();
        assertThat(c.encryption().hostnameCheck()).isEmpty();
      }
      server.await();
    }
  }

  @Test
  void missingCaFileIsACertificateErrorNamingTheFile() throws Exception {
    TestWorld w = new TestWorld(dir);
    Path missing = dir.resolve("no-such-ca.pem");
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x01, true);
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port(), "encryption = request", "ca file = " + missing);
      assertThatThrownBy(() -> Jctds.connect("rogue", w.options(conf, "pw").build()))
          .isInstanceOfSatisfying(
              OperationalError.class, e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE))
          .hasMessageContaining(missing.toString())
          .hasMessageContaining("in [rogue] of " + conf + ":5");
      server.await();
    }
  }

  @Test
  void aBadCaFileDoesNotMatterWhenTheServerDoesNotEncrypt() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x02, true);
              peer.readLogin7();
              peer.loginOk(TdsVersion.V7_4.wire(), 4096);
              peer.expectSetup();
              peer.seesEof(10_000);
            })) {
      Path conf = w.conf(server.port(), "ca file = " + dir.resolve("absent.pem"));
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build())) {
        assertThat(c.encryption().isEncrypted()).isFalse();
      }
      server.await();
    }
  }

  @Test
  void aHandshakeThatHangsHitsTheLoginTimeoutWithTheSeedPagesAdvice() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x01, true);
              assertThat(peer.seesEof(20_000)).isTrue(); // never answers the ClientHello
            })) {
      Path conf = w.conf(server.port(), "encryption = require");
      assertThatThrownBy(
              () ->
                  Jctds.connect(
                      "rogue", w.options(conf, "pw").loginTimeout(Duration.ofMillis(800)).build()))
          .isInstanceOfSatisfying(
              OperationalError.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOGIN_TIMEOUT))
          .hasMessageContaining("the TLS handshake inside PRELOGIN packets")
          .hasMessageContaining("tds version = 7.3");
      server.await();
    }
  }
}
