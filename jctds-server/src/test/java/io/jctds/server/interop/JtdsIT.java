package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.SessionInfo;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import net.sourceforge.jtds.jdbc.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jTDS 1.3.1 in-process against the embedded server, speaking TDS 7.1 (jTDS calls it {@code
 * tds=8.0}). {@code ssl=request} sends PRELOGIN ENCRYPT_OFF and gets login-only TLS from a server
 * with policy on; {@code ssl=require} sends ENCRYPT_ON (full TLS, certificate not checked).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JtdsIT {
  private static TdsServer on;

  @BeforeAll
  static void start() {
    on = Interop.start(EncryptionPolicy.ON);
  }

  @AfterAll
  static void stop() {
    if (on != null) {
      on.close();
    }
  }

  private static Connection connect(TdsServer server, String ssl, String password)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", password);
    String url =
        "jdbc:jtds:sqlserver://127.0.0.1:"
            + server.port()
            + "/master;tds=8.0;appName=JtdsIT;ssl="
            + ssl
            + ";loginTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS
            + ";socketTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS;
    Connection c = new Driver().connect(url, p);
    assertThat(c).as("jTDS accepts %s", url).isNotNull();
    return c;
  }

  @ParameterizedTest(name = "ssl={0}: encrypt_option {1}, login-only {2}")
  @CsvSource({"off, FALSE, false", "request, FALSE, true", "require, TRUE, false"})
  void eachSslModeAgainstPolicyOn(String ssl, String encryptOption, boolean loginOnly)
      throws SQLException {
    try (Connection c = connect(on, ssl, Interop.PASSWORD)) {
      assertThat(Jdbc.connectionRow(c))
          .isEqualTo(ConnectionRow.expected("TRUE".equals(encryptOption)));
      SessionInfo s = Jdbc.serverSide(on, c);
      assertThat(s.tdsVersion()).isEqualTo("7.1");
      assertThat(s.loginOnlyEncryption()).isEqualTo(loginOnly);
      assertThat(s.tlsProtocol() != null).isEqualTo(!"off".equals(ssl));
    }
  }

  /**
   * Login-only TLS has a race in jTDS on JDK 11+: right after flushing the encrypted LOGIN7 it
   * closes its SSLSocket, and JSSE's close skips every byte already readable on the socket. A login
   * response that arrives before that close is thrown away and jTDS waits for it until its socket
   * timeout. One connection shows the race only sometimes; twenty in a row show it reliably.
   */
  @Test
  void requestIsReliableConnectionAfterConnection() throws SQLException {
    for (int i = 0; i < 20; i++) {
      try (Connection c = connect(on, "request", Interop.PASSWORD)) {
        assertThat(Jdbc.connectionRow(c))
            .as("connection %d", i)
            .isEqualTo(ConnectionRow.NOT_ENCRYPTED);
      }
    }
  }

  @Test
  void policyRequiredEncryptsARequestClient() throws SQLException {
    try (TdsServer required = Interop.start(EncryptionPolicy.REQUIRED);
        Connection c = connect(required, "request", Interop.PASSWORD)) {
      assertThat(Jdbc.connectionRow(c)).isEqualTo(ConnectionRow.ENCRYPTED);
    }
  }

  /**
   * jTDS reports the server's error 17835 (what SQL Server sends a client that cannot encrypt when
   * encryption is required) with its text; a crashed or hung server would not send it. The server
   * then still serves a client that encrypts.
   */
  @Test
  void policyRequiredRefusesAClientWithoutEncryption() throws SQLException {
    try (TdsServer required = Interop.start(EncryptionPolicy.REQUIRED)) {
      assertThatThrownBy(() -> connect(required, "off", Interop.PASSWORD))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                assertThat(e.getErrorCode()).as(e.toString()).isEqualTo(17835);
                assertThat(e.getMessage())
                    .startsWith(
                        "Encryption is required to connect to this server but the client library"
                            + " does not support encryption");
              });
      try (Connection c = connect(required, "request", Interop.PASSWORD)) {
        assertThat(Jdbc.connectionRow(c)).isEqualTo(ConnectionRow.ENCRYPTED);
      }
    }
  }

  @Test
  void wrongPasswordIsLoginFailed() throws SQLException {
    assertThatThrownBy(() -> connect(on, "require", "nope"))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(Interop.LOGIN_FAILED);
              assertThat(e.getMessage()).contains("Login failed for user 'sa'.");
            });
    try (Connection c = connect(on, "require", Interop.PASSWORD)) {
      assertThat(Jdbc.connectionRow(c)).isEqualTo(ConnectionRow.ENCRYPTED);
    }
  }
}
