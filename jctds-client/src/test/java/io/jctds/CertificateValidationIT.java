package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.server.tls.ServerCredentials;
import io.jctds.tls.EncryptionReport;
import io.jctds.tls.TlsValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each certificate validation rule of the seed page and FreeTDS, end to end against the embedded
 * server: trusted CA, untrusted CA, wrong host, {@code certificate hostname}, {@code check
 * certificate hostname = no}, a CRL-revoked leaf, {@code ca file = system}, and no CA at all.
 */
class CertificateValidationIT {
  private static CertificateAuthority ca;
  private static TdsServer server;
  private static TdsServer revokedServer;
  private static Path caPem;
  private static Path otherCaPem;
  private static Path crlPem;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    ca = CertificateAuthority.generate("jctds validation test CA");
    caPem = dir.resolve("ca.pem");
    Files.writeString(caPem, Pem.encodeCertificates(List.of(ca.certificate())));
    otherCaPem = dir.resolve("other-ca.pem");
    Files.writeString(
        otherCaPem,
        Pem.encodeCertificates(List.of(CertificateAuthority.generate("unrelated").certificate())));
    server = start(ca.issueServerCredentials(List.of()));
    ServerCredentials revoked = ca.issueServerCredentials(List.of());
    revokedServer = start(revoked);
    crlPem = dir.resolve("ca.crl.pem");
    Files.writeString(crlPem, Pem.encodeCrl(ca.revoke(List.of(revoked.leaf().getSerialNumber()))));
  }

  private static TdsServer start(ServerCredentials credentials) throws Exception {
    return TdsServer.builder()
        .port(0)
        .encryption(EncryptionPolicy.REQUIRED)
        .credentials(credentials)
        .user("sa", "pw")
        .build()
        .start();
  }

  @AfterAll
  static void stop() {
    server.close();
    revokedServer.close();
  }

  private static Connection connect(TdsServer s, String directives, Map<String, String> env)
      throws Exception {
    String conf =
        "[s]\nhost = 127.0.0.1\nport = " + s.port() + "\nencryption = require\n" + directives;
    Path file = Files.writeString(dir.resolve("freetds-" + conf.hashCode() + ".conf"), conf);
    Map<String, String> environment = new HashMap<>(env);
    environment.put("FREETDSCONF", file.toString());
    ConfigResolver r =
        ConfigResolver.builder()
            .environment(environment)
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(dir.resolve("none"))
            .build();
    return Jctds.connect(
        "s",
        ConnectOptions.builder()
            .user("sa")
            .password("pw")
            .loginTimeout(10)
            .configResolver(r)
            .build());
  }

  private static Connection connect(String directives) throws Exception {
    return connect(server, directives, Map.of());
  }

  private static TlsValidationException.Reason refusal(ThrowingConnect c) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(c::run);
    assertThat(t).isInstanceOf(OperationalError.class);
    assertThat(((OperationalError) t).reason()).isEqualTo(OperationalError.Reason.CERTIFICATE);
    return TlsValidationException.findIn(t)
        .orElseThrow(() -> new AssertionError("no validation failure behind " + t, t))
        .reason();
  }

  @FunctionalInterface
  private interface ThrowingConnect {
    void run() throws Exception;
  }

  @Test
  void trustedCaValidatesChainAndHostName() throws Exception {
    try (Connection c = connect("ca file = " + caPem + "\n")) {
      EncryptionReport r = c.encryption();
      assertThat(r.isCertificateValidated()).isTrue();
      assertThat(r.matchedName()).contains("IP:127.0.0.1");
    }
  }

  @Test
  void caThatDidNotSignTheServerIsRefused() {
    assertThat(refusal(() -> connect("ca file = " + otherCaPem + "\n").close()))
        .isEqualTo(TlsValidationException.Reason.UNTRUSTED);
  }

  @Test
  void wrongHostNameIsRefused() {
    assertThat(
            refusal(
                () ->
                    connect("ca file = " + caPem + "\ncertificate hostname = db.example.test\n")
                        .close()))
        .isEqualTo(TlsValidationException.Reason.HOSTNAME_MISMATCH);
  }

  @Test
  void certificateHostnameOverridesTheHost() throws Exception {
    try (Connection c = connect("ca file = " + caPem + "\ncertificate hostname = localhost\n")) {
      assertThat(c.encryption().matchedName()).contains("DNS:localhost");
    }
  }

  @Test
  void checkCertificateHostnameNoSkipsOnlyTheNameCheck() throws Exception {
    try (Connection c =
        connect(
            "ca file = "
                + caPem
                + "\ncertificate hostname = db.example.test\ncheck certificate hostname = no\n")) {
      assertThat(c.encryption().isCertificateValidated()).isTrue();
      assertThat(c.encryption().hostnameCheck()).isEmpty();
    }
    assertThat(
            refusal(
                () ->
                    connect("ca file = " + otherCaPem + "\ncheck certificate hostname = no\n")
                        .close()))
        .isEqualTo(TlsValidationException.Reason.UNTRUSTED);
  }

  @Test
  void revokedLeafIsRefusedWithTheCrlAndAcceptedWithout() throws Exception {
    assertThat(
            refusal(
                () ->
                    connect(
                            revokedServer,
                            "ca file = " + caPem + "\ncrl file = " + crlPem + "\n",
                            Map.of())
                        .close()))
        .isEqualTo(TlsValidationException.Reason.REVOKED);
    try (Connection c = connect(revokedServer, "ca file = " + caPem + "\n", Map.of())) {
      assertThat(c.encryption().isCertificateValidated()).isTrue();
    }
    try (Connection c = connect("ca file = " + caPem + "\ncrl file = " + crlPem + "\n")) {
      assertThat(c.encryption().crlFile()).contains(crlPem);
    }
  }

  @Test
  void systemMeansTheSystemTrustStore() throws Exception {
    try (Connection c =
        connect(server, "ca file = system\n", Map.of("SSL_CERT_FILE", caPem.toString()))) {
      assertThat(c.encryption().isCertificateValidated()).isTrue();
    }
    assertThat(
            refusal(
                () ->
                    connect(
                            server,
                            "ca file = SYSTEM\n",
                            Map.of("SSL_CERT_FILE", otherCaPem.toString()))
                        .close()))
        .isEqualTo(TlsValidationException.Reason.UNTRUSTED);
  }

  /**
   * OpenSSL's default verify paths (FREETDS.md 3.2, 4.7) include {@code $SSL_CERT_DIR}, a hashed
   * directory ({@code <hash>.<N>} names, openssl-rehash(1)): the CA found only there validates.
   */
  @Test
  void systemAlsoReadsTheHashedDirectoryOfSslCertDir() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("hashed-certs"));
    Files.copy(caPem, certs.resolve("5f0c2a9e.0"));
    Files.copy(caPem, certs.resolve("ca-not-hashed.pem"));
    try (Connection c =
        connect(
            server,
            "ca file = system\n",
            Map.of("SSL_CERT_FILE", otherCaPem.toString(), "SSL_CERT_DIR", certs.toString()))) {
      assertThat(c.encryption().isCertificateValidated()).isTrue();
    }
    Files.delete(certs.resolve("5f0c2a9e.0"));
    assertThat(
            refusal(
                () ->
                    connect(
                            server,
                            "ca file = system\n",
                            Map.of(
                                "SSL_CERT_FILE",
                                otherCaPem.toString(),
                                "SSL_CERT_DIR",
                                certs.toString()))
                        .close()))
        .isEqualTo(TlsValidationException.Reason.UNTRUSTED);
  }

  @Test
  void withoutCaFileAnyCertificateIsAcceptedAndSaidSo() throws Exception {
    try (Connection c = connect(revokedServer, "", Map.of())) {
      assertThat(c.encryption().isCertificateValidated()).isFalse();
      assertThat(c.encryption().describe()).containsIgnoringCase("not validated");
    }
  }
}
