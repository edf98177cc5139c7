package io.jctds.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar runs both ways NOTES-jmh.md documents: {@code java -jar} starts the harness, and
 * {@code org.openjdk.jmh.Main} finds the microbenchmarks, which needs the annotation processor's
 * META-INF/BenchmarkList (one line per benchmark method) and its generated classes in the jar.
 * Nothing is run or timed here.
 */
class BenchmarkJarIT {
  private static final String[] BENCHMARKS = {
    "io.jctds.bench.jmh.RowDecodeBench decode",
    "io.jctds.bench.jmh.RowDecodeBench decodeReadAll",
    "io.jctds.bench.jmh.FixedRowAllocBench decode",
    "io.jctds.bench.jmh.FixedRowAllocBench decodeReadInt",
    "io.jctds.bench.jmh.FixedRowAllocBench reused",
    "io.jctds.bench.jmh.FixedRowAllocBench reusedReadInt",
    "io.jctds.bench.jmh.PacketReassemblyBench reassemble",
    "io.jctds.bench.jmh.TlsUnwrapBench wrap",
    "io.jctds.bench.jmh.TlsUnwrapBench wrapUnwrap",
    "io.jctds.bench.jmh.ParamEncodeBench encode",
  };

  @Test
  void theShadedJarListsEveryBenchmarkAndKeepsTheHarnessAsMain() throws IOException {
    Path jar = Path.of("target", "jctds-bench.jar");
    assertThat(jar).exists();
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.jctds.bench.Harness");
      assertThat(j.getEntry("org/openjdk/jmh/Main.class")).isNotNull();
      ZipEntry list = j.getEntry("META-INF/BenchmarkList");
      assertThat(list).isNotNull();
      String text;
      try (InputStream in = j.getInputStream(list)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      // each line: "JMH S <len> <user class> S <len> <generated class> S <len> <method> ..."
      for (String b : BENCHMARKS) {
        String cls = b.substring(0, b.indexOf(' '));
        String method = b.substring(b.indexOf(' ') + 1);
        String generated = cls.replace("jmh.", "jmh.jmh_generated.") + "_" + method + "_jmhTest";
        assertThat(text).as(b).contains(" " + cls + " ").contains(" " + generated + " ");
        assertThat(j.getEntry(generated.replace('.', '/') + ".class")).as(generated).isNotNull();
      }
    }
  }
}
