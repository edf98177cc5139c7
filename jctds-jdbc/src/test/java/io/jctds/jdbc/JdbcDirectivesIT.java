package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.tls.EncryptionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDBC URL properties end to end against the embedded server. Expected encryption levels are
 * FreeTDS's (FREETDS.md 4.8: {@code off} sends NOT_SUP and the server answers NOT_SUP, so no TLS;
 * {@code request} sends OFF, answered OFF by a server that encrypts on request, so login-only TLS,
 * which is also what mssql-jdbc's {@code encrypt=false} gets; {@code require} sends ON, so the
 * whole connection; {@code strict} is TDS 8.0 TLS first), and the validation rules are the seed
 * page's (a {@code ca file} validates the chain and the host name; {@code certificate hostname}
 * replaces the name checked).
 */
class JdbcDirectivesIT {
  private static TdsServer server;
  private static TdsServer strictServer;
  private static Path caPem;
  private static Path otherCaPem;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    CertificateAuthority ca = CertificateAuthority.generate("jctds jdbc test CA");
    caPem = dir.resolve("ca.pem");
    Files.writeString(caPem, Pem.encodeCertificates(List.of(ca.certificate())));
    otherCaPem = dir.resolve("other-ca.pem");
    Files.writeString(
        otherCaPem,
        Pem.encodeCertificates(List.of(CertificateAuthority.generate("unrelated").certificate())));
    server = start(EncryptionPolicy.ON, ca);
    strictServer = start(EncryptionPolicy.STRICT, ca);
  }

  private static TdsServer start(EncryptionPolicy policy, CertificateAuthority ca)
      throws Exception {
    return TdsServer.builder()
        .port(0)
        .encryption(policy)
        .credentials(ca.issueServerCredentials(List.of()))
        .user("sa", "pw")
        .build()
        .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (strictServer != null) {
      strictServer.close();
    }
  }

  /** A resolver that reads no freetds.conf, environment or home directory of this machine. */
  private static ConfigResolver isolated(Path file) {
    return ConfigResolver.builder()
        .file(file)
        .environment(Map.of())
        .userHome(null)
        .systemFiles(List.of())
        .interfacesDirectory(Path.of("/nonexistent-jctds-interfaces"))
        .build();
  }

  private static JdbcConfig config(String url, Properties info, ConfigResolver resolver)
      throws SQLException {
    return JdbcUrl.parse(url, info, new JdbcUrl.Context("connection property", resolver, 0));
  }

  private static Connection open(String url) throws SQLException {
    return JctdsDriver.open(config(url, new Properties(), isolated(null)));
  }

  private static String url(TdsServer s, String props) {
    return "jdbc:jctds://127.0.0.1:" + s.port() + ";user=sa;password=pw;loginTimeout=10;" + props;
  }

  private static Object scalar(Connection c, String sql) {
    try (Cursor cur = c.cursor()) {
      cur.execute(sql);
      return cur.fetchOne().get(0);
    }
  }

  private static EncryptionReport.Level level(String props) throws SQLException {
    try (Connection c = open(url(server, props))) {
      assertThat(scalar(c, "SELECT 1")).isEqualTo(1);
      return c.encryption().level();
    }
  }

  @Test
  void encryptionOffRequestRequireThroughProperties() throws SQLException {
    assertThat(level("encryption=off")).isEqualTo(EncryptionReport.Level.NONE);
    assertThat(level("encryption=request")).isEqualTo(EncryptionReport.Level.LOGIN_ONLY);
    assertThat(level("encryption=require")).isEqualTo(EncryptionReport.Level.FULL);
  }

  @Test
  void mssqlJdbcEncryptValues() throws SQLException {
    assertThat(level("encrypt=false")).isEqualTo(EncryptionReport.Level.LOGIN_ONLY);
    assertThat(level("encrypt=true")).isEqualTo(EncryptionReport.Level.FULL);
  }

  @Test
  void strictThroughAPropertyWithTheCaFile() throws SQLException {
    try (Connection c = open(url(strictServer, "encrypt=strict;caFile=" + caPem))) {
      assertThat(c.encryption().level()).isEqualTo(EncryptionReport.Level.STRICT);
      assertThat(c.encryption().isCertificateValidated()).isTrue();
      assertThat(c.tdsVersion()).isEqualTo("8.0");
    }
  }

  @Test
  void caFilePropertyValidatesTheServerCertificate() throws SQLException {
    try (Connection c = open(url(server, "encryption=require;caFile=" + caPem))) {
      EncryptionReport r = c.encryption();
      assertThat(r.isCertificateValidated()).isTrue();
      assertThat(r.matchedName()).contains("IP:127.0.0.1");
      assertThat(r.validation().describe()).contains("JDBC URL property caFile");
    }
  }

  @Test
  void aCaThatDidNotSignTheServerIsRefused() {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () -> open(url(server, "encryption=require;ca file=" + otherCaPem)).close());
    assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
    assertThat(e.getMessage()).contains("JDBC URL property ca file");
  }

  @Test
  void wrongCertificateHostnameFailsNamingTheJdbcProperty() {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () ->
                open(url(
                        server,
                        "encrypt=true;caFile=" + caPem + ";hostNameInCertificate=db.example.test"))
                    .close());
    assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage())
        .contains("db.example.test")
        .contains("JDBC URL property hostNameInCertificate")
        .doesNotContain("pw;");
  }

  @Test
  void certificateHostnamePropertyThatMatches() throws SQLException {
    try (Connection c =
        open(
            url(server, "encryption=require;caFile=" + caPem + ";certificateHostname=localhost"))) {
      assertThat(c.encryption().matchedName()).contains("DNS:localhost");
    }
  }

  private Path conf(String text) throws Exception {
    return Files.writeString(dir.resolve("freetds-" + text.hashCode() + ".conf"), text);
  }

  @Test
  void aFreetdsConfSectionResolvedByName() throws Exception {
    Path file =
        conf(
            "[jdbcsection]\nhost = 127.0.0.1\nport = "
                + server.port()
                + "\nencryption = require\nca file = "
                + caPem
                + "\n");
    JdbcConfig cfg =
        config(
            "jdbc:jctds:jdbcsection;user=sa;password=pw;loginTimeout=10",
            new Properties(),
            isolated(file));
    try (Connection c = JctdsDriver.open(cfg)) {
      assertThat(c.encryption().level()).isEqualTo(EncryptionReport.Level.FULL);
      assertThat(c.encryption().isCertificateValidated()).isTrue();
      assertThat(c.encryption().validation().describe()).contains(file + ":5 [jdbcsection]");
    }
  }

  @Test
  void theConfigFilePropertyNamesTheFreetdsConf() throws Exception {
    Path file =
        conf("[jdbc-config-file-section]\nhost = 127.0.0.1\nport = " + server.port() + "\n");
    JdbcConfig cfg =
        config(
            "jdbc:jctds:jdbc-config-file-section;user=sa;password=pw;loginTimeout=10;configFile="
                + file,
            new Properties(),
            null);
    try (Connection c = JctdsDriver.open(cfg)) {
      assertThat(scalar(c, "SELECT 2")).isEqualTo(2);
    }
  }

  @Test
  void propertiesReplaceTheSectionsDirectives() throws Exception {
    Path file =
        conf(
            "[jdbcoverride]\nhost = 127.0.0.1\nport = "
                + server.port()
                + "\nencryption = off\nca file = "
                + otherCaPem
                + "\n");
    Properties p = new Properties();
    p.setProperty("encryption", "require");
    p.setProperty("trustServerCertificate", "true");
    JdbcConfig cfg =
        config("jdbc:jctds:jdbcoverride;user=sa;password=pw;loginTimeout=10", p, isolated(file));
    try (Connection c = JctdsDriver.open(cfg)) {
      // the file's CA would refuse the server; trustServerCertificate=true unset it
      assertThat(c.encryption().level()).isEqualTo(EncryptionReport.Level.FULL);
      assertThat(c.encryption().isCertificateValidated()).isFalse();
    }
  }

  @Test
  void databaseFromTheUrlPath() throws SQLException {
    try (Connection c =
        open("jdbc:jctds://127.0.0.1:" + server.port() + "/master;user=sa;password=pw")) {
      assertThat(c.database()).isEqualToIgnoringCase("master");
    }
  }

  @Test
  void aFailedLoginIsAnSqlExceptionWithoutThePassword() {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () ->
                open("jdbc:jctds://127.0.0.1:"
                        + server.port()
                        + ";user=sa;password=wrong-s3cret;encryption=off")
                    .close());
    assertThat(e.getSQLState()).isEqualTo("28000");
    assertThat(e.getMessage()).doesNotContain("wrong-s3cret");
  }

  @Test
  void dataSourceConnectsWithBeanProperties() throws SQLException {
    JctdsDataSource ds = new JctdsDataSource();
    ds.configResolver(isolated(null));
    ds.setServerName("127.0.0.1");
    ds.setPortNumber(server.port());
    ds.setUser("sa");
    ds.setPassword("pw");
    ds.setEncryption("require");
    ds.setCaFile(caPem.toString());
    ds.setLoginTimeout(10);
    try (Connection c = JctdsDriver.open(ds.config(null, null))) {
      assertThat(c.encryption().isCertificateValidated()).isTrue();
      assertThat(c.encryption().validation().describe())
          .contains("JDBC JctdsDataSource property caFile");
    }
  }

  @Test
  void pooledConnectionEventsAndClose() throws SQLException {
    JctdsConnectionPoolDataSource ds = new JctdsConnectionPoolDataSource();
    ds.configResolver(isolated(null));
    ds.setURL(url(server, "encryption=off"));
    JctdsPooledConnection pc = (JctdsPooledConnection) ds.getPooledConnection();
    AtomicInteger closed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    pc.addConnectionEventListener(
        new ConnectionEventListener() {
          @Override
          public void connectionClosed(ConnectionEvent event) {
            assertThat(event.getSource()).isSameAs(pc);
            closed.incrementAndGet();
          }

          @Override
          public void connectionErrorOccurred(ConnectionEvent event) {
            assertThat((Object) event.getSQLException()).isNotNull();
            failed.incrementAndGet();
          }
        });
    assertThat(scalar(pc.nativeConnection(), "SELECT 3")).isEqualTo(3);
    pc.handleClosed();
    pc.handleFailed(new SQLException("broken", "08S01"));
    assertThat(closed).hasValue(1);
    assertThat(failed).hasValue(1);
    pc.close();
    assertThat(pc.nativeConnection().isClosed()).isTrue();
    PooledConnection after = pc;
    SQLException e = catchThrowableOfType(SQLException.class, after::getConnection);
    assertThat(e.getSQLState()).isEqualTo("08003");
  }

  @Test
  void driverManagerEndToEnd() throws Exception {
    String u = "jdbc:jctds://127.0.0.1:" + server.port() + ";encryption=require;caFile=" + caPem;
    try (java.sql.Connection c = DriverManager.getConnection(u, "sa", "pw");
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT 42")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(c.unwrap(Connection.class).encryption().isCertificateValidated()).isTrue();
    }
  }

  @Test
  void dataSourceEndToEnd() throws Exception {
    JctdsDataSource ds = new JctdsDataSource();
    ds.setURL("jdbc:jctds://127.0.0.1:" + server.port() + ";encryption=off");
    try (java.sql.Connection c = ds.getConnection("sa", "pw");
        java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT DB_NAME()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isNotEmpty();
    }
  }
}
