package io.jctds;

import java.util.Objects;

/**
 * The connection or the server's operation failed: configuration, connect, TLS, login, timeouts, a
 * broken connection, a deadlock, server resource errors (severity 17 and above). {@link #reason()}
 * tells which, so callers need not parse messages.
 */
public class OperationalError extends DatabaseError {
  private static final long serialVersionUID = 1L;

  /** What kind of operational failure this is. */
  public enum Reason {
    /** freetds.conf or the environment is invalid (FreeTDS 20214). */
    CONFIGURATION,
    /** The server name resolves to no address, or no port is known (FreeTDS 20012/20013). */
    UNKNOWN_HOST,
    /** Nothing accepted the TCP connection (FreeTDS 20009). */
    CONNECTION_REFUSED,
    /** The connect or the login did not complete within the login timeout (FreeTDS 20003). */
    LOGIN_TIMEOUT,
    /** A request did not complete within the query timeout; it was cancelled. */
    QUERY_TIMEOUT,
    /** The server requires encryption, but the client is configured {@code encryption = off}. */
    ENCRYPTION_REQUIRED_BY_SERVER,
    /** The client requires encryption, but the server cannot encrypt (FreeTDS 20002). */
    ENCRYPTION_UNAVAILABLE,
    /** Encryption is required but impossible with the configured TDS version (7.0). */
    ENCRYPTION_IMPOSSIBLE,
    /** The TLS handshake failed for a reason other than the certificate. */
    TLS_HANDSHAKE,
    /** The server certificate was refused, or the CA/CRL file could not be used. */
    CERTIFICATE,
    /** The server refused the login (18456 and friends). */
    LOGIN_FAILED,
    /** The connection ended or broke (I/O error, unexpected EOF, severity 20 and above). */
    CONNECTION_BROKEN,
    /** The server sent bytes that are not valid TDS. */
    PROTOCOL,
    /** The server redirected the login more than once. */
    ROUTING,
    /** The transaction was chosen as a deadlock victim (1205). */
    DEADLOCK,
    /** A lock request timed out (1222, {@code SET LOCK_TIMEOUT}). */
    LOCK_TIMEOUT,
    /** The request was cancelled by {@code Cursor.cancel()}. */
    QUERY_CANCELLED,
    /** The connection broke while COMMIT was in flight: whether it committed is unknown. */
    COMMIT_OUTCOME_UNKNOWN,
    /** Any other server error of severity 17 to 19. */
    SERVER,
    /** No pooled connection became free within the pool's borrow timeout. */
    POOL_TIMEOUT
  }

  private final Reason reason;

  /**
   * @param reason what kind of failure
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param cause the underlying failure, or null
   */
  public OperationalError(
      Reason reason, String message, SqlServerMessage serverMessage, Throwable cause) {
    this(reason, message, serverMessage, null, cause);
  }

  /**
   * @param reason what kind of failure
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param messages every message of the failed request up to the failure, or null
   * @param cause the underlying failure, or null
   */
  public OperationalError(
      Reason reason,
      String message,
      SqlServerMessage serverMessage,
      java.util.List<SqlServerMessage> messages,
      Throwable cause) {
    super(message, serverMessage, messages, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * @param reason what kind of failure
   * @param message what happened, where, and what to do
   * @param cause the underlying failure, or null
   */
  public OperationalError(Reason reason, String message, Throwable cause) {
    this(reason, message, null, cause);
  }

  /** What kind of operational failure this is. */
  public Reason reason() {
    return reason;
  }

  /** Whether the connection can no longer be used. */
  public boolean isConnectionBroken() {
    return switch (reason) {
      case QUERY_TIMEOUT, QUERY_CANCELLED, DEADLOCK, LOCK_TIMEOUT, SERVER, POOL_TIMEOUT -> false;
      default -> true;
    };
  }
}
