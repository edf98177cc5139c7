package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.OperationalError.Reason;
import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.tls.EncryptionReport.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every client {@code encryption} mode against every server policy of the embedded server: the
 * table of expected outcomes (a TLS level, or the reason of the failure).
 */
class EncryptionModesIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "client {0} × server {1} → {2}")
  @CsvSource({
    "off, OFF, NONE",
    "request, OFF, NONE",
    "default, OFF, NONE",
    "require, OFF, ENCRYPTION_UNAVAILABLE",
    "strict, OFF, !",
    "off, ON, NONE",
    "request, ON, LOGIN_ONLY",
    "default, ON, LOGIN_ONLY",
    "require, ON, FULL",
    "strict, ON, STRICT",
    "off, REQUIRED, ENCRYPTION_REQUIRED_BY_SERVER",
    "request, REQUIRED, FULL",
    "default, REQUIRED, FULL",
    "require, REQUIRED, FULL",
    "strict, REQUIRED, STRICT",
    "off, STRICT, !",
    "request, STRICT, !",
    "require, STRICT, !",
    "strict, STRICT, STRICT"
  })
  void modeTimesPolicy(String mode, EncryptionPolicy policy, String expected) throws Exception {
    try (TdsServer server =
        TdsServer.builder().port(0).encryption(policy).user("sa", "pw").build().start()) {
      String caLine =
          policy == EncryptionPolicy.OFF
              ? ""
              : "\nca file = " + server.writeTrustedCertificate(dir.resolve("ca.pem"));
      String conf =
          "[s]\nhost = 127.0.0.1\nport = "
              + server.port()
              + caLine
              + (mode.equals("default") ? "" : "\nencryption = " + mode)
              + "\n";
      Path file = Files.writeString(dir.resolve("freetds.conf"), conf);
      ConfigResolver r =
          ConfigResolver.builder()
              .file(file)
              .environment(Map.of())
              .userHome(null)
              .systemFiles(List.of())
              .build();
      ConnectOptions o =
          ConnectOptions.builder()
              .user("sa")
              .password("pw")
              .loginTimeout(10)
              .configResolver(r)
              .build();
      if (expected.equals("!")) {
        assertThatThrownBy(() -> Jctds.connect("s", o).close())
            .isInstanceOfSatisfying(
                OperationalError.class,
                e ->
                    assertThat(e.reason())
                        .isIn(Reason.CONNECTION_BROKEN, Reason.TLS_HANDSHAKE, Reason.PROTOCOL));
      } else if (!List.of("NONE", "LOGIN_ONLY", "FULL", "STRICT").contains(expected)) {
        assertThatThrownBy(() -> Jctds.connect("s", o).close())
            .isInstanceOfSatisfying(
                OperationalError.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.valueOf(expected)));
      } else {
        try (Connection c = Jctds.connect("s", o);
            Cursor cursor = c.cursor()) {
          assertThat(c.encryption().level()).isEqualTo(Level.valueOf(expected));
          cursor.execute(
              "SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID");
          assertThat(cursor.fetchOne().get(0))
              .isEqualTo(expected.equals("FULL") || expected.equals("STRICT") ? "TRUE" : "FALSE");
          assertThat(c.tdsVersion()).isEqualTo(expected.equals("STRICT") ? "8.0" : "7.4");
        }
      }
    }
  }

  @ParameterizedTest(name = "tds version {0}")
  @CsvSource({"7.1, 7.1", "7.2, 7.2", "7.3, 7.3", "7.4, 7.4", "auto, 7.4", "8.0, 8.0"})
  void tdsVersionNegotiation(String configured, String negotiated) throws Exception {
    try (TdsServer server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.ON)
            .user("sa", "pw")
            .build()
            .start()) {
      Path ca = server.writeTrustedCertificate(dir.resolve("ca.pem"));
      Path file =
          Files.writeString(
              dir.resolve("freetds.conf"),
              "[s]\nhost = 127.0.0.1\nport = "
                  + server.port()
                  + "\ntds version = "
                  + configured
                  + "\nca file = "
                  + ca
                  + "\n");
      ConfigResolver r =
          ConfigResolver.builder()
              .file(file)
              .environment(Map.of())
              .userHome(null)
              .systemFiles(List.of())
              .build();
      ConnectOptions o =
          ConnectOptions.builder().user("sa").password("pw").configResolver(r).build();
      try (Connection c = Jctds.connect("s", o);
          Cursor cursor = c.cursor()) {
        assertThat(c.tdsVersion()).isEqualTo(negotiated);
        assertThat(c.encryption().tdsVersion()).isEqualTo(negotiated);
        cursor.execute("SELECT 1");
        assertThat(cursor.fetchOne().get(0)).isEqualTo(1);
      }
    }
  }
}
