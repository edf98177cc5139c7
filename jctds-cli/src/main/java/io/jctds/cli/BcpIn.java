package io.jctds.cli;

import io.jctds.BulkOptions;
import io.jctds.Connection;
import io.jctds.DatabaseError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code jctds bcp TABLE in FILE}: the table's columns ({@link BcpTarget}), then the file's
 * records, converted lazily by {@link BcpRows}, through {@code Connection.bulkInsert}.
 */
final class BcpIn {
  private final BcpCommand cmd;
  private final Connection connection;
  private final PrintWriter err;

  BcpIn(BcpCommand cmd, Connection connection, PrintWriter err) {
    this.cmd = cmd;
    this.connection = connection;
    this.err = err;
  }

  int run() throws IOException {
    long start = System.nanoTime();
    BcpTarget target = BcpTarget.read(connection, cmd.source, cmd.keepIdentity);
    BulkOptions options = options();
    long copied;
    BcpRows rows;
    try (BcpBytes.In counted = new BcpBytes.In(Files.newInputStream(cmd.path));
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        Writer errors =
            cmd.errorFile == null
                ? null
                : Files.newBufferedWriter(cmd.errorFile, StandardCharsets.UTF_8)) {
      BcpProgress progress = BcpProgress.in(err, cmd.terminal(), counted::count, cmd.path);
      BcpSource records =
          cmd.csv()
              ? BcpCsv.reader(in)
              : new BcpRecords(in, cmd.fieldTerminator, cmd.rowTerminator);
      rows = new BcpRows(records, target, errors, cmd.first, cmd.last, cmd.maxErrors, progress);
      try {
        copied = connection.bulkInsert(cmd.source, rows, options);
      } finally {
        progress.end(); // a bar's line is ended before an error message too
      }
    } catch (BcpRows.TooManyErrors | BcpRows.BadFile | DatabaseError e) {
      throw new CliException(ExitCodes.SERVER_ERROR, e.getMessage(), e);
    }
    if (rows.rejected() > 0) {
      err.println(rows.rejected() + " rows rejected.");
    }
    BcpCommand.summary(err, copied, System.nanoTime() - start);
    return rows.rejected() > 0 ? ExitCodes.SERVER_ERROR : ExitCodes.OK;
  }

  private BulkOptions options() {
    BulkOptions.Builder b =
        BulkOptions.builder().batchSize(cmd.batchSize).keepIdentity(cmd.keepIdentity);
    if (cmd.hints == null) {
      return b.build();
    }
    for (String hint : splitHints(cmd.hints)) {
      String h = hint.trim();
      String upper = h.toUpperCase(Locale.ROOT);
      if (upper.equals("TABLOCK")) {
        b.tablock(true);
      } else if (upper.equals("CHECK_CONSTRAINTS")) {
        b.checkConstraints(true);
      } else if (upper.equals("KEEP_NULLS")) {
        b.keepNulls(true);
      } else if (upper.startsWith("ORDER") && h.endsWith(")") && h.indexOf('(') > 0) {
        List<String> order = new ArrayList<>();
        for (String c : h.substring(h.indexOf('(') + 1, h.length() - 1).split(",")) {
          order.add(c.trim());
        }
        b.order(order);
      } else {
        throw new CliException(ExitCodes.USAGE_CONFIG_OR_CONNECTION, "unknown -h hint: " + h);
      }
    }
    return b.build();
  }

  /** The hints of {@code -h}, split at the commas outside parentheses. */
  static List<String> splitHints(String hints) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < hints.length(); i++) {
      char c = hints.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(hints.substring(from, i));
        from = i + 1;
      }
    }
    out.add(hints.substring(from));
    return out;
  }
}
