package io.jctds;

import io.jctds.session.Session;
import io.jctds.tls.EncryptionReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A connection to SQL Server, made by {@link Jctds#connect}. Mirrors k-cTDS's Connection: {@link
 * #cursor()}, {@link #commit()}, {@link #rollback()}, {@link #messages()}, {@link #spid()}, {@link
 * #tdsVersion()}, {@link #database()}, plus {@link #encryption()}, the report of how the connection
 * is encrypted and how the server was checked.
 *
 * <p>With autocommit off (the default) the session runs with {@code SET IMPLICIT_TRANSACTIONS ON}
 * and work must be committed. {@link #close()} does not commit: uncommitted work is rolled back by
 * the server. Not thread-safe.
 */
public final class Connection implements AutoCloseable {
  private final Session session;
  private final ParamStyle paramstyle;
  private final boolean autocommit;

  Connection(Session session, ParamStyle paramstyle, boolean autocommit) {
    this.session = session;
    this.paramstyle = paramstyle;
    this.autocommit = autocommit;
  }

  Session session() {
    return session;
  }

  /** A new cursor. */
  public Cursor cursor() {
    requireOpen();
    return new Cursor(this);
  }

  /** Commits the current transaction, if one is open ({@code IF @@TRANCOUNT > 0 COMMIT}). */
  public void commit() {
    requireOpen();
    session.run("IF @@TRANCOUNT > 0 COMMIT TRANSACTION");
  }

  /** Rolls back the current transaction, if one is open. */
  public void rollback() {
    requireOpen();
    session.run("IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION");
  }

  /** Whether each statement commits on its own (IMPLICIT_TRANSACTIONS OFF). */
  public boolean autocommit() {
    return autocommit;
  }

  /** How SQL text names parameters. */
  public ParamStyle paramstyle() {
    return paramstyle;
  }

  /** The server process id of this session ({@code @@SPID}). */
  public int spid() {
    requireOpen();
    return session.spid();
  }

  /** The TDS version: "7.1" ... "7.4", or "8.0" for strict (TDS 8.0) sessions. */
  public String tdsVersion() {
    return session.tdsVersion();
  }

  /** The current database, as the server last reported it; null when closed. */
  public String database() {
    return session.isClosed() ? null : session.database();
  }

  /**
   * The messages of the last request: INFO (PRINT, RAISERROR with low severity) and ERROR tokens.
   * Before the first request: the login's messages, and jctds's notes about the connection (such as
   * "certificate not validated").
   */
  public List<SqlServerMessage> messages() {
    return session.messages();
  }

  /** How this connection is encrypted and how the server certificate was checked. */
  public EncryptionReport encryption() {
    return session.encryption();
  }

  /** The query timeout, if any. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(session.timeout());
  }

  /** Changes the query timeout; null for none. */
  public void timeout(Duration timeout) {
    requireOpen();
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new InterfaceError("the timeout must be positive, got " + timeout);
    }
    session.timeout(timeout, "(set by Connection.timeout)");
  }

  /** Whether the connection is closed. */
  public boolean isClosed() {
    return session.isClosed();
  }

  /** Closes the connection; closing twice does nothing. */
  @Override
  public void close() {
    session.close();
  }

  private void requireOpen() {
    if (session.isClosed()) {
      throw new InterfaceError("the connection is closed");
    }
  }

  @Override
  public String toString() {
    return "Connection[" + session + "]";
  }
}
