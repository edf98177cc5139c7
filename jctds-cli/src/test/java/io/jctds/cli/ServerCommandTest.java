package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code jctds server} in-process, for everything that ends before a socket is bound: bad flags,
 * unreadable certificates, help. (ServerCommandIT runs the real thing from the shaded jar.)
 */
class ServerCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private void assertUsageError(String expectedMessage, String... args) {
    assertThat(run(args)).as("exit status, stderr: %s", err).isEqualTo(2);
    assertThat(err.toString()).contains(expectedMessage);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void helpListsExactlyTheIssuesFlags() {
    assertThat(run("server", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--port",
            "--bind",
            "--encryption",
            "--enable-tls-v1",
            "--tls-max",
            "--cert",
            "--key",
            "--pkcs12",
            "--cert-out",
            "--user",
            "--password",
            "--database",
            "--data",
            "--init",
            ServerCommand.PASSWORD_ENV);
  }

  @Test
  void twoPlainUsersAreAUsageError() {
    assertUsageError(
        "--user NAME without a password may be given once", "server", "--user", "a", "--user", "b");
  }

  @Test
  void aColonLoginNeedsAPassword() {
    assertUsageError("give NAME:PASSWORD[:restricted] with a password", "server", "--user", "x:");
  }

  @Test
  void unknownEncryptionPolicy() {
    assertUsageError("use off, on, required or strict", "server", "--encryption", "maybe");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4", "TLSv1.2", "1"})
  void tlsMaxIsOneOfFourVersions(String version) {
    assertUsageError("use 1.0, 1.1, 1.2 or 1.3", "server", "--tls-max", version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1"})
  void legacyTlsMaxNeedsEnableTlsV1(String version) {
    assertUsageError("needs --enable-tls-v1", "server", "--tls-max", version);
  }

  @Test
  void strictCannotBeLimitedToLegacyTls() {
    assertUsageError(
        "strict needs TLS 1.2",
        "server",
        "--encryption",
        "strict",
        "--enable-tls-v1",
        "--tls-max",
        "1.0");
  }

  @Test
  void certNeedsKey() {
    assertUsageError("--key", "server", "--cert", tmp.resolve("c.pem").toString());
  }

  @Test
  void pemAndPkcs12AreExclusive() throws Exception {
    Path f = Files.writeString(tmp.resolve("f"), "x");
    assertUsageError(
        "expected only one match",
        "server",
        "--cert",
        f.toString(),
        "--key",
        f.toString(),
        "--pkcs12",
        f.toString());
  }

  @Test
  void missingCertificateFile() {
    Path missing = tmp.resolve("missing.pem");
    assertUsageError(
        "cannot read --cert " + missing,
        "server",
        "--cert",
        missing.toString(),
        "--key",
        missing.toString());
  }

  @Test
  void unreadableCertificateContent() throws Exception {
    Path cert = Files.writeString(tmp.resolve("cert.pem"), "not a certificate\n");
    Path key = Files.writeString(tmp.resolve("key.pem"), "not a key\n");
    assertUsageError(
        "cannot load the certificate",
        "server",
        "--cert",
        cert.toString(),
        "--key",
        key.toString());
  }

  @Test
  void notAPkcs12File() throws Exception {
    Path p12 = Files.writeString(tmp.resolve("server.p12"), "not PKCS#12\n");
    assertUsageError("cannot load the certificate", "server", "--pkcs12", p12.toString());
  }

  @Test
  void encryptionOffHasNoCertificateToWrite() {
    assertUsageError(
        "--encryption off serves no certificate",
        "server",
        "--encryption",
        "off",
        "--cert-out",
        tmp.resolve("ca.pem").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "65536"})
  void portOutOfRange(String port) {
    assertUsageError("outside 0..65535", "server", "--port", port);
  }

  @Test
  void emptyPassword() {
    assertUsageError("--password must not be empty", "server", "--password", "");
  }

  @Test
  void missingInitScript() {
    Path missing = tmp.resolve("missing.sql");
    assertUsageError(
        "cannot read --init " + missing + ": no such readable file",
        "server",
        "--encryption",
        "off",
        "--init",
        missing.toString());
  }

  @Test
  void dataMustBeADirectory() throws Exception {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    assertUsageError("--data " + file + " is not a directory", "server", "--data", file.toString());
  }

  @Test
  void generatedPasswordsAreStrong() {
    String a = ServerCommand.generatePassword();
    assertThat(a).hasSize(20).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
    assertThat(ServerCommand.generatePassword()).isNotEqualTo(a);
  }
}
