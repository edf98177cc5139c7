package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results stream: a client JVM with a 64 MB heap reads ten million rows with fetchOne from the
 * embedded server (which runs in this JVM) and finishes. Not timed: it passes by not running out of
 * memory (a client that kept the rows would need several hundred MB for their Row objects alone).
 * The sum checks that every row was read: 1 + 2 + ... + n = n(n + 1)/2.
 */
class StreamingHeapIT {
  private static final long N = 10_000_000L;

  @TempDir Path dir;

  @Test
  void tenMillionRowsWithFetchOneFitIn64MegabytesOfHeap() throws Exception {
    try (TdsServer server =
        TdsServer.builder().port(0).encryption(EncryptionPolicy.OFF).user("sa", "pw").build()) {
      server.start();
      Path conf =
          Files.writeString(
              dir.resolve("freetds.conf"),
              "[s]\nhost = 127.0.0.1\nport = " + server.port() + "\ntds version = 7.4\n");
      Path out = dir.resolve("child.out");
      Process p =
          new ProcessBuilder(
                  ChildJvm.smallHeap(StreamingMain.class, conf.toString(), Long.toString(N)))
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
      assertThat(output).contains("rows=" + N + " sum=" + N * (N + 1) / 2);
    }
  }
}
