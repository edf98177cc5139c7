package io.jctds.server.tsql;

import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;

/**
 * Lock waits a cancel can end. H2 does not look at a cancelled statement while it waits for a row
 * lock (its Transaction.waitForThisToEnd only sleeps until the lock is free or the lock timeout has
 * passed), so a data statement runs with H2's lock timeout cut into slices of {@link
 * #SLICE_MILLIS}: when a slice passes, H2 has rolled the statement back to its start (error 50200,
 * Command.executeUpdate's rollbackTo) and the statement runs again, unless the request was
 * cancelled or the session's SET LOCK_TIMEOUT has passed (then the error stands: 1222).
 */
final class LockWaits {
  /** How long H2 waits for a lock at a time. */
  static final int SLICE_MILLIS = 200;

  private LockWaits() {}

  /** An H2 statement execution. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  static <T> T run(TsqlSession s, Work<T> work) throws SQLException {
    int limit = s.options().number("LOCK_TIMEOUT"); // -1: wait as long as it takes
    SessionLocal h2 = s.h2();
    if (h2 == null || (limit >= 0 && limit <= SLICE_MILLIS)) {
      return work.run();
    }
    int saved = h2.getLockTimeout();
    long start = System.nanoTime();
    h2.setLockTimeout(SLICE_MILLIS);
    try {
      while (true) {
        try {
          return work.run();
        } catch (SQLException e) {
          boolean expired = limit >= 0 && System.nanoTime() - start >= limit * 1_000_000L;
          if (e.getErrorCode() != ErrorCode.LOCK_TIMEOUT_1 || s.cancelled() || expired) {
            throw e;
          }
        }
      }
    } finally {
      h2.setLockTimeout(saved);
    }
  }
}
