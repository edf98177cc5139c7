package io.jctds.cli;

import io.jctds.Connection;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * {@code jctds sql} on a terminal: a line editor with history and completion; statements run at a
 * line {@code go} ({@code go N} runs one N times); Ctrl-C cancels the running batch (the server
 * gets an ATTENTION) or clears what is being typed; Ctrl-D or {@code :quit} ends the shell. Shell
 * commands start with {@code :} (see {@link ShellCommands}).
 */
final class Shell {
  private static final Pattern CHANGES_NAMES =
      Pattern.compile(
          "\\b(?:create|drop|alter|sp_rename)\\b|\\binto\\s+#?\\w", Pattern.CASE_INSENSITIVE);
  private static final Pattern USE = Pattern.compile("(?is)^\\s*use\\b.*");
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  private final Terminal terminal;
  private final Supplier<Connection> connector;
  private final String target;
  private final PrintWriter screen;
  private final ShellCompleter completer;
  private final ShellCommands commands;
  private final LineReader reader;
  private Connection connection;
  private ShellFormat format = ShellFormat.TABLE;
  private boolean timing = true;
  private Path outPath;
  private PrintWriter outFile;
  private volatile BatchPrinter running;
  private volatile boolean cancelled;

  /**
   * @param first the connection the shell starts with
   * @param connector opens another connection with the same settings ({@code :reconnect})
   * @param target what the connection is to, for the greeting
   * @param history the history file, prepared (see {@link ShellHistory#prepare}), or null for none
   */
  Shell(
      Terminal terminal,
      Connection first,
      Supplier<Connection> connector,
      String target,
      Path history) {
    this.terminal = terminal;
    this.connection = first;
    this.connector = connector;
    this.target = target;
    this.screen = terminal.writer();
    this.completer = new ShellCompleter(() -> connection);
    this.commands = new ShellCommands(this);
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("jctds")
            .parser(new ShellParser())
            .completer(completer)
            .history(new ShellHistory())
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%N> ")
            .variable(LineReader.LINE_OFFSET, 1) // %N: 2 on the second line, as sqlcmd numbers
            .variable(LineReader.INDENTATION, 0)
            .option(LineReader.Option.CASE_INSENSITIVE, true)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.INSERT_TAB, false)
            .option(LineReader.Option.AUTO_FRESH_LINE, true);
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    this.reader = builder.build();
  }

  /** Runs the shell until Ctrl-D, {@code :quit} or {@code quit}; the exit status. */
  int run() {
    terminal.handle(Terminal.Signal.INT, signal -> cancelRunning());
    try {
      greet();
      while (true) {
        String buffer;
        try {
          buffer = reader.readLine("1> ");
        } catch (UserInterruptException e) {
          continue; // Ctrl-C while typing: the statement is dropped
        } catch (EndOfFileException e) {
          break; // Ctrl-D
        }
        if (!handle(buffer)) {
          break;
        }
      }
      return ExitCodes.OK;
    } finally {
      closeOut();
      saveHistory();
      if (connection != null) {
        connection.close();
      }
    }
  }

  private void greet() {
    screen.println(
        "jctds "
            + JctdsCommand.version()
            + ": connected to "
            + target
            + " (database "
            + connection.database()
            + ", TDS "
            + connection.tdsVersion()
            + ", encryption "
            + connection.encryption().level().label()
            + ").");
    screen.println(
        "'go' runs a statement ('go 3': three times); :help lists the commands;"
            + " Ctrl-C cancels; Ctrl-D quits.");
    StringWriter notes = new StringWriter();
    new BatchPrinter(connection, new PrintWriter(notes), BatchPrinter.tables(screen))
        .printLoginMessages();
    screen.print(notes);
    screen.flush();
  }

  /** Acts on what was typed; false when the shell should end. */
  private boolean handle(String buffer) {
    return switch (ShellParser.kind(buffer)) {
      case EMPTY -> true;
      case QUIT -> false;
      case COMMAND -> commands.run(buffer.strip());
      case STATEMENT -> {
        runStatement(ShellParser.statement(buffer), ShellParser.repeat(buffer));
        yield true;
      }
      case INCOMPLETE -> { // the input ended without 'go' (e.g. pasted text): run it as it is
        runStatement(buffer, 1);
        yield true;
      }
    };
  }

  /** Runs {@code sql} {@code times} times, stopping at a cancel or a lost connection. */
  void runStatement(String sql, int times) {
    if (sql.isBlank()) {
      return;
    }
    if (!ensureConnected()) {
      return;
    }
    for (int i = 0; i < times; i++) {
      if (!runBatch(sql)) {
        return;
      }
    }
  }

  /**
   * Runs one batch and shows what it printed; false if it was cancelled or the connection broke.
   */
  private boolean runBatch(String sql) {
    StringWriter shown = new StringWriter();
    PrintWriter notes = new PrintWriter(shown);
    PrintWriter results = outFile != null ? outFile : notes;
    int width = outFile != null ? 0 : terminal.getWidth();
    ShellSink sink = new ShellSink(format, results, notes, width, outFile == null, unicode());
    BatchPrinter printer = new BatchPrinter(connection, notes, sink);
    String databaseBefore = connection.database();
    cancelled = false;
    running = printer;
    long start = System.nanoTime();
    BatchPrinter.Outcome outcome;
    try {
      outcome = printer.run(sql);
    } finally {
      running = null;
    }
    long elapsed = System.nanoTime() - start;
    boolean wasCancelled = cancelled;
    if (outFile != null) {
      outFile.flush();
    }
    notes.flush();
    if (wasCancelled) {
      screen.println(); // after the ^C the terminal echoed
    }
    show(shown.toString()); // through the pager when long: the summary below stays in sight
    if (wasCancelled) {
      screen.println("Cancelled (Ctrl-C).");
    }
    if (timing) {
      screen.printf(Locale.ROOT, "Elapsed: %.3f s%n", elapsed / 1e9);
    }
    if (outcome == BatchPrinter.Outcome.CONNECTION_BROKEN) {
      screen.println("jctds: the connection is lost: :reconnect opens a new one, :quit ends.");
    }
    screen.flush();
    if (CHANGES_NAMES.matcher(sql).find() || USE.matcher(sql).matches()) {
      completer.forget(connection.isClosed() ? databaseBefore : connection.database());
    }
    return !wasCancelled && outcome != BatchPrinter.Outcome.CONNECTION_BROKEN;
  }

  private void cancelRunning() {
    BatchPrinter printer = running;
    if (printer != null) {
      cancelled = true;
      printer.cancel();
    }
  }

  /**
   * Shows {@code text} on the screen, through {@code less -FRX} when it is longer than the screen.
   */
  void show(String text) {
    if (text.isEmpty()) {
      return;
    }
    Optional<Path> less = lessOnPath();
    if (less.isPresent() && screenRows(text) >= terminal.getHeight() - 1) {
      page(less.get(), text);
    } else {
      screen.print(text);
      screen.flush();
    }
  }

  private int screenRows(String text) {
    int width = Math.max(1, terminal.getWidth());
    int rows = 0;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      int length = ANSI.matcher(line).replaceAll("").length();
      rows += Math.max(1, (length + width - 1) / width);
    }
    return rows;
  }

  private void page(Path less, String text) {
    screen.flush();
    terminal.pause();
    try {
      Process p =
          new ProcessBuilder(less.toString(), "-FRX")
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try (Writer w = new OutputStreamWriter(p.getOutputStream(), terminal.encoding())) {
        w.write(text);
      } catch (IOException e) {
        // the pager was quit before it read everything: nothing more to show
      }
      p.waitFor();
    } catch (IOException e) {
      screen.print(text); // no pager after all
      screen.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      terminal.resume();
    }
  }

  private static Optional<Path> lessOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path less = Path.of(dir.isEmpty() ? "." : dir, "less");
      if (Files.isExecutable(less)) {
        return Optional.of(less);
      }
    }
    return Optional.empty();
  }

  private boolean ensureConnected() {
    if (connection != null && !connection.isClosed()) {
      return true;
    }
    screen.println("jctds: not connected: :reconnect opens a new connection.");
    screen.flush();
    return false;
  }

  private void saveHistory() {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      screen.println("jctds: the history was not saved: " + e.getMessage());
      screen.flush();
    }
  }

  /** Whether the terminal's character set has the table's markers ({@code …}, {@code ↵}). */
  boolean unicode() {
    return terminal.encoding().newEncoder().canEncode("…↵");
  }

  // --- state for ShellCommands ---

  PrintWriter screen() {
    return screen;
  }

  Terminal terminal() {
    return terminal;
  }

  Connection connection() {
    return connection;
  }

  ShellCompleter completer() {
    return completer;
  }

  void format(ShellFormat format) {
    this.format = format;
  }

  ShellFormat format() {
    return format;
  }

  void timing(boolean on) {
    this.timing = on;
  }

  boolean timing() {
    return timing;
  }

  /** Closes the connection and opens a new one with the same settings. */
  void reconnect() {
    if (connection != null) {
      connection.close();
    }
    connection = null;
    completer.forget(null);
    connection = connector.get();
  }

  /** Sends results to {@code file} (appending), or back to the screen when null. */
  void out(Path file) {
    closeOut();
    if (file == null) {
      return;
    }
    try {
      outFile =
          new PrintWriter(
              Files.newBufferedWriter(
                  file,
                  terminal.encoding(),
                  java.nio.file.StandardOpenOption.CREATE,
                  java.nio.file.StandardOpenOption.APPEND));
      outPath = file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + " for the results", e);
    }
  }

  Optional<Path> outPath() {
    return Optional.ofNullable(outPath);
  }

  private void closeOut() {
    if (outFile != null) {
      outFile.close();
      outFile = null;
      outPath = null;
    }
  }
}
