package io.jctds.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.login.FeatureExt;
import io.jctds.protocol.login.Login7;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LoginHandlerTest {
  @ParameterizedTest(name = "requested {0} -> {1}")
  @CsvSource({"0, 4096", "511, 4096", "512, 512", "8000, 8000", "32767, 32767", "32768, 4096"})
  void packetSize(int requested, int granted) {
    assertThat(LoginHandler.packetSize(requested)).isEqualTo(granted);
  }

  @ParameterizedTest
  @EnumSource(TdsVersion.class)
  void extensionBitIsClearedOnlyBelow74(TdsVersion v) {
    BufferWriter w = new BufferWriter();
    Login7.builder()
        .tdsVersion(v.wire())
        .userName("u")
        .feature(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}))
        .build()
        .encode(w);
    ByteBuffer payload = ByteBuffer.wrap(w.toByteArray());
    Login7 decoded = Login7.decode(LoginHandler.withoutUnusedExtensionBit(payload));
    boolean before74 = !v.atLeast(TdsVersion.V7_4) && v != TdsVersion.V8_0;
    assertThat(decoded.hasExtension()).isEqualTo(!before74);
    assertThat(decoded.features()).hasSize(before74 ? 0 : 1);
    assertThat(decoded.userName()).isEqualTo("u");
  }
}
