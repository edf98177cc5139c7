package io.jctds.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private static CertificateAuthority ca;
  private static ServerCredentials server;

  @BeforeAll
  static void generate() {
    ca = CertificateAuthority.generate("jctds test CA");
    server = ca.issueServerCredentials(List.of("db.example.test", "10.1.2.3", "fe80::1"));
  }

  @Test
  void caIsASelfSignedRsaCaValidForTenYears() throws Exception {
    X509Certificate c = ca.certificate();
    c.verify(c.getPublicKey());
    assertThat(c.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(c.getCriticalExtensionOIDs()).contains("2.5.29.19"); // basicConstraints
    assertThat(c.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(c.getKeyUsage()[6]).as("cRLSign").isTrue();
    assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(((RSAPublicKey) c.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(validity(c)).isGreaterThanOrEqualTo(Duration.ofDays(3650));
  }

  @Test
  void serverCertificateHasEveryNameAsSanAndServerAuth() throws Exception {
    X509Certificate leaf = server.leaf();
    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "db.example.test"),
            List.of(7, "10.1.2.3"),
            List.of(7, "fe80:0:0:0:0:0:0:1"),
            List.of(2, "localhost"),
            List.of(7, "127.0.0.1"),
            List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=db.example.test");
    assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(leaf.getSerialNumber().signum()).isPositive();
    assertThat(validity(leaf)).isBetween(Duration.ofDays(365), Duration.ofDays(366));
    assertThat(server.chain()).containsExactly(leaf, ca.certificate());
    assertThat(server.trustAnchor()).isEqualTo(ca.certificate());
  }

  @Test
  void withoutExtraNamesTheCommonNameIsLocalhostAndSerialsDiffer() {
    ServerCredentials plain = ca.issueServerCredentials(List.of());
    assertThat(plain.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(plain.leaf().getSerialNumber()).isNotEqualTo(server.leaf().getSerialNumber());
  }

  @Test
  void chainValidatesWithPkixAgainstTheCaOnly() throws Exception {
    validate(server.chain(), ca.certificate(), null);

    CertificateAuthority stranger = CertificateAuthority.generate("someone else");
    assertThatThrownBy(() -> validate(server.chain(), stranger.certificate(), null))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void crlRevokesTheSerialAndPkixThenRefusesTheCertificate() throws Exception {
    BigInteger serial = server.leaf().getSerialNumber();
    X509CRL crl = ca.revoke(List.of(serial));

    crl.verify(ca.certificate().getPublicKey());
    assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    X509CRLEntry entry = crl.getRevokedCertificate(serial);
    assertThat(entry).isNotNull();
    assertThat(crl.getRevokedCertificates()).hasSize(1);
    assertThat(crl.isRevoked(server.leaf())).isTrue();
    assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());

    CertPathValidatorException e =
        catchThrowableOfType(
            CertPathValidatorException.class,
            () -> validate(server.chain(), ca.certificate(), crl));
    assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);

    X509CRL empty = ca.revoke(List.of());
    validate(server.chain(), ca.certificate(), empty);
  }

  @Test
  void crlPemIsReadableByTheJdk() throws Exception {
    X509CRL crl = ca.revoke(List.of(BigInteger.TEN));
    String pem = Pem.encodeCrl(crl);
    assertThat(pem).startsWith("-----BEGIN X509 CRL-----");
    X509CRL parsed =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    assertThat(parsed).isEqualTo(crl);
    assertThat(parsed.getRevokedCertificate(BigInteger.TEN)).isNotNull();
  }

  @Test
  void invalidNamesAreRefused() {
    assertThatThrownBy(() -> ca.issueServerCredentials(List.of(" ")))
        .isInstanceOf(TlsCredentialsException.class);
    assertThatThrownBy(() -> ca.issueServerCredentials(List.of("fe80::zz")))
        .isInstanceOf(TlsCredentialsException.class)
        .hasMessageContaining("fe80::zz");
  }

  @Test
  void toStringNeverShowsTheKey() {
    assertThat(ca.toString()).doesNotContain("modulus").contains("jctds test CA");
    assertThat(server.toString()).doesNotContain("modulus").contains("CN=db.example.test");
  }

  private static Duration validity(X509Certificate c) {
    return Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
  }

  /** PKIX validation; revocation checking on when a CRL is given. */
  private static void validate(List<X509Certificate> chain, X509Certificate anchor, X509CRL crl)
      throws Exception {
    CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, 1));
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
    parameters.setRevocationEnabled(crl != null);
    if (crl != null) {
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
    }
    CertPathValidator.getInstance("PKIX").validate(path, parameters);
  }
}
