package io.jctds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireTest {
  @Test
  void readsAreIndependentOfTheBufferOrder() {
    byte[] b = Bytes.hex("01 02 03 04 05 06 07 08");
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      assertThat(Wire.u16(ByteBuffer.wrap(b).order(order), "x")).isEqualTo(0x0201);
      assertThat(Wire.u16be(ByteBuffer.wrap(b).order(order), "x")).isEqualTo(0x0102);
      assertThat(Wire.i32(ByteBuffer.wrap(b).order(order), "x")).isEqualTo(0x04030201);
      assertThat(Wire.i32be(ByteBuffer.wrap(b).order(order), "x")).isEqualTo(0x01020304);
      assertThat(Wire.i64(ByteBuffer.wrap(b).order(order), "x")).isEqualTo(0x0807060504030201L);
    }
  }

  @Test
  void truncationNamesTheFieldOffsetAndMissingBytes() {
    ByteBuffer b = Bytes.buf("01 02 03");
    b.get();
    assertThatThrownBy(() -> Wire.i32(b, "row count"))
        .isInstanceOf(TdsTruncatedException.class)
        .hasMessageContaining("row count")
        .hasMessageContaining("2 more byte(s)")
        .hasMessageContaining("at offset 1")
        .extracting(e -> ((TdsTruncatedException) e).missing())
        .isEqualTo(2);
    assertThat(b.position()).isEqualTo(1);
    assertThatThrownBy(() -> Wire.bytes(Bytes.buf("00"), -1, "x"))
        .isInstanceOf(TdsProtocolException.class);
  }

  @Test
  void stringsAndHex() {
    assertThat(Wire.bVarchar(Bytes.buf("02 68 00 69 00"), "x")).isEqualTo("hi");
    assertThat(Wire.usVarchar(Bytes.buf("01 00 E9 00"), "x")).isEqualTo("é");
    ByteBuffer direct = ByteBuffer.allocateDirect(4).put(Bytes.hex("68 00 69 00")).flip();
    assertThat(Wire.ucs2(direct, 2, "x")).isEqualTo("hi");
    // UCS-2 ([MS-TDS] 2.2.5.1.3 B_VARCHAR: a count of "characters", i.e. 2-byte units): unpaired
    // surrogates stay as they are, so the text writes back to the same bytes and length
    // (RpcRequestFuzzTest's crash-bc952d38...: a high surrogate followed by a plain character)
    String lone = Wire.bVarchar(Bytes.buf("03 00 D8 41 00 00 DC"), "x");
    assertThat(lone).isEqualTo("\uD800A\uDC00");
    BufferWriter back = new BufferWriter();
    back.bVarchar(lone);
    assertThat(Wire.hex(ByteBuffer.wrap(back.toByteArray()))).isEqualTo("03 00 D8 41 00 00 DC");
    assertThat(Wire.hex(Bytes.buf("0A FF"))).isEqualTo("0A FF");
    BufferWriter w = new BufferWriter(16, 20);
    assertThatThrownBy(() -> w.bytes(new byte[21])).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new BufferWriter().bVarchar("x".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * nvarchar text decodes as the JDK's UTF-16LE charset does (the reference here is the JDK, not
   * jctds): plain text, a surrogate pair, an unpaired surrogate (replaced), an odd byte count, and
   * the recorded "x" of {@code select N'x'} (02 00 78 00 in a ROW, TokenDecoderTest.SELECT).
   */
  @Test
  void utf16leMatchesTheJdkDecoder() {
    String[] texts = {"x", "Grüße, 東京", "a\uD83D\uDE00b", "a\uD800b", ""};
    for (String text : texts) {
      byte[] b = text.getBytes(StandardCharsets.UTF_16LE);
      if (text.equals("a\uD800b")) {
        b = new byte[] {0x61, 0, 0x00, (byte) 0xD8, 0x62, 0}; // the encoder would replace it
      }
      assertUtf16(b);
    }
    assertUtf16(new byte[] {0x61, 0, 0x62}); // odd length
    ByteBuffer row = ByteBuffer.wrap(new byte[] {0x02, 0x00, 0x78, 0x00});
    assertThat(Wire.utf16le(row.order(ByteOrder.LITTLE_ENDIAN), 2, 2)).isEqualTo("x");
  }

  private static void assertUtf16(byte[] b) {
    String expected = new String(b, StandardCharsets.UTF_16LE);
    byte[] padded = new byte[b.length + 3];
    System.arraycopy(b, 0, padded, 3, b.length);
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      ByteBuffer buf = ByteBuffer.wrap(padded).order(order);
      assertThat(Wire.utf16le(buf, 3, b.length)).isEqualTo(expected);
    }
  }
}
