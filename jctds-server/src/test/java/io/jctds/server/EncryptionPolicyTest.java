package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncryptionPolicyTest {
  @ParameterizedTest
  @EnumSource(EncryptionPolicy.class)
  void labelRoundTrips(EncryptionPolicy p) {
    assertThat(EncryptionPolicy.parse(p.label())).isEqualTo(p);
    assertThat(EncryptionPolicy.parse(" " + p.name() + " ")).isEqualTo(p);
  }

  @Test
  void unknownValueNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> EncryptionPolicy.parse("request"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown encryption policy 'request'; use off, on, required or strict");
    assertThatThrownBy(() -> EncryptionPolicy.parse(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
