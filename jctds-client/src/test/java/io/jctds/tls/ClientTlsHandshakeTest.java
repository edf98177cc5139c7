package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.config.ServerEntry;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.ServerCredentials;
import io.jctds.server.tls.ServerTlsContext;
import io.jctds.server.tls.ServerTlsPolicy;
import io.jctds.tls.EncryptionReport.Level;
import io.jctds.tls.TlsPeers.ClientHello;
import io.jctds.tls.TlsPeers.Outcome;
import io.jctds.tls.TlsValidationException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real handshakes: engines from {@link ClientTls} against the embedded server's TLS. */
class ClientTlsHandshakeTest {
  private static CertificateAuthority ca;
  private static CertificateAuthority other;
  private static ServerCredentials credentials;
  private static ServerTlsContext server;

  @TempDir Path dir;

  @BeforeAll
  static void pki() {
    ca = TestPki.ca("handshake CA");
    other = TestPki.ca("handshake other CA");
    credentials = ca.issueServerCredentials(List.of("db.example.test"));
    server = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
  }

  private ServerEntry entry(String host, String body) {
    return Conf.resolve(dir, "[srv]\n  host = " + host + "\n  port = 1433\n" + body, "srv");
  }

  private String caFile(CertificateAuthority authority) {
    return TestPki.writeCertificates(dir.resolve("ca.pem"), authority.certificate()).toString();
  }

  @Test
  void strictValidatesAndReportsEverything() throws Exception {
    ClientTls tls =
        ClientTls.forEntry(
            entry("db.example.test", "  encryption = strict\n  ca file = " + caFile(ca) + "\n"));
    Outcome outcome = TlsPeers.handshake(true, server, tls.newEngine("127.0.0.1", 1433));
    assertThat(outcome.server().get()).isEqualTo("ping");
    TlsSessionInfo session = outcome.client().session();
    EncryptionReport report = tls.report(session, "8.0", Level.STRICT);
    assertThat(report.protocol()).contains("TLSv1.3");
    assertThat(report.applicationProtocol()).contains("tds/8.0");
    assertThat(report.isCertificateValidated()).isTrue();
    assertThat(report.validation()).isInstanceOf(Validation.CaFile.class);
    assertThat(report.hostnameCheck().get().name()).isEqualTo("db.example.test");
    assertThat(report.matchedName()).contains("DNS:db.example.test");
    assertThat(report.peerCertificates()).hasSize(2);
    CertificateInfo leaf = report.peerCertificates().get(0);
    assertThat(leaf.dnsNames()).contains("db.example.test", "localhost");
    assertThat(leaf.ipAddresses()).contains("127.0.0.1", "::1");
    assertThat(leaf.sha256Fingerprint())
        .isEqualTo(CertificateInfo.fingerprint(credentials.leaf()))
        .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(report.describe())
        .contains("Encryption:    strict")
        .contains("TLS protocol:  TLSv1.3")
        .contains("ALPN:          tds/8.0")
        .contains("validated against CA file")
        .contains("checked against 'db.example.test' (host, ")
        .contains("matched DNS:db.example.test")
        .contains("  Subject:     CN=db.example.test");

    ClientHello hello = TlsPeers.clientHello(outcome.clientBytes(), false);
    assertThat(hello.extensions()).doesNotContainKey(ClientHello.SERVER_NAME);
    byte[] alpn = hello.extensions().get(ClientHello.ALPN);
    assertThat(alpn).hasSize(2 + 1 + 7);
    assertThat(new String(alpn, 3, 7, StandardCharsets.US_ASCII)).isEqualTo("tds/8.0");
  }

  /**
   * A server that resumes sessions (one JSSE SSLContext for all its engines, as SQL Server's
   * Schannel keeps a session cache), the server engines offering ALPN tds/8.0 on the strict path.
   */
  private static java.util.function.Supplier<io.jctds.protocol.tls.TlsEngine> resumingServer(
      boolean strict) throws Exception {
    javax.net.ssl.SSLContext shared = javax.net.ssl.SSLContext.getInstance("TLS");
    shared.init(credentials.keyManagers(), null, null);
    return () -> {
      javax.net.ssl.SSLEngine e = shared.createSSLEngine();
      e.setUseClientMode(false);
      return new io.jctds.protocol.tls.JsseTlsEngine(e, strict ? "tds/8.0" : null);
    };
  }

