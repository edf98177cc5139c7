package io.jctds.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginHandlerTest {
  @ParameterizedTest(name = "requested {0} -> {1}")
  @CsvSource({"0, 4096", "511, 4096", "512, 512", "8000, 8000", "32767, 32767", "32768, 4096"})
  void packetSize(int requested, int granted) {
    assertThat(LoginHandler.packetSize(requested)).isEqualTo(granted);
  }
}
