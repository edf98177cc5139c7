package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jctds.ConnectOptions;
import io.jctds.Connection;
import io.jctds.Jctds;
import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.testkit.Precondition;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import io.jctds.tls.TestPki.Spec;
import io.jctds.tls.TlsValidationException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate rules of jctds next to what Debian's FreeTDS 1.3.17 (GnuTLS) does with the same
 * server certificate, {@code ca file} and address: the peer's real behaviour is where jctds's
 * choices come from (ChainValidator, HostnameMatcher).
 */
class CertificateRulesIT {
  @RegisterExtension
  static final Precondition TSQL =
      Precondition.executable("tsql", "apt-get install freetds-bin (Debian's FreeTDS 1.3.17)");

  private static final String PASSWORD = "Rules-Pw-1";
  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir static Path dir;
  private static CertificateAuthority ca;
  private static Path caPem;

  @BeforeAll
  static void pki() {
    ca = TestPki.ca("certificate rules CA");
    caPem = TestPki.writeCertificates(dir.resolve("ca.pem"), ca.certificate());
  }

  /** What one client did: connected, or refused and why. */
  private record Outcome(boolean connected, String detail) {}

  @Test
  void anyExtendedKeyUsageIsAcceptedByBoth() throws Exception {
    X509Certificate leaf =
        TestPki.leaf(ca, Spec.names().ips("127.0.0.1").eku(KeyPurposeId.anyExtendedKeyUsage));
    try (TdsServer server = start(leaf)) {
      Outcome tsql = tsql(server);
      assertThat(tsql.connected()).as(tsql.detail()).isTrue();
      assertThat(jctds(server)).isEmpty();
    }
  }

  @Test
  void aWildcardCommonNameNeverMatchesAnAddressInEither() throws Exception {
    X509Certificate leaf = TestPki.leaf(ca, Spec.names().cn("*.0.0.1"));
    try (TdsServer server = start(leaf)) {
      Outcome tsql = tsql(server);
      assertThat(tsql.connected()).as(tsql.detail()).isFalse();
      assertThat(tsql.detail()).contains("Certificate hostname does not match");
      assertThat(jctds(server)).contains(Reason.HOSTNAME_MISMATCH);
    }
  }

  /**
   * The one deliberate difference: GnuTLS's gnutls_certificate_verify_peers2, which FreeTDS calls,
   * checks no key purpose, so tsql accepts a clientAuth-only certificate; jctds refuses it, as
   * FreeTDS's OpenSSL build does (purpose sslserver).
   */
  @Test
  void aClientOnlyCertificateIsRefusedByJctdsOnly() throws Exception {
    X509Certificate leaf =
        TestPki.leaf(ca, Spec.names().ips("127.0.0.1").eku(KeyPurposeId.id_kp_clientAuth));
    try (TdsServer server = start(leaf)) {
      Outcome tsql = tsql(server);
      assertThat(tsql.connected()).as(tsql.detail()).isTrue();
      assertThat(jctds(server)).contains(Reason.NOT_A_SERVER_CERTIFICATE);
    }
  }

  private static TdsServer start(X509Certificate leaf) throws IOException {
    return TdsServer.builder()
        .bind("127.0.0.1")
        .port(0)
        .encryption(EncryptionPolicy.REQUIRED)
        .credentials(TestPki.credentials(ca, leaf))
        .user("sa", PASSWORD)
        .build()
        .start();
  }

  private static String conf(TdsServer server) {
    return "[global]\n[rules]\n\thost = 127.0.0.1\n\tport = "
        + server.port()
        + "\n\ttds version = 7.4\n\tencryption = require\n\tca file = "
        + caPem
        + "\n";
  }

  /** tsql through the section, with TDSDUMP: connected, or the dump's lines from tls.c. */
  private static Outcome tsql(TdsServer server) throws IOException {
    int n = RUNS.incrementAndGet();
    Path conf = Files.writeString(dir.resolve("tsql-" + n + ".conf"), conf(server));
    Path dump = dir.resolve("tsql-" + n + ".dump.log");
    Path sql = Files.writeString(dir.resolve("tsql-" + n + ".sql"), "SELECT 1\ngo\nexit\n");
    ProcessResult r =
        ProcessRunner.of(
                "sh",
                "-c",
                "exec tsql -S rules -U sa -P \"$0\" -o q < \"$1\"",
                PASSWORD,
                sql.toString())
            .unsetEnv("FREETDS", "TDSVER", "TDSPORT", "TDSHOST", "TDSDUMPCONFIG", "SYBASE")
            .env("FREETDSCONF", conf.toString())
            .env("TDSDUMP", dump.toString())
            .env("LC_ALL", "C.UTF-8")
            .timeout(Duration.ofSeconds(40))
            .run();
    String log =
        Files.exists(dump) ? Files.readString(dump, StandardCharsets.ISO_8859_1) : "(no dump)";
    String tls = String.join("\n", log.lines().filter(l -> l.startsWith("tls.c")).toList());
    return new Outcome(r.exitCode() == 0, r.transcript() + "\n--- TDSDUMP tls.c ---\n" + tls);
  }

  /** jctds through the same section: empty when it connected, else why it refused. */
  private static Optional<Reason> jctds(TdsServer server) throws IOException {
    Path conf =
        Files.writeString(dir.resolve("jctds-" + RUNS.incrementAndGet() + ".conf"), conf(server));
    ConfigResolver resolver =
        ConfigResolver.builder()
            .environment(Map.of("FREETDSCONF", conf.toString()))
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(dir.resolve("none"))
            .build();
    ConnectOptions options =
        ConnectOptions.builder()
            .user("sa")
            .password(PASSWORD)
            .loginTimeout(20)
            .configResolver(resolver)
            .build();
    Throwable t =
        catchThrowable(
            () -> {
              try (Connection c = Jctds.connect("rules", options)) {
                assertThat(c.encryption().isCertificateValidated()).isTrue();
              }
            });
    if (t == null) {
      return Optional.empty();
    }
    return Optional.of(
        TlsValidationException.findIn(t)
            .orElseThrow(() -> new AssertionError("not a validation failure: " + t, t))
            .reason());
  }
}
