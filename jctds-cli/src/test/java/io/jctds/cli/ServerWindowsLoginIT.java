package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.ConnectOptions;
import io.jctds.Cursor;
import io.jctds.Jctds;
import io.jctds.OperationalError;
import io.jctds.config.ConfigResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jctds server --windows-user 'CORP\alice' --windows-password P} from the shaded jar:
 * mssql-jdbc 13.6.2 ({@code integratedSecurity=true;authenticationScheme=NTLM}) and jctds itself
 * ({@code user = CORP\alice}) log in with NTLM and see auth_scheme NTLM in sys.dm_exec_connections
 * ("sys.dm_exec_connections (Transact-SQL)"); a wrong password gets 18452 ("MSSQLSERVER_18452": a
 * Windows principal the server cannot verify); the password is not in the server's output.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerWindowsLoginIT {
  private static final String QUERY =
      "SELECT encrypt_option, protocol_type, auth_scheme FROM sys.dm_exec_connections"
          + " WHERE session_id = @@SPID";
  private static final String WINDOWS_PASSWORD = "Win-Pw-" + System.nanoTime();

  @TempDir Path tmp;

  private static Path jar;

  @BeforeAll
  static void jar() {
    jar = Path.of(System.getProperty("jctds.jar", "target/jctds.jar"));
    assertThat(jar).as("the shaded jar (mvn package builds it)").isRegularFile();
  }

  @Test
  void windowsLoginThroughMssqlJdbcAndJctds() throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            jar,
            tmp,
            Map.of(),
            "--port",
            "0",
            "--encryption",
            "off",
            "--password",
            "Sa-Pw-1",
            "--windows-user",
            "CORP\\alice",
            "--windows-password",
            WINDOWS_PASSWORD)) {
      int port = Integer.parseInt(server.awaitListening().group(2));
      assertThat(mssqlJdbc(port, WINDOWS_PASSWORD)).containsExactly("FALSE", "TSQL", "NTLM");
      assertThatThrownBy(() -> mssqlJdbc(port, "wrong"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(18452));
      assertThat(jctds(port, WINDOWS_PASSWORD)).isEqualTo("NTLM");
      assertThatThrownBy(() -> jctds(port, "wrong"))
          .isInstanceOfSatisfying(
              OperationalError.class, e -> assertThat(e.number()).isEqualTo(18452));
      server.stop("TERM");
      assertThat(server.stderr()).doesNotContain(WINDOWS_PASSWORD);
      assertThat(String.join("\n", server.stdout())).doesNotContain(WINDOWS_PASSWORD);
    }
  }

  @Test
  void windowsUserWithoutPasswordIsAUsageError() {
    try (ServerProcess server =
        ServerProcess.start(jar, tmp, Map.of(), "--windows-user", "CORP\\alice")) {
      assertThat(server.awaitExit()).as(server.describe()).isEqualTo(2);
      assertThat(server.stderr()).contains("--windows-password");
    }
  }

  private static List<String> mssqlJdbc(int port, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "alice");
    p.setProperty("password", password);
    String url =
        "jdbc:sqlserver://127.0.0.1:"
            + port
            + ";integratedSecurity=true;authenticationScheme=NTLM;domain=CORP;encrypt=false;"
            + "loginTimeout=40";
    try (Connection c = new SQLServerDriver().connect(url, p);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(QUERY)) {
      assertThat(rs.next()).isTrue();
      return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
    }
  }

  private String jctds(int port, String password) throws Exception {
    Path conf =
        Files.writeString(
            tmp.resolve("jctds-" + port + ".conf"),
            "[s]\nhost = 127.0.0.1\nport = " + port + "\nencryption = off\n");
    ConfigResolver resolver = OnlyConf.resolver(conf, tmp);
    ConnectOptions options =
        ConnectOptions.builder()
            .user("CORP\\alice")
            .password(password)
            .loginTimeout(40)
            .configResolver(resolver)
            .build();
    try (io.jctds.Connection c = Jctds.connect("s", options);
        Cursor cursor = c.cursor()) {
      cursor.execute(QUERY);
      return cursor.fetchOne().getString(2);
    }
  }
}
