package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.tls.TlsCredentialsException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builder validation; no sockets. */
class TdsServerBuilderTest {
  @Test
  void aLoginIsRequired() {
    assertThatThrownBy(() -> TdsServer.builder().encryption(EncryptionPolicy.OFF).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("user(login, password)");
  }

  @Test
  void badArgumentsAreRefusedEarly() {
    TdsServer.Builder b = TdsServer.builder();
    assertThatThrownBy(() -> b.port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.user("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.database(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tlsMax("2.0")).hasMessageContaining("use 1.0, 1.1, 1.2 or 1.3");
    assertThatThrownBy(() -> b.loginTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contradictoryTlsSettings() {
    assertThatThrownBy(() -> TestServers.builder(EncryptionPolicy.ON).tlsMin("1.3").build())
        .hasMessageContaining("TDS 7.x carries TLS 1.2 at most");
    assertThatThrownBy(() -> TestServers.builder(EncryptionPolicy.ON).tlsMin("1.0").build())
        .hasMessageContaining("needs enableTlsV1");
    assertThatThrownBy(() -> TestServers.builder(EncryptionPolicy.ON).tlsMax("1.1").build())
        .hasMessageContaining("enable tls v1");
    assertThatThrownBy(
            () ->
                TestServers.builder(EncryptionPolicy.ON)
                    .enableTlsV1(true)
                    .tlsMin("1.2")
                    .tlsMax("1.1")
                    .build())
        .hasMessageContaining("below tls min");
    assertThatThrownBy(
            () ->
                TdsServer.builder()
                    .user("a", "b")
                    .certificate(Path.of("c.pem"), Path.of("k.pem"))
                    .pkcs12(Path.of("s.p12"), new char[0])
                    .build())
        .hasMessageContaining("either certificate(cert, key) or pkcs12(file)");
  }

  @Test
  void anEmptyCertificateNameIsRefusedByBuild() {
    assertThatThrownBy(
            () ->
                TdsServer.builder()
                    .user("sa", "pw")
                    .certificateNames("db.example.test", " ")
                    .build())
        .isInstanceOf(TlsCredentialsException.class)
        .hasMessage("a server certificate name is empty");
  }

  @Test
  void offNeedsNoCertificate() {
    TdsServer s = TdsServer.builder().user("sa", "pw").encryption(EncryptionPolicy.OFF).build();
    assertThat(s.credentials()).isNull();
    assertThat(s.sessions()).isEmpty();
    assertThat(s.toString()).contains("127.0.0.1:1433", "encryption off");
  }
}
