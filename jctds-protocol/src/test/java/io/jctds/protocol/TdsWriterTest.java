package io.jctds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The integer and padding writers every codec uses. TDS integers are little-endian ([MS-TDS]
 * 2.2.5.5.1.1, fixed-length integer types), so writing the low {@code len} bytes of
 * 0x0807060504030201 gives 01 02 ... len. Each case runs with plenty of room (the 8-byte store) and
 * with fewer than 8 bytes left in the buffer (byte by byte).
 */
class TdsWriterTest {
  private static final long V = 0x0807060504030201L;

  @Test
  void uintWritesTheLowBytesLittleEndianWithAndWithoutRoom() {
    for (int room : new int[] {16, 9, 8, 7, 3, 0}) {
      for (int len = 0; len <= 8; len++) {
        BufferWriter w = new BufferWriter(16, 1 << 20);
        w.zeros(16 - room);
        w.uint(V, len).u8(0xEE);
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        want.writeBytes(new byte[16 - room]);
        for (int i = 1; i <= len; i++) {
          want.write(i);
        }
        want.write(0xEE);
        assertThat(w.toByteArray()).as("len %d, room %d", len, room).isEqualTo(want.toByteArray());
      }
    }
  }

  @Test
  void theNextWriteOverwritesWhatTheEightByteStoreLeftPastThePosition() {
    BufferWriter w = new BufferWriter(64, 64);
    w.uint(V, 3).uint(0, 2).u8(0x7F);
    assertThat(w.toByteArray()).isEqualTo(Bytes.hex("01 02 03 00 00 7F"));
  }

  @Test
  void zerosWritesExactlyNZeroBytesAcrossTheFastAndSlowPaths() {
    for (int before = 0; before < 12; before++) {
      for (int n = 0; n <= 20; n++) {
        BufferWriter w = new BufferWriter(16, 1 << 20);
        for (int i = 0; i < before; i++) {
          w.u8(0xAA);
        }
        w.zeros(n).u8(0xBB);
        byte[] got = w.toByteArray();
        assertThat(got).hasSize(before + n + 1);
        for (int i = 0; i < got.length; i++) {
          int want = i < before ? 0xAA : i < before + n ? 0 : 0xBB;
          assertThat(got[i] & 0xFF).as("byte %d (before %d, n %d)", i, before, n).isEqualTo(want);
        }
      }
    }
  }

  @Test
  void writeToCopiesTheRangeAsWritten() {
    BufferWriter src = new BufferWriter();
    src.bytes(Bytes.hex("10 11 12 13 14 15"));
    BufferWriter dst = new BufferWriter();
    src.writeTo(dst, 1, 4);
    src.writeTo(dst, 5, 6);
    assertThat(dst.toByteArray()).isEqualTo(Bytes.hex("11 12 13 15"));
  }
}
