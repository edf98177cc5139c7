package io.jctds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TdsVersionTest {
  @Test
  void wireValuesAndLabels() {
    assertThat(TdsVersion.V7_0.wire()).isEqualTo(0x70000000);
    assertThat(TdsVersion.V7_1.wire()).isEqualTo(0x71000001);
    assertThat(TdsVersion.V7_2.wire()).isEqualTo(0x72090002);
    assertThat(TdsVersion.V7_3A.wire()).isEqualTo(0x730A0003);
    assertThat(TdsVersion.V7_3B.wire()).isEqualTo(0x730B0003);
    assertThat(TdsVersion.V7_4.wire()).isEqualTo(0x74000004);
    assertThat(TdsVersion.V8_0.wire()).isEqualTo(0x08000000);
    for (TdsVersion v : TdsVersion.values()) {
      assertThat(TdsVersion.fromWire(v.wire())).isEqualTo(v);
    }
    assertThat(TdsVersion.fromLabel("7.3")).isEqualTo(TdsVersion.V7_3B);
    assertThat(TdsVersion.fromLabel("8.0")).isEqualTo(TdsVersion.V8_0);
    assertThat(TdsVersion.V7_4.toString()).isEqualTo("TDS 7.4");
    assertThatThrownBy(() -> TdsVersion.fromLabel("AUTO"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loginAckVariantsMapAsFreeTdsDoes() {
    assertThat(TdsVersion.fromWire(0x07000000)).isEqualTo(TdsVersion.V7_0);
    assertThat(TdsVersion.fromWire(0x07010000)).isEqualTo(TdsVersion.V7_1);
    assertThat(TdsVersion.fromWire(0x71000001)).isEqualTo(TdsVersion.V7_1);
    assertThat(TdsVersion.fromWire(0x730B0003)).isEqualTo(TdsVersion.V7_3B);
    assertThatThrownBy(() -> TdsVersion.fromWire(0x05000000))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("0x05000000");
  }

  @Test
  void orderingAnswersFeatureQuestions() {
    assertThat(TdsVersion.V8_0.atLeast(TdsVersion.V7_4)).isTrue();
    assertThat(TdsVersion.V7_1.atLeast(TdsVersion.V7_2)).isFalse();
    assertThat(TdsVersion.V7_3A.atLeast(TdsVersion.V7_3A)).isTrue();
  }
}
