package io.jctds.bench;

import java.util.List;

/** The clients compared, by the name the harness and its table use. */
final class Clients {
  static final List<String> ALL =
      List.of("jctds", "mssql-jdbc", "mssql-jdbc-tuned", "jtds", "jtds-tuned");

  private Clients() {}

  static BenchClient connect(String name, Target t) throws Exception {
    return switch (name) {
      case "jctds" -> new JctdsClient(t);
      case "mssql-jdbc" -> JdbcClient.mssql(t, false);
      case "mssql-jdbc-tuned" -> JdbcClient.mssql(t, true);
      case "jtds" -> JdbcClient.jtds(t, false);
      case "jtds-tuned" -> JdbcClient.jtds(t, true);
      default -> throw new IllegalArgumentException("unknown client " + name);
    };
  }

  /**
   * Whether the client runs the scenario: the tuned variants only where their settings change
   * something (parameterised inserts), jTDS not for bulk (it has no bulk copy API).
   */
  static boolean runs(String name, Scenario s) {
    if (name.endsWith("-tuned")) {
      return s == Scenario.INSERT;
    }
    return !(name.equals("jtds") && s == Scenario.BULK);
  }

  /** Figures not comparable with the others, and why. */
  static String caveat(String name, Scenario s) {
    if (name.startsWith("jtds") && (s == Scenario.FETCH || s == Scenario.QUERIES)) {
      return "TDS 7.1: datetime2 arrives as nvarchar text";
    }
    return "";
  }
}
