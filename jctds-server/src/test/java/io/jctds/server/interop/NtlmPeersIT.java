package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.FreeTds.Run;
import io.jctds.server.interop.FreeTds.Section;
import io.jctds.testkit.Precondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Windows (NTLM) logins of third-party clients against the embedded server's {@code
 * windowsUser("CORP\\alice", ...)}: Debian's FreeTDS 1.3.17 {@code tsql -U 'CORP\alice'} with
 * {@code use ntlmv2 = yes}, and mssql-jdbc 13.6.2 with {@code integratedSecurity=true;
 * authenticationScheme=NTLM}. Each must see auth_scheme NTLM in sys.dm_exec_connections
 * ("sys.dm_exec_connections (Transact-SQL)": SQL, NTLM or KERBEROS); a response that does not
 * verify gets 18452 "Login failed. The login is from an untrusted domain and cannot be used with
 * Integrated authentication." ("MSSQLSERVER_18452": an unrecognized Windows principal, one Windows
 * cannot verify; a wrong password fails the SSPI handshake with 0x8009030C and SQL Server answers
 * 18452).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NtlmPeersIT {
  @RegisterExtension static final Precondition TSQL = FreeTds.INSTALLED;

  /** SQL Server's error for a Windows login it cannot verify. */
  static final int UNTRUSTED = 18452;

  static final String DOMAIN = "CORP";
  static final String NAME = "alice";
  static final String WINDOWS_PASSWORD = "Win-" + Interop.PASSWORD;
  static final ConnectionRow NTLM_PLAIN = new ConnectionRow("FALSE", "TSQL", "NTLM");
  static final ConnectionRow NTLM_ENCRYPTED = new ConnectionRow("TRUE", "TSQL", "NTLM");

  @TempDir static Path tmp;

  private static FreeTds freetds;
  private static TdsServer off;
  private static TdsServer on;

  @BeforeAll
  static void start() {
    freetds = FreeTds.in(tmp);
    off =
        Interop.start(
            b ->
                b.encryption(EncryptionPolicy.OFF)
                    .windowsUser(DOMAIN + "\\" + NAME, WINDOWS_PASSWORD));
    on =
        Interop.start(
            b ->
                b.encryption(EncryptionPolicy.ON)
                    .windowsUser(DOMAIN + "\\" + NAME, WINDOWS_PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (off != null) {
      off.close();
    }
    if (on != null) {
      on.close();
    }
  }

  enum Mode {
    PLAIN,
    ENCRYPTED
  }

  private static TdsServer server(Mode m) {
    return m == Mode.PLAIN ? off : on;
  }

  private static Run tsql(Mode m, String password) {
    TdsServer s = server(m);
    Section section =
        Section.of(
            "jctds",
            s.host(),
            s.port(),
            "tds version",
            "7.4",
            "use ntlmv2",
            "yes",
            "encryption",
            m == Mode.PLAIN ? "off" : "require");
    return freetds.tsqlAs(section, DOMAIN + "\\" + NAME, password, Interop.QUERY);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void tsqlLogsInWithNtlmV2(Mode m) {
    Run run = tsql(m, WINDOWS_PASSWORD);
    assertThat(run.process().exitCode()).as(run.describe()).isZero();
    assertThat(run.row())
        .as(run.describe())
        .contains(m == Mode.PLAIN ? NTLM_PLAIN : NTLM_ENCRYPTED);
  }

  @Test
  void tsqlWithAWrongPasswordGets18452() {
    Run run = tsql(Mode.PLAIN, "wrong-" + WINDOWS_PASSWORD);
    assertThat(run.process().exitCode()).as(run.describe()).isNotZero();
    assertThat(run.messages()).as(run.describe()).contains(UNTRUSTED);
  }

  /** FreeTDS with {@code use ntlmv2 = no} sends NTLMv1: refused unless the server allows it. */
  @Test
  void tsqlNtlmV1IsRefusedUnlessAllowed() {
    TdsServer v1 =
        Interop.start(
            b ->
                b.encryption(EncryptionPolicy.OFF)
                    .windowsUser(DOMAIN + "\\" + NAME, WINDOWS_PASSWORD)
                    .allowNtlmV1(true));
    try (v1) {
      for (TdsServer s : new TdsServer[] {off, v1}) {
        Section section =
            Section.of(
                "jctds",
                s.host(),
                s.port(),
                "tds version",
                "7.4",
                "use ntlmv2",
                "no",
                "encryption",
                "off");
        Run run = freetds.tsqlAs(section, DOMAIN + "\\" + NAME, WINDOWS_PASSWORD, Interop.QUERY);
        if (s == off) {
          assertThat(run.messages()).as(run.describe()).contains(UNTRUSTED);
        } else {
          assertThat(run.process().exitCode()).as(run.describe()).isZero();
          assertThat(run.row()).as(run.describe()).contains(NTLM_PLAIN);
        }
      }
    }
  }

  private static Connection mssqlJdbc(Mode m, String password) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlserver://127.0.0.1:"
            + server(m).port()
            + ";databaseName=master;integratedSecurity=true;authenticationScheme=NTLM;domain="
            + DOMAIN
            + ";user="
            + NAME
            + ";password="
            + password
            + ";loginTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS
            + (m == Mode.PLAIN ? ";encrypt=false" : ";encrypt=true;trustServerCertificate=true"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void mssqlJdbcLogsInWithNtlm(Mode m) throws SQLException {
    try (Connection c = mssqlJdbc(m, WINDOWS_PASSWORD)) {
      assertThat(Jdbc.connectionRow(c)).isEqualTo(m == Mode.PLAIN ? NTLM_PLAIN : NTLM_ENCRYPTED);
    }
  }

  @Test
  void mssqlJdbcWithAWrongPasswordGets18452() {
    assertThatThrownBy(() -> mssqlJdbc(Mode.PLAIN, "wrong-" + WINDOWS_PASSWORD).close())
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getErrorCode()).as(e.toString()).isEqualTo(UNTRUSTED));
  }

  private static Connection jtds(String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", NAME);
    p.setProperty("password", password);
    Connection c =
        new net.sourceforge.jtds.jdbc.Driver()
            .connect(
                "jdbc:jtds:sqlserver://127.0.0.1:"
                    + off.port()
                    + "/master;tds=8.0;domain="
                    + DOMAIN
                    + ";useNTLMv2=true;loginTimeout="
                    + Interop.CLIENT_TIMEOUT_SECONDS,
                p);
    assertThat(c).isNotNull();
    return c;
  }

  @Test
  void jtdsLogsInWithNtlmV2() throws SQLException {
    try (Connection c = jtds(WINDOWS_PASSWORD)) {
      assertThat(Jdbc.connectionRow(c)).isEqualTo(NTLM_PLAIN);
    }
  }

  @Test
  void jtdsWithAWrongPasswordGets18452() {
    assertThatThrownBy(() -> jtds("wrong-" + WINDOWS_PASSWORD).close())
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getErrorCode()).as(e.toString()).isEqualTo(UNTRUSTED));
  }
}
