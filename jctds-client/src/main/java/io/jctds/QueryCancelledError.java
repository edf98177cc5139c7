package io.jctds;

/**
 * The request was cancelled by {@link Cursor#cancel()}: the server acknowledged the ATTENTION, the
 * rest of the response was discarded, and the connection is still usable.
 */
public class QueryCancelledError extends OperationalError {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened
   * @param messages the messages of the cancelled request up to the cancel, or null
   */
  public QueryCancelledError(String message, java.util.List<SqlServerMessage> messages) {
    super(Reason.QUERY_CANCELLED, message, null, messages, null);
  }
}
