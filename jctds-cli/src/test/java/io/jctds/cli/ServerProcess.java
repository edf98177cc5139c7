package io.jctds.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar jctds.jar server ...} as a long-running child process: started, waited for until
 * it prints its listening line (hard timeout), then stopped with a signal; {@link #close()} kills
 * whatever is left. Standard input is {@code /dev/null}, standard error goes to a file, standard
 * output is read line by line.
 */
final class ServerProcess implements AutoCloseable {
  /** The ready line, exactly as documented. */
  static final Pattern LISTENING =
      Pattern.compile(
          "listening on (\\d+\\.\\d+\\.\\d+\\.\\d+):(\\d+) \\(encryption (off|on|required|strict),"
              + " TDS 7\\.1-8\\.0\\)");

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration SHUTDOWN = Duration.ofSeconds(30);

  private final Process process;
  private final Path stderr;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> firstLine = new CompletableFuture<>();
  private final Thread reader;

  private ServerProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(this::readStdout, "jctds-server-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -jar jar server args...} with {@code env} added to the environment. */
  static ServerProcess start(Path jar, Path dir, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.add("server");
    cmd.addAll(List.of(args));
    Path err = dir.resolve("server-" + System.nanoTime() + ".stderr");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectInput(new File("/dev/null"))
            .redirectError(err.toFile());
    pb.environment().remove(ServerCommand.PASSWORD_ENV);
    pb.environment().putAll(env);
    try {
      return new ServerProcess(pb.start(), err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + cmd, e);
    }
  }

  private void readStdout() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        stdout.add(line);
        firstLine.complete(line);
      }
    } catch (IOException e) {
      // the process was killed
    }
    firstLine.complete(null);
  }

  /**
   * Waits for the listening line.
   *
   * @return its match (group 1 host, 2 port, 3 encryption)
   * @throws AssertionError if the process ends or prints something else first, or takes longer than
   *     the start-up limit
   */
  Matcher awaitListening() {
    String line;
    try {
      line = firstLine.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no listening line within " + STARTUP + "\n" + describe(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError(e);
    }
    if (line == null) {
      throw new AssertionError("the server ended without a listening line\n" + describe());
    }
    Matcher m = LISTENING.matcher(line);
    if (!m.matches()) {
      throw new AssertionError("unexpected first line '" + line + "'\n" + describe());
    }
    return m;
  }

  /** The port of the listening line. */
  int port() {
    return Integer.parseInt(awaitListening().group(2));
  }

  /** Sends {@code signal} ("TERM", "INT") and waits for the exit; returns the exit status. */
  int stop(String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
        kill.destroyForcibly();
        throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
      }
      if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("still running " + SHUTDOWN + " after SIGTERM\n" + describe());
      }
      reader.join(SHUTDOWN.toMillis());
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits for a process that is expected to end by itself (bad flags); returns its status. */
  int awaitExit() {
    try {
      if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("did not exit within " + STARTUP + "\n" + describe());
      }
      reader.join(SHUTDOWN.toMillis());
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Every line printed on standard output so far. */
  List<String> stdout() {
    return List.copyOf(stdout);
  }

  /** Standard error so far. */
  String stderr() {
    try {
      return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Output so far, for failure messages. */
  String describe() {
    return "--- stdout ---\n" + String.join("\n", stdout) + "\n--- stderr ---\n" + stderr();
  }

  /** Kills the process (and its children) if it is still running. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
