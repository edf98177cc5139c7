package io.jctds.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.config.ConfigResolver;
import io.jctds.config.Encryption;
import io.jctds.config.ServerEntry;
import io.jctds.protocol.TdsVersion;
import io.jctds.tls.TlsVersion;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS versions a login offers: TLS 1.2 at most on the 7.x path unless the user raises it. */
class ClientTlsSetupTest {
  @TempDir Path dir;

  private ServerEntry entry(String encryption) throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("freetds.conf"),
            "[s]\nhost = 127.0.0.1\nport = 1433\nencryption = " + encryption + "\n");
    return ConfigResolver.builder()
        .file(conf)
        .environment(Map.of())
        .userHome(null)
        .systemFiles(List.of())
        .build()
        .resolve("s");
  }

  private static ClientTlsSetup setup(ServerEntry e, TdsVersion v, TlsVersion max) {
    ConnectSettings s =
        new ConnectSettings(
            e,
            v,
            e.encryption(),
            "sa",
            "pw",
            Duration.ofSeconds(5),
            "test",
            null,
            "test",
            false,
            true,
            true,
            "app",
            "host",
            max);
    Target t = new Target(List.of(InetAddress.getLoopbackAddress()), 1433, "s", "127.0.0.1", false);
    return new ClientTlsSetup(s, t);
  }

  @Test
  void tds7OffersTls12OnlyByDefault() throws Exception {
    ServerEntry e = entry("require");
    assertThat(e.encryption()).isEqualTo(Encryption.REQUIRE);
    assertThat(setup(e, TdsVersion.V7_4, null).policy().versions())
        .containsExactly(TlsVersion.TLS_1_2);
  }

  @Test
  void theUserCanRaiseTheTds7MaximumToTls13() throws Exception {
    assertThat(setup(entry("require"), TdsVersion.V7_4, TlsVersion.TLS_1_3).policy().versions())
        .containsExactly(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
  }

  @Test
  void strictOffersTls12And13() throws Exception {
    assertThat(setup(entry("strict"), TdsVersion.V8_0, null).policy().versions())
        .containsExactlyInAnyOrder(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
  }
}
