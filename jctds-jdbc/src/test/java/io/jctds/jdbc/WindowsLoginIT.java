package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the JDBC URL takes the same user names as the client, so a {@code DOMAIN\\user} logs in
 * with NTLM (sys.dm_exec_connections.auth_scheme NTLM, as for FreeTDS, mssql-jdbc, jTDS and tedious
 * in NtlmPeersIT), and a wrong password is SQL Server's 18452 for a failed Windows login.
 */
class WindowsLoginIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("sa", "pw")
            .windowsUser("CORP\\alice", "Secret-1")
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String url() {
    return "jdbc:jctds://127.0.0.1:" + server.port() + ";encryption=off";
  }

  private static String authScheme(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT auth_scheme FROM sys.dm_exec_connections WHERE session_id = @@SPID")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aDomainUserInPropertiesOrTheUrlLogsInWithNtlm() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "CORP\\alice");
    p.setProperty("password", "Secret-1");
    try (Connection c = DriverManager.getConnection(url(), p)) {
      assertThat(authScheme(c)).isEqualTo("NTLM");
    }
    try (Connection c =
        DriverManager.getConnection(url() + ";user=CORP\\alice;password=Secret-1")) {
      assertThat(authScheme(c)).isEqualTo("NTLM");
    }
  }

  @Test
  void aWrongWindowsPasswordIs18452() {
    assertThatThrownBy(
            () -> DriverManager.getConnection(url() + ";user=CORP\\alice;password=wrong").close())
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(18452));
  }
}
