package io.jctds.cli;

import io.jctds.ConnectOptions;
import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.DatabaseError;
import io.jctds.Jctds;
import io.jctds.JctdsException;
import io.jctds.Row;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jctds bcp}: copies a table or a query's rows to a file in bcp's character format ({@code
 * out}, {@code queryout}), like freebcp {@code -c}. Values are written as {@link BcpText}
 * describes; the file is UTF-8.
 */
@Command(
    name = "bcp",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Copies rows between a table and a file like freebcp -c:"
          + " 'jctds bcp TABLE out FILE' or 'jctds bcp \"SELECT ...\" queryout FILE'.",
      "Character format only (UTF-8): fields end with -t (default tab), rows with -r (default"
          + " newline); NULL is an empty field, an empty string one NUL byte.",
      "Exit status: 0 ok, 1 an SQL error, 2 usage, configuration, file or connection error."
    })
public final class BcpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "TABLE|QUERY",
      description = "A table, or a query for queryout.")
  String source;

  @Parameters(index = "1", paramLabel = "DIRECTION", description = "in, out or queryout.")
  String direction;

  @Parameters(index = "2", paramLabel = "FILE", description = "The data file.")
  Path path;

  @Option(names = "-c", description = "Character format (the default and only format).")
  boolean character;

  @Option(names = "-t", paramLabel = "SEP", description = "Field terminator (default tab).")
  String fieldTerminator = "\t";

  @Option(names = "-r", paramLabel = "TERM", description = "Row terminator (default newline).")
  String rowTerminator = "\n";

  @Option(names = "-F", paramLabel = "FIRST", description = "First row to copy (from 1).")
  long first = 1;

  @Option(names = "-L", paramLabel = "LAST", description = "Last row to copy (default: all).")
  long last = Long.MAX_VALUE;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (bcp -c, the default) or csv (RFC 4180 with a header line).")
  String format = "text";

  @Option(names = "-b", paramLabel = "N", description = "in: rows per batch (default: all).")
  int batchSize;

  @Option(names = "-e", paramLabel = "ERRFILE", description = "in: write rejected rows here.")
  Path errorFile;

  @Option(
      names = "-m",
      paramLabel = "N",
      description = "in: stop at the N-th rejected row (default 10).")
  int maxErrors = 10;

  @Option(names = "-E", description = "in: keep the file's identity values.")
  boolean keepIdentity;

  @Option(
      names = "-h",
      paramLabel = "HINTS",
      description = "in: TABLOCK, ORDER(col [ASC|DESC], ...), CHECK_CONSTRAINTS, KEEP_NULLS.")
  String hints;

  @Option(
      names = {"-S", "--server"},
      paramLabel = "NAME",
      description = "A freetds.conf section or host[:port].")
  String server;

  @Option(
      names = {"-I", "--file"},
      paramLabel = "FILE",
      description = "A freetds.conf read first.")
  Path file;

  @Option(
      names = {"-H", "--host"},
      paramLabel = "HOST",
      description = "Connect to HOST directly.")
  String host;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      description = "The TCP port.")
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
      required = true,
      description = "The password.")
  String password;

  @Option(
      names = {"-D", "--database"},
      paramLabel = "DB",
      description = "The database to use.")
  String database;

  @Override
  public Integer call() throws IOException {
    checkFlags();
    PrintWriter err = spec.commandLine().getErr();
    if (direction.equals("in")) {
      try (Connection connection = connect()) {
        return new BcpIn(this, connection, err).run();
      }
    }
    String sql = direction.equals("queryout") ? source : "SELECT * FROM " + source;
    long start = System.nanoTime();
    long copied;
    try (Connection connection = connect();
        Cursor cursor = connection.cursor();
        BcpBytes.Out counted = new BcpBytes.Out(Files.newOutputStream(path));
        Writer out =
            new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 1 << 16)) {
      cursor.execute(sql);
      BcpProgress progress = BcpProgress.out(err, terminal(), counted::count);
      try {
        copied = csv() ? writeCsv(cursor, out, progress) : writeRows(cursor, out, progress);
      } finally {
        progress.end(); // a bar's line is ended before an error message too
      }
    } catch (DatabaseError e) {
      throw new CliException(ExitCodes.SERVER_ERROR, e.getMessage(), e);
    }
    summary(err, copied, System.nanoTime() - start);
    return ExitCodes.OK;
  }

  private long writeRows(Cursor cursor, Writer out, BcpProgress progress) throws IOException {
    StringBuilder line = new StringBuilder(256);
    long number = 0;
    long copied = 0;
    Row row;
    while ((row = cursor.fetchOne()) != null) {
      number++;
      if (number < first) {
        continue;
      }
      if (number > last) {
        break;
      }
      line.setLength(0);
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          line.append(fieldTerminator);
        }
        BcpText.append(line, row.get(i));
      }
      line.append(rowTerminator);
      out.append(line);
      copied++;
      progress.row();
    }
    return copied;
  }

  /** Whether standard error is a terminal (tests set it; null: ask the system). */
  Boolean terminal;

  boolean terminal() {
    if (terminal == null) {
      terminal = BcpProgress.stderrIsTerminal();
    }
    return terminal;
  }

  boolean csv() {
    return format.equals("csv");
  }

  private long writeCsv(Cursor cursor, Writer out, BcpProgress progress) throws IOException {
    long number = 0;
    long copied = 0;
    try (BcpCsv.CsvOut csv = new BcpCsv.CsvOut(out)) {
      csv.header(cursor.description().stream().map(c -> c.name()).toList());
      Row row;
      while ((row = cursor.fetchOne()) != null && ++number <= last) {
        if (number >= first) {
          csv.row(row);
          copied++;
          progress.row();
        }
      }
    }
    return copied;
  }

  /** freebcp's closing lines: the count, then the elapsed time and the rate. */
  static void summary(PrintWriter err, long rows, long nanos) {
    long ms = Math.max(nanos / 1_000_000, 0);
    double perSecond = ms == 0 ? rows : rows * 1000.0 / ms;
    err.println();
    err.println(rows + " rows copied.");
    err.println(
        String.format(
            Locale.ROOT,
            "Clock Time (ms.): total %d  Avg: %.2f (%.2f rows per sec.)",
            ms,
            rows == 0 ? 0.0 : (double) ms / rows,
            perSecond));
    err.flush();
  }

  private Connection connect() {
    ConnectOptions options =
        ConnectOptions.builder()
            .user(user)
            .password(password)
            .database(database)
            .port(port)
            .configFile(file)
            .autocommit(true)
            .appname("jctds bcp")
            .build();
    try {
      return Jctds.connect(host != null ? host : server, options);
    } catch (JctdsException e) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION, "cannot connect: " + e.getMessage(), e);
    }
  }

  private void checkFlags() {
    if ((server == null) == (host == null)) {
      throw new ParameterException(
          spec.commandLine(), "Give either -S NAME (freetds.conf or host) or -H HOST.");
    }
    if (!direction.equals("in") && !direction.equals("out") && !direction.equals("queryout")) {
      throw new ParameterException(
          spec.commandLine(), "DIRECTION must be in, out or queryout, not '" + direction + "'");
    }
    if (!format.equals("text") && !format.equals("csv")) {
      throw new ParameterException(spec.commandLine(), "--format is text or csv");
    }
    if (batchSize < 0 || maxErrors < 0) {
      throw new ParameterException(spec.commandLine(), "-b and -m must not be negative");
    }
    if (first < 1 || last < first) {
      throw new ParameterException(spec.commandLine(), "need 1 <= -F <= -L");
    }
    if (fieldTerminator.isEmpty() || rowTerminator.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "-t and -r must not be empty");
    }
  }
}
