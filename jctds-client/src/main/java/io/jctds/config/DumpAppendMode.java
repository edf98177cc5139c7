package io.jctds.config;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * FreeTDS's {@code tds_append_mode}: a process-wide flag that every applied {@code dump file
 * append} line sets (to yes or no) and that later log openings obey. For TDSDUMPCONFIG (FreeTDS 1.5
 * {@code log.c} {@code tdsdump_open}): the log is opened before the files are read, so the value
 * set by the resolution before decides whether this one truncates the log ({@code "w"}) or appends
 * to it ({@code "a"}, each resolution adding its own {@code Starting log file} header); the first
 * resolution of a process always truncates.
 *
 * <p>Thread-safe. {@link #PROCESS} is the one every resolver shares unless a test gives its own.
 */
final class DumpAppendMode {
  /** The process's flag, shared by default as FreeTDS's global is. */
  static final DumpAppendMode PROCESS = new DumpAppendMode();

  private final AtomicBoolean on = new AtomicBoolean();

  boolean on() {
    return on.get();
  }

  void set(boolean value) {
    on.set(value);
  }
}
