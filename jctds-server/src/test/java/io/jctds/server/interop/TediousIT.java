package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.Peers;
import io.jctds.testkit.Precondition;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where query.js and its node_modules are (a system property lets a run point elsewhere). */
  private static final Path DIR =
      Path.of(System.getProperty("jctds.tedious.dir", "../interop/tedious"));

  @RegisterExtension
  static final Precondition TEDIOUS =
      Precondition.executable("node", "Node.js 20 (apt-get install nodejs npm)")
          .and(
              Precondition.of(
                  () ->
                      Files.isDirectory(DIR.resolve("node_modules/tedious"))
                          ? Optional.empty()
                          : Optional.of(
                              "tedious is not installed in "
                                  + DIR.toAbsolutePath().normalize()
                                  + ": npm ci --prefix interop/tedious")));

  @TempDir static Path tmp;

  private static Path node;
  private static Path script;
  private static TdsServer on;
  private static Path serverCa;

  @BeforeAll
  static void start() {
    node = Peers.onPath("node").orElseThrow();
    script = DIR.resolve("query.js").toAbsolutePath();
    on = Interop.start(EncryptionPolicy.ON);
    serverCa = Interop.writePem(Interop.authority().certificate(), tmp.resolve("server-ca.pem"));
  }

  @AfterAll
  static void stop() {
    if (on != null) {
      on.close();
    }
  }

  /** Options for query.js: the test login and query, plus {@code extra}. */
  private static ObjectNode options(TdsServer server, String password) {
    ObjectNode o = JSON.createObjectNode();
    o.put("host", "127.0.0.1");
    o.put("port", server.port());
    o.put("user", Interop.USER);
    o.put("password", password);
    o.put("database", "master");
    o.put("query", Interop.QUERY);
    return o;
  }

  /** query.js's JSON line, and the transcript for failure messages. */
  private record Outcome(ProcessResult process, JsonNode json) {
    ConnectionRow row() {
      JsonNode rows = json.path("rows");
      assertThat(rows.size()).as(process.transcript()).isEqualTo(1);
      List<String> values = new ArrayList<>();
      rows.get(0).forEach(v -> values.add(v.asText()));
      return ConnectionRow.of(values);
    }

    List<Integer> messageNumbers() {
      List<Integer> numbers = new ArrayList<>();
      json.path("messages").forEach(m -> numbers.add(m.path("number").asInt()));
      return numbers;
    }
  }

  private static Outcome run(ObjectNode options) throws Exception {
    ProcessResult r =
        ProcessRunner.of(node.toString(), script.toString(), JSON.writeValueAsString(options))
            .env("NODE_NO_WARNINGS", "1") // tedious gives Node an IP as TLS server name
            .timeout(Interop.PEER_TIMEOUT)
            .run();
    String line = r.stdout().strip();
    JsonNode json = line.isEmpty() ? JSON.createObjectNode() : JSON.readTree(line);
    return new Outcome(r, json);
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
