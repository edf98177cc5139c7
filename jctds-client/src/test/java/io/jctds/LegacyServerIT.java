package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.tls.EncryptionReport.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed page's "Legacy Servers (TLS 1.0)" example, word for word, against an embedded server
 * that speaks nothing newer than TLS 1.0: with jctds-tls-legacy on the class path, {@code enable
 * tls v1 = yes} connects over TLS 1.0 for that connection only.
 */
class LegacyServerIT {
  private static TdsServer server;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.ON)
            .enableTlsV1(true)
            .tlsMax("1.0")
            .user("myuser", "mypassword")
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ConnectOptions options(String enableTlsV1) throws Exception {
    String conf =
        "[legacy-server]\nhost = 127.0.0.1\nport = "
            + server.port()
            + "\ntds version = 7.1\nencryption = require\n"
            + enableTlsV1;
    Path file = Files.writeString(dir.resolve("freetds-" + enableTlsV1.hashCode() + ".conf"), conf);
    ConfigResolver r =
        ConfigResolver.builder()
            .environment(Map.of("FREETDSCONF", file.toString()))
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(dir.resolve("none"))
            .build();
    return ConnectOptions.builder()
        .user("myuser")
        .password("mypassword")
        .loginTimeout(10)
        .configResolver(r)
        .build();
  }

  @Test
  void enableTlsV1ConnectsOverTls10() throws Exception {
    try (Connection conn = Jctds.connect("legacy-server", options("enable tls v1 = yes\n"));
        Cursor cursor = conn.cursor()) {
      cursor.execute(
          "SELECT encrypt_option, protocol_type, auth_scheme "
              + "FROM sys.dm_exec_connections WHERE session_id = @@SPID");
      Row row = cursor.fetchOne();
      assertThat(row.get(0)).isEqualTo("TRUE");
      assertThat(row.get(1)).isEqualTo("TSQL");
      assertThat(row.get(2)).isEqualTo("SQL");
      assertThat(conn.tdsVersion()).isEqualTo("7.1");
      assertThat(conn.encryption().level()).isEqualTo(Level.FULL);
      assertThat(conn.encryption().protocol()).contains("TLSv1");
    }
  }

  @Test
  void withoutEnableTlsV1TheTls10ServerIsRefused() throws Exception {
    assertThatThrownBy(() -> Jctds.connect("legacy-server", options("")).close())
        .isInstanceOfSatisfying(
            OperationalError.class,
            e -> assertThat(e.reason()).isEqualTo(OperationalError.Reason.TLS_HANDSHAKE));
  }
}
