package io.jctds.internal.bulk;

import io.jctds.BulkOptions;
import io.jctds.JctdsException;
import io.jctds.ProgrammingError;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.Token;
import io.jctds.session.ResponseStream;
import io.jctds.session.Session;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Runs a bulk insert the way SQL Server's bcp does: the target's columns from {@code SET FMTONLY
 * ON; SELECT * FROM table}, then per batch an {@code INSERT BULK} SQL batch followed by one
 * BulkLoadBCP message (COLMETADATA, ROW tokens as the rows are consumed, DONE) whose DONE answer
 * carries the rows inserted. Rows are read from the iterator one at a time, never collected.
 */
public final class BulkLoader {
  private BulkLoader() {}

  /** Inserts {@code rows} into {@code table}; returns the number of rows the server inserted. */
  public static long run(Session session, String table, Iterator<?> rows, BulkOptions options) {
    BulkTable target = BulkTable.of(table, targetColumns(session, table), options);
    String insertBulk = target.insertBulk(options);
    BulkRowEncoder encoder = new BulkRowEncoder(target);
    TdsVersion v = session.version();
    long batch = options.batchSize() == 0 ? Long.MAX_VALUE : options.batchSize();
    long[] rowNumber = {0};
    long total = 0;
    while (rows.hasNext()) {
      session.run(insertBulk);
      ResponseStream answer;
      try {
        answer =
            session.bulkLoad(
                w -> {
                  encoder.writeMetadata(w, v);
                  long n = 0;
                  while (n < batch && hasNext(rows)) {
                    encoder.writeRow(w, next(rows), ++rowNumber[0]);
                    n++;
                  }
                  new Done(io.jctds.protocol.token.TokenType.DONE, 0, 0, 0).encode(w, v);
                });
      } catch (SourceFailure f) {
        throw (UncheckedIOException) f.getCause();
      }
      total += rowCount(answer);
    }
    return total;
  }

  /**
   * Carries the caller's UncheckedIOException (Files.lines, a CSV parser) through the packet
   * channel, which takes an UncheckedIOException for a broken transport and would close the
   * connection; unwrapped once the message has been ended with the IGNORE bit.
   */
  private static final class SourceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SourceFailure(UncheckedIOException e) {
      super(e.getMessage(), e, false, false);
    }
  }

  private static boolean hasNext(Iterator<?> rows) {
    try {
      return rows.hasNext();
    } catch (UncheckedIOException e) {
      throw new SourceFailure(e);
    }
  }

  private static Object next(Iterator<?> rows) {
    try {
      return rows.next();
    } catch (UncheckedIOException e) {
      throw new SourceFailure(e);
    }
  }

  /** The table's COLMETADATA from FMTONLY; FMTONLY is switched off again even on an error. */
  static ColMetadata targetColumns(Session session, String table) {
    ColMetadata found = null;
    try {
      ResponseStream r =
          session.execute("SET FMTONLY ON; SELECT * FROM " + table + "; SET FMTONLY OFF");
      for (Token t = r.next(); t != null; t = r.next()) {
        if (found == null && t instanceof ColMetadata c) {
          found = c;
        }
      }
    } catch (JctdsException e) {
      if (!session.isClosed()) {
        session.run("SET FMTONLY OFF");
      }
      throw e;
    }
    if (found == null || found.columns().isEmpty()) {
      throw new ProgrammingError("SELECT * FROM " + table + " returned no columns");
    }
    return found;
  }

  private static long rowCount(ResponseStream answer) {
    long n = 0;
    for (Token t = answer.next(); t != null; t = answer.next()) {
      if (t instanceof Done d && d.hasCount()) {
        n += d.rowCount();
      }
    }
    return n;
  }
}
