package io.jctds.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of {@code jctds bcp} on standard error.
 *
 * <p>On a terminal: one line rewritten in place (carriage return) at most once a second: rows,
 * rows/s and bytes (for {@code in} the bytes of the file read so far, of its size, with a bar and
 * an ETA from the bytes per second; for {@code out} the bytes written). The clock is read once
 * every 256 rows, so a row costs a counter increment.
 *
 * <p>Otherwise: a plain line every {@link #EVERY} rows in FreeTDS's words: {@code in} "N rows sent
 * to SQL Server." (freebcp.c prints it per batch), {@code out} "N rows successfully bulk-copied to
 * host-file." (FreeTDS's SYBEKBCO message, sybdb.h); N counts all rows so far.
 */
final class BcpProgress {
  static final long SECOND = 1_000_000_000L;

  /** Rows between two plain lines (the 1000 of FreeTDS's SYBEKBCI and SYBEKBCO messages). */
  static final int EVERY = 1000;

  private static final int BAR = 20;

  private final PrintWriter err;
  private final boolean terminal;
  private final boolean in;
  private final LongSupplier clock;
  private final LongSupplier bytes;
  private final long size;
  private final long start;
  private final StringBuilder line = new StringBuilder(96);
  private long last;
  private long rows;
  private int shown;

  /**
   * @param err where to write
   * @param terminal whether {@code err} is a terminal
   * @param in whether rows go in (the file is read) or out (it is written)
   * @param clock nanoseconds
   * @param bytes bytes of the file read or written so far
   * @param size the file's size for {@code in}, or -1 when unknown (no bar, no ETA)
   */
  BcpProgress(
      PrintWriter err,
      boolean terminal,
      boolean in,
      LongSupplier clock,
      LongSupplier bytes,
      long size) {
    this.err = err;
    this.terminal = terminal;
    this.in = in;
    this.clock = clock;
    this.bytes = bytes;
    this.size = size;
    this.start = clock.getAsLong();
    this.last = start;
  }

  /** For {@code in} of {@code file}: its size when it is a regular file. */
  static BcpProgress in(PrintWriter err, boolean terminal, LongSupplier bytes, Path file) {
    long size = -1;
    try {
      if (Files.isRegularFile(file)) {
        size = Files.size(file);
      }
    } catch (java.io.IOException e) {
      size = -1;
    }
    return new BcpProgress(err, terminal, true, System::nanoTime, bytes, size);
  }

  /** For {@code out}. */
  static BcpProgress out(PrintWriter err, boolean terminal, LongSupplier bytes) {
    return new BcpProgress(err, terminal, false, System::nanoTime, bytes, -1);
  }

  /**
   * Whether standard error is a terminal: on Linux, file descriptor 2 leads to a tty or pty;
   * elsewhere, whether the JVM has a console.
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      if (Files.exists(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (java.io.IOException | UnsupportedOperationException e) {
      return false;
    }
    return System.console() != null;
  }

  /** One more row. */
  void row() {
    rows++;
    if (!terminal) {
      if (rows % EVERY == 0) {
        err.println(
            rows
                + (in
                    ? " rows sent to SQL Server."
                    : " rows successfully bulk-copied to host-file."));
        err.flush();
      }
      return;
    }
    if ((rows & 255) == 0) {
      long now = clock.getAsLong();
      if (now - last >= SECOND) {
        last = now;
        show(now);
      }
    }
  }

  private void show(long now) {
    line.setLength(0);
    line.append('\r');
    format(line, rows, now - start, bytes.getAsLong(), size);
    int length = line.length();
    for (int i = length; i < shown; i++) {
      line.append(' '); // blank what a longer line before left
    }
    shown = length;
    err.print(line);
    err.flush();
  }

  /** Ends the progress line, if one was shown, with the final counts, before the summary. */
  void end() {
    if (shown > 0) {
      show(clock.getAsLong());
      err.println();
      err.flush();
    }
  }

  /**
   * The progress text: {@code [#####...] 25% ROWS rows R rows/s B of SIZE ETA h:mm:ss} when the
   * size is known, else {@code ROWS rows R rows/s B}.
   */
  static void format(StringBuilder out, long rows, long nanos, long bytes, long size) {
    double seconds = Math.max(nanos, 1) / (double) SECOND;
    if (size > 0) {
      long done = Math.min(bytes, size);
      int filled = (int) (done * BAR / size);
      out.append('[');
      for (int i = 0; i < BAR; i++) {
        out.append(i < filled ? '#' : '.');
      }
      out.append(String.format(Locale.ROOT, "] %3d%%  ", done * 100 / size));
    }
    out.append(rows).append(" rows  ");
    out.append(String.format(Locale.ROOT, "%.0f rows/s  ", rows / seconds));
    bytes(out, bytes);
    if (size > 0) {
      out.append(" of ");
      bytes(out, size);
      if (bytes > 0) {
        long left = (long) ((size - Math.min(bytes, size)) / (bytes / seconds));
        out.append("  ETA ").append(left / 3600).append(':');
        out.append(String.format(Locale.ROOT, "%02d:%02d", left / 60 % 60, left % 60));
      }
    }
  }

  /** {@code 512 B}, {@code 1.5 KiB}, {@code 117.7 MiB}, {@code 2.0 GiB}. */
  static void bytes(StringBuilder out, long n) {
    if (n < 1024) {
      out.append(n).append(" B");
      return;
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n / 1024.0;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    out.append(String.format(Locale.ROOT, "%.1f %s", v, units[u]));
  }
}
