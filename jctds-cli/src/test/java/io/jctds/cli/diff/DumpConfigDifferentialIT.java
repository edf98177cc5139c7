package io.jctds.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.testkit.FreeTdsEnvironment;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TDSDUMPCONFIG's special values and append mode, Debian's tsql against {@code jctds config} (both
 * one resolution per process; FREETDS.md 5.1; FreeTDS {@code config.c} {@code
 * tds_read_config_info}, {@code log.c} {@code tdsdump_open}): {@code stdout} writes to standard
 * output and creates no file; an empty value writes {@code /tmp/tdsconfig.log.<pid>}; {@code dump
 * file append = yes} is read after the log was opened, so a process's first (here: only) resolution
 * still truncates.
 */
class DumpConfigDifferentialIT {
  private static final String MARKER = "Final connection parameters:";

  @TempDir Path dir;
  Path tsql;
  Path jar;
  Path conf;

  @BeforeEach
  void setUp() throws Exception {
    Optional<Path> found = TsqlRunner.locate();
    assertThat(found).as("tsql on the PATH (.ci/run installs freetds-bin)").isPresent();
    tsql = found.get();
    String j = System.getProperty("jctds.jar");
    assertThat(j).as("system property jctds.jar (set by failsafe)").isNotBlank();
    jar = Path.of(j);
    conf = Files.writeString(dir.resolve("freetds.conf"), "[global]\n\tdump file append = yes\n");
  }

  private ProcessResult run(List<String> command, String server, String dumpConfig) {
    List<String> cmd = new ArrayList<>(command);
    cmd.add(server);
    if (cmd.get(0).equals(tsql.toString())) {
      cmd.addAll(List.of("-U", "u", "-P", "p"));
    }
    return ProcessRunner.of(cmd)
        .unsetEnv(FreeTdsEnvironment.VARIABLES.toArray(String[]::new))
        .unsetEnv("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")
        .env(Map.of("FREETDSCONF", conf.toString(), "TDSDUMPCONFIG", dumpConfig))
        .directory(dir)
        .timeout(Duration.ofSeconds(60))
        .run();
  }

  private List<List<String>> sides() {
    return List.of(
        List.of(tsql.toString(), "-S"),
        List.of(
            JctdsConfigRunner.javaLauncher().toString(),
            "-jar",
            jar.toString(),
            "config",
            "--server"));
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  @Test
  void stdoutIsStandardOutputNotAFile() {
    for (List<String> side : sides()) {
      ProcessResult r = run(side, "127.0.0.1:9", "stdout");
      assertThat(count(r.stdout(), MARKER)).as(side.get(0)).isEqualTo(1);
      assertThat(dir.resolve("stdout")).as(side.get(0)).doesNotExist();
    }
  }

  @Test
  void aProcessFirstResolutionTruncatesEvenInAppendMode() throws Exception {
    for (List<String> side : sides()) {
      Path log = dir.resolve("log-" + Path.of(side.get(0)).getFileName() + ".txt");
      Files.writeString(log, "older text\n");
      run(side, "127.0.0.1:9", log.toString());
      String text = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(text).as(side.get(0)).doesNotContain("older text");
      assertThat(count(text, MARKER)).as(side.get(0)).isEqualTo(1);
    }
  }

  @Test
  void emptyMeansTmpTdsconfigLogPid() throws Exception {
    for (List<String> side : sides()) {
      String server = "127.0.0.1:" + (20000 + (int) (ProcessHandle.current().pid() % 20000));
      List<Path> before = tmpLogs();
      run(side, server, "");
      List<Path> created = new ArrayList<>(tmpLogs());
      created.removeAll(before);
      List<Path> ours = new ArrayList<>();
      for (Path p : created) {
        if (Files.readString(p, StandardCharsets.UTF_8).contains("[" + server + "]")) {
          ours.add(p);
        }
      }
      assertThat(ours).as(side.get(0)).hasSize(1);
      assertThat(ours.get(0).getFileName().toString()).matches("tdsconfig\\.log\\.[0-9]+");
      Files.delete(ours.get(0));
    }
  }

  private static List<Path> tmpLogs() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("/tmp"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("tdsconfig.log.")).toList();
    }
  }
}
