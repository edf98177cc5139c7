package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.TdsServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: "a 10M-row ResultSet reads in a 64 MB heap" — results stream by default. A child JVM
 * with -Xmx64m (and -XX:+ExitOnOutOfMemoryError) reads 10,000,000 rows of jctds_bench_rows through
 * a forward-only ResultSet; the sums follow README's formulas (id x, big x × 1,000,003).
 */
class LargeResultSetIT {
  private static final long N = 10_000_000;

  @Test
  void tenMillionRowsStreamThroughA64MbHeap() throws Exception {
    try (TdsServer server = JdbcServer.start()) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", classPath()));
      cmd.addAll(
          List.of(
              LargeResultMain.class.getName(), Integer.toString(server.port()), Long.toString(N)));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      boolean done = p.waitFor(10, TimeUnit.MINUTES);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!done) {
        p.destroyForcibly();
      }
      assertThat(done).as("the child finished").isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      long ids = N * (N + 1) / 2;
      long bigs = ids * 1_000_003L; // long arithmetic wraps the same way in the child
      assertThat(out.trim()).endsWith("rows " + N + " ids " + ids + " bigs " + bigs);
    }
  }

  private static String classPath() {
    List<String> path = new ArrayList<>();
    for (String key : new String[] {"java.class.path", "jdk.module.path"}) {
      String v = System.getProperty(key);
      if (v != null && !v.isEmpty()) {
        path.add(v);
      }
    }
    return String.join(File.pathSeparator, path);
  }
}
