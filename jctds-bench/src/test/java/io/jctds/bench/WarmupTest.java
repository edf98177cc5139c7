package io.jctds.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up rule as BENCHMARKS.md states it (no clock involved: the time bound is 0 here). */
class WarmupTest {
  @Test
  void aColdScenarioRunsNoWarmUp() {
    assertThat(new Warmup(0, 0).more()).isFalse();
  }

  @Test
  void theMinimumRunsEvenWhenSteady() {
    Warmup w = new Warmup(2, 0);
    assertThat(w.more()).isTrue();
    w.took(100);
    assertThat(w.more()).isTrue();
    w.took(100);
    assertThat(w.more()).isTrue(); // fewer than five to compare yet
  }

  @Test
  void itStopsOnceFiveRepetitionsAreWithinFivePercent() {
    Warmup w = new Warmup(2, 0);
    for (long t : new long[] {400, 300, 200, 104, 100, 101, 103}) {
      assertThat(w.more()).isTrue();
      w.took(t);
    }
    assertThat(w.more()).isTrue(); // 200 ... 103: not yet
    w.took(102);
    assertThat(w.more()).isFalse(); // 104, 100, 101, 103, 102: spread 4 %
    assertThat(w.repetitions()).isEqualTo(8);
  }

  @Test
  void aSpreadAboveFivePercentKeepsWarmingUp() {
    Warmup w = new Warmup(1, 0);
    for (long t : new long[] {100, 100, 100, 100, 106}) {
      w.took(t);
    }
    assertThat(w.more()).isTrue();
  }

  @Test
  void anUnsteadyClientStopsAtTheRepetitionBound() {
    Warmup w = new Warmup(1, 0);
    int n = 0;
    while (w.more()) {
      w.took(n++ % 2 == 0 ? 100 : 200);
    }
    assertThat(w.repetitions()).isEqualTo(Warmup.MAX_REPETITIONS);
  }
}
