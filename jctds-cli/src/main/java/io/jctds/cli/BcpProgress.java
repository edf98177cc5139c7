package io.jctds.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of {@code jctds bcp} on standard error when that is a terminal: rows so far and
 * rows per second, rewritten in place (carriage return) at most once a second. The clock is read
 * once every 1024 rows, so a row costs a counter increment.
 */
final class BcpProgress {
  private static final long SECOND = 1_000_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier clock;
  private final long start;
  private long last;
  private long rows;
  private boolean shown;

  BcpProgress(PrintWriter err, boolean enabled, LongSupplier clock) {
    this.err = err;
    this.enabled = enabled;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.last = start;
  }

  /** For a terminal: enabled when the JVM has a console. */
  static BcpProgress of(PrintWriter err) {
    return new BcpProgress(err, System.console() != null, System::nanoTime);
  }

  /** One more row. */
  void row() {
    rows++;
    if (enabled && (rows & 1023) == 0) {
      long now = clock.getAsLong();
      if (now - last >= SECOND) {
        last = now;
        double perSecond = rows * (double) SECOND / (now - start);
        err.print(String.format(Locale.ROOT, "\r%d rows (%.0f rows/s)", rows, perSecond));
        err.flush();
        shown = true;
      }
    }
  }

  /** Ends the progress line, if one was shown, before the summary. */
  void end() {
    if (shown) {
      err.println();
    }
  }
}
