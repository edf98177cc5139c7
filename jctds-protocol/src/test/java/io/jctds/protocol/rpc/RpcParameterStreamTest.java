package io.jctds.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.TypeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streamed parameters: an unknown-length PLP value ([MS-TDS] 2.2.5.2.3: ULONGLONG
 * 0xFFFFFFFFFFFFFFFE, then chunks of a ULONG length and data, then a zero-length terminator; the
 * form tedious 19 sends for nvarchar(max), see jctds-client's PeerParameterBytesTest), one chunk
 * per read of the source.
 */
class RpcParameterStreamTest {

  /** A source that hands out {@code data} in reads of at most {@code step} bytes, with a 0 read. */
  private static PlpSource source(byte[] data, int step) {
    int[] at = {0};
    boolean[] zero = {false};
    return (buf, off, len) -> {
      if (at[0] >= data.length) {
        return -1;
      }
      if (!zero[0]) {
        zero[0] = true;
        return 0;
      }
      int n = Math.min(Math.min(step, len), data.length - at[0]);
      System.arraycopy(data, at[0], buf, off, n);
      at[0] += n;
      return n;
    };
  }

  private static byte[] encode(RpcParameter p) {
    BufferWriter w = new BufferWriter();
    RpcRequest.named("p", List.of(p)).encode(w, TdsVersion.V7_4);
    return w.toByteArray();
  }

  @Test
  void eachReadIsOneChunkAfterTheUnknownLengthMarker() {
    RpcParameter p =
        RpcParameter.streamed(
            "@b", 0, TypeInfo.varbinary(TypeInfo.MAX), source(new byte[] {1, 2, 3, 4, 5}, 3));
    String hex = HexFormat.of().formatHex(encode(p));
    // call "p", flags 0, name "@b", status 0, BIGVARBINARY max: A5 FFFF
    assertThat(hex)
        .isEqualTo(
            "0100"
                + "7000"
                + "0000"
                + "02"
                + "40006200"
                + "00"
                + "a5ffff"
                + "feffffffffffffff"
                + "03000000"
                + "010203"
                + "02000000"
                + "0405"
                + "00000000");
  }

  @Test
  void aStreamedValueDecodesAsTheWholeValue() {
    byte[] data = new byte[RpcParameter.STREAM_CHUNK * 2 + 1];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    RpcParameter p =
        RpcParameter.streamed(
            "", RpcParameter.BY_REF, TypeInfo.varbinary(TypeInfo.MAX), source(data, 1 << 20));
    assertThat(p.valueLength()).isZero();
    assertThat(p).hasToString("? varbinary(max) OUTPUT = <streamed>");
    BufferWriter w = new BufferWriter();
    RpcRequest.encodeMessage(w, TdsVersion.V7_4, null, List.of(RpcRequest.named("p", List.of(p))));
    ByteBuffer b = w.view().order(ByteOrder.LITTLE_ENDIAN);
    RpcParameter back = RpcRequest.decodeMessage(b, TdsVersion.V7_4).get(0).parameters().get(0);
    assertThat((byte[]) back.getObject()).isEqualTo(data);
    assertThat(back.isOutput()).isTrue();
  }

  @Test
  void onlyMaxTypesStreamAndAFailingSourceIsReported() {
    assertThatThrownBy(() -> RpcParameter.streamed("", 0, TypeInfo.varbinary(10), (b, o, l) -> -1))
        .isInstanceOf(IllegalArgumentException.class);
    RpcParameter p =
        RpcParameter.streamed(
            "",
            0,
            TypeInfo.varbinary(TypeInfo.MAX),
            (b, o, l) -> {
              throw new IOException("disk gone");
            });
    assertThatThrownBy(() -> encode(p))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("disk gone");
    assertThatThrownBy(p::getObject).isInstanceOf(IllegalStateException.class);
  }
}
