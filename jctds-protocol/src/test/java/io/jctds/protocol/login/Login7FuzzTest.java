package io.jctds.protocol.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import java.nio.ByteBuffer;

/** Arbitrary bytes decode to a LOGIN7 or a TdsProtocolException, and valid ones round-trip. */
class Login7FuzzTest {
  @FuzzTest(maxDuration = "60s")
  void decode(byte[] data) {
    Login7 l;
    try {
      l = Login7.decode(ByteBuffer.wrap(data));
    } catch (TdsProtocolException expected) {
      return;
    }
    if (!l.password().isEmpty()) {
      assertThat(l.toString()).doesNotContain("password=" + l.password());
    }
    byte[] again;
    try {
      again = Bytes.encode(l::encode);
    } catch (IllegalArgumentException tooLarge) {
      return; // decoded fields beyond what the 16-bit offsets of a re-encoding can address
    }
    assertThat(Login7.decode(ByteBuffer.wrap(again))).isEqualTo(l);
  }
}
