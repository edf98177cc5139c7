package io.jctds.cli.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jctds.testkit.FreeTdsEnvironment;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code java -jar jctds.jar config --server NAME --json} in a fresh JVM with a controlled
 * environment and a hard timeout, and parses its JSON.
 */
public final class JctdsConfigRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path jar;
  private final Duration timeout;

  /** A runner for this executable jar. */
  public JctdsConfigRunner(Path jar, Duration timeout) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "jctds jar not found at "
              + jar
              + "; build it with: cd jctds-cli && mvn -q -B -DskipTests package");
    }
    this.jar = jar;
    this.timeout = timeout;
  }

  /** The java launcher of the running JVM. */
  static Path javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * Resolves {@code server} with {@code jctds config --json}.
   *
   * @param server the name for {@code --server}
   * @param env the environment (FreeTDS's variables are otherwise removed)
   * @param explicitFile a file for {@code --file}, or null
   * @param userHome a directory for {@code -Duser.home}, or null for the real home
   */
  public JctdsRun resolve(
      String server, Map<String, String> env, Path explicitFile, Path userHome) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaLauncher().toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xshare:auto");
    if (userHome != null) {
      cmd.add("-Duser.home=" + userHome);
    }
    cmd.addAll(List.of("-jar", jar.toString(), "config", "--server", server, "--json"));
    if (explicitFile != null) {
      cmd.add("--file");
      cmd.add(explicitFile.toString());
    }
    ProcessResult r =
        ProcessRunner.of(cmd)
            .unsetEnv(FreeTdsEnvironment.VARIABLES.toArray(String[]::new))
            .unsetEnv("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")
            .env(env)
            .timeout(timeout)
            .run();
    JsonNode json = null;
    String parseError = null;
    if (r.exitCode() == 0) {
      try {
        json = JSON.readTree(r.stdout());
      } catch (JsonProcessingException e) {
        parseError = e.getOriginalMessage();
      }
    }
    return new JctdsRun(r, json, parseError);
  }

  /**
   * One jctds run.
   *
   * @param process the process transcript
   * @param json the parsed standard output when the exit code was 0, else null
   * @param jsonError why standard output was not JSON, or null
   */
  public record JctdsRun(ProcessResult process, JsonNode json, String jsonError) {}
}
