package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.SessionInfo;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's JDBC driver (mssql-jdbc 13.6.2.jre11) in-process against the embedded server.
 * mssql-jdbc sends PRELOGIN ENCRYPT_OFF for {@code encrypt=false} (login-only TLS), ENCRYPT_ON for
 * {@code encrypt=true}, and for {@code encrypt=strict} does TDS 8.0: TLS first with ALPN {@code
 * tds/8.0}, always validating the certificate (trustServerCertificate is ignored).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MssqlJdbcIT {
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  @TempDir static Path tmp;

  private static TdsServer on;
  private static String trustServerCa;
  private static String trustUnrelatedCa;

  @BeforeAll
  static void start() {
    on = Interop.start(EncryptionPolicy.ON);
    trustServerCa =
        trustStore(
            Interop.trustStore(
                Interop.authority().certificate(), tmp.resolve("server-ca.p12"), STORE_PASSWORD));
    trustUnrelatedCa =
        trustStore(
            Interop.trustStore(
                Interop.unrelatedCa(), tmp.resolve("unrelated.p12"), STORE_PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (on != null) {
      on.close();
    }
  }

  /** Trust-store properties; the certificate names localhost (CN and SAN) and 127.0.0.1. */
  private static String trustStore(Path store) {
    return "trustStore="
        + store
        + ";trustStorePassword="
        + new String(STORE_PASSWORD)
        + ";trustStoreType=PKCS12;hostNameInCertificate=localhost;";
  }

  private static Connection connect(TdsServer server, String settings, String password)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", password);
    String url =
        "jdbc:sqlserver://127.0.0.1:"
            + server.port()
            + ";databaseName=master;applicationName=MssqlJdbcIT;loginTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS
            + ";socketTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS * 1000
            + ";"
            + settings;
    Connection c = new SQLServerDriver().connect(url, p);
    assertThat(c).as("the driver accepts %s", url).isNotNull();
    return c;
  }

  private static SessionInfo assertSession(TdsServer server, String settings, ConnectionRow row)
      throws SQLException {
    try (Connection c = connect(server, settings, Interop.PASSWORD)) {
      assertThat(Jdbc.connectionRow(c)).isEqualTo(row);
      return Jdbc.serverSide(server, c);
    }
  }

  @Test
  void encryptFalseIsLoginOnly() throws SQLException {
    SessionInfo s = assertSession(on, "encrypt=false;", ConnectionRow.NOT_ENCRYPTED);
    assertThat(s.loginOnlyEncryption()).isTrue();
    assertThat(s.appName()).isEqualTo("MssqlJdbcIT");
  }

  @Test
  void encryptTrueTrustingTheServerCertificate() throws SQLException {
    SessionInfo s =
        assertSession(on, "encrypt=true;trustServerCertificate=true;", ConnectionRow.ENCRYPTED);
    assertThat(s.tlsProtocol()).isEqualTo("TLSv1.2");
    assertThat(s.tdsVersion()).isEqualTo("7.4");
  }

  @Test
  void encryptTrueValidatingWithATrustStore() throws SQLException {
    assertSession(on, "encrypt=true;" + trustServerCa, ConnectionRow.ENCRYPTED);
  }

  /**
   * A refusal as mssql-jdbc 13.6.2 reports it: SQLState 08S01 and a message fragment seen in its
   * real output. A server that crashed or hung would give another message (or a timeout).
   */
  private static void assertRefused(ThrowingCallable connect, String fragment) {
    assertThatThrownBy(connect)
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              assertThat(e.getSQLState()).as(e.toString()).isEqualTo("08S01");
              assertThat(e.getMessage()).contains(fragment);
            });
  }

  @Test
  void encryptTrueRejectsAServerItCannotValidate() {
    assertRefused(
        () -> connect(on, "encrypt=true;" + trustUnrelatedCa, Interop.PASSWORD),
        "Error: PKIX path building failed");
    assertHealthy(on);
  }

  @Test
  void strictWithATrustStoreIsTds8() throws SQLException {
    SessionInfo s = assertSession(on, "encrypt=strict;" + trustServerCa, ConnectionRow.ENCRYPTED);
    assertThat(s.tlsProtocol()).isIn("TLSv1.2", "TLSv1.3");
    assertThat(s.loginOnlyEncryption()).isFalse();
  }

  @Test
  void strictIgnoresTrustServerCertificate() {
    assertRefused(
        () ->
            connect(
                on,
                "encrypt=strict;trustServerCertificate=true;" + trustUnrelatedCa,
                Interop.PASSWORD),
        "\"encrypt\" property is set to \"strict\" and \"trustServerCertificate\" property is"
            + " set to \"false\" but the driver could not establish a secure connection to SQL"
            + " Server by using Secure Sockets Layer (SSL) encryption: Error: PKIX path building"
            + " failed");
    assertHealthy(on);
  }

  @Test
  void policyStrictServesStrictClientsOnly() throws SQLException {
    try (TdsServer strict = Interop.start(EncryptionPolicy.STRICT)) {
      assertSession(strict, "encrypt=strict;" + trustServerCa, ConnectionRow.ENCRYPTED);
      // the server closes a TDS 7.x PRELOGIN unanswered, as a crash would: so it must still serve
      assertRefused(
          () -> connect(strict, "encrypt=true;trustServerCertificate=true;", Interop.PASSWORD),
          "The driver received an unexpected pre-login response.");
      assertSession(strict, "encrypt=strict;" + trustServerCa, ConnectionRow.ENCRYPTED);
    }
  }

  @Test
  void policyRequiredEncryptsAnEncryptFalseClient() throws SQLException {
    try (TdsServer required = Interop.start(EncryptionPolicy.REQUIRED)) {
      assertSession(
          required, "encrypt=false;trustServerCertificate=true;", ConnectionRow.ENCRYPTED);
    }
  }

  @Test
  void policyOffServesEncryptFalseInPlainText() throws SQLException {
    try (TdsServer off = Interop.start(EncryptionPolicy.OFF)) {
      SessionInfo s = assertSession(off, "encrypt=false;", ConnectionRow.NOT_ENCRYPTED);
      assertThat(s.tlsProtocol()).isNull();
    }
  }

  @Test
  void wrongPasswordIsLoginFailed() {
    assertThatThrownBy(() -> connect(on, "encrypt=true;trustServerCertificate=true;", "nope"))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(Interop.LOGIN_FAILED);
              assertThat(e.getMessage()).contains("Login failed for user 'sa'.");
            });
    assertHealthy(on);
  }

  private static void assertHealthy(TdsServer server) {
    try (Connection c =
        connect(server, "encrypt=true;trustServerCertificate=true;", Interop.PASSWORD)) {
      assertThat(Jdbc.connectionRow(c)).isEqualTo(ConnectionRow.ENCRYPTED);
    } catch (SQLException e) {
      throw new AssertionError("the server no longer serves a good login: " + e, e);
    }
  }
}
