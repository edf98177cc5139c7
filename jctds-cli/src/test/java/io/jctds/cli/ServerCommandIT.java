package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.ConnectOptions;
import io.jctds.Cursor;
import io.jctds.Jctds;
import io.jctds.Row;
import io.jctds.config.ConfigResolver;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.ServerCredentials;
import io.jctds.testkit.Peers;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jctds server} from the shaded jar as a real process: the listening line, {@code
 * --cert-out}, generated and supplied credentials, TLS through JSSE (mssql-jdbc, TDS 7.x and 8.0)
 * and through BouncyCastle inside the shaded jar (FreeTDS over TLS 1.0), a clean stop on SIGTERM
 * and SIGINT, {@code --init} scripts (run before the ready line; an error stops the start) and
 * {@code --data} directories (kept across processes).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerCommandIT {
  private static final String QUERY =
      "SELECT encrypt_option, protocol_type, auth_scheme FROM sys.dm_exec_connections"
          + " WHERE session_id = @@SPID";
  private static final Pattern GENERATED =
      Pattern.compile("login 'sa' password: (\\S+) \\(generated");
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(40);
  private static final int SIGTERM_STATUS = 128 + 15;
  private static final int SIGINT_STATUS = 128 + 2;

  @TempDir Path tmp;

  private static Path jar;

  @BeforeAll
  static void jar() {
    jar = Path.of(System.getProperty("jctds.jar", "target/jctds.jar"));
    assertThat(jar).as("the shaded jar (mvn package builds it)").isRegularFile();
  }

  private ServerProcess start(Map<String, String> env, String... args) {
    return ServerProcess.start(jar, tmp, env, args);
  }

  @Test
  void generatedPasswordAndCaThenSigterm() throws Exception {
    Path ca = tmp.resolve("out/ca.pem");
    try (ServerProcess server = start(Map.of(), "--port", "0", "--cert-out", ca.toString())) {
      Matcher ready = server.awaitListening();
      assertThat(ready.group(1)).isEqualTo("127.0.0.1");
      assertThat(ready.group(3)).isEqualTo("on");
      assertThat(ca).as("--cert-out is written before the listening line").isRegularFile();
      Matcher pw = GENERATED.matcher(server.stderr());
      assertThat(pw.find()).as(server.describe()).isTrue();
      String password = pw.group(1);
      int port = Integer.parseInt(ready.group(2));
      Path store = trustStore(ca);

      assertThat(query(port, "sa", password, "encrypt=strict;" + trust(store)))
          .containsExactly("TRUE", "TSQL", "SQL");
      assertThat(query(port, "sa", password, "encrypt=true;" + trust(store)))
          .containsExactly("TRUE", "TSQL", "SQL");
      assertThat(query(port, "sa", password, "encrypt=false;"))
          .containsExactly("FALSE", "TSQL", "SQL");

      assertThat(server.stop("TERM")).as(server.describe()).isEqualTo(SIGTERM_STATUS);
      assertThat(server.stdout()).as("exactly one line on stdout").hasSize(1);
      assertThat(server.stderr()).contains("jctds server: stopped");
      assertThat(server.stderr().split(Pattern.quote(password), -1))
          .as("the generated password is printed once")
          .hasSize(2);
      assertPortFree(port);
    }
  }

  @Test
  void userPasswordFromEnvironmentDatabaseAndSigint() throws Exception {
    String password = "Env-Pw-" + System.nanoTime();
    try (ServerProcess server =
        start(
            Map.of(ServerCommand.PASSWORD_ENV, password),
            "--port",
            "0",
            "--user",
            "app",
            "--database",
            "tempdb",
            "--encryption",
            "required")) {
      Matcher ready = server.awaitListening();
      assertThat(ready.group(3)).isEqualTo("required");
      int port = Integer.parseInt(ready.group(2));
      try (Connection c =
              connect(port, "app", password, "encrypt=false;trustServerCertificate=true;");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(QUERY)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).as("policy required encrypts everything").isEqualTo("TRUE");
        assertThat(c.getCatalog()).isEqualTo("tempdb");
      }
      assertThat(server.stop("INT")).as(server.describe()).isEqualTo(SIGINT_STATUS);
      assertThat(server.stderr()).doesNotContain(password);
      assertPortFree(port);
    }
  }

  /**
   * {@code --user NAME} with the environment's password keeps working beside {@code --user
   * NAME:PASSWORD[:restricted]} logins; a restricted login (no VIEW SERVER STATE) gets SQL Server's
   * errors 300 then 297 from sys.dm_exec_connections through mssql-jdbc, even as the first session
   * to read the view ("Database engine events and errors (0 to 999)": 300, severity 14, "%ls
   * permission was denied on object '%.*ls', database '%.*ls'."; 297, severity 16, "The user does
   * not have permission to perform this action.").
   */
  @Test
  void restrictedLoginsBesideTheMainOne() throws Exception {
    String password = "Env-Pw-" + System.nanoTime();
    try (ServerProcess server =
        start(
            Map.of(ServerCommand.PASSWORD_ENV, password),
            "--port",
            "0",
            "--user",
            "app",
            "--user",
            "viewer:Viewer-Pw-1:restricted",
            "--user",
            "ops:Ops-Pw-2")) {
      int port = Integer.parseInt(server.awaitListening().group(2));
      String plain = "encrypt=false;trustServerCertificate=true;";
      try (Connection c = connect(port, "viewer", "Viewer-Pw-1", plain);
          Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.executeQuery(QUERY))
            .isInstanceOfSatisfying(
                SQLException.class,
                e -> {
                  assertThat(e.getErrorCode()).isEqualTo(300);
                  assertThat(e.getMessage())
                      .isEqualTo(
                          "VIEW SERVER STATE permission was denied on object 'server', database"
                              + " 'master'.");
                  assertThat(e.getNextException().getErrorCode()).isEqualTo(297);
                });
      }
      assertThat(query(port, "ops", "Ops-Pw-2", plain)).containsExactly("FALSE", "TSQL", "SQL");
      assertThat(query(port, "app", password, plain)).containsExactly("FALSE", "TSQL", "SQL");
      assertThat(server.stop("TERM")).as(server.describe()).isEqualTo(SIGTERM_STATUS);
      assertThat(server.stderr()).doesNotContain("Viewer-Pw-1").doesNotContain(password);
    }
  }

  @Test
  void pemCertificateAndKey() throws Exception {
    CertificateAuthority authority = CertificateAuthority.generate("ServerCommandIT CA");
    ServerCredentials credentials = authority.issueServerCredentials(List.of());
    Path chain = tmp.resolve("chain.pem");
    Path key = tmp.resolve("key.pem");
    credentials.writePem(chain, key);
    Path ca = tmp.resolve("trusted.pem");
    try (ServerProcess server =
        start(
            Map.of(ServerCommand.PASSWORD_ENV, "Pem-Pw-1"),
            "--port",
            "0",
            "--encryption",
            "strict",
            "--cert",
            chain.toString(),
            "--key",
            key.toString(),
            "--cert-out",
            ca.toString())) {
      int port = server.port();
      assertThat(readCertificate(ca)).isEqualTo(authority.certificate());
      assertThat(query(port, "sa", "Pem-Pw-1", "encrypt=strict;" + trust(trustStore(ca))))
          .containsExactly("TRUE", "TSQL", "SQL");
      assertThat(server.stop("TERM")).isEqualTo(SIGTERM_STATUS);
    }
  }

  @Test
  void pkcs12WithPasswordFromTheEnvironment() throws Exception {
    CertificateAuthority authority = CertificateAuthority.generate("ServerCommandIT CA");
    Path p12 = tmp.resolve("server.p12");
    authority.issueServerCredentials(List.of()).writePkcs12(p12, "p12-secret".toCharArray());
    Path ca = tmp.resolve("trusted.pem");
    Map<String, String> env =
        Map.of(
            ServerCommand.PASSWORD_ENV,
            "P12-Pw-1",
            ServerCommand.PKCS12_PASSWORD_ENV,
            "p12-secret");
    try (ServerProcess server =
        start(env, "--port", "0", "--pkcs12", p12.toString(), "--cert-out", ca.toString())) {
      int port = server.port();
      assertThat(readCertificate(ca)).isEqualTo(authority.certificate());
      assertThat(query(port, "sa", "P12-Pw-1", "encrypt=true;" + trust(trustStore(ca))))
          .containsExactly("TRUE", "TSQL", "SQL");
      assertThat(server.stop("TERM")).isEqualTo(SIGTERM_STATUS);
    }
  }

  @Test
  void tls10ThroughBouncyCastleInTheShadedJar() throws Exception {
    Path tsql = Peers.require("tsql", "apt-get install freetds-bin");
    Path ca = tmp.resolve("ca.pem");
    try (ServerProcess server =
        start(
            Map.of(ServerCommand.PASSWORD_ENV, "Tls10-Pw-1"),
            "--port",
            "0",
            "--enable-tls-v1",
            "--tls-max",
            "1.0",
            "--cert-out",
            ca.toString())) {
      int port = server.port();
      Path conf =
          Files.writeString(
              tmp.resolve("freetds.conf"),
              "[global]\n[jctds]\n\thost = 127.0.0.1\n\tport = "
                  + port
                  + "\n\ttds version = 7.4\n\tencryption = require\n\tca file = "
                  + ca
                  + "\n");
      Path sql = Files.writeString(tmp.resolve("q.sql"), QUERY + "\ngo\nexit\n");
      ProcessResult r =
          ProcessRunner.of(
                  "sh",
                  "-c",
                  "exec \"$0\" -S jctds -U sa -P \"$1\" -o q < \"$2\"",
                  tsql.toString(),
                  "Tls10-Pw-1",
                  sql.toString())
              .unsetEnv("TDSVER", "TDSPORT", "TDSHOST", "TDSDUMP", "FREETDS")
              .env("FREETDSCONF", conf.toString())
              .timeout(CLIENT_TIMEOUT)
              .run();
      assertThat(r.exitCode()).as(r.transcript() + server.describe()).isZero();
      assertThat(r.stdout().lines().map(String::strip))
          .as(r.transcript())
          .contains("TRUE\tTSQL\tSQL");
      assertThat(server.stop("TERM")).isEqualTo(SIGTERM_STATUS);
    }
  }

  @Test
  void aBusyPortIsExitStatus2() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        ServerProcess server =
            start(
                Map.of(ServerCommand.PASSWORD_ENV, "Busy-Pw-1"),
                "--port",
                Integer.toString(busy.getLocalPort()))) {
      assertThat(server.awaitExit()).as(server.describe()).isEqualTo(2);
      assertThat(server.stdout()).isEmpty();
      assertThat(server.stderr()).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort());
    }
  }

  @Test
  void badFlagsAreExitStatus2() {
    try (ServerProcess server = start(Map.of(), "--encryption", "sometimes")) {
      assertThat(server.awaitExit()).as(server.describe()).isEqualTo(2);
      assertThat(server.stdout()).isEmpty();
      assertThat(server.stderr()).contains("use off, on, required or strict");
    }
  }

  @Test
  void initScriptBatchesAreThereWhenTheServerIsReady() throws Exception {
    Path script =
        Files.writeString(
            tmp.resolve("init.sql"),
            String.join(
                "\n",
                "CREATE TABLE fruit (id INT PRIMARY KEY, name NVARCHAR(20) NOT NULL)",
                "go",
                "INSERT INTO fruit VALUES (1, N'apple')",
                "INSERT INTO fruit VALUES (2, N'pear')",
                "  GO  ",
                "CREATE TABLE basket (fruit_id INT, qty DECIMAL(5, 1))",
                "INSERT INTO basket SELECT id, id * 1.5 FROM fruit",
                "PRINT 'init done'",
                ""));
    try (ServerProcess server =
        start(
            Map.of(ServerCommand.PASSWORD_ENV, "Init-Pw-1"),
            "--port",
            "0",
            "--database",
            "shop",
            "--init",
            script.toString())) {
      int port = server.port();
      // the ready line comes after the script: its rows are there at once, in --database
      assertThat(
              jctdsQuery(
                  port,
                  "Init-Pw-1",
                  "SELECT f.name, b.qty, DB_NAME() FROM fruit f JOIN basket b"
                      + " ON b.fruit_id = f.id ORDER BY f.id"))
          .containsExactly(List.of("apple", "1.5", "shop"), List.of("pear", "3.0", "shop"));
      assertThat(server.stderr()).contains("init script: init done");
      assertThat(server.stop("TERM")).isEqualTo(SIGTERM_STATUS);
      assertThat(server.stderr()).doesNotContain("Init-Pw-1");
    }
  }

  @Test
  void aFailingInitScriptNamesFileAndLineAndNothingListens() throws Exception {
    Path script =
        Files.writeString(
            tmp.resolve("broken.sql"),
            String.join(
                "\n",
                "CREATE TABLE t (a INT)",
                "INSERT INTO t VALUES (1)",
                "go",
                "-- the second batch starts on line 4",
                "SELECT a FROM t",
                "PRINT 'before the error'",
                "SELECT m.b FROM t JOIN missing_table m ON m.a = t.a",
                "go",
                "CREATE TABLE never_created (b INT)",
                ""));
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    try (ServerProcess server =
        start(
            Map.of(ServerCommand.PASSWORD_ENV, "Broken-Pw-1"),
            "--port",
            Integer.toString(port),
            "--init",
            script.toString())) {
      assertThat(server.awaitExit()).as(server.describe()).isEqualTo(2);
      assertThat(server.stdout()).as("no ready line").isEmpty();
      // SQL Server's message 208 (severity 16): "Invalid object name '%.*ls'."
      assertThat(server.stderr())
          .contains(
              "jctds: "
                  + script
                  + ":7: Msg 208, Level 16, State 1: Invalid object name 'missing_table'."
                  + " (the init script failed; the server did not start)")
          .doesNotContain("listening on")
          .doesNotContain("Broken-Pw-1");
      assertPortFree(port);
    }
  }

  @Test
  void dataDirectoryKeepsTablesAcrossProcesses() throws Exception {
    Path data = tmp.resolve("data");
    Map<String, String> env = Map.of(ServerCommand.PASSWORD_ENV, "Data-Pw-1");
    String[] args = {"--port", "0", "--database", "shop", "--data", data.toString()};
    try (ServerProcess first = start(env, args)) {
      int port = first.port();
      jctdsQuery(
          port,
          "Data-Pw-1",
          "CREATE TABLE kept (id INT PRIMARY KEY, label VARCHAR(10));"
              + " INSERT INTO kept VALUES (1, 'one'), (2, 'two');"
              + " SELECT COUNT(*) FROM kept");
      try (ServerProcess second = start(env, args)) {
        assertThat(second.awaitExit()).as(second.describe()).isEqualTo(2);
        assertThat(second.stdout()).isEmpty();
        assertThat(second.stderr())
            .contains("jctds: cannot open the jctds server's H2 storage in " + data);
      }
      assertThat(first.stop("TERM")).as(first.describe()).isEqualTo(SIGTERM_STATUS);
    }
    try (ServerProcess again = start(env, args)) {
      assertThat(jctdsQuery(again.port(), "Data-Pw-1", "SELECT id, label FROM kept ORDER BY id"))
          .containsExactly(List.of("1", "one"), List.of("2", "two"));
      assertThat(again.stop("TERM")).isEqualTo(SIGTERM_STATUS);
    }
  }

  private static void assertPortFree(int port) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    }
  }

  private Path trustStore(Path caPem) throws Exception {
    Path store = tmp.resolve("trust-" + System.nanoTime() + ".p12");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry("ca", readCertificate(caPem));
    try (OutputStream out = Files.newOutputStream(store)) {
      ks.store(out, "changeit".toCharArray());
    }
    return store;
  }

  private static String trust(Path store) {
    return "trustStore="
        + store
        + ";trustStorePassword=changeit;trustStoreType=PKCS12;hostNameInCertificate=localhost;";
  }

  private static X509Certificate readCertificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static Connection connect(int port, String user, String password, String settings)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    int seconds = (int) CLIENT_TIMEOUT.toSeconds();
    return new SQLServerDriver()
        .connect(
            "jdbc:sqlserver://127.0.0.1:"
                + port
                + ";loginTimeout="
                + seconds
                + ";socketTimeout="
                + seconds * 1000
                + ";"
                + settings,
            p);
  }

  /**
   * Runs {@code sql} as sa through jctds-client in autocommit mode (freetds.conf {@code encryption
   * = off}, so no certificate is involved) and returns the rows of its first result set as strings.
   */
  private List<List<String>> jctdsQuery(int port, String password, String sql) throws IOException {
    Path conf =
        Files.writeString(
            tmp.resolve("jctds-" + port + ".conf"),
            "[s]\nhost = 127.0.0.1\nport = " + port + "\nencryption = off\n");
    ConfigResolver resolver = OnlyConf.resolver(conf, tmp);
    ConnectOptions options =
        ConnectOptions.builder()
            .user("sa")
            .password(password)
            .autocommit(true) // as tsql: each statement is kept
            .loginTimeout((int) CLIENT_TIMEOUT.toSeconds())
            .timeout((int) CLIENT_TIMEOUT.toSeconds())
            .configResolver(resolver)
            .build();
    try (io.jctds.Connection c = Jctds.connect("s", options);
        Cursor cursor = c.cursor()) {
      cursor.execute(sql);
      List<List<String>> rows = new ArrayList<>();
      for (Row r : cursor.fetchAll()) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
          values.add(r.getString(i));
        }
        rows.add(values);
      }
      return rows;
    }
  }

  private static List<String> query(int port, String user, String password, String settings)
      throws SQLException {
    try (Connection c = connect(port, user, password, settings);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(QUERY)) {
      assertThat(rs.next()).isTrue();
      return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
    }
  }
}
