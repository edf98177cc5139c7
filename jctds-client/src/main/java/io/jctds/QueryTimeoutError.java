package io.jctds;

/**
 * A request did not complete within the query timeout ({@link Connection#timeout(
 * java.time.Duration)}): jctds cancelled it (ATTENTION), read the server's acknowledgement, and the
 * connection is still usable. Reason {@link OperationalError.Reason#QUERY_TIMEOUT}.
 */
public class QueryTimeoutError extends OperationalError {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened and what to do
   * @param cause the read timeout
   */
  public QueryTimeoutError(String message, Throwable cause) {
    super(Reason.QUERY_TIMEOUT, message, null, null, cause);
  }
}
