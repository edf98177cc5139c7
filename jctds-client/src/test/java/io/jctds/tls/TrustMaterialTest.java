package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.config.SystemTrustStore;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.tls.TlsValidationException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
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
  void anUnchangedCaFileIsParsedOnceAndAChangedOneAgain() throws Exception {
    Path file = settled(Files.writeString(dir.resolve("kept.pem"), pem(ca, 0)));
    TlsPolicy p = policy("  ca file = " + file + "\n");
    List<X509Certificate> first = TrustMaterial.load(p).caCertificates();
    assertThat(first).containsExactly(ca.certificate());
    assertThat(TrustMaterial.load(p).caCertificates()).isSameAs(first); // not parsed again
    // FreeTDS reads its CA file at every connection: an edit takes effect at the next connect
    Files.writeString(file, pem(other, 0));
    assertThat(TrustMaterial.load(p).caCertificates()).containsExactly(other.certificate());
    settled(file);
    List<X509Certificate> before = TrustMaterial.load(p).caCertificates();
    assertThat(TrustMaterial.load(p).caCertificates()).isSameAs(before);
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    assertThat(TrustMaterial.load(p).caCertificates()).isNotSameAs(before); // touched: read again
  }

  @Test
  void aCaFileReplacedByRenameIsReadAgainEvenWithTheSameSizeAndTime() throws Exception {
    String a = pem(ca, 0);
    String b = pem(other, 0);
    int size = Math.max(a.length(), b.length());
    Path file = settled(Files.writeString(dir.resolve("renamed.pem"), pem(ca, size - a.length())));
    TlsPolicy p = policy("  ca file = " + file + "\n");
    assertThat(TrustMaterial.load(p).caCertificates()).containsExactly(ca.certificate());
    Path next = Files.writeString(dir.resolve("next.pem"), pem(other, size - b.length()));
    Files.setLastModifiedTime(next, Files.getLastModifiedTime(file));
    assertThat(Files.size(next)).isEqualTo(Files.size(file));
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertThat(TrustMaterial.load(p).caCertificates()).containsExactly(other.certificate());
  }

  @Test
  void aChangedCrlFileIsReadAgain() throws Exception {
    Path caFile = Files.writeString(dir.resolve("crl-ca.pem"), pem(ca, 0));
    Path crl = settled(TestPki.writeCrl(dir.resolve("list.crl"), TestPki.revoking(ca)));
    TlsPolicy p = policy("  ca file = " + caFile + "\n  crl file = " + crl + "\n");
    List<X509CRL> first = TrustMaterial.load(p).crls();
    assertThat(TrustMaterial.load(p).crls()).isSameAs(first);
    TestPki.writeCrl(crl, TestPki.revoking(other));
    assertThat(TrustMaterial.load(p).crls())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.getIssuerX500Principal())
                    .isEqualTo(other.certificate().getSubjectX500Principal()));
  }

  /**
   * Dates {@code file} an hour back: a file changed in the last two seconds is read at every load
   * (its stamp cannot yet tell versions apart), so only a settled one is kept.
   */
  private static Path settled(Path file) throws java.io.IOException {
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
    return file;
  }

  /** {@code authority}'s certificate as PEM, after a comment of {@code pad} characters. */
  private static String pem(CertificateAuthority authority, int pad) {
    String comment = pad == 0 ? "" : "#".repeat(pad - 1) + "\n";
    return comment + Pem.encodeCertificates(List.of(authority.certificate()));
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
