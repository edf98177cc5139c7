package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * tedious (the version pinned by interop/tedious/package-lock.json) run on Node.js through {@code
 * interop/tedious/query.js}: one JSON object of options in, one JSON line out.
 */
final class TediousPeer {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where query.js and its node_modules are (a system property lets a run point elsewhere). */
  static final Path DIR = Path.of(System.getProperty("jctds.tedious.dir", "../interop/tedious"));

  private TediousPeer() {}

  /** Node.js on the PATH and tedious installed by {@code npm ci}: else the test class fails. */
  static Precondition precondition() {
    return Precondition.executable("node", "Node.js 20 (apt-get install nodejs npm)")
        .and(
            Precondition.of(
                () ->
                    Files.isDirectory(DIR.resolve("node_modules/tedious"))
                        ? Optional.empty()
                        : Optional.of(
                            "tedious is not installed in "
                                + DIR.toAbsolutePath().normalize()
                                + ": npm ci --prefix interop/tedious")));
  }

  /** Options for query.js: {@code user} and {@code password} on {@code server}, the test query. */
  static ObjectNode options(TdsServer server, String user, String password) {
    ObjectNode o = JSON.createObjectNode();
    o.put("host", "127.0.0.1");
    o.put("port", server.port());
    o.put("user", user);
    o.put("password", password);
    o.put("database", "master");
    o.put("query", Interop.QUERY);
    return o;
  }

  /** query.js's JSON line, and the process (its transcript for failure messages). */
  record Outcome(ProcessResult process, JsonNode json) {
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

  static Outcome run(ObjectNode options) throws Exception {
    ProcessResult r =
        ProcessRunner.of(
                Peers.onPath("node").orElseThrow().toString(),
                DIR.resolve("query.js").toAbsolutePath().toString(),
                JSON.writeValueAsString(options))
            .env("NODE_NO_WARNINGS", "1") // tedious gives Node an IP as TLS server name
            .timeout(Interop.PEER_TIMEOUT)
            .run();
    String line = r.stdout().strip();
    JsonNode json = line.isEmpty() ? JSON.createObjectNode() : JSON.readTree(line);
    return new Outcome(r, json);
  }
}
