package io.jctds.cli;

import io.jctds.Column;
import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.DatabaseError;
import io.jctds.JctdsException;
import io.jctds.OperationalError;
import io.jctds.Row;
import io.jctds.SqlServerMessage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL batches on one connection and prints what they return, as {@code jctds sql} does: each
 * result set as a {@link ResultTable} followed by {@code (N rows affected)} on standard output;
 * server messages on standard error — errors as sqlcmd prints them ({@code Msg 208, Level 16, State
 * 1, Server X, Line 1} and the text on the next line), informational messages (PRINT) as their
 * text.
 */
final class BatchPrinter {
  /** What running one batch came to. */
  enum Outcome {
    /** The batch ran without a server error. */
    OK,
    /** The server reported an error; the connection is still usable. */
    SQL_ERROR,
    /** The connection broke; nothing more can run on it. */
    CONNECTION_BROKEN
  }

  /** Where result sets and row counts go; the default prints them as {@code jctds sql} does. */
  interface Sink {
    /** One result set, read to its end. */
    void resultSet(List<Column> columns, List<Row> rows);

    /** One statement's row count, as {@code (N rows affected)}. */
    void count(long rows);
  }

  private final Connection connection;
  private final PrintWriter err;
  private final Sink sink;
  private volatile Cursor running;
  private int messagesShown;
  private int countsShown;

  BatchPrinter(Connection connection, PrintWriter out, PrintWriter err) {
    this(connection, err, tables(out));
  }

  BatchPrinter(Connection connection, PrintWriter err, Sink sink) {
    this.connection = connection;
    this.err = err;
    this.sink = sink;
  }

  /** The default sink: each result set as a {@link ResultTable}, each count on its own line. */
  static Sink tables(PrintWriter out) {
    return new Sink() {
      @Override
      public void resultSet(List<Column> columns, List<Row> rows) {
        List<String> headers = columns.stream().map(Column::name).toList();
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
          cells.add(cells(row, columns));
        }
        ResultTable.lines(headers, cells).forEach(out::println);
        out.flush();
      }

      @Override
      public void count(long rows) {
        out.println("(" + rows + " rows affected)");
        out.flush();
      }
    };
  }

  /**
   * Cancels the batch running in {@link #run}, from another thread (a Ctrl-C): the server gets an
   * ATTENTION and {@link #run} reports the cancel as an error. Does nothing between batches.
   */
  void cancel() {
    Cursor cursor = running;
    if (cursor != null) {
      cursor.cancel();
    }
  }

  /**
   * Prints the notes and errors of the login (informational login messages such as "Changed
   * database context" are left out, as tsql and sqlcmd do).
   */
  void printLoginMessages() {
    for (SqlServerMessage m : connection.allMessages()) {
      if (m.isClientNote() || m.isError()) {
        err.println(render(m));
      }
    }
    err.flush();
  }

  /**
   * Runs {@code sql} as one batch and prints its results, each statement's {@code (N rows
   * affected)} and the messages in the order the server sent them. A statement that fails is
   * reported and the batch goes on where the server went on (a batch-aborting error ends it).
   */
  Outcome run(String sql) {
    messagesShown = 0;
    countsShown = 0;
    Outcome outcome = Outcome.OK;
    try (Cursor cursor = connection.cursor()) {
      running = cursor;
      boolean more = true;
      try {
        cursor.execute(sql);
      } catch (DatabaseError e) {
        outcome = failed(e);
      }
      while (more) {
        try {
          printResult(cursor);
          more = cursor.nextSet();
        } catch (DatabaseError e) {
          outcome = failed(e); // the cursor stands after the failed statement: go on
        }
      }
      printCounts(cursor);
      return outcome;
    } catch (JctdsException e) {
      return failed(e);
    } finally {
      running = null;
      printNewMessages();
    }
  }

  private Outcome failed(JctdsException e) {
    printNewMessages();
    if (e.serverMessage().isEmpty()) {
      err.println("jctds: " + e.getMessage());
    }
    err.flush();
    boolean broken =
        connection.isClosed() || (e instanceof OperationalError o && o.isConnectionBroken());
    return broken ? Outcome.CONNECTION_BROKEN : Outcome.SQL_ERROR;
  }

  /** The counts of the statements read so far and not yet shown, each as sqlcmd shows one. */
  private void printCounts(Cursor cursor) {
    long[] counts = cursor.rowCounts();
    for (; countsShown < counts.length; countsShown++) {
      sink.count(counts[countsShown]);
    }
  }

  private void printResult(Cursor cursor) {
    printCounts(cursor); // statements before this result set
    printNewMessages();
    List<Column> columns = cursor.description();
    if (columns.isEmpty()) {
      return;
    }
    sink.resultSet(columns, cursor.fetchAll());
    printCounts(cursor); // this result set's own count, once its DONE was read
    printNewMessages();
  }

  private static List<String> cells(Row row, List<Column> columns) {
    List<String> cells = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      cells.add(Cells.cell(row.get(i), columns.get(i).typeName()));
    }
    return cells;
  }

  /** One value as the table shows it when its column's type is not known (see {@link Cells}). */
  static String cell(Object value) {
    return Cells.cell(value, null);
  }

  private void printNewMessages() {
    List<SqlServerMessage> messages = connection.allMessages();
    for (int i = messagesShown; i < messages.size(); i++) {
      err.println(render(messages.get(i)));
    }
    messagesShown = Math.max(messagesShown, messages.size());
    err.flush();
  }

  /** A message as sqlcmd prints it; jctds's own notes start with {@code jctds: }. */
  static String render(SqlServerMessage m) {
    if (m.isClientNote()) {
      return "jctds: " + m.text();
    }
    if (!m.isError()) {
      return m.text();
    }
    return "Msg "
        + m.number()
        + ", Level "
        + m.severity()
        + ", State "
        + m.state()
        + ", Server "
        + m.server()
        + (m.procedure().isEmpty() ? "" : ", Procedure " + m.procedure())
        + ", Line "
        + m.line()
        + System.lineSeparator()
        + m.text();
  }
}
