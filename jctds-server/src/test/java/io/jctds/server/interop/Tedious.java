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

    /** A statement through Connection.execSql (an RPC of sp_executesql) on {@code session}. */
    Steps sql(int session, String sql) {
      list.addObject().put("session", session).put("sql", sql);
      sessions = Math.max(sessions, session + 1);
      return this;
    }

    /** A SQL batch message (Connection.execSqlBatch) on session 0. */
    Steps batch(String sql) {
      list.addObject().put("session", 0).put("batch", sql);
      return this;
    }

    /** A SQL batch (execSqlBatch) on {@code session}. */
    Steps batch(int session, String sql) {
      list.addObject().put("session", session).put("batch", sql);
      sessions = Math.max(sessions, session + 1);
      return this;
    }

    /**
     * Connection.callProcedure of {@code name} (an RPC by name) on session 0 with {@code params}.
     */
    Steps proc(String name, Param... params) {
      ObjectNode step = list.addObject().put("session", 0).put("proc", name);
      ArrayNode ps = step.putArray("params");
      for (Param p : params) {
        ObjectNode o = ps.addObject().put("name", p.name()).put("type", p.type());
        o.set("value", JSON.valueToTree(p.value()));
        o.put("output", p.output());
        if (p.precision() != null) {
          o.put("precision", p.precision()).put("scale", p.scale());
        }
      }
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

    /** execSql with parameters (tedious sends it as sp_executesql). */
    Steps sql(int session, String sql, ArrayNode params) {
      list.addObject().put("session", session).put("sql", sql).set("params", params);
      sessions = Math.max(sessions, session + 1);
      return this;
    }

    /** callProcedure: an RPC by name with these parameters. */
    Steps proc(int session, String name, ArrayNode params) {
      list.addObject().put("session", session).put("proc", name).set("params", params);
      sessions = Math.max(sessions, session + 1);
      return this;
    }

    /**
     * Connection.newBulkLoad + execBulkLoad of {@code rows} into {@code table} on session 0: {@code
     * columns} as objects {name, type (a TYPES name), length, precision, scale, nullable}, values
     * as {@link #params} takes them; {@code options} as newBulkLoad's (keepNulls, ...), may be
     * null. Records {"bulk": rowCount}.
     */
    Steps bulk(String table, ArrayNode columns, ArrayNode rows, ObjectNode options) {
      ObjectNode step = list.addObject().put("session", 0).put("bulk", table);
      step.set("columns", columns);
      step.set("rows", rows);
      if (options != null) {
        step.set("options", options);
      }
      return this;
    }

    /**
     * Connection.reset on {@code session}: tedious's initial SQL batch with the RESETCONNECTION
     * bit. Records {"resetConnection": true} when the ENVCHANGE 18 came.
     */
    Steps reset(int session) {
      list.addObject().put("session", session).put("reset", true);
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

  /** A new, empty parameter list. */
  static ArrayNode params() {
    return JSON.createArrayNode();
  }

  /**
   * Adds a parameter: {@code type} is a tedious TYPES name; {@code value} a String, Number,
   * Boolean, null, byte[] (sent as a Buffer) or a {@code {"iso", "ticks"}} node for a Date.
   */
  static ObjectNode param(ArrayNode list, String name, String type, Object value) {
    ObjectNode p = list.addObject().put("name", name).put("type", type);
    p.set("value", JSON.valueToTree(value instanceof byte[] b ? hexNode(b) : value));
    return p;
  }

  private static ObjectNode hexNode(byte[] b) {
    return JSON.createObjectNode().put("hex", java.util.HexFormat.of().formatHex(b));
  }

  /** A Date parameter value: the ISO instant and the 100 ns ticks below its millisecond. */
  static ObjectNode date(java.time.Instant at) {
    return JSON.createObjectNode()
        .put("iso", at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString())
        .put("ticks", (at.getNano() % 1_000_000) / 100);
  }

  /**
   * A parameter of a {@link Steps#proc} step.
   *
   * @param name its name without {@code @} (tedious adds it)
   * @param type the tedious TYPES name (Int, NVarChar, Decimal, ...)
   * @param value its value (JSON-encoded), null for NULL
   * @param output whether it is an output parameter (addOutputParameter)
   * @param precision a decimal's precision, or null
   * @param scale a decimal's scale, or null
   */
  record Param(
      String name, String type, Object value, boolean output, Integer precision, Integer scale) {
    /** An input parameter. */
    static Param in(String name, String type, Object value) {
      return new Param(name, type, value, false, null, null);
    }

    /** An output parameter of a decimal type. */
    static Param outDecimal(String name, int precision, int scale) {
      return new Param(name, "Decimal", null, true, precision, scale);
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

    /** The kinds of the events, in order (columns, row, done, doneInProc, doneProc, ...). */
    List<String> kinds() {
      List<String> kinds = new ArrayList<>();
      events.forEach(e -> kinds.add(e.fieldNames().next()));
      return kinds;
    }

    /** The events of {@code kind}, in order. */
    List<JsonNode> all(String kind) {
      List<JsonNode> out = new ArrayList<>();
      events.forEach(
          e -> {
            if (e.has(kind)) {
              out.add(e.get(kind));
            }
          });
      return out;
    }

    /** The error numbers, in order. */
    List<Integer> errorNumbers() {
      return messages("error").stream().map(m -> m.get("number").asInt()).toList();
    }

    /** The output parameters (name without @ as tedious gives it, to value), in order. */
    java.util.Map<String, Object> returnValues() {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      events.forEach(
          e -> {
            if (e.has("returnValue")) {
              out.put(
                  e.get("returnValue").get("name").asText(),
                  value(e.get("returnValue").get("value")));
            }
          });
      return out;
    }

    /** The return statuses of the DONEPROCs that carried one. */
    List<Integer> returnStatuses() {
      List<Integer> out = new ArrayList<>();
      events.forEach(
          e -> {
            if (e.has("doneProc") && !e.get("doneProc").get("returnStatus").isNull()) {
              out.add(e.get("doneProc").get("returnStatus").asInt());
            }
          });
      return out;
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
    return run(server, tdsVersion, steps, o -> {});
  }

  /** Runs {@code steps}; {@code options} may add connection options (encrypt, caFile, ...). */
  List<Step> run(
      TdsServer server,
      String tdsVersion,
      Steps steps,
      java.util.function.Consumer<ObjectNode> options) {
    ObjectNode o = JSON.createObjectNode();
    o.put("encrypt", false);
    return run(o, server, tdsVersion, steps, options);
  }

  /**
   * Runs {@code steps} against {@code server}, with TLS ({@code encrypt: true}, trusting the
   * server's certificate) or without.
   */
  List<Step> run(TdsServer server, String tdsVersion, boolean encrypt, Steps steps) {
    return run(server, tdsVersion, steps, o -> o.put("encrypt", encrypt));
  }

  private List<Step> run(
      ObjectNode o,
      TdsServer server,
      String tdsVersion,
      Steps steps,
      java.util.function.Consumer<ObjectNode> options) {
    o.put("host", "127.0.0.1");
    o.put("port", server.port());
    o.put("user", Interop.USER);
    o.put("password", Interop.PASSWORD);
    o.put("database", "master");
    if (tdsVersion != null) {
      o.put("tdsVersion", tdsVersion);
    }
    options.accept(o);
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
