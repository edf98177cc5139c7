package io.jctds.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end with tiny sizes (not a measurement, nothing timed): a server JVM, a JVM
 * per client and scenario, every client's checksum checked by its JVM (a client that read wrong
 * values, or fewer, is a failure), and a table row for every client that runs each scenario.
 */
class HarnessSmokeIT {
  private static String run(String... args) throws Exception {
    StringBuilder report = new StringBuilder();
    Harness.Options o = Harness.Options.parse(args);
    assertThat(Harness.run(o, report)).as(report.toString()).isZero();
    return report.toString();
  }

  @Test
  void everyScenarioRunsForEveryClientWithEncryptionOff() throws Exception {
    String report = run("--smoke", "--encryption", "off");
    for (Scenario s : Scenario.values()) {
      assertThat(report).contains("## " + s.id + " (encryption off)");
      for (String c : Clients.ALL) {
        if (Clients.runs(c, s)) {
          assertThat(section(report, s.id + " (encryption off)")).contains("| " + c + " | ");
        }
      }
    }
    assertThat(report).doesNotContain("failed");
  }

  @Test
  void tlsScenariosRun() throws Exception {
    String report = run("--smoke", "--encryption", "tls", "--scenarios", "fetch,bulk");
    for (String s : List.of("fetch", "bulk")) {
      assertThat(section(report, s + " (TLS)")).contains("| jctds | ", "| mssql-jdbc | ");
    }
    assertThat(report).doesNotContain("failed");
  }

  private static String section(String report, String title) {
    int i = report.indexOf("## " + title);
    assertThat(i).as(title).isNotNegative();
    int j = report.indexOf("\n## ", i + 1);
    return j < 0 ? report.substring(i) : report.substring(i, j);
  }
}
