package io.jctds.bench;

/**
 * When a client JVM is warm: after the minimum number of repetitions, warm-up goes on until the
 * warm-up time has passed <em>and</em> the last {@link #WINDOW} repetitions took times within
 * {@link #SPREAD} of each other (the JIT has stopped changing the code under the clock), bounded by
 * {@link #MAX_REPETITIONS} and {@link #MAX_NANOS}. A minimum of 0 means the scenario runs cold.
 */
final class Warmup {
  /** Repetitions compared for steadiness. */
  static final int WINDOW = 5;

  /** Largest (slowest - fastest) / fastest among the window's repetitions that counts as steady. */
  static final double SPREAD = 0.05;

  /** At most this many warm-up repetitions, however short each is. */
  static final int MAX_REPETITIONS = 200;

  /** At most this long, however unsteady (a noisy machine never settles). */
  static final long MAX_NANOS = 30_000_000_000L;

  private final int min;
  private final long minNanos;
  private final long start = System.nanoTime();
  private final long[] recent = new long[WINDOW];
  private int done;

  Warmup(int min, long minNanos) {
    this.min = min;
    this.minNanos = minNanos;
  }

  /** Whether another warm-up repetition runs. */
  boolean more() {
    if (done < min) {
      return true;
    }
    long elapsed = System.nanoTime() - start;
    if (min == 0 || done >= MAX_REPETITIONS || elapsed >= MAX_NANOS) {
      return false;
    }
    return elapsed < minNanos || !steady();
  }

  /** Records one warm-up repetition's time. */
  void took(long nanos) {
    recent[done % WINDOW] = nanos;
    done++;
    if (TRACE) {
      System.err.printf(java.util.Locale.ROOT, "warm-up %d: %.1f ms%n", done, nanos / 1e6);
    }
  }

  /** {@code JCTDS_BENCH_TRACE_WARMUP} set: every warm-up repetition's time goes to stderr. */
  private static final boolean TRACE = System.getenv("JCTDS_BENCH_TRACE_WARMUP") != null;

  /** The number of warm-up repetitions so far. */
  int repetitions() {
    return done;
  }

  private boolean steady() {
    if (done < WINDOW) {
      return false;
    }
    long lo = Long.MAX_VALUE;
    long hi = 0;
    for (long t : recent) {
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    return hi - lo <= SPREAD * lo;
  }
}
