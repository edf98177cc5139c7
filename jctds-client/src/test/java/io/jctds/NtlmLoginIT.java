package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jctds's Windows (NTLM) logins against the embedded server's Windows logins. Expected values come
 * from Microsoft's documentation: sys.dm_exec_connections.auth_scheme is "SQL" or "NTLM" (or
 * KERBEROS) ("sys.dm_exec_connections (Transact-SQL)"); a Windows login the server cannot verify
 * (wrong password, unknown domain, NTLMv1 refused) is 18452 "Login failed. The login is from an
 * untrusted domain and cannot be used with Integrated authentication." ("MSSQLSERVER_18452": an
 * unrecognized Windows principal; SQL Server answers a failed SSPI handshake, 0x8009030C, so).
 */
class NtlmLoginIT {
  private static final String AUTH_SCHEME =
      "SELECT auth_scheme FROM sys.dm_exec_connections WHERE session_id = @@SPID";

  @TempDir Path dir;

  private static TdsServer server(boolean allowV1) throws java.io.IOException {
    return TdsServer.builder()
        .port(0)
        .encryption(EncryptionPolicy.OFF)
        .user("sa", "pw")
        .windowsUser("CORP\\alice", "Secret-1")
        .allowNtlmV1(allowV1)
        .build()
        .start();
  }

  private Connection connect(TdsServer server, String user, String password, Boolean v2) {
    TestWorld w = new TestWorld(dir);
    Path conf = w.conf(server.port(), "encryption = off");
    return Jctds.connect("rogue", w.options(conf, password).user(user).ntlmv2(v2).build());
  }

  private static Object scalar(Connection c, String sql) {
    try (Cursor cur = c.cursor()) {
      cur.execute(sql);
      return cur.fetchOne().get(0);
    }
  }

  @Test
  void ntlmV2LoginIsReportedAsNtlm() throws Exception {
    try (TdsServer server = server(false);
        Connection c = connect(server, "CORP\\alice", "Secret-1", null)) {
      assertThat(c.messages()).noneMatch(m -> m.text().contains("NTLMv1"));
      assertThat(scalar(c, AUTH_SCHEME)).isEqualTo("NTLM");
      assertThat(scalar(c, "SELECT SUSER_SNAME()")).isEqualTo("CORP\\alice");
      assertThat(c.encryption().authentication()).contains("Windows (NTLMv2)");
    }
  }

  @Test
  void aSqlLoginStaysSql() throws Exception {
    try (TdsServer server = server(false);
        Connection c = connect(server, "sa", "pw", null)) {
      assertThat(scalar(c, AUTH_SCHEME)).isEqualTo("SQL");
      assertThat(c.encryption().authentication()).isEmpty();
      assertThat(c.encryption().describe()).doesNotContain("Login:");
    }
  }

  @Test
  void aWrongPasswordIs18452() throws Exception {
    try (TdsServer server = server(false)) {
      assertThatThrownBy(() -> connect(server, "CORP\\alice", "wrong", null))
          .isInstanceOfSatisfying(
              OperationalError.class,
              e -> {
                assertThat(e.number()).isEqualTo(18452);
                assertThat(e.getMessage()).contains("untrusted domain");
                assertThat(e.getMessage()).doesNotContain("wrong");
              });
    }
  }

  @Test
  void anUnknownDomainIs18452() throws Exception {
    try (TdsServer server = server(false)) {
      assertThatThrownBy(() -> connect(server, "OTHER\\alice", "Secret-1", null))
          .isInstanceOfSatisfying(
              OperationalError.class, e -> assertThat(e.number()).isEqualTo(18452));
    }
  }

  @Test
  void ntlmV1IsRefusedUnlessTheServerAllowsIt() throws Exception {
    try (TdsServer server = server(false)) {
      assertThatThrownBy(() -> connect(server, "CORP\\alice", "Secret-1", false))
          .isInstanceOfSatisfying(
              OperationalError.class, e -> assertThat(e.number()).isEqualTo(18452));
    }
  }

  @Test
  void ntlmV1WorksWhenAllowedAndWarnsThatItIsWeak() throws Exception {
    try (TdsServer server = server(true);
        Connection c = connect(server, "CORP\\alice", "Secret-1", false)) {
      assertThat(c.messages())
          .anyMatch(m -> m.server().equals(SqlServerMessage.CLIENT) && m.text().contains("weak"));
      assertThat(scalar(c, AUTH_SCHEME)).isEqualTo("NTLM");
      // issue 15: NTLMv1 only when explicitly turned off, "and then a warning in the encryption
      // report: it is weak"
      assertThat(c.encryption().authentication()).get().asString().startsWith("Windows (NTLMv1)");
      assertThat(c.encryption().describe()).contains("Login:").contains("it is weak");
    }
  }
}
