package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.login.Login7;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.tls.EncryptionReport.Level;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TDS 8.0 / encryption = strict: TLS first with ALPN tds/8.0, validation always on. */
class StrictFlowTest {
  @TempDir Path dir;

  private static RogueServer.Script strictServer() {
    return peer -> {
      peer.tlsFirst(TestWorld.tds8Engine());
      PreLogin p = peer.readPrelogin();
      assertThat(p.encryption()).isEqualTo(0x02);
      peer.answerPrelogin(0x03, true); // ignored in strict mode
      Login7 login = peer.readLogin7();
      assertThat(login.tdsVersion()).isEqualTo(0x74000004);
      peer.loginOk(0x74000004, 4096);
      peer.expectSetup();
      assertThat(peer.seesEof(10_000)).isTrue();
    };
  }

  @Test
  void strictWithTheServersCaConnectsAsTds80() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server = new RogueServer(strictServer())) {
      Path conf = w.conf(server.port(), "encryption = strict", "ca file = " + w.caFile());
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build())) {
        assertThat(c.tdsVersion()).isEqualTo("8.0");
        assertThat(c.encryption().level()).isEqualTo(Level.STRICT);
        assertThat(c.encryption().applicationProtocol()).contains("tds/8.0");
        assertThat(c.encryption().isCertificateValidated()).isTrue();
        assertThat(c.encryption().tdsVersion()).isEqualTo("8.0");
        assertThat(c.messages()).noneMatch(m -> m.text().contains("not validated"));
      }
      server.await();
      assertThat(server.received()[0]).isEqualTo((byte) 0x16);
    }
  }

  @Test
  void tdsVersion80MeansStrictToo() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server = new RogueServer(strictServer())) {
      Path conf = w.conf(server.port(), "tds version = 8.0", "ca file = " + w.caFile());
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build())) {
        assertThat(c.tdsVersion()).isEqualTo("8.0");
      }
      server.await();
    }
  }

  @Test
  void strictRefusesACertificateFromAnotherCa() throws Exception {
    TestWorld w = new TestWorld(dir);
    Path otherCa = w.write("other.pem", pem(CertificateAuthority.generate("other CA")));
    try (RogueServer server =
        new RogueServer(
            peer -> {
              try {
                peer.tlsFirst(TestWorld.tds8Engine());
              } catch (java.io.IOException expected) {
                return; // the client refused the certificate
              }
              throw new AssertionError("the handshake should have failed");
            })) {
      Path conf = w.conf(server.port(), "encryption = strict", "ca file = " + otherCa);
      assertThatThrownBy(() -> Jctds.connect("rogue", w.options(conf, "pw").build()))
          .isInstanceOfSatisfying(
              OperationalError.class,
              e -> assertThat(e.reason()).isEqualTo(OperationalError.Reason.CERTIFICATE))
          .hasMessageContaining("ca file = " + otherCa + " in [rogue] of " + conf + ":5");
      server.await();
    }
  }

  @Test
  void strictWithoutCaFileUsesTheSystemStore() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              try {
                peer.tlsFirst(TestWorld.tds8Engine());
              } catch (java.io.IOException expected) {
                return;
              }
              throw new AssertionError("the handshake should have failed");
            })) {
      Path conf = w.conf(server.port(), "encryption = strict");
      assertThatThrownBy(() -> Jctds.connect("rogue", w.options(conf, "pw").build()))
          .isInstanceOfSatisfying(
              OperationalError.class,
              e -> assertThat(e.reason()).isEqualTo(OperationalError.Reason.CERTIFICATE))
          .hasMessageContaining("strict implies ca file = system");
      server.await();
    }
  }

  @Test
  void strictAgainstAServerThatDoesNotSpeakTls() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.answerPrelogin(0x02, true); // a TDS 7.x server answers bytes that are not TLS
              peer.seesEof(10_000);
            })) {
      Path conf = w.conf(server.port(), "encryption = strict", "ca file = " + w.caFile());
      assertThatThrownBy(() -> Jctds.connect("rogue", w.options(conf, "pw").build()))
          .isInstanceOfSatisfying(
              OperationalError.class,
              e -> assertThat(e.reason()).isEqualTo(OperationalError.Reason.TLS_HANDSHAKE))
          .hasMessageContaining("TDS 8.0");
      server.await();
    }
  }

  private static String pem(CertificateAuthority ca) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(ca.certificate().getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
