package io.jctds;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.Token;
import io.jctds.session.ResponseStream;
import io.jctds.session.Session;
import java.util.List;

/**
 * Runs SQL and reads its results, k-cTDS style: {@link #execute} sends one SQL batch and positions
 * on its first result set; {@link #fetchOne()}, {@link #fetchMany(int)} and {@link #fetchAll()}
 * read rows; {@link #nextSet()} moves to the next result set. Results stream: rows are decoded from
 * packets as they arrive, and only {@link #fetchAll()} holds a whole result set in memory.
 *
 * <p>One request runs at a time per connection: executing on any cursor of the connection discards
 * what is left of the previous result. Not thread-safe.
 */
public final class Cursor implements AutoCloseable {
  private final Connection connection;
  private ResponseStream stream;
  private ResultColumns columns;
  private boolean inRows;
  private long rowCount = -1;
  private boolean closed;

  Cursor(Connection connection) {
    this.connection = connection;
  }

  /**
   * Runs {@code sql} as one SQL batch and moves to its first result set, if any.
   *
   * @throws DatabaseError when a statement before the first result set fails (the response is
   *     drained first, so the connection stays usable)
   * @throws OperationalError on a timeout or a broken connection
   */
  public void execute(String sql) {
    requireOpen();
    Session session = connection.session();
    columns = null;
    inRows = false;
    rowCount = -1;
    stream = null;
    stream = session.execute(sql);
    advance();
  }

  /**
   * Reads to the next COLMETADATA (a result set starts: true) or the end of the response (false),
   * noting row counts on the way.
   */
  private boolean advance() {
    Token t;
    while ((t = stream.next()) != null) {
      if (t instanceof ColMetadata md && md != ColMetadata.NONE) {
        columns = new ResultColumns(md);
        inRows = true;
        return true;
      }
      if (t instanceof Done d && d.hasCount()) {
        rowCount = d.rowCount();
      }
    }
    columns = null;
    inRows = false;
    return false;
  }

  /** The columns of the current result set; empty when there is none (DB-API's {@code None}). */
  public List<Column> description() {
    requireOpen();
    return columns == null ? List.of() : columns.list();
  }

  /**
   * The number of rows the last statement affected or returned, once known (after its rows were
   * read); -1 when unknown.
   */
  public long rowCount() {
    return rowCount;
  }

  /**
   * The next row of the current result set, or null when it has no more.
   *
   * @throws ProgrammingError if no statement with results was executed
   */
  public Row fetchOne() {
    requireResults();
    if (!inRows) {
      return null;
    }
    Token t;
    while ((t = stream.next()) != null) {
      if (t instanceof io.jctds.protocol.token.Row r) {
        return new Row(r.detach(), columns);
      }
      if (t instanceof ColMetadata md && md != ColMetadata.NONE) {
        columns = new ResultColumns(md); // a new result set without a DONE before it
        continue;
      }
      if (t instanceof Done d) {
        if (d.hasCount()) {
          rowCount = d.rowCount();
        }
        inRows = false;
        return null;
      }
    }
    inRows = false;
    return null;
  }

  /**
   * Up to {@code n} rows of the current result set, with its description (read-only).
   *
   * @throws ProgrammingError if no statement with results was executed
   */
  public RowList fetchMany(int n) {
    return collect(Math.max(n, 0));
  }

  /** The remaining rows of the current result set (held in memory), with its description. */
  public RowList fetchAll() {
    return collect(Integer.MAX_VALUE);
  }

  private RowList collect(int n) {
    requireResults();
    List<Column> description = description();
    Row[] rows = new Row[Math.min(n, 16)];
    int size = 0;
    Row r;
    while (size < n && (r = fetchOne()) != null) {
      if (size == rows.length) {
        rows = java.util.Arrays.copyOf(rows, (int) Math.min(Integer.MAX_VALUE - 8, size * 2L));
      }
      rows[size++] = r;
    }
    return new RowList(rows, size, description);
  }

  /**
   * Skips the rest of the current result set and moves to the next one.
   *
   * @return whether there is another result set
   */
  public boolean nextSet() {
    requireResults();
    while (inRows) {
      fetchOne();
    }
    if (stream.isFinished()) {
      columns = null;
      return false;
    }
    return advance();
  }

  /** Discards the rest of the results. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (stream != null && !stream.isFinished() && !connection.isClosed()) {
      stream.drain(false);
    }
    stream = null;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  private void requireOpen() {
    if (closed) {
      throw new InterfaceError("the cursor is closed");
    }
    if (connection.isClosed()) {
      throw new InterfaceError("the connection is closed");
    }
  }

  private void requireResults() {
    requireOpen();
    if (stream == null) {
      throw new ProgrammingError("no results: call execute(sql) first");
    }
  }
}
