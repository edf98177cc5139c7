package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line, driven by a clock the test sets (nothing here waits). */
class BcpProgressTest {
  @Test
  void showsRowsAndRateAtMostOnceASecond() {
    StringWriter text = new StringWriter();
    long[] now = {0};
    BcpProgress p = new BcpProgress(new PrintWriter(text), true, () -> now[0]);
    for (int i = 0; i < 1024; i++) {
      p.row();
    }
    assertThat(text.toString()).isEmpty(); // no time has passed
    now[0] = 2_000_000_000L; // 2 s: 2048 rows / 2 s
    for (int i = 0; i < 1024; i++) {
      p.row();
    }
    p.end();
    assertThat(text.toString()).isEqualTo("\r2048 rows (1024 rows/s)" + System.lineSeparator());
  }

  @Test
  void silentWhenNotATerminal() {
    StringWriter text = new StringWriter();
    long[] now = {0};
    BcpProgress p = new BcpProgress(new PrintWriter(text), false, () -> now[0]);
    now[0] = 5_000_000_000L;
    for (int i = 0; i < 4096; i++) {
      p.row();
    }
    p.end();
    assertThat(text.toString()).isEmpty();
  }
}
