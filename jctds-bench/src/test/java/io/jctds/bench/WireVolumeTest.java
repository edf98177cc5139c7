package io.jctds.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireVolumeTest {
  @Test
  void digitCountsAreThoseOfTheWrittenNumbers() {
    // 1..9: 9 digits; 10..99: 180; 100..123: 72; up to 10^6: 9 + 180 + 2,700 + 36,000 + 450,000
    // + 5,400,000 + 7 (counted by hand)
    assertThat(WireVolume.digitsOneTo(0)).isZero();
    assertThat(WireVolume.digitsOneTo(9)).isEqualTo(9);
    assertThat(WireVolume.digitsOneTo(99)).isEqualTo(189);
    assertThat(WireVolume.digitsOneTo(123)).isEqualTo(261);
    assertThat(WireVolume.digitsOneTo(1_000_000)).isEqualTo(5_888_896);
  }
}
