package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bin/jctds} launcher run by {@code sh} as a user runs it: it passes arguments and
 * output through unchanged, records a class-data sharing archive on the first run of a kind and
 * maps it on later runs (the JVM's own class-loading log says where each class came from), throws
 * away a half-written archive instead of crashing the JVM on it, and says what is missing.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "jctds").toAbsolutePath().normalize();
  private static Path jar;
  private static List<String> versionLines;

  @TempDir Path cache;

  @BeforeAll
  static void jar() {
    jar = Path.of(System.getProperty("jctds.jar", "target/jctds.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar (mvn package)").exists();
    assertThat(LAUNCHER).exists();
    versionLines =
        List.of(
            "jctds " + JctdsCommand.version(),
            "Java "
                + System.getProperty("java.version")
                + " ("
                + System.getProperty("java.vendor")
                + ")");
  }

  /** A finished run of the launcher. */
  record Run(int code, List<String> out, String err) {}

  private ProcessBuilder launcher(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JCTDS_JAR", jar.toString());
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().remove("JCTDS_JAVA_OPTS");
    pb.environment().remove("JCTDS_CDS");
    pb.environment().putAll(env);
    return pb;
  }

  private Run launch(Map<String, String> env, String... args) {
    ProcessBuilder pb = launcher(env, args);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the launcher did not end: " + pb.command());
      }
      return new Run(
          p.exitValue(),
          new String(out, StandardCharsets.UTF_8).lines().toList(),
          new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private List<String> archives() {
    Path dir = cache.resolve("jctds");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void firstRunRecordsLaterRunsMapTheArchive() {
    Run first = launch(Map.of(), "--version");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo(versionLines);
    assertThat(first.err()).isEmpty();
    assertThat(archives()).singleElement().asString().matches("other-\\d+\\.jsa\\.tmp\\d+");

    Run second = launch(Map.of(), "--version");
    assertThat(second.out()).isEqualTo(versionLines);
    assertThat(second.err()).isEmpty();
    assertThat(archives()).singleElement().asString().matches("other-\\d+\\.jsa");

    Run logged = launch(Map.of("JCTDS_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
    assertThat(logged.code()).isZero();
    assertThat(logged.out())
        .anyMatch(l -> l.endsWith(" io.jctds.cli.Main source: shared objects file (top)"))
        .containsSubsequence(versionLines);
  }

  @Test
  void halfWrittenArchiveIsThrownAwayNotMapped() throws IOException {
    launch(Map.of(), "--version");
    Path tmp = cache.resolve("jctds").resolve(archives().get(0));
    byte[] whole = Files.readAllBytes(tmp);
    assertThat(whole.length).isGreaterThan(300_000);
    tmp.toFile().setWritable(true);
    Files.write(tmp, Arrays.copyOf(whole, 300_000)); // a JVM killed while writing

    Run next = launch(Map.of(), "--version");
    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.out()).isEqualTo(versionLines);
    assertThat(next.err()).isEmpty();
    assertThat(tmp).doesNotExist();
    assertThat(archives()).singleElement().asString().matches("other-\\d+\\.jsa\\.tmp\\d+");
  }

  @Test
  void eachKindOfRunHasItsOwnArchiveAndServerStopsCleanly() throws Exception {
    launch(Map.of(), "--version");
    ProcessBuilder pb =
        launcher(
            Map.of(), "server", "--port", "0", "--encryption", "off", "--password", "Launcher1!");
    pb.redirectError(cache.resolve("server.stderr").toFile());
    Process p = pb.start();
    try {
      String ready =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(ready).matches(ServerProcess.LISTENING.pattern());
      p.destroy(); // SIGTERM to the launcher's process, which is the JVM (exec)
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(archives())
        .hasSize(2)
        .anyMatch(f -> f.matches("other-\\d+\\.jsa\\.tmp\\d+"))
        .anyMatch(f -> f.matches("server-\\d+\\.jsa\\.tmp\\d+"));
  }

  @Test
  void cdsOffRecordsNothing() {
    Run r = launch(Map.of("JCTDS_CDS", "off"), "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(versionLines);
    assertThat(archives()).isEmpty();
  }

  @Test
  void missingJarSaysHowToBuildIt() {
    Run r = launch(Map.of("JCTDS_JAR", cache.resolve("nowhere.jar").toString()), "--version");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "jctds: cannot find jctds.jar (build it with: mvn -DskipTests package, or set"
                + " JCTDS_JAR)\n");
  }
}
