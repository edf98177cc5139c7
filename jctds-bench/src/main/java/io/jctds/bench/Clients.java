package io.jctds.bench;

import java.util.List;

/** The clients compared, by the name the harness and its table use. */
final class Clients {
  static final List<String> ALL =
      List.of(
          "jctds",
          "mssql-jdbc",
          "mssql-jdbc-tuned",
          "jtds",
          "jtds-tuned",
          "vertx",
          "bsqldb",
          "freebcp",
          "socket-ceiling");

  /** The server JVM's ceiling port (set in the client JVM from its arguments). */
  static int ceilingPort;

  private Clients() {}

  static BenchClient connect(String name, Target t) throws Exception {
    return switch (name) {
      case "jctds" -> new JctdsClient(t);
      case "mssql-jdbc" -> JdbcClient.mssql(t, false);
      case "mssql-jdbc-tuned" -> JdbcClient.mssql(t, true);
      case "jtds" -> JdbcClient.jtds(t, false);
      case "jtds-tuned" -> JdbcClient.jtds(t, true);
      case "vertx" -> new VertxClient(t);
      case "bsqldb", "freebcp" -> new FreeTdsClient(t, name);
      case "socket-ceiling" -> new Ceiling.Client(t, ceilingPort);
      default -> throw new IllegalArgumentException("unknown client " + name);
    };
  }

  /**
   * Whether the client runs the scenario: the tuned variants only where their settings change
   * something (parameterised inserts), jTDS not for bulk (it has no bulk copy API).
   */
  static boolean runs(String name, Scenario s) {
    if (name.equals("socket-ceiling")) {
      return s == Scenario.FETCH || s == Scenario.BLOBS;
    }
    if (name.equals("bsqldb")) {
      // 1.3.17 cannot print datetime2 or uniqueidentifier (jctds_bench_rows has both); casting
      // them would take the server off its streamed path and measure the server
      return s == Scenario.BLOBS || s == Scenario.SELECT1 || s == Scenario.CONNECT;
    }
    if (name.equals("freebcp")) {
      return s == Scenario.BULK;
    }
    if (name.endsWith("-tuned")) {
      return s == Scenario.INSERT;
    }
    return !((name.equals("jtds") || name.equals("vertx")) && s == Scenario.BULK);
  }

  /** Figures not comparable with the others, and why. */
  static String caveat(String name, Scenario s) {
    if (name.equals("socket-ceiling")) {
      return "the same byte volume over a bare loopback socket (JDK TLS when TLS): no client can beat it";
    }
    if (name.equals("bsqldb") && s == Scenario.CONNECT) {
      return "a process per connect: exec and loading FreeTDS included";
    }
    if (name.equals("bsqldb")) {
      return "a process: timed by the server between two time-asking batches around the work;"
          + " output printed as text into a file";
    }
    if (name.equals("freebcp")) {
      return "a process: its start-up, login and an empty load (median of 3) subtracted;"
          + " a character file (-c) written beforehand";
    }
    if (name.startsWith("jtds") && (s == Scenario.FETCH || s == Scenario.QUERIES)) {
      return "TDS 7.1: datetime2 arrives as nvarchar text";
    }
    return "";
  }
}