  /**
   * Every connection's engine comes from one JVM-wide SSLContext ({@link SharedClientContext}), and
   * a resumed session would skip the trust manager, where the CA, CRL and host name rules live. So
   * against a server that resumes: the detector first (a JSSE client of one context, engines made
   * for the same host and port, does resume), then jctds's handshakes are all full, and a refused
   * certificate stays refused after accepted handshakes to the same server.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void noHandshakeResumesSoEveryChainIsChecked(boolean strict) throws Exception {
    java.util.function.Supplier<io.jctds.protocol.tls.TlsEngine> server = resumingServer(strict);
    javax.net.ssl.SSLContext plain = javax.net.ssl.SSLContext.getInstance("TLS");
    java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", ca.certificate());
    javax.net.ssl.TrustManagerFactory tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    plain.init(null, tmf.getTrustManagers(), null);
    long[] created = new long[2];
    for (int i = 0; i < 2; i++) {
      javax.net.ssl.SSLEngine e = plain.createSSLEngine("db.example.test", 1433);
      e.setUseClientMode(true);
      TlsPeers.handshake(
          strict, server, new io.jctds.protocol.tls.JsseTlsEngine(e, strict ? "tds/8.0" : null));
      created[i] = e.getSession().getCreationTime();
    }
    assertThat(created[1]).as("the detector: JSSE resumes").isEqualTo(created[0]);

    String mode = strict ? "  encryption = strict\n" : "  encryption = require\n";
    ClientTls good =
        ClientTls.forEntry(entry("db.example.test", mode + "  ca file = " + caFile(ca) + "\n"));
    for (int i = 0; i < 2; i++) {
      TlsPeers.handshake(strict, server, good.newEngine("127.0.0.1", 1433));
      assertThat(good.lastFailure()).isEmpty();
    }

    ClientTls untrusted =
        ClientTls.forEntry(entry("db.example.test", mode + "  ca file = " + caFile(other) + "\n"));
    assertThat(refusal(strict, server, untrusted)).isEqualTo(Reason.UNTRUSTED);
    ClientTls wrongName =
        ClientTls.forEntry(entry("wrong.example.test", mode + "  ca file = " + caFile(ca) + "\n"));
    assertThat(refusal(strict, server, wrongName)).isEqualTo(Reason.HOSTNAME_MISMATCH);
  }

  private static Reason refusal(
      boolean strict,
      java.util.function.Supplier<io.jctds.protocol.tls.TlsEngine> server,
      ClientTls tls) {
    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () -> TlsPeers.handshake(strict, server, tls.newEngine("127.0.0.1", 1433)));
    assertThat(e).as("the handshake must fail").isNotNull();
    return TlsValidationException.findIn(e).orElseThrow().reason();
  }

  @Test
  void tds7OffersTls12OnlyWithoutAlpnOrSniOrFiniteFieldDh() throws Exception {
    ClientTls tls =
        ClientTls.forEntry(
            entry("localhost", "  encryption = require\n  ca file = " + caFile(ca) + "\n"));
    Outcome outcome = TlsPeers.handshake(false, server, tls.newEngine("127.0.0.1", 1433));
    EncryptionReport report = tls.report(outcome.client().session(), "7.4", Level.FULL);
    assertThat(report.protocol()).contains("TLSv1.2");
    assertThat(report.applicationProtocol()).isEmpty();
    assertThat(report.matchedName()).contains("DNS:localhost");
    ClientHello hello = TlsPeers.clientHello(outcome.clientBytes(), true);
    assertThat(hello.extensions())
        .doesNotContainKey(ClientHello.SERVER_NAME)
        .doesNotContainKey(ClientHello.ALPN);
    byte[] versions = hello.extensions().get(ClientHello.SUPPORTED_VERSIONS);
    if (versions != null) {
      assertThat(versions).containsExactly(2, 3, 3);
    }
    int[] dhe = {0x0033, 0x0039, 0x0067, 0x006B, 0x009E, 0x009F, 0xCCAA, 0x00A2, 0x00A3};
    assertThat(
            Arrays.stream(hello.cipherSuites())
                .filter(s -> Arrays.stream(dhe).anyMatch(d -> d == s)))
        .isEmpty();
  }

  @Test
  void theWrongHostFailsTheHandshakeWithAMismatch() throws Exception {
    ClientTls tls =
        ClientTls.forEntry(
            entry("wrong.example.test", "  encryption = strict\n  ca file = " + caFile(ca) + "\n"));
    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () -> TlsPeers.handshake(true, server, tls.newEngine("127.0.0.1", 1433)));
    assertThat(e).isNotNull();
    TlsValidationException cause = TlsValidationException.findIn(e).orElseThrow();
    assertThat(cause.reason()).isEqualTo(Reason.HOSTNAME_MISMATCH);
    assertThat(cause.getMessage()).contains("'wrong.example.test'");
    assertThat(tls.lastFailure()).containsSame(cause);
  }

  /**
   * The validity period is checked at the time of the clock {@link ClientTls#of(TlsPolicy, Clock)}
   * takes (RFC 5280 6.1.3 (a)(2): "the certificate validity period includes the current time"): the
   * server's certificate, valid now, is expired one second after its notAfter and not yet valid one
   * second before its notBefore.
   */
  @Test
  void theValidationClockDecidesExpiredAndNotYetValid() throws Exception {
    TlsPolicy policy =
        TlsPolicy.forEntry(
            entry("localhost", "  encryption = strict\n  ca file = " + caFile(ca) + "\n"), true);
    Instant notAfter = credentials.leaf().getNotAfter().toInstant();
    Instant notBefore = credentials.leaf().getNotBefore().toInstant();
    Instant late = notAfter.plusSeconds(1);
    assertThat(refusedAt(policy, late).reason()).isEqualTo(Reason.EXPIRED);
    assertThat(refusedAt(policy, late).getMessage()).contains("(checked at " + late + ")");
    Instant early = notBefore.minusSeconds(1);
    assertThat(refusedAt(policy, early).reason()).isEqualTo(Reason.NOT_YET_VALID);
    assertThat(refusedAt(policy, early).getMessage()).contains("(checked at " + early + ")");
    ClientTls inside = ClientTls.of(policy, Clock.fixed(notAfter.minusSeconds(1), ZoneOffset.UTC));
    Outcome outcome = TlsPeers.handshake(true, server, inside.newEngine("127.0.0.1", 1433));
    assertThat(inside.report(outcome.client().session(), "8.0", Level.STRICT).matchedName())
        .contains("DNS:localhost");
  }

