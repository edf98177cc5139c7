package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.SessionInfo;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property precedence and the mssql-jdbc aliases behave as mssql-jdbc 13.6.2 does against the same
 * embedded server. Precedence: the Properties win over the URL, a later URL property over an
 * earlier one (observed through the application name each session reports). Encryption: for each
 * {@code encrypt} value, the session mssql-jdbc opens and the one jctds opens with the same
 * property are encrypted alike (full, or only the login packet), as the server records them ({@code
 * sys.dm_exec_connections}' view: {@link SessionInfo}). mssql-jdbc gets
 * trustServerCertificate=true, since by default it validates against the JVM trust store, which
 * does not hold the server's generated CA.
 */
class MssqlJdbcParityIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TdsServer.builder().port(0).encryption(EncryptionPolicy.ON).user("sa", "pw").build();
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static boolean seen(String appName) {
    return server.sessions().stream().anyMatch(s -> appName.equals(s.appName()));
  }

  private static Properties login(String... kv) {
    Properties p = new Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", "pw");
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  /** Connects through DriverManager (mssql-jdbc) and says whether the server saw {@code app}. */
  private static boolean mssqlJdbcSees(String props, Properties info, String app) throws Exception {
    String url = "jdbc:sqlserver://127.0.0.1:" + server.port() + ";encrypt=false;" + props;
    try (java.sql.Connection c = DriverManager.getConnection(url, info)) {
      return seen(app);
    }
  }

  private static boolean jctdsSees(String props, Properties info, String app) throws Exception {
    String url = "jdbc:jctds://127.0.0.1:" + server.port() + ";encrypt=false;" + props;
    JdbcConfig config =
        JdbcUrl.parse(url, info, new JdbcUrl.Context("connection property", isolated(), 10));
    try (io.jctds.Connection c = JctdsDriver.open(config)) {
      return seen(app);
    }
  }

  @org.junit.jupiter.api.Test
  void propertiesWinOverTheUrlAsInMssqlJdbc() throws Exception {
    assertThat(
            mssqlJdbcSees("applicationName=m-url", login("applicationName", "m-props"), "m-props"))
        .isTrue();
    assertThat(jctdsSees("applicationName=j-url", login("applicationName", "j-props"), "j-props"))
        .isTrue();
  }

  @org.junit.jupiter.api.Test
  void aLaterUrlPropertyWinsAsInMssqlJdbc() throws Exception {
    assertThat(mssqlJdbcSees("applicationName=m-1;applicationName=m-2", login(), "m-2")).isTrue();
    assertThat(jctdsSees("applicationName=j-1;applicationName=j-2", login(), "j-2")).isTrue();
  }

  private static ConfigResolver isolated() {
    return ConfigResolver.builder()
        .environment(Map.of())
        .userHome(null)
        .systemFiles(List.of())
        .interfacesDirectory(Path.of("/nonexistent-jctds-interfaces"))
        .build();
  }

  private static SessionInfo session(String appName) {
    return server.sessions().stream()
        .filter(s -> appName.equals(s.appName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session of " + appName));
  }

  private static SessionInfo mssqlJdbc(String encrypt) throws Exception {
    String app = "mssql-jdbc-" + encrypt;
    String url =
        "jdbc:sqlserver://127.0.0.1:"
            + server.port()
            + ";encrypt="
            + encrypt
            + ";trustServerCertificate=true;applicationName="
            + app;
    try (java.sql.Connection c = DriverManager.getConnection(url, "sa", "pw")) {
      return session(app);
    }
  }

  private static SessionInfo jctds(String encrypt) throws Exception {
    String app = "jctds-" + encrypt;
    JdbcConfig config =
        JdbcUrl.parse(
            "jdbc:jctds://127.0.0.1:"
                + server.port()
                + ";encrypt="
                + encrypt
                + ";applicationName="
                + app
                + ";user=sa;password=pw",
            new Properties(),
            new JdbcUrl.Context("connection property", isolated(), 10));
    try (io.jctds.Connection c = JctdsDriver.open(config)) {
      return session(app);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "true", "optional", "mandatory"})
  void encryptMeansWhatItMeansToMssqlJdbc(String encrypt) throws Exception {
    SessionInfo reference = mssqlJdbc(encrypt);
    // mssql-jdbc sends ENCRYPT_OFF for false/optional (login-only TLS) and ENCRYPT_ON for
    // true/mandatory (full TLS): the comparison below is between two different outcomes
    boolean off = encrypt.equals("false") || encrypt.equals("optional");
    assertThat(reference.loginOnlyEncryption()).isEqualTo(off);
    assertThat(reference.fullyEncrypted()).isEqualTo(!off);
    SessionInfo ours = jctds(encrypt);
    assertThat(ours.loginOnlyEncryption())
        .as("login-only encryption")
        .isEqualTo(reference.loginOnlyEncryption());
    assertThat(ours.fullyEncrypted()).as("full encryption").isEqualTo(reference.fullyEncrypted());
    assertThat(ours.tlsProtocol() != null).isEqualTo(reference.tlsProtocol() != null);
  }
}
