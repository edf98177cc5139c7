package io.jctds.net;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A point in time by which something must be done (the login timeout), or none.
 *
 * @param nanoTime the {@link System#nanoTime()} of the deadline; ignored when {@code forever}
 * @param forever whether there is no deadline
 * @param budget the duration the deadline was made from, for messages
 */
public record Deadline(long nanoTime, boolean forever, Duration budget) {
  /** No deadline. */
  public static final Deadline NONE = new Deadline(0, true, Duration.ZERO);

  /** The deadline {@code d} from now; null or zero means none. */
  public static Deadline after(Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      return NONE;
    }
    return new Deadline(System.nanoTime() + d.toNanos(), false, d);
  }

  /**
   * Milliseconds left, at least 1 (0 means "no limit" to socket APIs, so it is never returned).
   *
   * @throws SocketTimeoutException when the deadline has passed
   */
  public int remainingMillis(String what) throws SocketTimeoutException {
    if (forever) {
      return 0;
    }
    long left = nanoTime - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException(what + ": the timeout of " + seconds() + " expired");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
  }

  /** The budget in words, e.g. {@code 15 s} or {@code 0.5 s}. */
  public String seconds() {
    long ms = budget.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }
}
