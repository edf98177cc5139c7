package io.jctds;

/**
 * A snapshot of a {@link ConnectionPool}'s counters, taken under its lock (the numbers agree with
 * each other).
 *
 * @param inUse connections borrowed and not yet returned
 * @param idle connections in the pool, ready to be borrowed
 * @param waiting borrowers waiting for a connection ({@code block(true)} only)
 * @param created connections the pool opened since it was built
 * @param destroyed connections the pool closed (broken, expired, surplus, or at close)
 * @param timeouts borrows that ended with a {@link PoolTimeoutError}
 */
public record PoolStats(
    int inUse, int idle, int waiting, long created, long destroyed, long timeouts) {

  /**
   * Connections open now, {@code created - destroyed}: {@code inUse + idle} whenever no connection
   * is being opened or closed.
   */
  public long open() {
    return created - destroyed;
  }
}
