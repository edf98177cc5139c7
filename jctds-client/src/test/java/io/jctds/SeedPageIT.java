package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Every example of the seed page (shared/seed/tls-ssl-encryption.txt) translated to Java and run
 * against the embedded server with {@code encryption = required}.
 */
class SeedPageIT {
  private static TdsServer server;
  private static Path caPem;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.REQUIRED)
            .user("myuser", "mypassword")
            .database("yourdatabase")
            .build()
            .start();
    caPem = server.writeTrustedCertificate(dir.resolve("ca.pem"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A resolver that reads FREETDSCONF only, as the page's "export FREETDSCONF=..." does. */
  private static ConfigResolver freetdsconf(String conf) throws Exception {
    Path file = Files.writeString(dir.resolve("freetds-" + conf.hashCode() + ".conf"), conf);
    return ConfigResolver.builder()
        .environment(Map.of("FREETDSCONF", file.toString()))
        .userHome(null)
        .systemFiles(List.of())
        .interfacesDirectory(dir.resolve("none"))
        .build();
  }

  private static ConnectOptions options(ConfigResolver r, String user, String password) {
    return ConnectOptions.builder().user(user).password(password).configResolver(r).build();
  }

  @Test
  void basicEncryptedConnectionPrintsTrue() throws Exception {
    ConfigResolver r =
        freetdsconf(
            "[myserver]\nhost = 127.0.0.1\nport = "
                + server.port()
                + "\ntds version = 7.4\nencryption = require\n");
    try (Connection conn = Jctds.connect("myserver", options(r, "myuser", "mypassword"));
        Cursor cursor = conn.cursor()) {
      cursor.execute(
          "SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID");
      assertThat(cursor.fetchOne().get(0)).isEqualTo("TRUE");
      assertThat(conn.encryption().level()).isEqualTo(Level.FULL);
    }
  }

  @Test
  void azureStyleConnectionWithDatabase() throws Exception {
    ConfigResolver r =
        freetdsconf(
            "[azure]\nhost = 127.0.0.1\nport = "
                + server.port()
                + "\ntds version = 7.4\nencryption = require\n");
    ConnectOptions o =
        ConnectOptions.builder()
            .user("myuser")
            .password("mypassword")
            .database("yourdatabase")
            .configResolver(r)
            .build();
    try (Connection conn = Jctds.connect("azure", o);
        Cursor cursor = conn.cursor()) {
      cursor.execute("SELECT 1");
      assertThat(cursor.fetchOne().get(0)).isEqualTo(1);
      assertThat(conn.database()).isEqualTo("yourdatabase");
    }
  }

  @Test
  void certificateValidationWithCaFileAndHostnameCheck() throws Exception {
    ConfigResolver r =
        freetdsconf(
            "[myserver]\nhost = 127.0.0.1\nport = "
                + server.port()
                + "\ntds version = 7.4\nencryption = require\nca file = "
                + caPem
                + "\ncheck certificate hostname = yes\n");
    try (Connection conn = Jctds.connect("myserver", options(r, "myuser", "mypassword"))) {
      assertThat(conn.encryption().isCertificateValidated()).isTrue();
      assertThat(conn.encryption().hostnameCheck()).isPresent();
      assertThat(conn.messages()).noneMatch(m -> m.text().contains("not validated"));
    }
  }

  @Test
  void verifyingEncryption() throws Exception {
    ConfigResolver r =
        freetdsconf(
            "[myserver]\nhost = 127.0.0.1\nport = "
                + server.port()
                + "\ntds version = 7.4\nencryption = require\n");
    try (Connection conn = Jctds.connect("myserver", options(r, "myuser", "mypassword"));
        Cursor cursor = conn.cursor()) {
      assertThat(conn.messages())
          .anySatisfy(m -> assertThat(m.text()).contains("certificate not validated"));
      cursor.execute(
          "SELECT encrypt_option, protocol_type, auth_scheme "
              + "FROM sys.dm_exec_connections "
              + "WHERE session_id = @@SPID");
      Row row = cursor.fetchOne();
      assertThat(row.get(0)).isEqualTo("TRUE");
      assertThat(row.get(1)).isEqualTo("TSQL");
      assertThat(row.get(2)).isEqualTo("SQL");
    }
  }

  @Test
  void selfSignedWithoutCaFileIsAcceptedAsThePageSays() throws Exception {
    ConfigResolver r =
        freetdsconf(
            "[dev]\nhost = 127.0.0.1\nport = " + server.port() + "\nencryption = require\n");
    try (Connection conn = Jctds.connect("dev", options(r, "myuser", "mypassword"))) {
      assertThat(conn.encryption().isCertificateValidated()).isFalse();
      assertThat(conn.encryption().describe()).contains("NOT validated");
    }
  }

  @Test
  void spidMatchesTheServer() throws Exception {
    ConfigResolver r = freetdsconf("");
    try (Connection conn =
            Jctds.connect("127.0.0.1:" + server.port(), options(r, "myuser", "mypassword"));
        Cursor cursor = conn.cursor()) {
      cursor.execute("SELECT @@SPID");
      assertThat(cursor.fetchOne().getInt(0)).isEqualTo(conn.spid());
    }
  }
}
