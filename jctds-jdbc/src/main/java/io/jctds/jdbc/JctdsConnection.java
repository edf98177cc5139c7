package io.jctds.jdbc;

import io.jctds.JctdsException;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A JDBC connection over one jctds {@link io.jctds.Connection}. One request runs at a time on it: a
 * statement that sends a request first reads the unread results of the statement before it into
 * memory ({@link JctdsStatement#detach()}). {@code unwrap(io.jctds.Connection.class)} gives the
 * native connection (its encryption report included).
 */
public class JctdsConnection implements Connection {
  private final JdbcConfig config;
  private final io.jctds.Connection nativeConnection;
  private final Set<JctdsStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
  private JctdsStatement active;
  private Duration appliedTimeout;
  private int networkTimeoutMillis;
  private int isolation = TRANSACTION_READ_COMMITTED;
  private boolean readOnly;
  private int holdability = ResultSet.HOLD_CURSORS_OVER_COMMIT;
  private final Properties clientInfo = new Properties();
  private Map<String, Class<?>> typeMap = Map.of();
  private int savepoints;
  private volatile boolean closed;

  JctdsConnection(JdbcConfig config, io.jctds.Connection nativeConnection) {
    this.config = config;
    this.nativeConnection = nativeConnection;
    this.appliedTimeout = nativeConnection.timeout().orElse(null);
  }

  JdbcConfig config() {
    return config;
  }

  io.jctds.Connection nativeConnection() {
    return nativeConnection;
  }

  // ---- request bookkeeping for the statements

  /** Before {@code s} sends a request: the statement whose results are unread reads them. */
  void beforeRequest(JctdsStatement s) throws SQLException {
    if (active != null && active != s) {
      JctdsStatement other = active;
      active = null;
      other.detach();
    }
    active = s;
  }

  /** {@code s}'s response has been read to its end. */
  void requestEnded(JctdsStatement s) {
    if (active == s) {
      active = null;
    }
  }

  boolean isActive(JctdsStatement s) {
    return active == s;
  }

  void statementClosed(JctdsStatement s) {
    statements.remove(s);
    requestEnded(s);
  }

  /** The statement's query timeout (seconds, 0 none) or else the network timeout, applied. */
  void applyTimeout(int seconds) throws SQLException {
    Duration want =
        seconds > 0
            ? Duration.ofSeconds(seconds)
            : networkTimeoutMillis > 0 ? Duration.ofMillis(networkTimeoutMillis) : null;
    if (java.util.Objects.equals(want, appliedTimeout)) {
      return;
    }
    try {
      nativeConnection.timeout(want);
      appliedTimeout = want;
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  void requireOpen() throws SQLException {
    if (closed || nativeConnection.isClosed()) {
      throw new SQLException(
          closed
              ? "the connection is closed"
              : "the connection was closed (the server or the network ended it): open a new one",
          "08003");
    }
  }

  private <T extends JctdsStatement> T register(T s) {
    statements.add(s);
    return s;
  }

  // ---- statements

  @Override
  public Statement createStatement() throws SQLException {
    return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    requireOpen();
    checkResultSetKind(type, concurrency);
    return register(new JctdsStatement(this, type));
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkHoldability(holdability);
    return createStatement(type, concurrency);
  }

  static void checkResultSetKind(int type, int concurrency) throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE) {
      throw new SQLFeatureNotSupportedException(
          "result set type "
              + type
              + " is not supported: use TYPE_FORWARD_ONLY (streams) or TYPE_SCROLL_INSENSITIVE"
              + " (rows held in memory)",
          "HYC00");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw new SQLFeatureNotSupportedException(
          "only CONCUR_READ_ONLY result sets: update rows with UPDATE statements", "HYC00");
    }
  }

  private static void checkHoldability(int holdability) throws SQLException {
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT
        && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw new SQLException(
          "holdability " + holdability + " is not a ResultSet constant", "HY092");
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency)
      throws SQLException {
    requireOpen();
    checkResultSetKind(type, concurrency);
    return register(new JctdsPreparedStatement(this, sql, type, false));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkHoldability(holdability);
    return prepareStatement(sql, type, concurrency);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    requireOpen();
    if (autoGeneratedKeys != Statement.RETURN_GENERATED_KEYS
        && autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
      throw new SQLException(
          "autoGeneratedKeys " + autoGeneratedKeys + " is not a Statement constant", "HY092");
    }
    return register(
        new JctdsPreparedStatement(
            this,
            sql,
            ResultSet.TYPE_FORWARD_ONLY,
            autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepareStatement(
        sql, JctdsStatement.keysWanted(columnIndexes == null ? 0 : columnIndexes.length));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepareStatement(
        sql, JctdsStatement.keysWanted(columnNames == null ? 0 : columnNames.length));
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    return prepareCall(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    requireOpen();
    checkResultSetKind(type, concurrency);
    if (sql == null) {
      throw new SQLException("the SQL text is null", "HY009");
    }
    JdbcEscapes.Call call = JdbcEscapes.parseCall(sql);
    if (call == null) {
      throw new SQLException(
          "prepareCall takes a {call proc(?, ...)} or {? = call proc(?, ...)} escape, got: "
              + sql
              + " (run other SQL with prepareStatement)",
          "42000");
    }
    return register(new JctdsCallableStatement(this, sql, type, call));
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkHoldability(holdability);
    return prepareCall(sql, type, concurrency);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    requireOpen();
    return JdbcEscapes.translate(sql);
  }

  // ---- transactions

  @Override
  public void setAutoCommit(boolean on) throws SQLException {
    requireOpen();
    if (on == nativeConnection.autocommit()) {
      return;
    }
    try {
      if (on) {
        nativeConnection.commit(); // JDBC: switching auto-commit on commits the transaction
      }
      nativeConnection.autocommit(on);
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    requireOpen();
    return nativeConnection.autocommit();
  }

  @Override
  public void commit() throws SQLException {
    requireOpen();
    if (nativeConnection.autocommit()) {
      throw new SQLException(
          "commit() with auto-commit on: each statement commits by itself; call"
              + " setAutoCommit(false) to group statements in a transaction",
          "25000");
    }
    try {
      nativeConnection.commit();
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public void rollback() throws SQLException {
    requireOpen();
    if (nativeConnection.autocommit()) {
      throw new SQLException(
          "rollback() with auto-commit on: there is no transaction to roll back; call"
              + " setAutoCommit(false) first",
          "25000");
    }
    try {
      nativeConnection.rollback();
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return savepoint(new JctdsSavepoint(++savepoints, null));
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    if (name == null) {
      throw new SQLException("a savepoint name must not be null", "HY009");
    }
    return savepoint(new JctdsSavepoint(0, name));
  }

  private Savepoint savepoint(JctdsSavepoint s) throws SQLException {
    requireOpen();
    if (nativeConnection.autocommit()) {
      throw new SQLException(
          "a savepoint needs a transaction: call setAutoCommit(false) first", "3B000");
    }
    try {
      nativeConnection.savepoint(s.serverName());
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
    return s;
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    requireOpen();
    if (!(savepoint instanceof JctdsSavepoint s)) {
      throw new SQLException("not a savepoint of this driver: " + savepoint, "3B001");
    }
    try {
      nativeConnection.rollbackTo(s.serverName());
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    requireOpen();
    // SQL Server has no RELEASE SAVEPOINT: a savepoint ends with its transaction
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    requireOpen();
    String name =
        switch (level) {
          case TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
          case TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
          case TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
          case TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
          default ->
              throw new SQLException(
                  "transaction isolation " + level + " is not a Connection constant", "HY024");
        };
    runInternal("SET TRANSACTION ISOLATION LEVEL " + name);
    isolation = level;
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    requireOpen();
    return isolation;
  }

  /** Work of the driver's own on the native connection. */
  interface NativeWork<T> {
    T run(io.jctds.Connection c) throws SQLException;
  }

  /**
   * Runs the driver's own request: a statement with unread results reads them into memory first
   * ({@link #beforeRequest}, which leaves no statement active); jctds exceptions become
   * SQLExceptions.
   */
  <T> T internal(NativeWork<T> work) throws SQLException {
    beforeRequest(null);
    try {
      return work.run(nativeConnection);
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  /** Runs a statement of the driver's own on a cursor of its own. */
  void runInternal(String sql) throws SQLException {
    internal(
        n -> {
          try (io.jctds.Cursor c = n.cursor()) {
            c.execute(sql);
          }
          return null;
        });
  }

  // ---- session settings

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    requireOpen();
    this.readOnly = readOnly; // a hint (ApplicationIntent is chosen when connecting)
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    requireOpen();
    return readOnly;
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    requireOpen();
    if (catalog == null) {
      return;
    }
    internal(
        n -> {
          n.use(catalog);
          return null;
        });
  }

  @Override
  public String getCatalog() throws SQLException {
    requireOpen();
    return nativeConnection.database();
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    requireOpen();
    // SQL Server has no session schema (a user's default schema is set by ALTER USER): ignored,
    // as JDBC asks of a driver whose database does not support it
  }

  @Override
  public String getSchema() throws SQLException {
    requireOpen();
    return internal(
        n -> {
          try (io.jctds.Cursor c = n.cursor()) {
            c.execute("SELECT SCHEMA_NAME()");
            io.jctds.Row r = c.fetchOne();
            return r == null ? null : r.getString(0);
          }
        });
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    requireOpen();
    checkHoldability(holdability);
    this.holdability = holdability;
  }

  @Override
  public int getHoldability() throws SQLException {
    requireOpen();
    return holdability;
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    requireOpen();
    return typeMap;
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    requireOpen();
    typeMap = map == null ? Map.of() : map;
  }

  // ---- warnings, metadata, validity

  @Override
  public SQLWarning getWarnings() throws SQLException {
    requireOpen();
    SQLWarning first = null;
    for (io.jctds.SqlServerMessage m : nativeConnection.messages()) {
      SQLWarning w = new SQLWarning(m.text(), "01000", m.number());
      if (first == null) {
        first = w;
      } else {
        first.setNextWarning(w);
      }
    }
    return first;
  }

  @Override
  public void clearWarnings() throws SQLException {
    requireOpen();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    requireOpen();
    return new JctdsDatabaseMetaData(
        this, nativeConnection, config.url(), config.options().user().orElse(null));
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("isValid's timeout must be >= 0 seconds, got " + timeout, "HY024");
    }
    if (closed || nativeConnection.isClosed()) {
      return false;
    }
    try {
      return internal(
          n -> {
            n.ping(Duration.ofSeconds(timeout == 0 ? 3600 : timeout));
            return true;
          });
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("the connection is closed", "08003", 0, Map.of());
    }
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("the connection is closed", "08003", 0, Map.of());
    }
    clientInfo.clear();
    if (properties != null) {
      clientInfo.putAll(properties);
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    requireOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    requireOpen();
    Properties p = new Properties();
    p.putAll(clientInfo);
    return p;
  }

  // ---- factories

  @Override
  public Clob createClob() throws SQLException {
    requireOpen();
    return new WritableLobs.WritableClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    requireOpen();
    return new WritableLobs.WritableBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    requireOpen();
    return new WritableLobs.WritableClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    requireOpen();
    return new WritableLobs.WritableSqlXml();
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQL Server has no ARRAY type", "0A000");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQL Server has no STRUCT type", "0A000");
  }

  // ---- life cycle

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    for (JctdsStatement s : new ArrayList<>(statements)) {
      s.connectionClosed();
    }
    statements.clear();
    try {
      nativeConnection.close();
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  @Override
  public boolean isClosed() {
    return closed || nativeConnection.isClosed();
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("abort needs an executor", "HY009");
    }
    if (closed) {
      return;
    }
    closed = true;
    executor.execute(nativeConnection::close);
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    requireOpen();
    if (milliseconds < 0) {
      throw new SQLException("the network timeout must be >= 0 ms, got " + milliseconds, "HY024");
    }
    networkTimeoutMillis = milliseconds;
    applyTimeout(0);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    requireOpen();
    return networkTimeoutMillis;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (iface.isInstance(nativeConnection)) {
      return iface.cast(nativeConnection);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this) || iface.isInstance(nativeConnection);
  }

  @Override
  public String toString() {
    return "JctdsConnection[" + config.url() + "]";
  }

  List<JctdsStatement> openStatements() {
    return List.copyOf(statements);
  }
}
