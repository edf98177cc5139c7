package io.jctds;

import io.jctds.internal.bulk.BulkLoader;
import io.jctds.session.Session;
import io.jctds.tls.EncryptionReport;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
  private final boolean enableBcp;
  private final Consumer<Connection> release;
  private final AtomicBoolean released = new AtomicBoolean();
  private final PreparedHandles preparedHandles = new PreparedHandles();
  private boolean autocommit;

  Connection(Session session, ParamStyle paramstyle, boolean autocommit) {
    this(session, paramstyle, autocommit, true);
  }

  Connection(Session session, ParamStyle paramstyle, boolean autocommit, boolean enableBcp) {
    this(session, paramstyle, autocommit, enableBcp, null);
  }

  /**
   * A connection whose {@link #close()} hands it to {@code release} (a {@link ConnectionPool}'s
   * return) instead of closing the session; afterwards this object is closed for its user.
   */
  Connection(
      Session session,
      ParamStyle paramstyle,
      boolean autocommit,
      boolean enableBcp,
      Consumer<Connection> release) {
    this.session = session;
    this.release = release;
    this.paramstyle = paramstyle;
    this.autocommit = autocommit;
    this.enableBcp = enableBcp;
  }

  Session session() {
    return session;
  }

  PreparedHandles preparedHandles() {
    return preparedHandles;
  }

  /** A new cursor. */
  public Cursor cursor() {
    requireOpen();
    return new Cursor(this);
  }

  /**
   * Commits the current transaction, if one is open ({@code IF @@TRANCOUNT > 0 COMMIT}).
   *
   * @throws CommitOutcomeUnknownError if the connection breaks after the COMMIT was sent and before
   *     the server answered: whether it committed is unknown
   */
  public void commit() {
    requireOpen();
    try {
      session.run("IF @@TRANCOUNT > 0 COMMIT TRANSACTION");
    } catch (OperationalError e) {
      if (e.isConnectionBroken()) {
        throw new CommitOutcomeUnknownError(
            "the connection broke while COMMIT was in flight, so jctds cannot know whether the"
                + " transaction was committed; check the data on a new connection before"
                + " retrying ("
                + e.getMessage()
                + ")",
            e);
      }
      throw e;
    }
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

  /**
   * Switches autocommit: on sends {@code SET IMPLICIT_TRANSACTIONS OFF}, off sends {@code ON}. A
   * transaction that is open ({@code @@TRANCOUNT > 0}) is never committed or rolled back silently:
   * the switch is refused with a {@link ProgrammingError} and nothing changes — commit or roll back
   * first. Setting the current value sends nothing.
   */
  public void autocommit(boolean on) {
    requireOpen();
    if (on == autocommit) {
      return;
    }
    session.run(
        "IF @@TRANCOUNT > 0 RAISERROR(N'jctds: a transaction is open; commit or roll it back"
            + " before switching autocommit', 16, 1) ELSE SET IMPLICIT_TRANSACTIONS "
            + (on ? "OFF" : "ON"));
    autocommit = on;
  }

  /**
   * Marks a savepoint in the open transaction ({@code SAVE TRANSACTION name}); SQL Server refuses
   * it (error 628) when no transaction is open.
   *
   * @param name an identifier of at most 32 characters (letters, digits, _, @, #, $)
   */
  public void savepoint(String name) {
    requireOpen();
    session.run("SAVE TRANSACTION " + savepointName(name));
  }

  /** Rolls the open transaction back to the savepoint {@code name}; the transaction stays open. */
  public void rollbackTo(String name) {
    requireOpen();
    session.run("ROLLBACK TRANSACTION " + savepointName(name));
  }

  private static String savepointName(String name) {
    if (name == null || !name.matches("[\\p{L}_][\\p{L}\\p{Nd}_@#$]{0,31}")) {
      throw new InterfaceError(
          "a savepoint name must be an identifier of at most 32 characters, got " + name);
    }
    return name;
  }

  /** Makes {@code database} the current database ({@code USE [database]}). */
  public void use(String database) {
    requireOpen();
    session.run("USE [" + database.replace("]", "]]") + "]");
  }

  /** How SQL text names parameters. */
  public ParamStyle paramstyle() {
    return paramstyle;
  }

  /**
   * Bulk-inserts {@code rows} into {@code table} with {@link BulkOptions#DEFAULTS}; see {@link
   * #bulkInsert(String, Iterator, BulkOptions)}.
   */
  public long bulkInsert(String table, Iterable<?> rows) {
    return bulkInsert(table, rows.iterator(), BulkOptions.DEFAULTS);
  }

  /** See {@link #bulkInsert(String, Iterator, BulkOptions)}. */
  public long bulkInsert(String table, Iterable<?> rows, BulkOptions options) {
    return bulkInsert(table, rows.iterator(), options);
  }

  /** See {@link #bulkInsert(String, Iterator, BulkOptions)}. */
  public long bulkInsert(String table, Iterator<?> rows) {
    return bulkInsert(table, rows, BulkOptions.DEFAULTS);
  }

  /** See {@link #bulkInsert(String, Iterator, BulkOptions)}; the stream is consumed lazily. */
  public long bulkInsert(String table, Stream<?> rows) {
    return bulkInsert(table, rows.iterator(), BulkOptions.DEFAULTS);
  }

  /** See {@link #bulkInsert(String, Iterator, BulkOptions)}; the stream is consumed lazily. */
  public long bulkInsert(String table, Stream<?> rows, BulkOptions options) {
    return bulkInsert(table, rows.iterator(), options);
  }

  /**
   * Bulk-inserts {@code rows} into {@code table} as SQL Server's bcp does ({@code INSERT BULK} and
   * a BulkLoadBCP message per batch), reading the rows one at a time. A row is a {@code List} or
   * {@code Object[]} with one value per table column (computed and timestamp columns excepted; an
   * identity column's value is ignored without KEEP_IDENTITY), or a {@code Map<String, ?>} by
   * column name where a missing key sends NULL (the column default unless KEEP_NULLS).
   *
   * @param table the table name as T-SQL text, e.g. {@code dbo.t} or {@code [my table]}
   * @return the number of rows the server inserted
   * @throws InterfaceError if the connection was made with {@code enableBcp(false)} or is closed
   * @throws DataError naming the row (1-based) and column of a value that does not fit; the batch
   *     being sent is discarded, earlier batches stay inserted
   */
  public long bulkInsert(String table, Iterator<?> rows, BulkOptions options) {
    requireOpen();
    if (!enableBcp) {
      throw new InterfaceError("bulk copy is disabled on this connection (enableBcp false)");
    }
    return BulkLoader.run(session, table, rows, options);
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
    return isClosed() ? null : session.database();
  }

  /**
   * The messages of the last request below severity 11 (PRINT, RAISERROR with severity 10 or less,
   * informational messages), in order. Before the first request: the login's, and jctds's notes
   * about the connection (such as "certificate not validated"). Errors are in the exception's
   * {@link JctdsException#messages()}, and in {@link #allMessages()}.
   */
  public List<SqlServerMessage> messages() {
    return allMessages().stream().filter(m -> !m.isError()).toList();
  }

  /** Every message of the last request, INFO and ERROR, in the order the server sent them. */
  public List<SqlServerMessage> allMessages() {
    return released.get() ? List.of() : session.messages();
  }

  /**
   * The messages of the last request of severity 1 to 10 as {@link Warning}s, as k-cTDS reports
   * them through Python's warnings module.
   */
  public List<Warning> warnings() {
    return allMessages().stream()
        .filter(m -> m.severity() >= 1 && !m.isError())
        .map(Warning::new)
        .toList();
  }

  /** How this connection is encrypted and how the server certificate was checked. */
  public EncryptionReport encryption() {
    return session.encryption();
  }

  /**
   * One cheap round trip that proves the connection works ({@code SELECT 1}, or the reset a pool
   * left pending), waiting at most {@code limit} (or the query timeout, if shorter): JDBC's {@code
   * isValid}, a pool's validation.
   *
   * @throws JctdsException if the server does not answer in time or answers with an error
   */
  public void ping(Duration limit) {
    requireOpen();
    session.ping(limit);
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
    return released.get() || session.isClosed();
  }

  /**
   * Closes the connection; closing twice does nothing. A connection borrowed from a {@link
   * ConnectionPool} goes back to the pool instead, and this object can no longer be used (its
   * methods throw {@link InterfaceError}); the next borrower gets a new one.
   */
  @Override
  public void close() {
    if (release == null) {
      session.close();
    } else if (released.compareAndSet(false, true)) {
      release.accept(this);
    }
  }

  private void requireOpen() {
    if (released.get()) {
      throw new InterfaceError(
          "the connection was returned to its pool (closed); borrow another one");
    }
    if (session.isClosed()) {
      throw new InterfaceError("the connection is closed");
    }
  }

  /** {@code Connection[database=master, spid=54]}, or {@code Connection[closed]}. */
  @Override
  public String toString() {
    if (isClosed()) {
      return "Connection[closed]";
    }
    return "Connection[database=" + session.database() + ", spid=" + session.spid() + "]";
  }
}
