package io.jctds;

/**
 * A feature jctds or the server does not support was asked for (e.g. TDS 5.0, integrated
 * authentication).
 */
public class NotSupportedError extends DatabaseError {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param cause the underlying failure, or null
   */
  public NotSupportedError(String message, SqlServerMessage serverMessage, Throwable cause) {
    super(message, serverMessage, cause);
  }

  /**
   * @param message what happened, where, and what to do
   */
  public NotSupportedError(String message) {
    this(message, null, null);
  }
}
