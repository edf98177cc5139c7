package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FREETDS.md 1.2: C number parsing. */
class CNumbersTest {

  @Test
  void atoiReadsLeadingDigitsAndIgnoresTheRest() {
    assertThat(CNumbers.atoi("12abc")).isEqualTo(12);
    assertThat(CNumbers.atoi("2x")).isEqualTo(2);
    assertThat(CNumbers.atoi("12 34")).isEqualTo(12);
    assertThat(CNumbers.atoi("-3")).isEqualTo(-3);
    assertThat(CNumbers.atoi("+7")).isEqualTo(7);
    assertThat(CNumbers.atoi("  42")).isEqualTo(42);
    assertThat(CNumbers.atoi("abc")).isZero();
    assertThat(CNumbers.atoi("")).isZero();
    assertThat(CNumbers.atoi("-")).isZero();
    assertThat(CNumbers.atoi("0x10")).isZero();
  }

  @Test
  void atoiOverflowIsTruncatedLikeGlibc() {
    assertThat(CNumbers.atoi("99999999999")).isEqualTo((int) 99999999999L);
    assertThat(CNumbers.atoi("99999999999999999999999")).isEqualTo((int) Long.MAX_VALUE);
    assertThat(CNumbers.atoi("-99999999999999999999999")).isEqualTo((int) Long.MIN_VALUE);
  }

  @Test
  void wholeDecimal() {
    assertThat(CNumbers.isWholeDecimal("1433")).isTrue();
    assertThat(CNumbers.isWholeDecimal("-3")).isTrue();
    assertThat(CNumbers.isWholeDecimal("12abc")).isFalse();
    assertThat(CNumbers.isWholeDecimal("")).isFalse();
  }

  @Test
  void strtolBaseZeroMustConsumeTheWholeValue() {
    assertThat(CNumbers.strtolWhole("0x4fff")).isEqualTo(0x4fff);
    assertThat(CNumbers.strtolWhole("0X10")).isEqualTo(16);
    assertThat(CNumbers.strtolWhole("0777")).isEqualTo(0777);
    assertThat(CNumbers.strtolWhole("123")).isEqualTo(123);
    assertThat(CNumbers.strtolWhole("-1")).isEqualTo(-1);
    assertThat(CNumbers.strtolWhole("0")).isZero();
    assertThat(CNumbers.strtolWhole("0x")).isNull();
    assertThat(CNumbers.strtolWhole("089")).isNull();
    assertThat(CNumbers.strtolWhole("12 ")).isNull();
    assertThat(CNumbers.strtolWhole("")).isNull();
    assertThat(CNumbers.strtolWhole("abc")).isNull();
    assertThat(CNumbers.strtolWhole("9223372036854775807")).isNull();
    assertThat(CNumbers.strtolWhole("99999999999999999999")).isNull();
    assertThat(CNumbers.strtolWhole("0x1ffffffff")).isEqualTo((int) 0x1ffffffffL);
  }
}
