package io.jctds.server.sql;

import java.util.function.LongSupplier;

/**
 * A session's transaction state as SQL Server keeps it: a nesting count ({@code @@TRANCOUNT}) and
 * the descriptor of the outermost transaction, which ENVCHANGE 8/9/10 report. One definition for
 * the real session and for test sessions.
 */
public final class Transactions {
  private final LongSupplier descriptors;
  private volatile int count;
  private volatile long descriptor;

  /**
   * @param descriptors supplies a non-zero descriptor for each outermost BEGIN
   */
  public Transactions(LongSupplier descriptors) {
    this.descriptors = descriptors;
  }

  /** {@code @@TRANCOUNT}. */
  public int count() {
    return count;
  }

  /** The current descriptor, 0 outside a transaction. */
  public long descriptor() {
    return descriptor;
  }

  /** BEGIN: the new descriptor when this opened the outermost transaction, else 0. */
  public long begin() {
    if (count++ > 0) {
      return 0;
    }
    descriptor = descriptors.getAsLong();
    return descriptor;
  }

  /**
   * COMMIT: the ended descriptor when this ended the outermost transaction, else 0.
   *
   * @throws IllegalStateException when no transaction is open
   */
  public long commit() {
    if (count == 0) {
      throw new IllegalStateException("no transaction is open");
    }
    if (--count > 0) {
      return 0;
    }
    return clear();
  }

  /** ROLLBACK (or a reset): ends every level and returns the descriptor that was open, or 0. */
  public long rollback() {
    count = 0;
    return clear();
  }

  private long clear() {
    long d = descriptor;
    descriptor = 0;
    return d;
  }
}
