package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, close and the resources they hold: threads, sockets, the port, the certificate file. */
class LifecycleIT {

  private static boolean serverThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(
            t ->
                t.isAlive()
                    && (t.getName().startsWith("jctds-session-")
                        || t.getName().startsWith("jctds-server-accept-")));
  }

  @Test
  void closeEndsEverySessionJoinsItsThreadsAndFreesThePort() throws IOException {
    TdsServer server = TestServers.builder(EncryptionPolicy.ON).build().start();
    int port = server.port();
    try (RawClient loggedIn = RawClient.connect(server);
        RawClient midHandshake = RawClient.connect(server);
        RawClient silent = RawClient.connect(server)) {
      loggedIn.loginOk();
      midHandshake.prelogin(1);
      assertThat(server.sessions()).hasSize(1);
      server.close();
      assertThat(serverThreadsAlive()).isFalse();
      assertThat(loggedIn.closedByServer()).isTrue();
      assertThat(midHandshake.closedByServer()).isTrue();
      assertThat(silent.closedByServer()).isTrue();
    }
    assertThat(server.sessions()).isEmpty();
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
    server.close(); // idempotent
  }

  @Test
  void startTwiceAndPortBeforeStartAreErrors() throws IOException {
    TdsServer server = TestServers.builder(EncryptionPolicy.OFF).build();
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    try (TdsServer s = server.start()) {
      assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class);
      assertThat(s.host()).isEqualTo("127.0.0.1");
      assertThat(s.port()).isPositive();
    }
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void portInUseIsAClearIoException() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      TdsServer server =
          TestServers.builder(EncryptionPolicy.OFF).port(taken.getLocalPort()).build();
      assertThatThrownBy(server::start)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void trustedCertificateIsTheCa(@TempDir Path dir) throws IOException {
    try (TdsServer server = TestServers.builder(EncryptionPolicy.STRICT).build().start()) {
      Path pem = server.writeTrustedCertificate(dir.resolve("ca.pem"));
      assertThat(Files.readString(pem)).isEqualTo(server.trustedCertificatePem());
      assertThat(server.trustedCertificatePem())
          .isEqualTo(TestServers.credentials().trustAnchorPem())
          .startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(server.encryption()).isEqualTo(EncryptionPolicy.STRICT);
    }
    try (TdsServer off = TestServers.builder(EncryptionPolicy.OFF).build().start()) {
      assertThat(off.trustedCertificatePem()).isNull();
      assertThatThrownBy(() -> off.writeTrustedCertificate(dir.resolve("x.pem")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("encryption is off");
    }
  }
}
