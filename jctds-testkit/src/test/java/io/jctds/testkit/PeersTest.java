package io.jctds.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeersTest {
  /** GitHub Actions and GitLab CI set {@code CI=true}; other systems set 1 or yes (issue #16). */
  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True", "1", "yes", "YES", " yes "})
  void theseValuesOfCiMeanCi(String value) {
    assertThat(Peers.isCiValue(value)).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "false", "0", "no", "${env.CI}", "maybe"})
  void otherValuesDoNot(String value) {
    assertThat(Peers.isCiValue(value)).isFalse();
  }
}
