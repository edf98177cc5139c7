package io.jctds.session;

import io.jctds.InterfaceError;
import io.jctds.JctdsException;
import io.jctds.SqlServerMessage;
import io.jctds.net.PacketChannel;
import io.jctds.net.ReadTimeout;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.batch.AllHeaders;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.type.Collation;
import io.jctds.tls.EncryptionReport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A logged-in TDS session: sends requests, and streams each response through one {@link
 * ResponseStream} at a time. Tracks what the server tells the session about itself (database,
 * packet size, transaction) and the messages of the last request. Not thread-safe, except {@link
 * #close()}.
 */
public final class Session implements AutoCloseable {
  /**
   * What a successful login hands to the session.
   *
   * @param socket the socket's read timeout
   * @param channel the packet channel (over TLS when encrypted)
   * @param version the TDS version the session speaks (7.4 for 8.0)
   * @param label the version as reported: "7.1" ... "7.4", "8.0"
   * @param spid the server process id
   * @param database the current database, or null
   * @param language the session language, or null
   * @param collation the server's default collation bytes, or null
   * @param level how much TLS protects
   * @param tls what TLS negotiated, or null without TLS
   * @param messages the messages of the login
   */
  public record Established(
      ReadTimeout socket,
      PacketChannel channel,
      TdsVersion version,
      String label,
      int spid,
      String database,
      String language,
      byte[] collation,
      EncryptionReport.Level level,
      TlsSessionInfo tls,
      List<SqlServerMessage> messages) {}

  private final ReadTimeout socket;
  private final PacketChannel channel;
  private final TokenReader reader;
  private final TdsVersion version;
  private final String label;
  private final int spid;
  private final EncryptionReport encryption;
  private final String id;
  private final String loginDatabase;
  private final Collation loginCollation;
  private final List<SqlServerMessage> messages = new CopyOnWriteArrayList<>();
  private Duration queryTimeout;
  private String queryTimeoutOrigin;
  private String database;
  private long transaction;
  private Collation collation;
  private ResponseStream current;
  private volatile boolean closed;

  /** The SET statements that configure the session after login (re-run after a reset). */
  private String setupSql = "";

  /** SET statements the next SQL batch starts with (after a reset), or null. */
  private String pendingSetup;

  /** Status bits for the first packet of the next message (RESETCONNECTION), or 0. */
  private int resetBits;

  /** The request in flight started with {@link #pendingSetup}. */
  private boolean setupSent;

  /** The request in flight got an ERROR token. */
  private boolean errorSeen;

  /** cancel() was called for the request being sent or in flight. */
  private volatile boolean cancelRequested;

  /**
   * IDLE, SENDING, IN_FLIGHT (sent, response not finished: cancel may send an ATTENTION) or
   * ATTENTION (sent for the request in flight: its response is read to the acknowledgement). Only
   * IN_FLIGHT -> ATTENTION sends, and only IN_FLIGHT -> IDLE ends a response normally, so an
   * ATTENTION never outlives its request.
   */
  private final AtomicInteger state = new AtomicInteger(IDLE);

  private static final int IDLE = 0;
  private static final int SENDING = 1;
  private static final int IN_FLIGHT = 2;
  private static final int ATTENTION = 3;

  /**
   * @param e what the login established
   * @param encryption the encryption report
   * @param queryTimeout the query timeout, or null
   * @param queryTimeoutOrigin where it came from (for messages)
   * @param id the connection id for logs
   */
  public Session(
      Established e,
      EncryptionReport encryption,
      Duration queryTimeout,
      String queryTimeoutOrigin,
      String id) {
    this.socket = e.socket();
    this.channel = e.channel();
    this.version = e.version();
    this.label = e.label();
    this.spid = e.spid();
    this.database = e.database();
    this.loginDatabase = e.database();
    this.collation =
        e.collation() != null && e.collation().length == Collation.SIZE
            ? Collation.fromBytes(e.collation())
            : Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;
    this.loginCollation = collation;
    this.encryption = encryption;
    this.id = id;
    this.reader = new TokenReader(channel, new TokenDecoder(version));
    this.messages.addAll(e.messages());
    timeout(queryTimeout, queryTimeoutOrigin);
  }

  /** The TDS version as reported: "7.1" ... "7.4", or "8.0" for strict sessions. */
  public String tdsVersion() {
    return label;
  }

  /** The server process id. */
  public int spid() {
    return spid;
  }

  /** The current database. */
  public String database() {
    return database;
  }

  /** The encryption report. */
  public EncryptionReport encryption() {
    return encryption;
  }

  /**
   * Every message (INFO and ERROR) of the last request, in order (of the login, before the first
   * request).
   */
  public List<SqlServerMessage> messages() {
    return List.copyOf(messages);
  }

  List<SqlServerMessage> allMessages() {
    return List.copyOf(messages);
  }

  /** Adds a note of jctds to {@link #messages()}. */
  public void note(String text) {
    messages.add(SqlServerMessage.clientNote(text));
  }

  /** The query timeout, or null. */
  public Duration timeout() {
    return queryTimeout;
  }

  /** Sets the query timeout (null: none). */
  public void timeout(Duration timeout, String origin) {
    this.queryTimeout = timeout;
    this.queryTimeoutOrigin = origin;
    socket.readTimeout(timeout);
  }

  /** Where the query timeout came from (for messages). */
  public String timeoutOrigin() {
    return queryTimeoutOrigin;
  }

  /** Whether the session is closed. */
  public boolean isClosed() {
    return closed;
  }

  /** The connection id used in logs and dumps. */
  public String id() {
    return id;
  }

  /**
   * Sends {@code sql} as one SQL batch and returns its response stream. Any response still being
   * read is drained first (its results are discarded).
   *
   * @throws InterfaceError if the session is closed
   */
  public ResponseStream execute(String sql) {
    return execute(sql, false);
  }

  /**
   * {@link #execute(String)}; with {@code setupApart}, the session's pending setup SET statements,
   * if any, run first as a batch of their own instead of starting this one, so that every statement
   * of the response is one of {@code sql}'s.
   */
  public ResponseStream execute(String sql, boolean setupApart) {
    requireOpen();
    finishCurrent();
    String setup = pendingSetup;
    if (setup != null && (setupApart || BatchStart.mustComeFirst(sql))) {
      runSetup(); // CREATE PROCEDURE and friends must be the first statement of their batch
      setup = null;
    }
    SqlBatch batch = SqlBatch.inTransaction(transaction, setup == null ? sql : setup + sql);
    setupSent = setup != null;
    return send(
        PacketType.SQL_BATCH,
        setup == null ? 0 : resetBits,
        w -> batch.encode(w, version),
        "sending the SQL batch");
  }

  /**
   * Makes the next request reset the session: its first packet carries RESETCONNECTION ([MS-TDS]
   * 2.2.3.1.2), so the server rolls back an open transaction, drops temporary tables and prepared
   * handles and restores the login's SET options and database before running it, with no extra
   * round trip; and the session's setup SET statements (autocommit, ANSI defaults, TEXTSIZE), which
   * the reset undoes, start the next SQL batch again. When the next request is an RPC or a bulk
   * load (which cannot carry SET statements), a SQL batch with the bit and the setup goes first.
   * Used by {@link io.jctds.ConnectionPool} between borrowers.
   */
  public void resetOnNextRequest() {
    requireOpen();
    finishCurrent();
    pendingSetup = setupSql;
    resetBits = PacketHeader.STATUS_RESET_CONNECTION;
    database = loginDatabase;
    messages.clear();
  }

  /** Whether a request is being sent or its response is being read (or was left unread). */
  public boolean busy() {
    return state.get() != IDLE || (current != null && !current.isFinished());
  }

  /** Whether a reset is due on the next request, or its setup has not yet run without error. */
  public boolean resetPending() {
    return pendingSetup != null;
  }

  /**
   * Sets the session's setup SET statements (the connector, after login) and makes them start the
   * first request, as after a reset: they cost no round trip of their own unless that request is an
   * RPC or a bulk load (then they go first as a batch of their own) or must come first in its batch
   * ({@link BatchStart}). A connection closed before any request never sends them.
   */
  void setupOnFirstRequest(String sql) {
    this.setupSql = sql;
    this.pendingSetup = sql;
  }

  /** Runs the pending setup (and the reset bit) as a batch of its own. */
  private void runSetup() {
    execute("").drain(true);
  }

  /**
   * Whether a transaction is open, as the server reported it (ENVCHANGE begin/commit/rollback, TDS
   * 7.2 and later); always false on TDS 7.0/7.1, which do not report them.
   */
  public boolean inTransaction() {
    return transaction != 0;
  }

  /**
   * Whether the idle session looks usable without a round trip: open, no response being read, no
   * byte read ahead, and the socket shows neither unread bytes nor the end of the stream ({@link
   * ReadTimeout#quiet()}; a session that is not quiet must be closed, since the check may have
   * consumed a byte).
   */
  public boolean isQuiet() {
    return !closed
        && state.get() == IDLE
        && (current == null || current.isFinished())
        && channel.buffered() == 0
        && socket.quiet();
  }

  /**
   * One cheap round trip that proves the session works: the pending reset and setup if any (which
   * it then completes), else {@code SELECT 1}; it waits at most {@code limit} (or the query
   * timeout, if shorter).
   *
   * @throws JctdsException if the session does not answer in time or answers with an error
   */
  public void ping(Duration limit) {
    Duration saved = queryTimeout;
    String savedOrigin = queryTimeoutOrigin;
    Duration wait = saved == null || saved.compareTo(limit) > 0 ? limit : saved;
    timeout(wait, "(the pool's validation limit)");
    try {
      run(pendingSetup != null ? "" : "SELECT 1");
    } finally {
      if (!closed) {
        timeout(saved, savedOrigin);
      }
    }
  }

  /**
   * Sends one RPC message holding {@code calls} (ALL_HEADERS with the current transaction
   * descriptor, as for SQL batches) and returns its response stream, which also hands out the
   * calls' RETURNSTATUS and RETURNVALUE tokens. Any response still being read is drained first.
   *
   * @throws InterfaceError if the session is closed or {@code calls} is empty
   */
  public ResponseStream call(List<RpcRequest> calls) {
    if (calls.isEmpty()) {
      throw new InterfaceError("an RPC request needs at least one call");
    }
    AllHeaders headers = AllHeaders.transaction(transaction, 1);
    return send(
        PacketType.RPC,
        w -> RpcRequest.encodeMessage(w, version, headers, calls),
        "sending the RPC request");
  }

  /**
   * Sends one BulkLoadBCP message (packet type 7; no ALL_HEADERS) whose payload {@code body} writes
   * as it goes, and returns its response stream. When {@code body} throws (a {@link
   * io.jctds.DataError}, or the caller's row source failing) the message is ended with the IGNORE
   * bit (the server discards it, as mssql-jdbc's ignoreMessage), the server's answer is read and
   * discarded, and the exception is rethrown with the session still usable.
   */
  public ResponseStream bulkLoad(Consumer<TdsWriter> body) {
    return send(PacketType.BULK_LOAD, body, "sending the bulk load data");
  }

  private ResponseStream send(int type, Consumer<TdsWriter> body, String doing) {
    requireOpen();
    finishCurrent();
    if (pendingSetup != null) {
      runSetup(); // an RPC or a bulk load cannot start with SET statements
    }
    setupSent = false;
    return send(type, 0, body, doing);
  }

  private ResponseStream send(int type, int status, Consumer<TdsWriter> body, String doing) {
    requireOpen();
    finishCurrent();
    messages.clear();
    cancelRequested = false;
    errorSeen = false;
    state.set(SENDING);
    try {
      channel.send(type, status, body);
      resetBits &= ~status;
    } catch (RuntimeException e) {
      if (type != PacketType.BULK_LOAD) {
        state.set(IDLE);
        throw fail(e, doing);
      }
      beginResponse().drain(false); // the channel ended the message with IGNORE
      throw e;
    } catch (IOException e) {
      state.set(IDLE);
      throw fail(e, doing);
    }
    return beginResponse();
  }

  private ResponseStream beginResponse() {
    reader.begin();
    current = new ResponseStream(this, reader);
    state.set(IN_FLIGHT);
    if (cancelRequested) {
      sendAttentionQuietly(); // cancel() came while the request was being sent
    }
    return current;
  }

  /**
   * Cancels the request in flight: sends an ATTENTION at once, from any thread. The thread reading
   * the response reads on to the server's acknowledgement and throws {@link
   * io.jctds.QueryCancelledError}. Does nothing when no request is in flight.
   */
  public void cancel() {
    cancelRequested = true;
    sendAttentionQuietly(); // only while IN_FLIGHT
  }

  private void sendAttentionQuietly() {
    try {
      sendAttentionOnce();
    } catch (IOException e) {
      // the reading thread sees the broken connection and reports it
    }
  }

  /** Sends the ATTENTION of the request in flight unless it was sent already. */
  void sendAttentionOnce() throws IOException {
    if (state.compareAndSet(IN_FLIGHT, ATTENTION)) {
      channel.sendAttention();
    }
  }

  /** Whether an ATTENTION was sent (or is being sent) for the request in flight. */
  boolean attentionSent() {
    return state.get() == ATTENTION;
  }

  /**
   * The response reached its end: false when an ATTENTION was sent for it, which the reader must
   * then read on to the acknowledgement for.
   */
  boolean endResponse() {
    if (state.compareAndSet(IN_FLIGHT, IDLE)) {
      if (setupSent && !errorSeen) {
        pendingSetup = null; // the setup ran; after an error it starts the next batch again
      }
      setupSent = false;
      return true;
    }
    return state.get() != ATTENTION;
  }

  /** The acknowledgement of the ATTENTION was read: the request is over. */
  void acknowledged() {
    state.set(IDLE);
  }

  /** The negotiated TDS version. */
  public TdsVersion version() {
    return version;
  }

  /**
   * The server's default collation (LOGINACK's ENVCHANGE 7, updated by later ones);
   * SQL_Latin1_General_CP1_CI_AS when the server sent none (TDS 7.0).
   */
  public Collation collation() {
    return collation;
  }

  /** Runs {@code sql} and discards its results; throws its first error. */
  public void run(String sql) {
    execute(sql).drain(true);
  }

  private void finishCurrent() {
    if (current != null && !current.isFinished()) {
      current.drain(false);
    }
    current = null;
  }

  void onEnvChange(EnvChange env) {
    if (env instanceof EnvChange.Text t) {
      if (t.changeType() == EnvChange.DATABASE) {
        database = t.newValue();
      } else if (t.changeType() == EnvChange.PACKET_SIZE) {
        int size = t.intValue();
        if (size >= 512 && size <= 65535) {
          channel.packetSize(size);
        }
      }
    } else if (env instanceof EnvChange.Binary b) {
      if (b.changeType() == EnvChange.SQL_COLLATION && b.collation() != null) {
        collation = b.collation();
      }
      switch (b.changeType()) {
        case EnvChange.RESET_ACK -> {
          // sp_reset_connection: back to the login's database and collation, no transaction
          database = loginDatabase;
          collation = loginCollation;
          transaction = 0;
        }
        case EnvChange.BEGIN_TRAN, EnvChange.ENLIST_DTC -> transaction = b.descriptor();
        case EnvChange.COMMIT_TRAN,
            EnvChange.ROLLBACK_TRAN,
            EnvChange.DEFECT_TRAN,
            EnvChange.TRAN_ENDED ->
            transaction = 0;
        default -> {}
      }
    }
  }

  void onMessage(SqlServerMessage m) {
    if (m.isError()) {
      errorSeen = true;
    }
    messages.add(m);
  }

  PacketChannel channel() {
    return channel;
  }

  ReadTimeout socket() {
    return socket;
  }

  /** Closes the session after a failure and returns the exception to throw. */
  JctdsException fail(Throwable e, String doing) {
    JctdsException j = Errors.unexpected(e, doing);
    if (!(j instanceof io.jctds.OperationalError o) || o.isConnectionBroken()) {
      close();
    }
    return j;
  }

  private void requireOpen() {
    if (closed) {
      throw new InterfaceError("the connection is closed");
    }
  }

  /** Closes the socket (TLS close_notify first when TLS is on). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    channel.close();
    channel.dump().event("Connection closed");
    channel.dump().close();
  }

  @Override
  public String toString() {
    return "Session[" + id + ", spid " + spid + ", TDS " + label + "]";
  }
}
