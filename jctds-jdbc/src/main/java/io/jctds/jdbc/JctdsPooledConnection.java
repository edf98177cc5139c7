package io.jctds.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * One physical jctds connection held by a pool ({@link JctdsConnectionPoolDataSource}).
 *
 * <p>{@link #getConnection()} hands out a logical handle ({@link LogicalConnection}): its {@code
 * close()} returns the connection to the pool ({@code connectionClosed}), a connection error
 * (SQLState class 08) is reported ({@code connectionErrorOccurred}), and a second getConnection
 * closes the previous handle (JDBC 4.3 §11.4). {@link #close()} closes the physical connection.
 */
final class JctdsPooledConnection implements PooledConnection {
  private final JdbcConfig config;
  private final io.jctds.Connection nativeConnection;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private Connection physical;
  private Connection handle;

  JctdsPooledConnection(JdbcConfig config, io.jctds.Connection nativeConnection) {
    this.config = config;
    this.nativeConnection = nativeConnection;
  }

  /**
   * A new logical handle on the physical connection; the previous handle, if any, is closed.
   *
   * @throws SQLException (08003) after {@link #close()}
   */
  @Override
  public synchronized Connection getConnection() throws SQLException {
    if (closed) {
      throw new SQLException(
          "this PooledConnection is closed: get a new one from the ConnectionPoolDataSource",
          "08003");
    }
    if (physical == null) {
      physical = JctdsDriver.connection(config, nativeConnection);
    }
    LogicalConnection.invalidate(handle);
    handle = LogicalConnection.of(this, physical);
    return handle;
  }

  /** Closes the physical connection; later calls do nothing. */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      nativeConnection.close();
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
  }

  /** The application closed its handle: tells the listeners ({@code connectionClosed}). */
  void handleClosed() {
    ConnectionEvent event = new ConnectionEvent(this);
    for (ConnectionEventListener l : listeners) {
      l.connectionClosed(event);
    }
  }

  /**
   * The connection failed in a way that makes it unusable: tells the listeners ({@code
   * connectionErrorOccurred}) so the pool discards it.
   */
  void handleFailed(SQLException e) {
    ConnectionEvent event = new ConnectionEvent(this, e);
    for (ConnectionEventListener l : listeners) {
      l.connectionErrorOccurred(event);
    }
  }

  /** The jctds connection underneath. */
  io.jctds.Connection nativeConnection() {
    return nativeConnection;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    if (listener != null) {
      listeners.add(listener);
    }
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  /** Kept; no statement events are sent yet (there is no statement pooling). */
  @Override
  public void addStatementEventListener(StatementEventListener listener) {
    if (listener != null) {
      statementListeners.add(listener);
    }
  }

  @Override
  public void removeStatementEventListener(StatementEventListener listener) {
    statementListeners.remove(listener);
  }
}
