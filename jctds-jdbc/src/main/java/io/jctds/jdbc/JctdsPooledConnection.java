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
 * <p>Gap, until the logical handle lands: {@link #getConnection()} returns the physical {@link
 * JctdsConnection}, so the application's {@code close()} closes it instead of returning it to the
 * pool, and no {@code connectionClosed} event is sent for it. {@link #handleClosed()} and {@link
 * #handleFailed(SQLException)} are the hooks the logical handle will call; {@link #close()} closes
 * the physical connection.
 */
final class JctdsPooledConnection implements PooledConnection {
  private final JdbcConfig config;
  private final io.jctds.Connection nativeConnection;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private Connection physical;

  JctdsPooledConnection(JdbcConfig config, io.jctds.Connection nativeConnection) {
    this.config = config;
    this.nativeConnection = nativeConnection;
  }

  /**
   * The connection for the application (for now the physical one, see the class comment).
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
    return physical;
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
