package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jctds.server.TdsServer;
import io.jctds.testkit.Peers;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * tedious (pinned by interop/tedious/package-lock.json) driven through {@code
 * interop/tedious/steps.js}: a list of SQL batches and transaction requests on one or more
 * connections, answered with every token each step produced, in order.
 */
final class Tedious {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path node;
  private final Path script;

  private Tedious(Path node, Path script) {
    this.node = node;
    this.script = script;
  }

  /** tedious and Node.js; fails (CI) or skips when either is missing. */
  static Tedious find() {
    Path node = Peers.require("node", "Node.js 20 (apt-get install nodejs npm)");
    Path dir = Path.of(System.getProperty("jctds.tedious.dir", "../interop/tedious"));
    if (!Files.isDirectory(dir.resolve("node_modules/tedious"))) {
      Peers.missing(
          "tedious is not installed in "
              + dir.toAbsolutePath()
              + ": npm ci --prefix interop/tedious");
    }
    return new Tedious(node, dir.resolve("steps.js").toAbsolutePath());
  }

  /** The steps to run: SQL batches and transaction requests, each on a session (0-based). */
  static final class Steps {
    private final ArrayNode list = JSON.createArrayNode();
    private int sessions = 1;

    /** A SQL batch on session 0. */
    Steps sql(String sql) {
      return sql(0, sql);
    }

    /** A SQL batch (Connection.execSql) on {@code session}. */
    Steps sql(int session, String sql) {
      list.addObject().put("session", session).put("sql", sql);
      sessions = Math.max(sessions, session + 1);
      return this;
    }

    /** beginTransaction, commitTransaction or rollbackTransaction (a TM request). */
    Steps tx(int session, String what) {
      list.addObject().put("session", session).put("tx", what);
      sessions = Math.max(sessions, session + 1);
      return this;
    }

    /**
     * A transaction request with a name (commit, rollback, or "save" through saveTransaction) and,
     * for "begin", an isolation level (a key of tedious's ISOLATION_LEVEL), either may be null.
     */
    Steps tx(int session, String what, String name, String isolation) {
      ObjectNode step = list.addObject().put("session", session).put("tx", what);
      if (name != null) {
        step.put("name", name);
      }
      if (isolation != null) {
        step.put("isolation", isolation);
      }
      sessions = Math.max(sessions, session + 1);
      return this;
    }

    /** A SQL batch that Connection.cancel() cancels once its first INFO message arrived. */
    Steps cancelledSql(int session, String sql) {
      list.addObject().put("session", session).put("sql", sql).put("cancelOnInfo", true);
      sessions = Math.max(sessions, session + 1);
      return this;
    }
  }

  /**
   * What one step produced.
   *
   * @param events its tokens in order (see steps.js)
   * @param error the error that ended the request or transaction request, or null
   */
  record Step(JsonNode events, JsonNode error) {
    /** The rows of every result, in order, as {@link #value} converts them. */
    List<List<Object>> rows() {
      List<List<Object>> rows = new ArrayList<>();
      events.forEach(
          e -> {
            if (e.has("row")) {
              List<Object> row = new ArrayList<>();
              e.get("row").forEach(v -> row.add(value(v)));
              rows.add(row);
            }
          });
      return rows;
    }

    /** The column metadata of each result. */
    List<JsonNode> results() {
      List<JsonNode> results = new ArrayList<>();
      events.forEach(
          e -> {
            if (e.has("columns")) {
              results.add(e.get("columns"));
            }
          });
      return results;
    }

    /** The INFO ("info") or ERROR ("error") messages, in order. */
    List<JsonNode> messages(String kind) {
      List<JsonNode> messages = new ArrayList<>();
      events.forEach(
          e -> {
            if (e.has(kind)) {
              messages.add(e.get(kind));
            }
          });
      return messages;
    }

    /** The error numbers, in order. */
    List<Integer> errorNumbers() {
      return messages("error").stream().map(m -> m.get("number").asInt()).toList();
    }
  }

  /**
   * A value as the test compares it: integers as Long, other numbers as Double, strings, booleans,
   * null; a Buffer as its hex; a Date as its ISO text, plus {@code " +N ticks"} when tedious keeps
   * 100 ns ticks below the millisecond (time, datetime2, datetimeoffset).
   */
  static Object value(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.has("hex")) {
      return v.get("hex").asText();
    }
    if (v.has("iso")) {
      JsonNode ticks = v.get("ticks");
      return v.get("iso").asText() + (ticks.isNull() ? "" : " +" + ticks.asLong() + " ticks");
    }
    return v.asText();
  }

  /** Runs {@code steps} against {@code server} (plain TDS, the given version or tedious's). */
  List<Step> run(TdsServer server, String tdsVersion, Steps steps) {
    return run(server, tdsVersion, false, steps);
  }

  /**
   * Runs {@code steps} against {@code server}, with TLS ({@code encrypt: true}, trusting the
   * server's certificate) or without.
   */
  List<Step> run(TdsServer server, String tdsVersion, boolean encrypt, Steps steps) {
    ObjectNode o = JSON.createObjectNode();
    o.put("encrypt", encrypt);
    o.put("host", "127.0.0.1");
    o.put("port", server.port());
    o.put("user", Interop.USER);
    o.put("password", Interop.PASSWORD);
    o.put("database", "master");
    if (tdsVersion != null) {
      o.put("tdsVersion", tdsVersion);
    }
    o.put("sessions", steps.sessions);
    o.set("steps", steps.list);
    ProcessResult r;
    JsonNode out;
    try {
      r =
          ProcessRunner.of(node.toString(), script.toString(), JSON.writeValueAsString(o))
              .env("NODE_NO_WARNINGS", "1")
              .timeout(Interop.PEER_TIMEOUT)
              .run();
      String line = r.stdout().strip();
      out = line.isEmpty() ? JSON.createObjectNode() : JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(r.exitCode()).as(redacted(r)).isZero();
    List<Step> result = new ArrayList<>();
    out.path("steps")
        .forEach(
            s ->
                result.add(
                    new Step(s.get("events"), s.get("error").isNull() ? null : s.get("error"))));
    assertThat(result).as(redacted(r)).hasSize(steps.list.size());
    return result;
  }

  /** The transcript without the password (it is on the command line). */
  private static String redacted(ProcessResult r) {
    return r.transcript().replace(Interop.PASSWORD, "****");
  }
}
