package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The progress of {@code jctds bcp}, driven by a clock and a byte count the test sets (nothing here
 * waits). The arithmetic is checked by hand: rows / seconds, bytes left / (bytes / seconds).
 */
class BcpProgressTest {
  private final StringWriter text = new StringWriter();
  private final long[] now = {0};
  private final long[] bytes = {0};

  private BcpProgress progress(boolean terminal, boolean in, long size) {
    return new BcpProgress(new PrintWriter(text), terminal, in, () -> now[0], () -> bytes[0], size);
  }

  private static void rows(BcpProgress p, int n) {
    for (int i = 0; i < n; i++) {
      p.row();
    }
  }

  /**
   * 1024 rows in 2 s = 512 rows/s; 25 MiB of 100 MiB read in 2 s = 12.5 MiB/s, so 75 MiB are left
   * for 6 s; a quarter of the bar.
   */
  @Test
  void inOnATerminalShowsBarRateBytesAndEta() {
    BcpProgress p = progress(true, true, 100L << 20);
    rows(p, 768);
    assertThat(text.toString()).isEmpty(); // no time has passed
    now[0] = 2 * BcpProgress.SECOND;
    bytes[0] = 25L << 20;
    rows(p, 256); // the clock is read at row 1024
    rows(p, 100);
    now[0] = 4 * BcpProgress.SECOND;
    bytes[0] = 100L << 20;
    p.end(); // the final counts: 1124 rows in 4 s, all bytes read
    assertThat(text.toString())
        .isEqualTo(
            "\r[#####...............]  25%  1024 rows  512 rows/s  25.0 MiB of 100.0 MiB"
                + "  ETA 0:00:06"
                + "\r[####################] 100%  1124 rows  281 rows/s  100.0 MiB of 100.0 MiB"
                + "  ETA 0:00:00"
                + System.lineSeparator());
  }

  /** At most one line a second; a shorter line blanks what the longer one left. */
  @Test
  void rewrittenAtMostOnceASecond() {
    BcpProgress p = progress(true, false, -1);
    rows(p, 255);
    now[0] = BcpProgress.SECOND;
    bytes[0] = 1_572_864; // 1.5 MiB
    rows(p, 1); // row 256, 1 s: shown
    now[0] = BcpProgress.SECOND + 1;
    rows(p, 256); // row 512, 1 ns later: not shown
    now[0] = 2 * BcpProgress.SECOND;
    bytes[0] = 100;
    rows(p, 256); // row 768, 2 s: shown
    String first = "\r256 rows  256 rows/s  1.5 MiB";
    String second = "\r768 rows  384 rows/s  100 B";
    assertThat(text.toString())
        .isEqualTo(first + second + " ".repeat(first.length() - second.length()));
  }

  @Test
  void etaOfHours() {
    StringBuilder s = new StringBuilder();
    // 1 MiB in 10 s of 400 MiB: 399 MiB left at 0.1 MiB/s = 3990 s = 1:06:30
    BcpProgress.format(s, 10, 10 * BcpProgress.SECOND, 1L << 20, 400L << 20);
    assertThat(s.toString()).endsWith("1.0 MiB of 400.0 MiB  ETA 1:06:30").startsWith("[....");
  }

  /** Not a terminal: FreeTDS's words every 1000 rows, nothing else, whatever the clock says. */
  @Test
  void plainLinesWhenNotATerminal() {
    BcpProgress in = progress(false, true, 100);
    now[0] = 5 * BcpProgress.SECOND;
    rows(in, 2999);
    in.end();
    BcpProgress out = progress(false, false, -1);
    rows(out, 1000);
    String nl = System.lineSeparator();
    assertThat(text.toString())
        .isEqualTo(
            "1000 rows sent to SQL Server."
                + nl
                + "2000 rows sent to SQL Server."
                + nl
                + "1000 rows successfully bulk-copied to host-file."
                + nl);
  }

  @Test
  void byteUnits() {
    StringBuilder s = new StringBuilder();
    BcpProgress.bytes(s, 1023);
    s.append('|');
    BcpProgress.bytes(s, 1024);
    s.append('|');
    BcpProgress.bytes(s, 3L << 30);
    assertThat(s.toString()).isEqualTo("1023 B|1.0 KiB|3.0 GiB");
  }
}
