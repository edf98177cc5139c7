package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.FreeTds.Run;
import io.jctds.server.interop.FreeTds.Section;
import io.jctds.testkit.Precondition;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's FreeTDS 1.3.17 {@code tsql} (and {@code bsqldb} once) against the embedded server, per
 * encryption mode of the client and policy of the server. FreeTDS's rules (FREETDS.md 4.2): {@code
 * off} sends NOT_SUP, {@code request} OFF, {@code require} ON; any answer but NOT_SUP means TLS; an
 * answer of OFF means login-only TLS. With a {@code ca file}, GnuTLS checks the chain and the host
 * name during the handshake.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FreeTdsIT {
  @RegisterExtension static final Precondition TSQL = FreeTds.INSTALLED;

  @TempDir static Path tmp;

  private static FreeTds freetds;
  private static TdsServer on;
  private static Path serverCa;

  @BeforeAll
  static void start() {
    freetds = FreeTds.in(tmp);
    on = Interop.start(EncryptionPolicy.ON);
    serverCa = Interop.writePem(Interop.authority().certificate(), tmp.resolve("server-ca.pem"));
  }

  @AfterAll
  static void stop() {
    if (on != null) {
      on.close();
    }
  }

  private static Section section(TdsServer server, String... keyValues) {
    return Section.of("jctds", server.host(), server.port(), keyValues);
  }

  private static void assertConnects(Run run, ConnectionRow expected) {
    assertThat(run.process().exitCode()).as(run.describe()).isZero();
    assertThat(run.row()).as(run.describe()).contains(expected);
  }

  /**
   * A connection FreeTDS refused: non-zero exit, no row, the message number tsql printed, and the
   * reason its TDSDUMP log gives (as Debian's FreeTDS 1.3.17 with GnuTLS writes it), which a server
   * that crashed or hung would not produce.
   */
  private static void assertRefused(Run run, int message, String dumpSays) {
    assertThat(run.process().exitCode()).as(run.describe()).isNotZero();
    assertThat(run.row()).as(run.describe()).isEmpty();
    assertThat(run.messages()).as(run.describe()).contains(message);
    assertThat(run.dump()).as(run.describe()).contains(dumpSays);
  }

  /** The server still serves a good login (encryption require) after a refused one. */
  private static void assertHealthy(TdsServer server) {
    Run run =
        freetds.tsql(
            section(server, "tds version", "7.4", "encryption", "require"),
            Interop.PASSWORD,
            Interop.QUERY);
    assertConnects(run, ConnectionRow.ENCRYPTED);
  }

  @ParameterizedTest(name = "encryption = {0} against policy on")
  @CsvSource({"off, FALSE", "request, FALSE", "require, TRUE"})
  void eachClientModeAgainstPolicyOn(String mode, String encryptOption) {
    Run run =
        freetds.tsql(
            section(on, "tds version", "7.4", "encryption", mode), Interop.PASSWORD, Interop.QUERY);
    assertConnects(run, ConnectionRow.expected("TRUE".equals(encryptOption)));
  }

  @ParameterizedTest(name = "tds version = {0}, require with the server's CA")
  @ValueSource(strings = {"7.1", "7.2", "7.3", "7.4"})
  void requireValidatesTheServersCertificate(String version) {
    Run run =
        freetds.tsql(
            section(
                on,
                "tds version",
                version,
                "encryption",
                "require",
                "ca file",
                serverCa.toString()),
            Interop.PASSWORD,
            Interop.QUERY);
    assertConnects(run, ConnectionRow.ENCRYPTED);
  }

  @ParameterizedTest(name = "tds version = {0}, request (login-only TLS)")
  @ValueSource(strings = {"7.1", "7.2", "7.3"})
  void requestIsLoginOnlyForEveryVersion(String version) {
    Run run =
        freetds.tsql(
            section(on, "tds version", version, "encryption", "request"),
            Interop.PASSWORD,
            Interop.QUERY);
    assertConnects(run, ConnectionRow.NOT_ENCRYPTED);
  }

  @Test
  void requireRejectsACertificateFromAnotherCa() {
    Path other = Interop.writePem(Interop.unrelatedCa(), tmp.resolve("unrelated-ca.pem"));
    Run run =
        freetds.tsql(
            section(on, "tds version", "7.4", "encryption", "require", "ca file", other.toString()),
            Interop.PASSWORD,
            Interop.QUERY);
    // GnuTLS's verification status is not 0: the chain is not trusted
    assertRefused(run, FreeTds.CONNECTION_FAILED, "Certificate status: ");
    assertHealthy(on);
  }

  @Test
  void requireRejectsAnAddressTheCertificateDoesNotName() {
    // the certificate names localhost, 127.0.0.1 and ::1; this server listens on 127.0.0.2
    try (TdsServer elsewhere = Interop.start(b -> b.bind("127.0.0.2"))) {
      Run control =
          freetds.tsql(
              section(elsewhere, "tds version", "7.4", "encryption", "require"),
              Interop.PASSWORD,
              Interop.QUERY);
      assertConnects(control, ConnectionRow.ENCRYPTED); // no ca file: nothing is checked
      Run run =
          freetds.tsql(
              section(
                  elsewhere,
                  "tds version",
                  "7.4",
                  "encryption",
                  "require",
                  "ca file",
                  serverCa.toString()),
              Interop.PASSWORD,
              Interop.QUERY);
      assertRefused(run, FreeTds.CONNECTION_FAILED, "Certificate hostname does not match");
      assertHealthy(elsewhere);
    }
  }

  @Test
  void tls10WhenTheServerOffersNothingNewer() {
    try (TdsServer legacy = Interop.start(b -> b.enableTlsV1(true).tlsMax("1.0"))) {
      Run run =
          freetds.tsql(
              section(
                  legacy,
                  "tds version",
                  "7.4",
                  "encryption",
                  "require",
                  "ca file",
                  serverCa.toString()),
              Interop.PASSWORD,
              Interop.QUERY);
      assertConnects(run, ConnectionRow.ENCRYPTED);
      // control: the same client without TLS 1.0 cannot connect, so TLS 1.0 was what it used
      Run without =
          freetds.tsql(
              section(legacy, "tds version", "7.4", "encryption", "require", "enable tls v1", "no"),
              Interop.PASSWORD,
              Interop.QUERY);
      // the server's protocol_version alert
      assertRefused(
          without,
          FreeTds.CONNECTION_FAILED,
          "handshake failed: A TLS fatal alert has been received.");
    }
  }

  @ParameterizedTest(name = "encryption = {0} against policy required: full TLS")
  @ValueSource(strings = {"request", "require"})
  void policyRequiredEncryptsTheWholeSession(String mode) {
    try (TdsServer required = Interop.start(EncryptionPolicy.REQUIRED)) {
      Run run =
          freetds.tsql(
              section(required, "tds version", "7.4", "encryption", mode),
              Interop.PASSWORD,
              Interop.QUERY);
      assertConnects(run, ConnectionRow.ENCRYPTED);
    }
  }

  @Test
  void policyRequiredClosesAClientThatSaysNotSupported() {
    // encryption = off sends NOT_SUP: the server answers REQ and closes, as SQL Server does
    try (TdsServer required = Interop.start(EncryptionPolicy.REQUIRED)) {
      Run run =
          freetds.tsql(
              section(required, "tds version", "7.4", "encryption", "off"),
              Interop.PASSWORD,
              Interop.QUERY);
      // the PRELOGIN answer said ENCRYPT_REQ (3); then the server closed the connection
      assertRefused(run, FreeTds.CONNECTION_FAILED, "detected crypt flag 3");
      assertHealthy(required);
    }
  }

  @Test
  void policyOffRefusesRequireAndServesPlain() {
    try (TdsServer off = Interop.start(EncryptionPolicy.OFF)) {
      Run require =
          freetds.tsql(
              section(off, "tds version", "7.4", "encryption", "require"),
              Interop.PASSWORD,
              Interop.QUERY);
      // the PRELOGIN answer said ENCRYPT_NOT_SUP (2): FreeTDS refuses to go on without TLS
      assertRefused(require, FreeTds.CONNECTION_FAILED, "detected crypt flag 2");
      for (String mode : new String[] {"off", "request"}) { // and the server is still healthy
        Run run =
            freetds.tsql(
                section(off, "tds version", "7.4", "encryption", mode),
                Interop.PASSWORD,
                Interop.QUERY);
        assertConnects(run, ConnectionRow.NOT_ENCRYPTED);
      }
    }
  }

  @Test
  void policyStrictRefusesTds7Clients() throws Exception {
    // FreeTDS 1.3.17 has no strict mode: its TDS 7.x PRELOGIN is closed unanswered
    try (TdsServer strict = Interop.start(EncryptionPolicy.STRICT)) {
      Run run =
          freetds.tsql(
              section(strict, "tds version", "7.4", "encryption", "require"),
              Interop.PASSWORD,
              Interop.QUERY);
      assertRefused(run, FreeTds.CONNECTION_FAILED, "login packet rejected");
      assertThat(run.dump()).as(run.describe()).doesNotContain("detected crypt flag");
      // a crash would look the same to FreeTDS: the server must still serve a TDS 8.0 client
      Jdbc.assertServesStrictClients(strict, tmp);
    }
  }

  @Test
  void wrongPasswordIsLoginFailedAndTheServerStaysHealthy() {
    Run run =
        freetds.tsql(
            section(on, "tds version", "7.4", "encryption", "require"),
            Interop.WRONG_PASSWORD,
            Interop.QUERY);
    assertThat(run.process().exitCode()).as(run.describe()).isNotZero();
    assertThat(run.messages()).as(run.describe()).contains(Interop.LOGIN_FAILED);
    assertThat(run.process().stdout() + run.process().stderr())
        .as(run.describe())
        .contains("Login failed for user 'sa'.");
    assertHealthy(on);
  }

  @Test
  void bsqldbConnectsWithValidationAndReportsLoginFailures() {
    Section s =
        section(on, "tds version", "7.4", "encryption", "require", "ca file", serverCa.toString());
    Run run = freetds.bsqldb(s, Interop.PASSWORD, Interop.QUERY);
    assertConnects(run, ConnectionRow.ENCRYPTED);
    Run wrong = freetds.bsqldb(s, Interop.WRONG_PASSWORD, Interop.QUERY);
    assertThat(wrong.process().exitCode()).as(wrong.describe()).isNotZero();
    assertThat(wrong.messages()).as(wrong.describe()).contains(Interop.LOGIN_FAILED);
    assertHealthy(on);
  }
}
