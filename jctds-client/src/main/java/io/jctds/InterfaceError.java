package io.jctds;

/**
 * The API was used wrongly: a closed connection or cursor, an invalid option, a configuration that
 * cannot be used as given.
 */
public class InterfaceError extends JctdsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened, where, and what to do
   * @param serverMessage the SQL Server message behind it, or null
   * @param cause the underlying failure, or null
   */
  public InterfaceError(String message, SqlServerMessage serverMessage, Throwable cause) {
    super(message, serverMessage, cause);
  }

  /**
   * @param message what happened, where, and what to do
   */
  public InterfaceError(String message) {
    this(message, null, null);
  }
}
