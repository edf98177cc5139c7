package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.server.tls.ServerCredentials;
import io.jctds.testkit.Precondition;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jctds check-tls} against embedded servers, one setup per diagnosis of issue 14 (the seed
 * page's Troubleshooting plus what users hit). Expected verdicts and diagnoses are the issue's and
 * the seed page's words; PRELOGIN byte names are [MS-TDS] 2.2.6.5's; error 300 and its text are SQL
 * Server's ("Database engine events and errors (0 to 999)"). Four servers are shared by the cases:
 * ON with a CA-issued certificate (and a restricted login), OFF, REQUIRED with an expired
 * certificate, REQUIRED speaking TLS 1.0 only.
 */
class CheckTlsIT {
  @RegisterExtension
  static final Precondition ENVIRONMENT =
      Precondition.unsetEnvironment("TDSVER", "TDSPORT", "TDSHOST", "TDSDUMP");

  private static final String USER = "sa";
  private static final String PASSWORD = "Check-Tls-1";
  private static final String VIEWER = "viewer";
  private static final String VIEWER_PASSWORD = "Viewer-Pw-2";

  @TempDir static Path dir;

  private static CertificateAuthority ca;
  private static ServerCredentials good;
  private static final List<TdsServer> SERVERS = new ArrayList<>();
  private static TdsServer on;
  private static TdsServer off;
  private static TdsServer expired;
  private static TdsServer tls10;
  private static Path caPem;
  private static Path otherCaPem;
  private static Path crlPem;

  @BeforeAll
  static void start() throws Exception {
    ca = CertificateAuthority.generate("check-tls test CA");
    good = ca.issueServerCredentials(List.of());
    caPem = write("ca.pem", Pem.encodeCertificates(List.of(ca.certificate())));
    otherCaPem =
        write(
            "other-ca.pem",
            Pem.encodeCertificates(
                List.of(CertificateAuthority.generate("unrelated CA").certificate())));
    crlPem = write("ca.crl.pem", Pem.encodeCrl(ca.revoke(List.of(good.leaf().getSerialNumber()))));
    on =
        start(
            TdsServer.builder()
                .encryption(EncryptionPolicy.ON)
                .credentials(good)
                .databases("viewerdb"));
    off = start(TdsServer.builder().encryption(EncryptionPolicy.OFF));
    expired =
        start(
            TdsServer.builder()
                .encryption(EncryptionPolicy.REQUIRED)
                .credentials(CheckTlsPki.expired(ca)));
    tls10 =
        start(
            TdsServer.builder()
                .encryption(EncryptionPolicy.REQUIRED)
                .credentials(ca.issueServerCredentials(List.of()))
                .enableTlsV1(true)
                .tlsMin("1.0")
                .tlsMax("1.0"));
  }

  private static TdsServer start(TdsServer.Builder b) throws Exception {
    TdsServer s =
        b.port(0).user(USER, PASSWORD).restrictedUser(VIEWER, VIEWER_PASSWORD).build().start();
    SERVERS.add(s);
    return s;
  }

  @AfterAll
  static void stop() {
    SERVERS.forEach(TdsServer::close);
  }

  private static Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /** A freetds.conf with section [NAME] for {@code server}, holding {@code directives}. */
  private static Path conf(String name, int port, String... directives) throws Exception {
    StringBuilder s = new StringBuilder("[" + name + "]\n\thost = 127.0.0.1\n\tport = " + port);
    s.append("\n\ttds version = 7.4\n");
    for (String d : directives) {
      s.append('\t').append(d).append('\n');
    }
    return write(name + ".conf", s.toString());
  }

  private static CliRun check(Path conf, String name, String... extra) {
    List<String> args = new ArrayList<>(List.of("check-tls", name, "-I", conf.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static String lastLine(CliRun r) {
    List<String> lines = r.out().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Test
  void aValidatedFullyEncryptedLoginIsSecure() throws Exception {
    Path conf = conf("good", on.port(), "encryption = require", "ca file = " + caPem);
    CliRun r = check(conf, "good", "-U", USER, "-P", PASSWORD);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(lastLine(r)).isEqualTo("Verdict: secure");
    assertThat(r.out())
        .contains("encryption                 = require")
        .contains(conf + ":4 [good]")
        .contains("offered ENCRYPTION 0x01 (ENCRYPT_ON)")
        .contains("server answered ENCRYPTION 0x01 (ENCRYPT_ON)")
        .contains("[ok] TLS handshake")
        .contains("Subject: CN=localhost")
        .contains("Issuer:  CN=check-tls test CA")
        .contains("DNS:localhost")
        .contains("encrypt_option TRUE")
        .contains("auth_scheme SQL")
        .doesNotContain(PASSWORD);
  }

  @Test
  void jsonCarriesStepsSettingsChainAndVerdict() throws Exception {
    Path conf = conf("jsonok", on.port(), "encryption = require", "ca file = " + caPem);
    CliRun r = check(conf, "jsonok", "-U", USER, "-P", PASSWORD, "--json");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("verdict").asText()).isEqualTo("secure");
    assertThat(json.get("exitCode").asInt()).isZero();
    Map<String, JsonNode> settings = new java.util.HashMap<>();
    json.get("settings").forEach(s -> settings.put(s.get("key").asText(), s));
    assertThat(settings.get("ca_file").get("value").asText()).isEqualTo(caPem.toString());
    assertThat(settings.get("ca_file").get("origin").asText()).isEqualTo(conf + ":6 [jsonok]");
    List<String> steps = new ArrayList<>();
    json.get("steps")
        .forEach(s -> steps.add(s.get("name").asText() + "=" + s.get("status").asText()));
    assertThat(steps)
        .containsExactly(
            "TCP connect=ok",
            "PRELOGIN=ok",
            "TLS handshake=ok",
            "Login=ok",
            "sys.dm_exec_connections=ok");
    assertThat(json.get("chain").get(0).get("issuer").asText()).isEqualTo("CN=check-tls test CA");
    assertThat(json.get("diagnosis").isNull()).isTrue();
  }

  @Test
  void withoutCredentialsItStopsAfterTheHandshake() throws Exception {
    Path conf = conf("nologin", on.port(), "encryption = require", "ca file = " + caPem);
    CliRun r = check(conf, "nologin");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("[skipped] Login")
        .contains("stopped before LOGIN7, after the TLS handshake")
        .doesNotContain("sys.dm_exec_connections");
    assertThat(lastLine(r)).isEqualTo("Verdict: secure");
  }

  @Test
  void aLoginWithoutViewServerStateGetsTheReportWithoutTheServerView() throws Exception {
    Path conf = conf("viewer", on.port(), "encryption = require", "ca file = " + caPem);
    CliRun r = check(conf, "viewer", "-U", VIEWER, "-P", VIEWER_PASSWORD);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("[not permitted] sys.dm_exec_connections")
        .contains(
            "Msg 300, Level 14: VIEW SERVER STATE permission was denied on object 'server',"
                + " database 'master'.")
        .contains("Msg 297, Level 16: The user does not have permission to perform this action.")
        .contains("[ok] Login");
    assertThat(lastLine(r)).isEqualTo("Verdict: secure");
  }

  @Test
  void mssqlJdbcSeesTheSameErrorForARestrictedLogin() {
    String url =
        "jdbc:sqlserver://127.0.0.1:"
            + on.port()
            + ";databaseName=viewerdb;encrypt=true;trustServerCertificate=true;user="
            + VIEWER
            + ";password="
            + VIEWER_PASSWORD;
    assertThatThrownBy(
            () -> {
              try (var c = DriverManager.getConnection(url);
                  var st = c.createStatement()) {
                st.executeQuery("SELECT encrypt_option FROM sys.dm_exec_connections").next();
              }
            })
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(300);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "VIEW SERVER STATE permission was denied on object 'server', database"
                          + " 'master'.");
              assertThat((Object) e.getNextException()).isNotNull();
              assertThat(e.getNextException().getErrorCode()).isEqualTo(297);
            });
  }

  @Test
  void requestAgainstAnOnServerIsLoginOnly() throws Exception {
    Path conf = conf("loginonly", on.port(), "encryption = request", "ca file = " + caPem);
    CliRun r = check(conf, "loginonly", "-U", USER, "-P", PASSWORD);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("server answered ENCRYPTION 0x00 (ENCRYPT_OFF)")
        .contains("encrypt_option FALSE");
    assertThat(lastLine(r)).isEqualTo("Verdict: login-only encryption");
  }

  @Test
  void withoutCaFileTheCertificateIsNotValidated() throws Exception {
    Path conf = conf("noca", on.port(), "encryption = require");
    CliRun r = check(conf, "noca", "-U", USER, "-P", PASSWORD);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("ca file          not applied");
    assertThat(lastLine(r)).isEqualTo("Verdict: encrypted but certificate not validated");
  }

  @Test
  void aCaFileWithoutTheIssuerShowsTheIssuerAndWhatTheFileHolds() throws Exception {
    Path conf = conf("wrongca", on.port(), "encryption = require", "ca file = " + otherCaPem);
    CliRun r = check(conf, "wrongca", "-U", USER, "-P", PASSWORD);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out())
        .contains("the chain's issuer: CN=check-tls test CA")
        .contains("ca file " + otherCaPem + " holds: 'CN=unrelated CA'")
        .contains("Subject: CN=localhost")
        .contains("Fix: add the certificate of 'CN=check-tls test CA' to " + otherCaPem);
    assertThat(lastLine(r)).isEqualTo("Verdict: failed: CA file does not hold the issuing CA");
  }

  @Test
  void aHostNameMismatchShowsTheSansAndSuggestsCertificateHostname() throws Exception {
    Path conf =
        conf(
            "wrongname",
            on.port(),
            "encryption = require",
            "ca file = " + caPem,
            "certificate hostname = db.example.test");
    CliRun r = check(conf, "wrongname");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out())
        .contains("the certificate's SANs: DNS:localhost, IP:127.0.0.1")
        .contains("set 'certificate hostname = localhost' at line 7 of " + conf);
    assertThat(lastLine(r)).isEqualTo("Verdict: failed: host name mismatch");
  }

  @Test
  void aRevokedCertificateIsNamedWithTheCrlFile() throws Exception {
    Path conf =
        conf(
            "revoked",
            on.port(),
            "encryption = require",
            "ca file = " + caPem,
            "crl file = " + crlPem);
    CliRun r = check(conf, "revoked");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).contains("crl file         applied").contains("FAILED (revoked)");
    assertThat(lastLine(r)).isEqualTo("Verdict: failed: certificate revoked");
  }

  @Test
  void anExpiredCertificateShowsItsDates() throws Exception {
    Path conf = conf("expired", expired.port(), "encryption = require", "ca file = " + caPem);
    CliRun r = check(conf, "expired");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out())
        .contains("valid from ")
        .contains("Fix: the server needs a certificate valid now");
    assertThat(lastLine(r)).isEqualTo("Verdict: failed: certificate expired");
  }

  @Test
  void encryptionOffAgainstAServerThatRequiresIt() throws Exception {
    Path conf = conf("offreq", expired.port(), "encryption = off");
    CliRun r = check(conf, "offreq");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out())
        .contains("offered ENCRYPTION 0x02 (ENCRYPT_NOT_SUP)")
        .contains("server answered ENCRYPTION 0x03 (ENCRYPT_REQ)")
        .contains("Fix: set 'encryption = require' at line 5 of " + conf);
    assertThat(lastLine(r))
        .isEqualTo("Verdict: failed: server requires encryption but encryption = off");
  }

  @Test
  void requireAgainstAServerWithoutEncryption() throws Exception {
    Path conf = conf("reqoff", off.port(), "encryption = require");
    CliRun r = check(conf, "reqoff", "--json");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("verdict").asText())
        .isEqualTo("failed: encryption = require against a server without encryption");
    assertThat(json.get("exitCode").asInt()).isEqualTo(2);
    assertThat(json.get("diagnosis").get("fix").asText()).contains("'encryption = request'");
  }

  @Test
  void requestAgainstAServerWithoutEncryptionIsNotEncrypted() throws Exception {
    Path conf = conf("plain", off.port(), "encryption = request");
    CliRun r = check(conf, "plain", "-U", USER, "-P", PASSWORD);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("server answered ENCRYPTION 0x02 (ENCRYPT_NOT_SUP)");
    assertThat(lastLine(r)).isEqualTo("Verdict: not encrypted");
  }

  @Test
  void strictAgainstAServerWithoutTds8() throws Exception {
    Path conf = conf("strict", off.port(), "encryption = strict", "ca file = " + caPem);
    CliRun r = check(conf, "strict", "-t", "5");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).contains("'tds version = 7.4'");
    assertThat(lastLine(r))
        .isEqualTo("Verdict: failed: encryption = strict against a server without TDS 8.0");
  }

  @Test
  void aServerSpeakingOnlyTls10SuggestsEnableTlsV1AndTheLegacyArtifact() throws Exception {
    Path conf = conf("legacy", tls10.port(), "encryption = require");
    CliRun r = check(conf, "legacy");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).contains("'enable tls v1 = yes'").contains("jctds-tls-legacy");
    assertThat(lastLine(r)).isEqualTo("Verdict: failed: server speaks only TLS 1.0/1.1");
  }

  @Test
  void aListenerThatNeverAnswersIsATimeoutDuringPrelogin() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread accepter =
          new Thread(
              () -> {
                try (Socket s = silent.accept()) {
                  s.getInputStream().readAllBytes(); // never answers
                } catch (Exception ignored) {
                  // the client gave up
                }
              });
      accepter.setDaemon(true);
      accepter.start();
      Path conf = conf("hang", silent.getLocalPort(), "encryption = require");
      CliRun r = check(conf, "hang", "-t", "1");
      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
      assertThat(r.out())
          .contains("[ok] TCP connect")
          .contains("the step that did not complete: the PRELOGIN exchange")
          .contains("set 'tds version = 7.3' at line 4 of " + conf);
      assertThat(lastLine(r))
          .isEqualTo("Verdict: failed: hang or timeout during the PRELOGIN exchange");
    }
  }
}
