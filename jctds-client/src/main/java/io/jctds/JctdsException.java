package io.jctds;

import java.util.List;
import java.util.Optional;

/**
 * The root of jctds's exceptions, DB-API style and unchecked: {@link InterfaceError} (the API was
 * misused), {@link DatabaseError} and its subclasses (the server or the connection failed). When
 * the failure came from SQL Server, {@link #serverMessage()} holds its number, state, severity,
 * server, procedure and line; the accessors below return 0 or "" otherwise.
 *
 * <p>Messages say what happened, where the deciding setting came from and what to do. They never
 * contain a password.
 */
public class JctdsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final SqlServerMessage serverMessage;
  private final List<SqlServerMessage> messages;

  /**
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param cause the underlying failure, or null
   */
  public JctdsException(String message, SqlServerMessage serverMessage, Throwable cause) {
    this(message, serverMessage, null, cause);
  }

  /**
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param messages every message the failed request produced up to the failure, in order (null:
   *     just {@code serverMessage})
   * @param cause the underlying failure, or null
   */
  public JctdsException(
      String message,
      SqlServerMessage serverMessage,
      List<SqlServerMessage> messages,
      Throwable cause) {
    super(message, cause);
    this.serverMessage = serverMessage;
    this.messages =
        messages != null
            ? List.copyOf(messages)
            : serverMessage == null ? List.of() : List.of(serverMessage);
  }

  /**
   * Every message (INFO and ERROR, in order) the failed request produced up to the point where this
   * was raised; just {@link #serverMessage()} when the exception came from elsewhere.
   */
  public List<SqlServerMessage> messages() {
    return messages;
  }

  /** The SQL Server message this exception reports, if it came from the server. */
  public Optional<SqlServerMessage> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** SQL Server's message number, or 0. */
  public int number() {
    return serverMessage == null ? 0 : serverMessage.number();
  }

  /** SQL Server's error state, or 0. */
  public int state() {
    return serverMessage == null ? 0 : serverMessage.state();
  }

  /** SQL Server's severity, or 0. */
  public int severity() {
    return serverMessage == null ? 0 : serverMessage.severity();
  }

  /** The server that reported the error, or "". */
  public String server() {
    return serverMessage == null ? "" : serverMessage.server();
  }

  /** The procedure the error occurred in, or "". */
  public String procedure() {
    return serverMessage == null ? "" : serverMessage.procedure();
  }

  /** The line of the batch or procedure, or 0. */
  public int line() {
    return serverMessage == null ? 0 : serverMessage.line();
  }
}
