package io.jctds.cli.diff;

import io.jctds.testkit.FreeTdsEnvironment;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs FreeTDS's {@code tsql} as a configuration oracle: {@code tsql -S NAME -U u -P p} with {@code
 * TDSDUMPCONFIG} pointing at a file, standard input from {@code /dev/null} and a hard timeout.
 * Nothing needs to listen: the connection fails and only the dump matters.
 */
public final class TsqlRunner {

  /** The error FreeTDS raises for an invalid configuration (TDSECONF). */
  public static final int LOCAL_CONFIGURATION_ERROR = 20214;

  private static final Pattern ERROR = Pattern.compile("Error (\\d+) \\(severity \\d+\\)");
  private static final Pattern DEFAULT_CHARSET = Pattern.compile("using default charset \"(.*)\"");
  private static final Pattern SETTING = Pattern.compile("^\\s*([^:]+?): (.*)$");

  private final Path tsql;
  private final Duration timeout;

  /** A runner for this tsql executable. */
  public TsqlRunner(Path tsql, Duration timeout) {
    this.tsql = tsql;
    this.timeout = timeout;
  }

  /** The first executable {@code tsql} on PATH, if any. */
  public static Optional<Path> locate() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, "tsql");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** {@code tsql -C}: the compile-time settings as label → value. */
  public Map<String, String> compileTimeSettings() {
    ProcessResult r = ProcessRunner.of(tsql.toString(), "-C").timeout(timeout).run();
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    for (String line : r.stdout().lines().toList()) {
      Matcher m = SETTING.matcher(line);
      if (m.matches()) {
        settings.put(m.group(1).trim(), m.group(2).trim());
      }
    }
    return settings;
  }

  /**
   * Resolves {@code server} the way tsql does and returns its dump.
   *
   * @param server the name for {@code -S}
   * @param env variables for tsql (FreeTDS's own variables are otherwise removed)
   * @param dumpFile where TDSDUMPCONFIG is written (overwritten)
   * @param explicitFile a file for {@code -I}, or null
   */
  public TsqlRun resolve(String server, Map<String, String> env, Path dumpFile, Path explicitFile) {
    List<String> cmd =
        new ArrayList<>(List.of(tsql.toString(), "-S", server, "-U", "u", "-P", "p"));
    if (explicitFile != null) {
      cmd.add("-I");
      cmd.add(explicitFile.toString());
    }
    try {
      Files.deleteIfExists(dumpFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessResult r =
        ProcessRunner.of(cmd)
            .unsetEnv(FreeTdsEnvironment.VARIABLES.toArray(String[]::new))
            .env(env)
            .env("TDSDUMPCONFIG", dumpFile.toString())
            .timeout(timeout)
            .run();
    String dumpText;
    try {
      dumpText = Files.exists(dumpFile) ? Files.readString(dumpFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TsqlRun(r, FreeTdsDump.parse(dumpText), dumpText);
  }

  /**
   * One tsql run.
   *
   * @param process the process transcript
   * @param dump the parsed TDSDUMPCONFIG file
   * @param dumpText the raw TDSDUMPCONFIG file
   */
  public record TsqlRun(ProcessResult process, FreeTdsDump dump, String dumpText) {
    /** The FreeTDS error numbers tsql printed ({@code Error N (severity S)}). */
    public Set<Integer> errors() {
      Set<Integer> errors = new TreeSet<>();
      Matcher m = ERROR.matcher(process.stdout() + "\n" + process.stderr());
      while (m.find()) {
        errors.add(Integer.parseInt(m.group(1)));
      }
      return errors;
    }

    /** Whether FreeTDS refused the configuration (error 20214). */
    public boolean configurationError() {
      return errors().contains(LOCAL_CONFIGURATION_ERROR);
    }

    /** The client charset tsql itself chose from the locale ("using default charset"). */
    public Optional<String> defaultCharset() {
      Matcher m = DEFAULT_CHARSET.matcher(process.stdout());
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
  }
}
