package io.jctds.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an external program with a controlled environment, standard input from {@code /dev/null} and
 * a hard timeout: a process still running when the timeout expires is killed (with its descendants)
 * and {@link ProcessTimeoutException} is thrown. Reusable by every test that drives a real peer
 * (tsql, bsqldb, freebcp, the jctds jar).
 *
 * <pre>{@code
 * ProcessResult r = ProcessRunner.of("tsql", "-C").env("LC_ALL", "C.UTF-8")
 *     .timeout(Duration.ofSeconds(20)).run();
 * }</pre>
 */
public final class ProcessRunner {
  private static final File DEV_NULL = new File("/dev/null");

  private final List<String> command;
  private final Map<String, String> setEnv = new LinkedHashMap<>();
  private final Set<String> unsetEnv = new LinkedHashSet<>();
  private Path directory;
  private Duration timeout = Duration.ofSeconds(20);

  private ProcessRunner(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command line");
    }
    this.command = List.copyOf(command);
  }

  /** A runner for this command line (program first). */
  public static ProcessRunner of(String... command) {
    return new ProcessRunner(List.of(command));
  }

  /** A runner for this command line (program first). */
  public static ProcessRunner of(List<String> command) {
    return new ProcessRunner(command);
  }

  /** Sets an environment variable for the child (overrides the inherited value). */
  public ProcessRunner env(String name, String value) {
    unsetEnv.remove(name);
    setEnv.put(Objects.requireNonNull(name), Objects.requireNonNull(value, name));
    return this;
  }

  /** Sets every variable of the map for the child. */
  public ProcessRunner env(Map<String, String> variables) {
    variables.forEach(this::env);
    return this;
  }

  /** Removes inherited environment variables from the child's environment. */
  public ProcessRunner unsetEnv(String... names) {
    for (String name : names) {
      setEnv.remove(name);
      unsetEnv.add(name);
    }
    return this;
  }

  /** The child's working directory (default: this process's). */
  public ProcessRunner directory(Path dir) {
    this.directory = dir;
    return this;
  }

  /** The hard timeout (default 20 s). */
  public ProcessRunner timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /**
   * Starts the process and waits for it.
   *
   * @throws ProcessTimeoutException if it runs longer than the timeout (it is killed)
   * @throws UncheckedIOException if it cannot be started
   */
  public ProcessResult run() {
    ProcessBuilder pb = new ProcessBuilder(command).redirectInput(DEV_NULL);
    if (directory != null) {
      pb.directory(directory.toFile());
    }
    unsetEnv.forEach(pb.environment()::remove);
    pb.environment().putAll(setEnv);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    CompletableFuture<String> out = pump(process.getInputStream());
    CompletableFuture<String> err = pump(process.getErrorStream());
    boolean finished = waitFor(process);
    if (!finished) {
      kill(process);
      throw new ProcessTimeoutException(command, timeout, drained(out), drained(err));
    }
    return new ProcessResult(command, process.exitValue(), out.join(), err.join());
  }

  private boolean waitFor(Process process) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
      throw new IllegalStateException("interrupted while waiting for " + command, e);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads a stream to its end on a daemon thread; the future completes with the text. */
  private static CompletableFuture<String> pump(InputStream in) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              ByteArrayOutputStream sink = new ByteArrayOutputStream();
              byte[] buf = new byte[8192];
              try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                  sink.write(buf, 0, n);
                }
              } catch (IOException e) {
                // the process was killed: keep what was read so far
              }
              result.complete(sink.toString(StandardCharsets.UTF_8));
            },
            "process-output-pump");
    t.setDaemon(true);
    t.start();
    return result;
  }

  /** The output of a killed process, or a note if its pipe is still held open. */
  private static String drained(CompletableFuture<String> output) {
    try {
      return output.get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    } catch (ExecutionException | TimeoutException e) {
      return "(output not available: " + e + ")";
    }
  }

  /** The command line this runner starts. */
  public List<String> command() {
    return new ArrayList<>(command);
  }
}
