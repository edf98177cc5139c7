package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.config.ServerEntry;
import io.jctds.config.SystemTrustStore;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.tls.TestPki.Spec;
import io.jctds.tls.TlsValidationException.Reason;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainValidatorTest {
  private static CertificateAuthority ca;
  private static CertificateAuthority other;
  private static X509Certificate dbLeaf;

  @TempDir Path dir;

  @BeforeAll
  static void pki() {
    ca = TestPki.ca("jctds test CA");
    other = TestPki.ca("other CA");
    dbLeaf = TestPki.leaf(ca, Spec.names("db.example.test"));
  }

  private Path caFile(CertificateAuthority... cas) {
    X509Certificate[] certs = new X509Certificate[cas.length];
    for (int i = 0; i < cas.length; i++) {
      certs[i] = cas[i].certificate();
    }
    return TestPki.writeCertificates(dir.resolve("ca.pem"), certs);
  }

  private String section(String extra) {
    return "[srv]\n  host = db.example.test\n  port = 1433\n  encryption = require\n" + extra;
  }

  private ChainValidator validator(String conf) throws TlsValidationException {
    return validator(Conf.resolve(dir, conf, "srv"), false, null);
  }

  private static ChainValidator validator(
      ServerEntry entry, boolean strict, SystemTrustStore system) throws TlsValidationException {
    TlsPolicy policy = TlsPolicy.forEntry(entry, strict, null, system);
    return new ChainValidator(policy, TrustMaterial.load(policy), Clock.systemUTC());
  }

  private static TlsValidationException refused(ChainValidator v, X509Certificate... chain) {
    return catchThrowableOfType(TlsValidationException.class, () -> v.check(chain));
  }

  @Test
  void aCertificateFromTheCaFileForTheHostPasses() throws Exception {
    ChainValidator v = validator(section("  ca file = " + caFile(ca) + "\n"));
    assertThat(v.check(new X509Certificate[] {dbLeaf, ca.certificate()}))
        .isEqualTo("DNS:db.example.test");
    assertThat(v.check(new X509Certificate[] {dbLeaf})).isEqualTo("DNS:db.example.test");
  }

  @Test
  void aCaThatDidNotSignIsUntrusted() throws Exception {
    Path file = caFile(ca);
    ChainValidator v = validator(section("  ca file = " + file + "\n"));
    X509Certificate foreign = TestPki.leaf(other, Spec.names("db.example.test"));
    TlsValidationException e = refused(v, foreign, other.certificate());
    assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
    assertThat(e.getMessage()).contains("CN=other CA").contains(file.toString());
  }

  @Test
  void aCaWithTheSameNameButAnotherKeyIsUntrusted() throws Exception {
    CertificateAuthority impostor = TestPki.ca("jctds test CA");
    ChainValidator v = validator(section("  ca file = " + caFile(ca) + "\n"));
    X509Certificate forged = TestPki.leaf(impostor, Spec.names("db.example.test"));
    assertThat(refused(v, forged).reason()).isEqualTo(Reason.UNTRUSTED);
  }

  @Test
  void anIntermediateSentInAnyOrderLeadsToTheRoot() throws Exception {
    CertificateAuthority intermediate = TestPki.intermediate(ca, "jctds intermediate");
    X509Certificate leaf = TestPki.leaf(intermediate, Spec.names("db.example.test"));
    ChainValidator v = validator(section("  ca file = " + caFile(ca) + "\n"));
    assertThat(v.check(new X509Certificate[] {leaf, ca.certificate(), intermediate.certificate()}))
        .isEqualTo("DNS:db.example.test");
    TlsValidationException missing = refused(v, leaf);
    assertThat(missing.reason()).isEqualTo(Reason.UNTRUSTED);
    assertThat(missing.getMessage()).contains("CN=jctds intermediate");
  }

  @Test
  void theWrongHostIsAMismatchNamingWantedNameSourceAndCertificateNames() throws Exception {
    ChainValidator v =
        validator(
            section("  ca file = " + caFile(ca) + "\n").replace("db.example", "wrong.example"));
    TlsValidationException e = refused(v, dbLeaf);
    assertThat(e.reason()).isEqualTo(Reason.HOSTNAME_MISMATCH);
    assertThat(e.getMessage())
        .contains("'wrong.example.test' (host, " + dir.resolve("freetds.conf") + ":2 [srv])")
        .contains("DNS:db.example.test")
        .contains("certificate hostname");
  }

  @Test
  void checkCertificateHostnameNoSkipsTheNameOnly() throws Exception {
    String conf =
        section("  ca file = " + caFile(ca) + "\n  check certificate hostname = no\n")
            .replace("db.example", "wrong.example");
    ChainValidator v = validator(conf);
    assertThat(v.check(new X509Certificate[] {dbLeaf})).isNull();
    X509Certificate foreign = TestPki.leaf(other, Spec.names("wrong.example.test"));
    assertThat(refused(v, foreign).reason()).isEqualTo(Reason.UNTRUSTED);
  }

  @Test
  void certificateHostnameOverridesTheHost() throws Exception {
    String conf =
        section("  ca file = " + caFile(ca) + "\n  certificate hostname = db.example.test\n")
            .replace("host = db.example.test", "host = 192.0.2.10");
    assertThat(validator(conf).check(new X509Certificate[] {dbLeaf}))
        .isEqualTo("DNS:db.example.test");
    String wrong =
        section("  ca file = " + caFile(ca) + "\n  certificate hostname = other.example.test\n");
    TlsValidationException e = refused(validator(wrong), dbLeaf);
    assertThat(e.reason()).isEqualTo(Reason.HOSTNAME_MISMATCH);
    assertThat(e.getMessage()).contains("'other.example.test' (certificate hostname, ");
  }

  @Test
  void anIpHostMatchesIpEntriesNotDnsEntries() throws Exception {
    String conf =
        section("  ca file = " + caFile(ca) + "\n").replace("db.example.test", "192.0.2.7");
    ChainValidator v = validator(conf);
    X509Certificate withIp = TestPki.leaf(ca, Spec.names("db.example.test").ips("192.0.2.7"));
    assertThat(v.check(new X509Certificate[] {withIp})).isEqualTo("IP:192.0.2.7");
    assertThat(refused(v, dbLeaf).reason()).isEqualTo(Reason.HOSTNAME_MISMATCH);
    X509Certificate v6 = TestPki.leaf(ca, Spec.names().ips("2001:db8::7"));
    String conf6 =
        section("  ca file = " + caFile(ca) + "\n").replace("db.example.test", "2001:db8:0::7");
    assertThat(validator(conf6).check(new X509Certificate[] {v6})).isEqualTo("IP:2001:db8::7");
  }

  @Test
  void theCommonNameCountsOnlyWithoutSubjectAltNames() throws Exception {
    ChainValidator v = validator(section("  ca file = " + caFile(ca) + "\n"));
    X509Certificate cnOnly = TestPki.leaf(ca, Spec.names().cn("db.example.test"));
    assertThat(v.check(new X509Certificate[] {cnOnly})).isEqualTo("CN=db.example.test");
    X509Certificate cnAndSan =
        TestPki.leaf(ca, Spec.names("other.example.test").cn("db.example.test"));
    TlsValidationException e = refused(v, cnAndSan);
    assertThat(e.reason()).isEqualTo(Reason.HOSTNAME_MISMATCH);
    assertThat(e.getMessage()).contains("CN is not used");
  }

  @Test
  void aLeafRevokedInTheCrlFileIsRevoked() throws Exception {
    Path crl = TestPki.writeCrl(dir.resolve("crl.pem"), TestPki.revoking(ca, dbLeaf));
    ChainValidator v =
        validator(section("  ca file = " + caFile(ca) + "\n  crl file = " + crl + "\n"));
    TlsValidationException e = refused(v, dbLeaf, ca.certificate());
    assertThat(e.reason()).isEqualTo(Reason.REVOKED);
    assertThat(e.getMessage()).contains("revoked").contains(crl.toString());
    X509Certificate fresh = TestPki.leaf(ca, Spec.names("db.example.test"));
    assertThat(v.check(new X509Certificate[] {fresh})).isEqualTo("DNS:db.example.test");
  }

  @Test
  void aCrlFileWithoutTheIssuersCrlLeavesTheStatusUnknown() throws Exception {
    Path crl = TestPki.writeCrl(dir.resolve("crl.pem"), TestPki.revoking(other));
    ChainValidator v =
        validator(section("  ca file = " + caFile(ca, other) + "\n  crl file = " + crl + "\n"));
    TlsValidationException e = refused(v, dbLeaf);
    assertThat(e.reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
    assertThat(e.getMessage()).contains("CN=jctds test CA").contains(crl.toString());
  }

  @Test
  void theCrlFileIsIgnoredWithoutCaFile() throws Exception {
    ChainValidator v = validator(section("  crl file = " + dir.resolve("missing.pem") + "\n"));
    X509Certificate foreign = TestPki.leaf(other, Spec.names("elsewhere.example"));
    assertThat(v.check(new X509Certificate[] {foreign})).isNull();
  }

  @Test
  void expiredAndNotYetValidLeaves() throws Exception {
    ChainValidator v = validator(section("  ca file = " + caFile(ca) + "\n"));
    Instant now = Instant.now();
    X509Certificate expired =
        TestPki.leaf(
            ca,
            Spec.names("db.example.test")
                .valid(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30))));
    TlsValidationException e = refused(v, expired);
    assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(e.getMessage()).contains("expired on");
    X509Certificate future =
        TestPki.leaf(
            ca,
            Spec.names("db.example.test")
                .valid(now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(60))));
    assertThat(refused(v, future).reason()).isEqualTo(Reason.NOT_YET_VALID);
  }

  @Test
  void anUntrustedExpiredLeafIsReportedUntrusted() throws Exception {
    ChainValidator v = validator(section("  ca file = " + caFile(ca) + "\n"));
    Instant now = Instant.now();
    X509Certificate expired =
        TestPki.leaf(
            other,
            Spec.names("db.example.test")
                .valid(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30))));
    assertThat(refused(v, expired).reason()).isEqualTo(Reason.UNTRUSTED);
  }

  @Test
  void aClientOnlyCertificateIsNotAServerCertificate() throws Exception {
    ChainValidator v = validator(section("  ca file = " + caFile(ca) + "\n"));
    X509Certificate client =
        TestPki.leaf(ca, Spec.names("db.example.test").eku(KeyPurposeId.id_kp_clientAuth));
    assertThat(refused(v, client).reason()).isEqualTo(Reason.NOT_A_SERVER_CERTIFICATE);
  }

  /**
   * RFC 5280 4.2.1.12: anyExtendedKeyUsage means the key is not restricted ("applications that
   * require the presence of a particular purpose MAY reject" it). jctds accepts it, as Debian's
   * FreeTDS (GnuTLS, whose gnutls_certificate_verify_peers2 checks no key purpose) and GnuTLS's own
   * purpose check ("or be marked for any purpose") do; OpenSSL's sslserver purpose would refuse it.
   * A certificate whose purposes include neither is refused, as the OpenSSL build does.
   */
  @Test
  void anyExtendedKeyUsageIsAServerCertificate() throws Exception {
    ChainValidator v = validator(section("  ca file = " + caFile(ca) + "\n"));
    X509Certificate any =
        TestPki.leaf(ca, Spec.names("db.example.test").eku(KeyPurposeId.anyExtendedKeyUsage));
    assertThat(v.check(new X509Certificate[] {any})).isEqualTo("DNS:db.example.test");
    X509Certificate clientAndAny =
        TestPki.leaf(
            ca,
            Spec.names("db.example.test")
                .eku(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.anyExtendedKeyUsage));
    assertThat(v.check(new X509Certificate[] {clientAndAny})).isEqualTo("DNS:db.example.test");
    X509Certificate noExtension = TestPki.leaf(ca, Spec.names("db.example.test").eku());
    assertThat(v.check(new X509Certificate[] {noExtension})).isEqualTo("DNS:db.example.test");
    X509Certificate clientAndEmail =
        TestPki.leaf(
            ca,
            Spec.names("db.example.test")
                .eku(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection));
    TlsValidationException e = refused(v, clientAndEmail);
    assertThat(e.reason()).isEqualTo(Reason.NOT_A_SERVER_CERTIFICATE);
    assertThat(e.getMessage()).contains("lacks serverAuth (1.3.6.1.5.5.7.3.1)");
  }

  @Test
  void withoutCaFileAnythingIsAccepted() throws Exception {
    ChainValidator v = validator(section(""));
    X509Certificate foreign = TestPki.leaf(other, Spec.names("elsewhere.example"));
    assertThat(v.check(new X509Certificate[] {foreign})).isNull();
    assertThat(refused(v).reason()).isEqualTo(Reason.NO_CERTIFICATE);
  }

  @Test
  void strictWithoutCaFileValidatesAgainstTheSystemStore() throws Exception {
    ServerEntry entry =
        Conf.resolve(
            dir, section("").replace("encryption = require", "encryption = strict"), "srv");
    SystemTrustStore system =
        SystemTrustStore.locate(
            java.util.Map.of("SSL_CERT_FILE", caFile(ca).toString()), "Linux", List.of(), dir);
    ChainValidator v = validator(entry, true, system);
    assertThat(v.check(new X509Certificate[] {dbLeaf})).isEqualTo("DNS:db.example.test");
    X509Certificate foreign = TestPki.leaf(other, Spec.names("db.example.test"));
    assertThat(refused(v, foreign).reason()).isEqualTo(Reason.UNTRUSTED);
  }
}