  private TlsValidationException refusedAt(TlsPolicy policy, Instant now) throws Exception {
    ClientTls tls = ClientTls.of(policy, Clock.fixed(now, ZoneOffset.UTC));
    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () -> TlsPeers.handshake(true, server, tls.newEngine("127.0.0.1", 1433)));
    assertThat(e).as("handshake at %s", now).isNotNull();
    return TlsValidationException.findIn(e).orElseThrow();
  }

  @Test
  void anUntrustedServerFailsTheHandshakeOnTheTds7PathToo() throws Exception {
    ClientTls tls =
        ClientTls.forEntry(
            entry("localhost", "  encryption = require\n  ca file = " + caFile(other) + "\n"));
    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () -> TlsPeers.handshake(false, server, tls.newEngine("127.0.0.1", 1433)));
    assertThat(TlsValidationException.findIn(e).map(TlsValidationException::reason))
        .contains(Reason.UNTRUSTED);
    assertThat(tls.lastFailure().get().getMessage()).contains("CN=handshake CA");
  }

  @Test
  void aRevokedServerCertificateFailsTheHandshake() throws Exception {
    Path crl = TestPki.writeCrl(dir.resolve("crl.pem"), TestPki.revoking(ca, credentials.leaf()));
    ClientTls tls =
        ClientTls.forEntry(
            entry(
                "localhost",
                "  encryption = strict\n  ca file = "
                    + caFile(ca)
                    + "\n  crl file = "
                    + crl
                    + "\n"));
    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () -> TlsPeers.handshake(true, server, tls.newEngine("127.0.0.1", 1433)));
    assertThat(TlsValidationException.findIn(e).map(TlsValidationException::reason))
        .contains(Reason.REVOKED);
  }

  @Test
  void withoutCaFileAnyCertificateIsAcceptedAndTheReportSaysSo() throws Exception {
    ServerTlsContext foreign =
        new ServerTlsContext(
            other.issueServerCredentials(List.of("elsewhere.example")), ServerTlsPolicy.DEFAULT);
    ClientTls tls = ClientTls.forEntry(entry("db.example.test", "  encryption = require\n"));
    Outcome outcome = TlsPeers.handshake(false, foreign, tls.newEngine("127.0.0.1", 1433));
    EncryptionReport report = tls.report(outcome.client().session(), "7.4", Level.FULL);
    assertThat(report.isCertificateValidated()).isFalse();
    assertThat(report.validation()).isInstanceOf(Validation.None.class);
    assertThat(report.describe())
        .contains("Certificate:   NOT validated")
        .contains("not checked: no ca file");
    assertThat(tls.notValidatedWarning()).get().asString().contains("certificate not validated");
    assertThat(report.peerCertificates().get(0).issuer()).isEqualTo("CN=handshake other CA");
  }

  @Test
  void everyHandshakeValidatesAfreshAndResumesNothing() throws Exception {
    ClientTls tls =
        ClientTls.forEntry(
            entry("db.example.test", "  encryption = strict\n  ca file = " + caFile(ca) + "\n"));
    for (boolean strict : new boolean[] {true, true, false, false}) {
      Outcome outcome = TlsPeers.handshake(strict, server, tls.newEngine("127.0.0.1", 1433));
      assertThat(tls.report(outcome.client().session(), "8.0", Level.STRICT).matchedName())
          .as("the trust manager ran for this handshake")
          .contains("DNS:db.example.test");
      ClientHello hello = TlsPeers.clientHello(outcome.clientBytes(), !strict);
      assertThat(hello.extensions()).doesNotContainKey(ClientHello.PRE_SHARED_KEY);
    }
  }

  @Test
  void theReportOfAnUnencryptedConnection() {
    EncryptionReport report = EncryptionReport.unencrypted("7.4");
    assertThat(report.isEncrypted()).isFalse();
    assertThat(report.level()).isEqualTo(Level.NONE);
    assertThat(report.protocol()).isEmpty();
    assertThat(report.describe())
        .isEqualTo("TDS version:   7.4\nEncryption:    none (nothing is encrypted)\n");
  }
}
