package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.config.SystemTrustStore;
import io.jctds.server.tls.CertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ca file = system} with {@code $SSL_CERT_DIR} (FREETDS.md 3.2 and 4.7: OpenSSL's default
 * verify paths honour SSL_CERT_FILE and SSL_CERT_DIR; OpenSSL's openssl-rehash(1) page: a hashed
 * directory holds certificates under {@code <hash>.<N>}, CRLs under {@code <hash>.r<N>}, and
 * SSL_CERT_DIR may list several directories separated by {@code :}, {@code ;} on Windows).
 */
class HashedCertDirTest {
  private static CertificateAuthority ca;
  private static CertificateAuthority other;
  private static CertificateAuthority third;

  @TempDir Path dir;

  @BeforeAll
  static void pki() {
    ca = TestPki.ca("hashed dir CA");
    other = TestPki.ca("hashed dir other CA");
    third = TestPki.ca("hashed dir third CA");
  }

  private TrustMaterial load(Map<String, String> env) throws Exception {
    SystemTrustStore located = SystemTrustStore.locate(env, "Linux", List.of(), dir);
    TlsPolicy p =
        TlsPolicy.forEntry(
            Conf.resolve(
                dir, "[srv]\n  host = db.example.test\n  port = 1433\n  ca file = system\n", "srv"),
            false,
            null,
            located);
    return TrustMaterial.load(p);
  }

  @Test
  void hashedNamesAreTrustedBesideTheCertFile() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certs"));
    TestPki.writeCertificates(certs.resolve("1a2b3c4d.0"), ca.certificate());
    TestPki.writeCertificates(certs.resolve("not-hashed.pem"), third.certificate());
    Path bundle = TestPki.writeCertificates(dir.resolve("bundle.pem"), other.certificate());
    TrustMaterial m =
        load(Map.of("SSL_CERT_FILE", bundle.toString(), "SSL_CERT_DIR", certs.toString()));
    assertThat(m.caCertificates()).containsExactlyInAnyOrder(ca.certificate(), other.certificate());
    assertThat(m.caDescription()).contains(certs.toString(), "$SSL_CERT_DIR");
  }

  @Test
  void severalDirectoriesSequenceNumbersAndCrlNamesIgnored() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    TestPki.writeCertificates(a.resolve("abcdef01.0"), ca.certificate());
    TestPki.writeCertificates(b.resolve("abcdef01.1"), other.certificate());
    Files.write(b.resolve("abcdef01.r0"), TestPki.revoking(ca).getEncoded());
    Files.writeString(b.resolve("abcdef02.0"), "not a certificate\n");
    TrustMaterial m =
        load(
            Map.of(
                "SSL_CERT_FILE",
                dir.resolve("absent.pem").toString(),
                "SSL_CERT_DIR",
                a + ":" + dir.resolve("missing") + ":" + b));
    // the absent SSL_CERT_FILE is skipped as OpenSSL skips a default file it cannot load
    assertThat(m.caCertificates()).containsExactly(ca.certificate(), other.certificate());
  }

  @Test
  void aCertificateInBothTheBundleAndTheDirectoryCountsOnce() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("both"));
    TestPki.writeCertificates(certs.resolve("0badcafe.0"), ca.certificate());
    Path bundle = TestPki.writeCertificates(dir.resolve("both.pem"), ca.certificate());
    TrustMaterial m =
        load(Map.of("SSL_CERT_FILE", bundle.toString(), "SSL_CERT_DIR", certs.toString()));
    assertThat(m.caCertificates()).containsExactly(ca.certificate());
  }

  @Test
  void windowsSeparatesWithSemicolons() {
    SystemTrustStore s =
        SystemTrustStore.locate(Map.of("SSL_CERT_DIR", "x;y"), "Windows 11", List.of(), dir);
    assertThat(s.directories()).containsExactly(Path.of("x"), Path.of("y"));
  }

  @Test
  void anEmptyDirectoryLeavesTheUsualFailure() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("empty"));
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                load(
                    Map.of(
                        "SSL_CERT_FILE",
                        dir.resolve("absent.pem").toString(),
                        "SSL_CERT_DIR",
                        certs.toString())));
    assertThat(t).isInstanceOf(TlsValidationException.class);
    assertThat(((TlsValidationException) t).reason())
        .isEqualTo(TlsValidationException.Reason.CA_FILE_UNREADABLE);
  }
}
