package io.jctds.protocol.prelogin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import java.nio.ByteBuffer;

/** Arbitrary bytes decode to a PRELOGIN or a TdsProtocolException, and valid ones round-trip. */
class PreLoginFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void decode(byte[] data) {
    PreLogin p;
    try {
      p = PreLogin.decode(ByteBuffer.wrap(data));
    } catch (TdsProtocolException expected) {
      return;
    }
    byte[] again = Bytes.encode(p::encode);
    assertThat(PreLogin.decode(ByteBuffer.wrap(again))).isEqualTo(p);
    assertThat(p.toString()).startsWith("PreLogin[");
  }
}
