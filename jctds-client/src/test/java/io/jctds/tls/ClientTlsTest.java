package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.config.ServerEntry;
import io.jctds.protocol.tls.JsseTlsEngine;
import io.jctds.protocol.tls.TlsEngine;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTlsTest {
  @TempDir Path dir;

  private ServerEntry entry(String body) {
    return Conf.resolve(dir, "[legacy]\n  host = oldbox.example\n  port = 1433\n" + body, "legacy");
  }

  @Test
  void enableTlsV1WithoutTheLegacyModuleSaysWhichArtifactToAdd() throws Exception {
    assertThat(ClientTls.findLegacyProvider()).isEmpty();
    ClientTls tls = ClientTls.forEntry(entry("  tds version = 7.1\n  enable tls v1 = yes\n"));
    LegacyTlsUnavailableException e =
        catchThrowableOfType(
            LegacyTlsUnavailableException.class, () -> tls.newEngine("oldbox.example", 1433));
    assertThat(e.getMessage())
        .startsWith("enable tls v1 = yes (" + dir.resolve("freetds.conf") + ":5 [legacy])")
        .contains("TLS 1.0/1.1, which the JDK refuses per connection")
        .contains("io.jctds:jctds-tls-legacy");
  }

  @Test
  void theStrictPathNeverNeedsTheLegacyModule() throws Exception {
    ClientTls tls = ClientTls.forEntry(entry("  encryption = strict\n  enable tls v1 = yes\n"));
    TlsEngine engine = tls.newEngine("oldbox.example", 1433);
    assertThat(engine).isInstanceOf(JsseTlsEngine.class);
    assertThat(engine.isClientMode()).isTrue();
    assertThat(tls.notValidatedWarning()).isEmpty();
  }

  @Test
  void finiteFieldDiffieHellmanSuitesAreLeftOut() {
    assertThat(
            ClientTls.withoutFiniteFieldDh(
                new String[] {
                  "TLS_AES_128_GCM_SHA256",
                  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                  "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                  "SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA",
                  "TLS_RSA_WITH_AES_128_GCM_SHA256"
                }))
        .containsExactly(
            "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256");
  }

  @Test
  void certificateInfoDescribesACertificate() throws Exception {
    var ca = TestPki.ca("info CA");
    X509Certificate leaf =
        TestPki.leaf(
            ca, TestPki.Spec.names("db.example.test").ips("192.0.2.1", "2001:db8::1").cn("db"));
    CertificateInfo info = CertificateInfo.of(leaf);
    assertThat(info.subject()).isEqualTo("CN=db");
    assertThat(info.issuer()).isEqualTo("CN=info CA");
    assertThat(info.dnsNames()).containsExactly("db.example.test");
    assertThat(info.ipAddresses()).containsExactly("192.0.2.1", "2001:db8::1");
    assertThat(info.subjectAltNames())
        .containsExactly("DNS:db.example.test", "IP:192.0.2.1", "IP:2001:db8::1");
    assertThat(info.notAfter()).isEqualTo(leaf.getNotAfter().toInstant());
    assertThat(new BigInteger(info.serialNumber(), 16)).isEqualTo(leaf.getSerialNumber());
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
    assertThat(info.sha256Fingerprint().replace(":", ""))
        .isEqualToIgnoringCase(HexFormat.of().formatHex(digest));
  }

  @Test
  void commonNamesComeFromEveryCnAttribute() {
    var ca = TestPki.ca("cn CA");
    X509Certificate twoCns = TestPki.leaf(ca, TestPki.Spec.names().cn("a.example", "b.example"));
    assertThat(SubjectNames.of(twoCns).commonNames()).containsExactly("a.example", "b.example");
    assertThat(SubjectNames.of(twoCns).hasSanEntries()).isFalse();
  }
}
