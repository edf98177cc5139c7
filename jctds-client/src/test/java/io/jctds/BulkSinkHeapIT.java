package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk loads stream on both sides: a JVM with a 64 MB heap runs the embedded server and a client
 * that bulk-inserts ten million generated rows into {@code jctds_bench_sink} in one BulkLoadBCP
 * message (about 0.9 GB on the wire, some 88 bytes a row), and finishes. Not timed: it passes by
 * not running out of memory — a client that built the message, or a server that assembled it before
 * inserting, would need ten times the heap. The sink counts every row it decoded and type-checked,
 * so the count shows nothing was skipped.
 */
class BulkSinkHeapIT {
  private static final long N = 10_000_000L;

  @TempDir Path dir;

  @Test
  void tenMillionRowsStreamIntoTheSinkIn64MegabytesOfHeap() throws Exception {
    Path out = dir.resolve("child.out");
    Process p =
        new ProcessBuilder(ChildJvm.smallHeap(BulkSinkMain.class, Long.toString(N)))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    // a bound against a hung child only; the test does not measure time
    boolean ended = p.waitFor(20, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(ended).as(output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("inserted=" + N + " count=" + N + " maxHeapMB=");
  }
}
