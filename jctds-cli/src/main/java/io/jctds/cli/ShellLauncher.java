package io.jctds.cli;

import io.jctds.Connection;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Starts {@code jctds sql}'s interactive {@link Shell} on the process's terminal. */
final class ShellLauncher {
  private ShellLauncher() {}

  /**
   * Whether {@code in} is the process's standard input and both it and standard output are a
   * terminal.
   */
  static boolean isTerminal(InputStream in) {
    return in == System.in && terminalConsole() != null;
  }

  /**
   * The console when standard input and output are a terminal, else null. Up to Java 21 that is
   * {@link System#console()}; from Java 22 on, System.console() also returns a console when the
   * streams are redirected, and its {@code isTerminal()} (called reflectively: this code is built
   * for 17) tells.
   */
  static Console terminalConsole() {
    Console console = System.console();
    if (console == null) {
      return null;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console)) ? console : null;
    } catch (NoSuchMethodException e) {
      return console; // Java 17 to 21: a console is a terminal
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Console.isTerminal() failed", e);
    }
  }

  /**
   * Connects, then runs the shell until it ends.
   *
   * @param connector opens a connection (again for {@code :reconnect}); its failures are {@link
   *     CliException}s, reported as by the non-interactive command
   * @param output a file for the results ({@code --output}), or null for the screen
   * @return the exit status
   */
  static int run(Supplier<Connection> connector, String target, Path output) {
    if (output != null) {
      startAnew(output); // as --output does without a terminal
    }
    Connection first = connector.get();
    Terminal terminal;
    try {
      terminal =
          TerminalBuilder.builder()
              .system(true)
              .jni(true)
              .exec(true)
              .ffm(false)
              .nativeSignals(true)
              .build();
    } catch (IOException | RuntimeException e) {
      first.close();
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "cannot open the terminal for the interactive shell ("
              + e.getMessage()
              + "): pipe the SQL in or give -e SQL instead",
          e);
    }
    try (terminal) {
      Shell shell = new Shell(terminal, first, connector, target, history(terminal.writer()));
      if (output != null) {
        shell.out(output);
      }
      return shell.run();
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION, "closing the terminal: " + e.getMessage(), e);
    }
  }

  private static void startAnew(Path output) {
    try {
      Files.newBufferedWriter(output).close();
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "cannot write --output " + output + ": " + e.getMessage(),
          e);
    }
  }

  /** The history file, made ready; null (and a warning) when it cannot be. */
  private static Path history(PrintWriter screen) {
    Path file = ShellHistory.defaultFile();
    try {
      ShellHistory.prepare(file);
      return file;
    } catch (IOException | RuntimeException e) {
      screen.println(
          "jctds: no history this time: cannot use "
              + file
              + " ("
              + e
              + "); check that the home directory is writable");
      screen.flush();
      return null;
    }
  }
}
