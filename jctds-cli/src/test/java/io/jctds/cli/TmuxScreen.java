package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.testkit.Peers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program running in a real terminal: a tmux session on a private socket ({@code tmux -L}), of a
 * fixed size, typed into with {@code send-keys} and read with {@code capture-pane}. Closing it
 * kills that tmux server only.
 */
final class TmuxScreen implements AutoCloseable {
  /** How long a screen may take to show what is waited for (generous: a cold JVM on a busy CI). */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String tmux;
  private final String socket;
  private final Map<String, String> environment;
  private Path socketPath;

  /**
   * Starts {@code command} (a shell command line) in a new 120×40 session.
   *
   * @param environment the whole environment of the tmux server and so of the program
   */
  static TmuxScreen start(String command, Map<String, String> environment) {
    String tmux =
        Peers.onPath("tmux")
            .orElseThrow(
                () ->
                    new AssertionError(
                        "tmux is not on the PATH: apt-get install tmux (.ci/run installs it)"))
            .toString();
    String socket = "jctds-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    TmuxScreen screen = new TmuxScreen(tmux, socket, environment);
    screen.tmux("new-session", "-d", "-s", "main", "-x", "120", "-y", "40", command);
    screen.socketPath = Path.of(screen.tmux("display-message", "-p", "#{socket_path}").strip());
    return screen;
  }

  private TmuxScreen(String tmux, String socket, Map<String, String> environment) {
    this.tmux = tmux;
    this.socket = socket;
    this.environment = environment;
  }

  /**
   * Types {@code keys}: text literally, or key names such as {@code Enter}, {@code C-c}, {@code
   * Up}.
   */
  void keys(String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /** Types {@code text} as it is (no key names), then Enter. */
  void line(String text) {
    tmux("send-keys", "-t", "main", "-l", text);
    keys("Enter");
  }

  /** The visible screen, its lines without trailing blanks. */
  String screen() {
    return tmux("capture-pane", "-p", "-t", "main");
  }

  /** Waits until the screen satisfies {@code done}, then returns it; fails with the screen. */
  String waitFor(String what, Predicate<String> done) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String s = screen();
    while (!done.test(s)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the terminal did not show " + what + " within " + PATIENCE + "; it shows:\n" + s);
      }
      sleep(100);
      s = screen();
    }
    return s;
  }

  /** Whether the screen contains {@code text} within {@code millis} (no failure if not). */
  boolean showsWithin(String text, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!screen().contains(text)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(100);
    }
    return true;
  }

  /** Waits until the screen contains {@code text}. */
  String waitFor(String text) {
    return waitFor("'" + text + "'", s -> s.contains(text));
  }

  /** Clears the screen (the shell's Ctrl-L) and waits for the bare prompt. */
  void clear() {
    keys("C-l");
    waitFor("a cleared screen with the prompt", s -> s.strip().equals("1>"));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private String tmux(String... args) {
    List<String> cmd = new ArrayList<>(List.of(tmux, "-L", socket));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(environment);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("tmux %s ended", args[0]).isTrue();
      String text = new String(out, StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as("tmux %s: %s", String.join(" ", args), text).isZero();
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("running " + cmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Kills this tmux server (its session and program), waits until the program and its children have
   * exited (a JVM saves its history file as it ends on the hang-up: the test's temporary directory
   * must not be deleted under it) and removes the socket.
   */
  @Override
  public void close() {
    java.util.List<ProcessHandle> running = new java.util.ArrayList<>();
    try {
      long pane = Long.parseLong(tmux("display-message", "-p", "#{pane_pid}").strip());
      ProcessHandle.of(pane)
          .ifPresent(
              p -> {
                running.add(p);
                p.descendants().forEach(running::add);
              });
    } catch (RuntimeException | AssertionError e) {
      // no session left: nothing to wait for
    }
    tmux("kill-server");
    for (ProcessHandle p : running) {
      try {
        p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    try {
      if (socketPath != null) {
        Files.deleteIfExists(socketPath);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("removing the tmux socket " + socketPath, e);
    }
  }
}
