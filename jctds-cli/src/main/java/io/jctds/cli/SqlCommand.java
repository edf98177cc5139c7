package io.jctds.cli;

import io.jctds.ConnectOptions;
import io.jctds.Connection;
import io.jctds.Jctds;
import io.jctds.JctdsException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jctds sql}: connects like tsql and runs SQL, from {@code -e} or as {@code go}-separated
 * batches from standard input. Results go to standard output as aligned tables, messages and errors
 * to standard error. A batch that fails does not stop the ones after it (as in tsql); the exit
 * status is then 1.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Connects like tsql and runs SQL: the text of -e, or batches read from standard input"
          + " (or --input FILE), each ended by a line 'go' (the last one also by the end of input).",
      "On a terminal (standard input and output), without -e or --input: an interactive shell"
          + " with line editing, history (~/.jctds_history), completion and :help.",
      "Prints each result set as a table, then (N rows affected); messages and errors go to"
          + " standard error (errors as sqlcmd prints them: Msg N, Level S, State T, ...).",
      "Without -P the password is prompted for without echo; without a console it is the"
          + " first line of standard input.",
      "A batch that fails does not stop the next ones. Exit status: 0 ok, 1 a batch had an"
          + " SQL error, 2 usage, configuration or connection error (also a failed login)."
    })
public final class SqlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-S", "--server"},
      paramLabel = "NAME",
      description = "A freetds.conf section, a host, host:port, [v6]:port or host\\instance.")
  String server;

  @Option(
      names = {"-I", "--file"},
      paramLabel = "FILE",
      description = "A freetds.conf read before all others (like tsql -I).")
  Path file;

  @Option(
      names = {"-H", "--host"},
      paramLabel = "HOST",
      description = "Connect to HOST directly, no section lookup (like tsql -H); instead of -S.")
  String host;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      description = "The TCP port (overrides the port of the section or host).")
  Integer port;

  @Option(
      names = {"-U", "--user"},
      paramLabel = "USER",
      required = true,
      description = "The SQL login.")
  String user;

  @Option(
      names = {"-P", "--password"},
      paramLabel = "PASSWORD",
      description = "The password (prompted for when left out).")
  String password;

  @Option(
      names = {"-D", "--database"},
      paramLabel = "DB",
      description = "The database to use.")
  String database;

  @Option(
      names = {"-e", "--execute"},
      paramLabel = "SQL",
      description = "Run SQL as one batch instead of reading standard input.")
  String execute;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "Run the go-separated batches of FILE instead of reading standard input.")
  Path inputFile;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the results to FILE instead of standard output.")
  Path outputFile;

  /** Standard input; tests replace it. */
  InputStream in = System.in;

  @Override
  public Integer call() throws IOException {
    checkFlags();
    BufferedReader stdin = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
    String secret = password != null ? password : promptPassword(stdin);
    if (execute == null && inputFile == null && ShellLauncher.isTerminal(in)) {
      return ShellLauncher.run(() -> connect(secret), describeTarget(), outputFile);
    }
    PrintWriter err = spec.commandLine().getErr();
    try (BufferedReader input = inputFile == null ? stdin : open(inputFile);
        PrintWriter out = output();
        Connection connection = connect(secret)) {
      BatchPrinter printer = new BatchPrinter(connection, out, err);
      printer.printLoginMessages();
      return execute != null ? exitCode(printer.run(execute), false) : runAll(printer, input);
    }
  }

  /** Standard output, or the file of --output (created or truncated). */
  private PrintWriter output() throws IOException {
    if (outputFile == null) {
      PrintWriter out = spec.commandLine().getOut();
      return new PrintWriter(out) {
        @Override
        public void close() {
          flush(); // standard output stays open
        }
      };
    }
    try {
      return new PrintWriter(Files.newBufferedWriter(outputFile, Charset.defaultCharset()));
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "cannot write --output " + outputFile + ": " + e.getMessage(),
          e);
    }
  }

  private static BufferedReader open(Path file) {
    try {
      return Files.newBufferedReader(file, Charset.defaultCharset());
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "cannot read --input " + file + ": " + e.getMessage(),
          e);
    }
  }

  private int runAll(BatchPrinter printer, BufferedReader input) throws IOException {
    BatchReader batches = new BatchReader(input);
    boolean failed = false;
    String batch;
    while ((batch = batches.next()) != null) {
      BatchPrinter.Outcome outcome = printer.run(batch);
      if (outcome == BatchPrinter.Outcome.CONNECTION_BROKEN) {
        return exitCode(outcome, failed);
      }
      failed |= outcome == BatchPrinter.Outcome.SQL_ERROR;
    }
    return failed ? ExitCodes.SERVER_ERROR : ExitCodes.OK;
  }

  private static int exitCode(BatchPrinter.Outcome last, boolean failedBefore) {
    return switch (last) {
      case CONNECTION_BROKEN -> ExitCodes.USAGE_CONFIG_OR_CONNECTION;
      case SQL_ERROR -> ExitCodes.SERVER_ERROR;
      case OK -> failedBefore ? ExitCodes.SERVER_ERROR : ExitCodes.OK;
    };
  }

  private Connection connect(String secret) {
    ConnectOptions options =
        ConnectOptions.builder()
            .user(user)
            .password(secret)
            .database(database)
            .port(port)
            .configFile(file)
            .autocommit(true)
            .appname("jctds sql")
            .build();
    String name = host != null ? host : server;
    try {
      return Jctds.connect(name, options);
    } catch (JctdsException e) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "cannot connect to " + describeTarget() + ": " + e.getMessage(),
          e);
    }
  }

  private String describeTarget() {
    if (host != null) {
      return host + (port == null ? "" : " port " + port);
    }
    return "'" + server + "'" + (port == null ? "" : " port " + port);
  }

  /**
   * The password from the console without echo, or else the first line of standard input (so a
   * script can pipe it in; the SQL then follows on the next lines).
   */
  private String promptPassword(BufferedReader input) {
    Console console = ShellLauncher.terminalConsole();
    if (console != null) {
      char[] typed = console.readPassword("Password: ");
      if (typed == null) {
        throw new CliException(
            ExitCodes.USAGE_CONFIG_OR_CONNECTION, "no password: the console input ended");
      }
      return new String(typed);
    }
    try {
      String line = input.readLine();
      if (line == null) {
        throw new CliException(
            ExitCodes.USAGE_CONFIG_OR_CONNECTION,
            "no password: give -P, or the password as the first line of standard input");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the password from standard input", e);
    }
  }

  private void checkFlags() {
    if ((server == null) == (host == null)) {
      throw new ParameterException(
          spec.commandLine(), "Give either -S NAME (freetds.conf or host) or -H HOST.");
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw new ParameterException(spec.commandLine(), "-p " + port + " is outside 1..65535");
    }
    if (execute != null && execute.isBlank()) {
      throw new ParameterException(spec.commandLine(), "-e needs SQL text");
    }
    if (execute != null && inputFile != null) {
      throw new ParameterException(spec.commandLine(), "Give either -e SQL or --input FILE.");
    }
  }
}
