package io.jctds;

/**
 * The SQL was wrong: syntax error (102), invalid object (208) or column (207), permission denied,
 * and user-raised errors (50000 and above).
 */
public class ProgrammingError extends DatabaseError {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param cause the underlying failure, or null
   */
  public ProgrammingError(String message, SqlServerMessage serverMessage, Throwable cause) {
    super(message, serverMessage, cause);
  }

  /**
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param messages every message of the failed request up to the failure, or null
   * @param cause the underlying failure, or null
   */
  public ProgrammingError(
      String message,
      SqlServerMessage serverMessage,
      java.util.List<SqlServerMessage> messages,
      Throwable cause) {
    super(message, serverMessage, messages, cause);
  }

  /**
   * @param message what happened, where, and what to do
   */
  public ProgrammingError(String message) {
    this(message, null, null);
  }
}
