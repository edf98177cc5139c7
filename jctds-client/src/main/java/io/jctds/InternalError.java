package io.jctds;

/** SQL Server reported an internal inconsistency. */
public class InternalError extends DatabaseError {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param cause the underlying failure, or null
   */
  public InternalError(String message, SqlServerMessage serverMessage, Throwable cause) {
    super(message, serverMessage, cause);
  }

  /**
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param messages every message of the failed request up to the failure, or null
   * @param cause the underlying failure, or null
   */
  public InternalError(
      String message,
      SqlServerMessage serverMessage,
      java.util.List<SqlServerMessage> messages,
      Throwable cause) {
    super(message, serverMessage, messages, cause);
  }

  /**
   * @param message what happened, where, and what to do
   */
  public InternalError(String message) {
    this(message, null, null);
  }
}
