package io.jctds;

/**
 * {@link ConnectionPool#borrow()} waited its borrow timeout and no connection became free: the pool
 * blocks ({@code block(true)}) and holds {@code maxSize} connections, all borrowed. Reason {@link
 * OperationalError.Reason#POOL_TIMEOUT}; nothing was opened or sent.
 */
public class PoolTimeoutError extends OperationalError {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what happened and what to do
   */
  public PoolTimeoutError(String message) {
    super(Reason.POOL_TIMEOUT, message, null, null, null);
  }
}
