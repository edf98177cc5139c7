package io.jctds.protocol.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsProtocolException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FirstPacketTest {
  /** A LOGIN7 packet of 12 bytes (header says 0x000C) followed by 5 bytes of the next packet. */
  private static final byte[] STREAM = {
    0x10, 0x01, 0x00, 0x0C, 0, 0, 1, 0, 'a', 'b', 'c', 'd', 0x01, 0x01, 0x00, 0x20, 0
  };

  @Test
  void claimsExactlyThePacketWhenItArrivesWhole() {
    FirstPacket first = new FirstPacket();
    ByteBuffer all = ByteBuffer.wrap(STREAM);
    assertThat(first.claim(all)).isEqualTo(12);
    assertThat(all.position()).as("claim does not consume").isZero();
    assertThat(first.isComplete()).isTrue();
    assertThat(first.claim(ByteBuffer.wrap(STREAM, 12, 5))).isZero();
  }

  @Test
  void claimsAcrossEveryPossibleSplit() {
    for (int split = 0; split <= STREAM.length; split++) {
      FirstPacket first = new FirstPacket();
      int a = first.claim(ByteBuffer.wrap(STREAM, 0, split));
      assertThat(first.isComplete()).isEqualTo(split >= 12);
      int b = first.claim(ByteBuffer.wrap(STREAM, split, STREAM.length - split));
      assertThat(a + b).as("split at %d", split).isEqualTo(12);
      assertThat(first.isComplete()).isTrue();
    }
  }

  @Test
  void byteByByte() {
    FirstPacket first = new FirstPacket();
    int claimed = 0;
    for (int i = 0; i < STREAM.length; i++) {
      claimed += first.claim(ByteBuffer.wrap(STREAM, i, 1));
    }
    assertThat(claimed).isEqualTo(12);
  }

  @Test
  void lengthBelowTheHeaderSizeIsAProtocolError() {
    byte[] bad = {0x10, 0x01, 0x00, 0x07, 0, 0, 1, 0};
    assertThatThrownBy(() -> new FirstPacket().claim(ByteBuffer.wrap(bad)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("declares length 7");
  }
}
