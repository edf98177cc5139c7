package io.jctds;

/**
 * The connection broke after COMMIT was sent and before the server answered: the transaction may or
 * may not have been committed, and the client cannot know which. Check the data (or an idempotency
 * key) on a new connection before retrying. The connection is closed.
 */
public class CommitOutcomeUnknownError extends OperationalError {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened and what to do
   * @param cause the I/O or protocol failure
   */
  public CommitOutcomeUnknownError(String message, Throwable cause) {
    super(Reason.COMMIT_OUTCOME_UNKNOWN, message, null, null, cause);
  }
}
