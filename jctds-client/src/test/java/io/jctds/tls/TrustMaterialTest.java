package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.config.SystemTrustStore;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.tls.TlsValidationException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustMaterialTest {
  private static CertificateAuthority ca;
  private static CertificateAuthority other;

  @TempDir Path dir;

  @BeforeAll
  static void pki() {
    ca = TestPki.ca("material CA");
    other = TestPki.ca("material other CA");
  }

  private TlsPolicy policy(String body) {
    return TlsPolicy.forEntry(
        Conf.resolve(dir, "[srv]\n  host = db.example.test\n  port = 1433\n" + body, "srv"));
  }

  private TlsValidationException failure(String body) {
    return catchThrowableOfType(TlsValidationException.class, () -> ClientTls.of(policy(body)));
  }

  @Test
  void aMissingCaFileNamesTheFileAndTheConfigurationLine() {
    Path missing = dir.resolve("missing-ca.pem");
    TlsValidationException e = failure("  ca file = " + missing + "\n");
    assertThat(e.reason()).isEqualTo(Reason.CA_FILE_UNREADABLE);
    assertThat(e.getMessage())
        .contains(missing.toString())
        .contains(dir.resolve("freetds.conf") + ":4 [srv]")
        .contains("file not found")
        .contains("ca file = system");
  }

  @Test
  void aDirectoryIsNotSupported() {
    TlsValidationException e = failure("  ca file = " + dir + "\n");
    assertThat(e.reason()).isEqualTo(Reason.CA_FILE_UNREADABLE);
    assertThat(e.getMessage()).contains("is a directory");
  }

  @Test
  void aFileWithoutCertificatesIsRefused() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "# nothing here\n");
    TlsValidationException e = failure("  ca file = " + empty + "\n");
    assertThat(e.reason()).isEqualTo(Reason.CA_FILE_UNREADABLE);
    assertThat(e.getMessage()).contains("holds no certificate");
    Path broken =
        Files.writeString(
            dir.resolve("broken.pem"),
            "-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64\n-----END CERTIFICATE-----\n");
    assertThat(failure("  ca file = " + broken + "\n").reason())
        .isEqualTo(Reason.CA_FILE_UNREADABLE);
    Path truncated =
        Files.writeString(dir.resolve("trunc.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");
    assertThat(failure("  ca file = " + truncated + "\n").getMessage()).contains("no END line");
  }

  @Test
  void aBundleWithCommentsAndTrustedCertificateBlocksLoadsEveryCa() throws Exception {
    String trusted =
        Pem.encodeCertificates(List.of(other.certificate()))
            .replace("BEGIN CERTIFICATE", "BEGIN TRUSTED CERTIFICATE")
            .replace("END CERTIFICATE", "END TRUSTED CERTIFICATE");
    Path bundle =
        Files.writeString(
            dir.resolve("bundle.pem"),
            "# material CA\n"
                + Pem.encodeCertificates(List.of(ca.certificate()))
                + "\nsome text between blocks\n"
                + trusted);
    TrustMaterial m = TrustMaterial.load(policy("  ca file = " + bundle + "\n"));
    assertThat(m.caCertificates()).containsExactly(ca.certificate(), other.certificate());
    assertThat(m.caDescription()).isEqualTo("CA file " + bundle);
  }

  @Test
  void crlFileProblemsAreCrlUnreadable() throws Exception {
    Path caFile = TestPki.writeCertificates(dir.resolve("ca.pem"), ca.certificate());
    Path missing = dir.resolve("missing-crl.pem");
    TlsValidationException e =
        failure("  ca file = " + caFile + "\n  crl file = " + missing + "\n");
    assertThat(e.reason()).isEqualTo(Reason.CRL_UNREADABLE);
    assertThat(e.getMessage()).contains(missing.toString()).contains(":5 [srv]");
    TlsValidationException notCrl =
        failure("  ca file = " + caFile + "\n  crl file = " + caFile + "\n");
    assertThat(notCrl.reason()).isEqualTo(Reason.CRL_UNREADABLE);
    assertThat(notCrl.getMessage()).contains("holds no CRL");
  }

  @Test
  void aDerCrlIsReadToo() throws Exception {
    Path caFile = TestPki.writeCertificates(dir.resolve("ca.pem"), ca.certificate());
    Path der = Files.write(dir.resolve("crl.der"), TestPki.revoking(ca).getEncoded());
    TrustMaterial m =
        TrustMaterial.load(policy("  ca file = " + caFile + "\n  crl file = " + der + "\n"));
    assertThat(m.crls()).hasSize(1);
  }

  @Test
  void systemUsesTheLocatedBundle() throws Exception {
    Path bundle = TestPki.writeCertificates(dir.resolve("system.pem"), ca.certificate());
    SystemTrustStore located =
        SystemTrustStore.locate(
            Map.of("SSL_CERT_FILE", bundle.toString()), "Linux", List.of(), dir);
    TlsPolicy p =
        TlsPolicy.forEntry(
            Conf.resolve(
                dir, "[srv]\n  host = db.example.test\n  port = 1433\n  ca file = system\n", "srv"),
            false,
            null,
            located);
    TrustMaterial m = TrustMaterial.load(p);
    assertThat(m.caCertificates()).containsExactly(ca.certificate());
    assertThat(((Validation.SystemStore) p.validation()).description())
        .contains(bundle.toString())
        .contains("$SSL_CERT_FILE");
  }

  @Test
  void systemFallsBackToTheJdkTrustStore() throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    SystemTrustStore jdk = SystemTrustStore.locate(Map.of(), "Linux", List.of(), javaHome);
    assertThat(jdk.kind()).isEqualTo(SystemTrustStore.Kind.JDK_DEFAULT);
    TlsPolicy p =
        TlsPolicy.forEntry(
            Conf.resolve(dir, "[srv]\n  host = h\n  port = 1\n  ca file = system\n", "srv"),
            false,
            null,
            jdk);
    assertThat(TrustMaterial.load(p).caCertificates()).isNotEmpty();
    SystemTrustStore gone =
        new SystemTrustStore(SystemTrustStore.Kind.JDK_DEFAULT, dir.resolve("nope"), "test");
    TlsPolicy missing =
        TlsPolicy.forEntry(
            Conf.resolve(dir, "[srv]\n  host = h\n  port = 1\n  ca file = system\n", "srv"),
            false,
            null,
            gone);
    TlsValidationException e =
        catchThrowableOfType(TlsValidationException.class, () -> TrustMaterial.load(missing));
    assertThat(e.reason()).isEqualTo(Reason.CA_FILE_UNREADABLE);
    assertThat(e.getMessage()).contains(dir.resolve("nope").toString());
  }

  @Test
  void withoutCaNothingIsLoaded() throws Exception {
    TrustMaterial m = TrustMaterial.load(policy("  crl file = /does/not/exist\n"));
    assertThat(m.caCertificates()).isEmpty();
    assertThat(m.crls()).isEmpty();
  }
}
