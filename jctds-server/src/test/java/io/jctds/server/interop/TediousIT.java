package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.TediousPeer.Outcome;
import io.jctds.testkit.Precondition;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tedious (the version pinned by interop/tedious/package-lock.json) on Node.js against the embedded
 * server, through {@code interop/tedious/query.js}. tedious sends PRELOGIN NOT_SUP for {@code
 * encrypt: false} (plain session), ON for {@code true}, and for {@code 'strict'} does TDS 8.0 (TLS
 * first, ALPN {@code tds/8.0}, certificate validated).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TediousIT {
  @RegisterExtension static final Precondition TEDIOUS = TediousPeer.precondition();

  @TempDir static Path tmp;

  private static TdsServer on;
  private static Path serverCa;

  @BeforeAll
  static void start() {
    on = Interop.start(EncryptionPolicy.ON);
    serverCa = Interop.writePem(Interop.authority().certificate(), tmp.resolve("server-ca.pem"));
  }

  @AfterAll
  static void stop() {
    if (on != null) {
      on.close();
    }
  }

  /** Options for query.js: the test login and query. */
  private static ObjectNode options(TdsServer server, String password) {
    return TediousPeer.options(server, Interop.USER, password);
  }

  private static Outcome run(ObjectNode options) throws Exception {
    return TediousPeer.run(options);
  }

  private static void assertConnects(ObjectNode options, ConnectionRow expected) throws Exception {
    Outcome o = run(options);
    assertThat(o.process().exitCode()).as(o.process().transcript()).isZero();
    assertThat(o.row()).as(o.process().transcript()).isEqualTo(expected);
  }

  /**
   * A connection refused as tedious reports it: exit 2, tedious's error code and the Node error
   * behind it ({@code cause}: e.g. SELF_SIGNED_CERT_IN_CHAIN, which only a completed certificate
   * check gives, or ECONNRESET), as seen in its real output.
   */
  private static void assertFails(ObjectNode options, String code, String cause) throws Exception {
    Outcome o = run(options);
    assertThat(o.process().exitCode()).as(o.process().transcript()).isEqualTo(2);
    JsonNode error = o.json().path("error");
    assertThat(error.path("code").asText()).as(o.process().transcript()).isEqualTo(code);
    assertThat(error.path("cause").asText()).as(o.process().transcript()).isEqualTo(cause);
  }

  @Test
  void encryptFalseIsPlain() throws Exception {
    assertConnects(
        options(on, Interop.PASSWORD).put("encrypt", false), ConnectionRow.NOT_ENCRYPTED);
  }

  @ParameterizedTest(name = "tdsVersion {0}, encrypt true, trustServerCertificate")
  @ValueSource(strings = {"7_1", "7_2", "7_3_A", "7_3_B", "7_4"})
  void encryptTrueTrustingTheServerCertificate(String tdsVersion) throws Exception {
    ObjectNode o =
        options(on, Interop.PASSWORD)
            .put("encrypt", true)
            .put("trustServerCertificate", true)
            .put("tdsVersion", tdsVersion);
    assertConnects(o, ConnectionRow.ENCRYPTED);
  }

  @Test
  void encryptTrueValidatingWithTheCa() throws Exception {
    ObjectNode o =
        options(on, Interop.PASSWORD).put("encrypt", true).put("caFile", serverCa.toString());
    assertConnects(o, ConnectionRow.ENCRYPTED);
  }

  @Test
  void strictWithTheCa() throws Exception {
    ObjectNode o =
        options(on, Interop.PASSWORD).put("encrypt", "strict").put("caFile", serverCa.toString());
    assertConnects(o, ConnectionRow.ENCRYPTED);
  }

  @Test
  void strictRejectsACertificateFromAnotherCa() throws Exception {
    Path other = Interop.writePem(Interop.unrelatedCa(), tmp.resolve("unrelated.pem"));
    ObjectNode o =
        options(on, Interop.PASSWORD)
            .put("encrypt", "strict")
            .put("trustServerCertificate", true)
            .put("caFile", other.toString());
    assertFails(o, "ESOCKET", "SELF_SIGNED_CERT_IN_CHAIN");
    assertConnects(
        options(on, Interop.PASSWORD).put("encrypt", false), ConnectionRow.NOT_ENCRYPTED);
  }

  @Test
  void policyStrictServesStrictClients() throws Exception {
    try (TdsServer strict = Interop.start(EncryptionPolicy.STRICT)) {
      ObjectNode o =
          options(strict, Interop.PASSWORD)
              .put("encrypt", "strict")
              .put("caFile", serverCa.toString());
      assertConnects(o, ConnectionRow.ENCRYPTED);
      // the server closes a TDS 7.x PRELOGIN unanswered, as a crash would: so it must still serve
      assertFails(
          options(strict, Interop.PASSWORD)
              .put("encrypt", true)
              .put("trustServerCertificate", true),
          "ESOCKET",
          "ECONNRESET");
      assertConnects(o, ConnectionRow.ENCRYPTED);
    }
  }

  @Test
  void wrongPasswordIsLoginFailed() throws Exception {
    Outcome o = run(options(on, "nope").put("encrypt", true).put("trustServerCertificate", true));
    assertThat(o.process().exitCode()).as(o.process().transcript()).isEqualTo(2);
    assertThat(o.json().path("error").path("code").asText()).isEqualTo("ELOGIN");
    assertThat(o.messageNumbers()).as(o.process().transcript()).contains(Interop.LOGIN_FAILED);
    assertConnects(
        options(on, Interop.PASSWORD).put("encrypt", false), ConnectionRow.NOT_ENCRYPTED);
  }
}
