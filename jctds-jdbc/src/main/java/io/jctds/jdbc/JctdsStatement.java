package io.jctds.jdbc;

import io.jctds.Cursor;
import io.jctds.JctdsException;
import io.jctds.Row;
import io.jctds.SqlServerMessage;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A JDBC statement over one jctds cursor that stops at every result (result sets and update counts,
 * {@link Cursor#countsAsResults}). Results stream from the connection; when another statement of
 * the same connection sends a request first, the unread results of this one are read into memory
 * ({@link #detach()}), as JDBC lets several statements be open at once.
 */
class JctdsStatement implements Statement {
  /** The generated keys query appended to an INSERT that asks for them (as mssql-jdbc does). */
  static final String KEYS_QUERY = "\nSELECT SCOPE_IDENTITY() AS GENERATED_KEYS";

  static final String KEYS_COLUMN = "GENERATED_KEYS";

  final JctdsConnection connection;
  final int resultSetType;
  private Cursor cursor;
  private JctdsResultSet current;
  private long updateCount = -1;
  private Deque<Object> detached; // results read ahead: JctdsResultSet, Long, SQLException
  private final List<String> batch = new ArrayList<>();
  private JctdsResultSet generatedKeys;
  private boolean keysRequested;
  private SQLWarning warnings;
  private int queryTimeout;
  private long maxRows;
  private int fetchSize;
  private int maxFieldSize;
  private boolean escapes = true;
  private boolean closeOnCompletion;
  private boolean poolable;
  private boolean closed;

  JctdsStatement(JctdsConnection connection, int resultSetType) {
    this.connection = connection;
    this.resultSetType = resultSetType;
  }

  // ---- running requests

  /** Translates JDBC escapes when escape processing is on. */
  String translate(String sql) throws SQLException {
    if (sql == null) {
      throw new SQLException("the SQL text is null", "HY009");
    }
    return escapes ? JdbcEscapes.translate(sql) : sql;
  }

  /** One request on this statement's cursor: {@code send} sends it; the first result is read. */
  interface Request {
    void send(Cursor c);
  }

  final boolean run(Request request, boolean keys) throws SQLException {
    requireOpen();
    beginRequest(keys);
    try {
      request.send(cursor);
    } catch (JctdsException e) {
      noteWarnings();
      connection.requestEnded(this);
      throw SqlErrors.of(e);
    }
    noteWarnings();
    return position();
  }

  /**
   * Makes this statement the connection's active one for a new request: other statements' unread
   * results read into memory, this one's previous results dropped, the cursor ready, the timeout
   * set.
   */
  private void beginRequest(boolean keys) throws SQLException {
    connection.beforeRequest(this);
    discardResults();
    keysRequested = keys;
    warnings = null;
    if (cursor == null || cursor.isClosed()) {
      cursor = connection.nativeConnection().cursor().countsAsResults(true);
    }
    connection.applyTimeout(queryTimeout);
  }

  /** Makes the cursor's current result this statement's; true for a result set. */
  private boolean position() throws SQLException {
    while (true) {
      if (!cursor.description().isEmpty()) {
        JctdsResultSet rs = new JctdsResultSet(this, cursor, resultSetType, maxRows);
        if (keysRequested && isKeys(rs.columns())) {
          rs.detach();
          generatedKeys = rs;
          if (!advanceCursor()) {
            return false;
          }
          continue;
        }
        current = rs;
        return true;
      }
      if (cursor.atCount()) {
        updateCount = cursor.rowCount();
        return false;
      }
      connection.requestEnded(this); // the response is read to its end
      return false;
    }
  }

  private static boolean isKeys(List<io.jctds.Column> columns) {
    return columns.size() == 1 && KEYS_COLUMN.equals(columns.get(0).name());
  }

  /** cursor.nextSet(); false at the end of the response. */
  private boolean advanceCursor() throws SQLException {
    try {
      boolean more = cursor.nextSet();
      noteWarnings();
      if (!more && !cursor.atCount()) {
        connection.requestEnded(this);
        return false;
      }
      return true;
    } catch (JctdsException e) {
      noteWarnings();
      throw SqlErrors.of(e);
    }
  }

  private void discardResults() throws SQLException {
    if (current != null) {
      current.closedByStatement();
      current = null;
    }
    if (generatedKeys != null) {
      generatedKeys.closedByStatement();
      generatedKeys = null;
    }
    updateCount = -1;
    detached = null;
  }

  /**
   * Reads every unread result of this statement into memory, so that another statement can send its
   * request (one request runs at a time on a connection).
   */
  void detach() throws SQLException {
    if (cursor == null) {
      return;
    }
    Deque<Object> rest = new ArrayDeque<>();
    if (current != null && current.streaming()) {
      current.detach();
    }
    try {
      while (cursor.nextSet()) {
        if (!cursor.description().isEmpty()) {
          List<Row> rows = new ArrayList<>(cursor.fetchAll());
          rest.add(new JctdsResultSet(this, cursor.description(), rows, resultSetType));
        } else {
          rest.add(cursor.rowCount());
        }
      }
    } catch (JctdsException e) {
      rest.add(SqlErrors.of(e));
    }
    noteWarnings();
    detached = rest;
  }

  // ---- Statement: execute

  @Override
  public boolean execute(String sql) throws SQLException {
    String t = translate(sql);
    return run(c -> c.execute(t), false);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    boolean keys = autoGeneratedKeys == RETURN_GENERATED_KEYS;
    String t = translate(sql) + (keys ? KEYS_QUERY : "");
    return run(c -> c.execute(t), keys);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return execute(sql, keysWanted(columnIndexes == null ? 0 : columnIndexes.length));
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return execute(sql, keysWanted(columnNames == null ? 0 : columnNames.length));
  }

  static int keysWanted(int columns) throws SQLException {
    if (columns > 1) {
      throw new SQLFeatureNotSupportedException(
          "SQL Server returns one generated key (SCOPE_IDENTITY()): ask for one column", "0A000");
    }
    return columns == 1 ? RETURN_GENERATED_KEYS : NO_GENERATED_KEYS;
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    execute(sql);
    return firstResultSet();
  }

  /** Moves over update counts to the first result set; none is an SQLException. */
  final ResultSet firstResultSet() throws SQLException {
    while (current == null && updateCount != -1) {
      getMoreResults();
    }
    if (current == null) {
      throw new SQLException(
          "the statement did not return a result set: use executeUpdate or execute", "HY000");
    }
    return current;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return toInt(executeLargeUpdate(sql));
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return toInt(executeLargeUpdate(sql, autoGeneratedKeys));
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return toInt(executeLargeUpdate(sql, columnIndexes));
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return toInt(executeLargeUpdate(sql, columnNames));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    execute(sql);
    return lastCount();
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    execute(sql, autoGeneratedKeys);
    return lastCount();
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    execute(sql, columnIndexes);
    return lastCount();
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    execute(sql, columnNames);
    return lastCount();
  }

  /**
   * Reads every result; the last update count (trigger counts come before the statement's own, so
   * the last is the statement's, as mssql-jdbc's default lastUpdateCount=true), 0 when none. A
   * result set is an error: executeUpdate must not return rows.
   */
  final long lastCount() throws SQLException {
    long last = 0;
    do {
      if (current != null) {
        throw new SQLException(
            "the statement returned a result set: use executeQuery or execute", "HY000");
      }
      if (updateCount != -1) {
        last = updateCount;
      }
    } while (getMoreResults() || updateCount != -1);
    return last;
  }

  static int toInt(long n) {
    return n > Integer.MAX_VALUE ? SUCCESS_NO_INFO : (int) n;
  }

  // ---- results

  @Override
  public ResultSet getResultSet() throws SQLException {
    requireOpen();
    return current;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return toInt(getLargeUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    requireOpen();
    return current != null ? -1 : updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int what) throws SQLException {
    requireOpen();
    if (what != CLOSE_CURRENT_RESULT && what != KEEP_CURRENT_RESULT && what != CLOSE_ALL_RESULTS) {
      throw new SQLException("getMoreResults(" + what + "): not a Statement constant", "HY092");
    }
    if (current != null) {
      if (what == KEEP_CURRENT_RESULT) {
        current.detach(); // its rows stay readable while the cursor moves on
      } else {
        current.closedByStatement();
      }
      current = null;
    }
    updateCount = -1;
    if (detached != null) {
      return nextDetached();
    }
    if (cursor == null || !connection.isActive(this)) {
      return false;
    }
    return advanceCursor() && position();
  }

  private boolean nextDetached() throws SQLException {
    Object next = detached.poll();
    if (next instanceof SQLException e) {
      throw e;
    }
    if (next instanceof JctdsResultSet rs) {
      if (keysRequested && isKeys(rs.columns())) {
        generatedKeys = rs;
        return nextDetached();
      }
      current = rs;
      return true;
    }
    updateCount = next == null ? -1 : (Long) next;
    return false;
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    requireOpen();
    if (generatedKeys == null) {
      return new JctdsResultSet(this, List.of(), List.of(), ResultSet.TYPE_FORWARD_ONLY);
    }
    return generatedKeys;
  }

  /** The rows of the current result set ended (closeOnCompletion). */
  void resultSetEnded(JctdsResultSet rs) {
    // nothing: the statement still has its other results
  }

  /** The user closed {@code rs}. */
  void resultSetClosed(JctdsResultSet rs) throws SQLException {
    if (rs == current && closeOnCompletion) {
      close();
    }
  }

  // ---- batches

  @Override
  public void addBatch(String sql) throws SQLException {
    requireOpen();
    batch.add(translate(sql));
  }

  @Override
  public void clearBatch() throws SQLException {
    requireOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] r = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      r[i] = toInt(counts[i]);
    }
    return r;
  }

  /**
   * Sends the whole batch as one SQL batch, its statements joined by {@link #BATCH_SEPARATOR} (as
   * mssql-jdbc 13.6.2 sends it: one request, so #temp tables, SET and USE carry from one statement
   * to the next), and reads one result per statement, the DONE that ends it ({@link
   * Cursor#statementsAsResults}). As mssql-jdbc does (StatementResultsIT records it on the same
   * server), a statement that reports no count (DDL) is SUCCESS_NO_INFO, and a failed statement
   * does not stop the batch: it is EXECUTE_FAILED and the BatchUpdateException at the end holds
   * every count, its errors chained; statements the server never reached (a batch that failed to
   * compile) stay EXECUTE_FAILED. A timeout, a cancel or a lost connection is thrown as itself.
   */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    requireOpen();
    List<String> todo = new ArrayList<>(batch);
    batch.clear();
    long[] counts = new long[todo.size()];
    Arrays.fill(counts, EXECUTE_FAILED);
    if (todo.isEmpty()) {
      return counts;
    }
    beginRequest(false);
    SQLException first;
    cursor.statementsAsResults(true);
    try {
      first = readBatch(String.join(BATCH_SEPARATOR, todo), counts);
    } finally {
      cursor.statementsAsResults(false);
      connection.requestEnded(this);
    }
    if (first != null) {
      long failed = Arrays.stream(counts).filter(n -> n == EXECUTE_FAILED).count();
      throw new BatchUpdateException(
          failed
              + " of the "
              + todo.size()
              + " statements of the batch failed; the first error: "
              + first.getMessage(),
          first.getSQLState(),
          first.getErrorCode(),
          counts,
          first);
    }
    return counts;
  }

  /**
   * The statements are joined with a newline before the semicolon, so that a statement ending in a
   * {@code --} comment cannot swallow the separator (mssql-jdbc joins with a bare ";").
   */
  static final String BATCH_SEPARATOR = "\n;";

  /** Sends the batch, fills {@code counts}; the first statement error, its successors chained. */
  private SQLException readBatch(String text, long[] counts) throws SQLException {
    SQLException first = null;
    for (int i = 0; i < counts.length; i++) {
      try {
        boolean more = i == 0 ? sendBatch(text) : cursor.nextSet();
        noteWarnings();
        if (!more && !cursor.atCount()) {
          break; // fewer results than statements: the rest never ran
        }
        if (!cursor.description().isEmpty()) {
          first = chain(first, resultSetInBatch(i));
        } else {
          counts[i] = cursor.rowCount() < 0 ? SUCCESS_NO_INFO : cursor.rowCount();
        }
      } catch (JctdsException e) {
        noteWarnings();
        SQLException se = SqlErrors.of(e);
        if (se instanceof java.sql.SQLTimeoutException || connection.isClosed()) {
          throw se; // nothing more of the batch will be read
        }
        first = chain(first, se);
      }
    }
    drainBatch();
    return first;
  }

  private boolean sendBatch(String text) {
    cursor.execute(text);
    return !cursor.description().isEmpty() || cursor.atCount();
  }

  private static SQLException resultSetInBatch(int i) {
    return new SQLException(
        "statement "
            + (i + 1)
            + " of the batch returned a result set: a batch may hold only statements that"
            + " return update counts (run queries with executeQuery)",
        "HY000");
  }

  private static SQLException chain(SQLException first, SQLException e) {
    if (first == null) {
      return e;
    }
    first.setNextException(e);
    return first;
  }

  /** Reads what follows the batch's last statement (nothing, from SQL Server) to the end. */
  private void drainBatch() throws SQLException {
    while (true) {
      try {
        if (!cursor.nextSet() && !cursor.atCount()) {
          return;
        }
      } catch (JctdsException e) {
        SQLException se = SqlErrors.of(e);
        if (connection.isClosed()) {
          throw se;
        }
      }
    }
  }

  // ---- warnings

  private void noteWarnings() {
    List<SqlServerMessage> ms;
    try {
      ms = connection.nativeConnection().messages();
    } catch (RuntimeException e) {
      return;
    }
    for (SqlServerMessage m : ms) {
      SQLWarning w = new SQLWarning(m.text(), "01000", m.number());
      if (warnings == null) {
        warnings = w;
      } else if (!contains(warnings, m)) {
        warnings.setNextWarning(w);
      }
    }
  }

  private static boolean contains(SQLWarning chain, SqlServerMessage m) {
    for (SQLWarning w = chain; w != null; w = w.getNextWarning()) {
      if (w.getErrorCode() == m.number() && m.text().equals(w.getMessage())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    requireOpen();
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    requireOpen();
    warnings = null;
  }

  // ---- settings

  @Override
  public int getQueryTimeout() throws SQLException {
    requireOpen();
    return queryTimeout;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    requireOpen();
    if (seconds < 0) {
      throw new SQLException("the query timeout must be >= 0 seconds, got " + seconds, "HY024");
    }
    queryTimeout = seconds;
  }

  @Override
  public void cancel() throws SQLException {
    requireOpen();
    Cursor c = cursor;
    if (c != null) {
      try {
        c.cancel();
      } catch (JctdsException e) {
        throw SqlErrors.of(e);
      }
    }
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    requireOpen();
    return maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    requireOpen();
    if (max < 0) {
      throw new SQLException("maxRows must be >= 0, got " + max, "HY024");
    }
    maxRows = max;
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    requireOpen();
    return maxFieldSize;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    requireOpen();
    if (max < 0) {
      throw new SQLException("maxFieldSize must be >= 0, got " + max, "HY024");
    }
    maxFieldSize = max; // recorded; values are never truncated silently
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    requireOpen();
    escapes = enable;
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw new SQLFeatureNotSupportedException("jctds uses no named server cursors", "0A000");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    requireOpen();
    if (direction != ResultSet.FETCH_FORWARD && resultSetType == ResultSet.TYPE_FORWARD_ONLY) {
      throw new SQLException("a forward-only statement fetches forward only", "HY024");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    requireOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    requireOpen();
    if (rows < 0) {
      throw new SQLException("the fetch size must be >= 0, got " + rows, "HY024");
    }
    fetchSize = rows; // a hint: rows always stream as the server sends them
  }

  @Override
  public int getFetchSize() throws SQLException {
    requireOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    requireOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    requireOpen();
    return resultSetType;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    requireOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public Connection getConnection() throws SQLException {
    requireOpen();
    return connection;
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    requireOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    requireOpen();
    return poolable;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    requireOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    requireOpen();
    return closeOnCompletion;
  }

  // ---- life cycle

  final void requireOpen() throws SQLException {
    if (closed) {
      throw new SQLException("the statement is closed", "HY010");
    }
    connection.requireOpen();
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    discardResults();
    connection.statementClosed(this);
    Cursor c = cursor;
    cursor = null;
    if (c != null && !connection.isClosed()) {
      try {
        c.close(); // discards the rest of the response
      } catch (JctdsException e) {
        throw SqlErrors.of(e);
      }
    }
  }

  /** Marks the statement closed when its connection closes. */
  void connectionClosed() {
    closed = true;
    cursor = null;
    current = null;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
