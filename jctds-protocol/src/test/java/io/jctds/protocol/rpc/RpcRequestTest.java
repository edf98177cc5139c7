package io.jctds.protocol.rpc;

import static io.jctds.protocol.Bytes.buf;
import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.AllHeaders;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcRequestTest {
  /** [MS-TDS] 4.8 RPC Client Request: foo3 with one NULL int parameter. */
  static final String SPEC_4_8 =
      "03 01 00 2F 00 00 01 00 16 00 00 00 12 00 00 00"
          + "02 00 00 00 00 00 00 00 00 01 00 00 00 00 04 00"
          + "66 00 6F 00 6F 00 33 00 00 00 00 00 26 02 00";

  private static final Collation C = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  private static byte[] payload() {
    byte[] p = hex(SPEC_4_8);
    return Arrays.copyOfRange(p, 8, p.length);
  }

  @Test
  void decodesAndEncodesTheSpecExample() {
    List<RpcRequest> calls = RpcRequest.decodeMessage(buf(payload()), TdsVersion.V7_2);
    assertThat(calls).hasSize(1);
    RpcRequest r = calls.get(0);
    assertThat(r.procName()).isEqualTo("foo3");
    assertThat(r.parameters()).hasSize(1);
    RpcParameter p = r.parameters().get(0);
    assertThat(p.name()).isEmpty();
    assertThat(p.typeInfo()).isEqualTo(TypeInfo.intN(2));
    assertThat(p.getObject()).isNull();
    BufferWriter w = new BufferWriter();
    RpcRequest.encodeMessage(
        w, TdsVersion.V7_2, AllHeaders.transaction(0x0100000000000000L, 0), calls);
    assertThat(Bytes.toHex(w.toByteArray())).isEqualTo(Bytes.toHex(payload()));
  }

  @Test
  void spExecuteSqlByIdWithOutputParameterRoundTrips() {
    RpcRequest call =
        RpcRequest.byId(
            RpcRequest.SP_EXECUTESQL,
            List.of(
                RpcParameter.of("", TypeInfo.nvarchar(TypeInfo.MAX, C), "select @p0 + @p1"),
                RpcParameter.of(
                    "", TypeInfo.nvarchar(4000, C), "@p0 int, @p1 decimal(9,2), @o int OUTPUT"),
                RpcParameter.of("@p0", TypeInfo.intN(4), 5),
                RpcParameter.of("@p1", TypeInfo.decimal(9, 2), new BigDecimal("1.25")),
                RpcParameter.output("@o", TypeInfo.intN(4), null)));
    for (TdsVersion v : new TdsVersion[] {TdsVersion.V7_1, TdsVersion.V7_4}) {
      BufferWriter w = new BufferWriter();
      RpcRequest.encodeMessage(w, v, null, List.of(call, RpcRequest.named("dbo.p", List.of())));
      List<RpcRequest> back = RpcRequest.decodeMessage(buf(w.toByteArray()), v);
      assertThat(back).containsExactly(call, RpcRequest.named("dbo.p", List.of()));
      assertThat(back.get(0).displayName()).isEqualTo("sp_executesql");
      assertThat(back.get(0).parameters().get(4).isOutput()).isTrue();
      assertThat(back.get(0).parameters().get(3).getObject()).isEqualTo(new BigDecimal("1.25"));
      // RPC messages are valid at parameter boundaries; every other prefix must fail
      byte[] full = w.toByteArray();
      for (int n = 0; n < full.length; n++) {
        try {
          assertThat(RpcRequest.decodeMessage(buf(Arrays.copyOf(full, n)), v)).isNotEqualTo(back);
        } catch (TdsProtocolException expected) {
          // truncated inside a field
        }
      }
    }
  }

  @Test
  void streamingWritersProduceTheSameBytes() {
    BufferWriter streamed = new BufferWriter();
    RpcRequest.writeHeader(streamed, null, RpcRequest.SP_EXECUTE, RpcRequest.OPTION_NO_METADATA);
    RpcParameter.write(streamed, TdsVersion.V7_4, "", 0, TypeInfo.intN(4), 1);
    RpcParameter.write(streamed, TdsVersion.V7_4, "@x", 0, TypeInfo.nvarchar(10, C), "a");
    BufferWriter records = new BufferWriter();
    new RpcRequest(
            null,
            RpcRequest.SP_EXECUTE,
            RpcRequest.OPTION_NO_METADATA,
            List.of(
                RpcParameter.of("", TypeInfo.intN(4), 1),
                RpcParameter.of("@x", TypeInfo.nvarchar(10, C), "a")))
        .encode(records, TdsVersion.V7_4);
    assertThat(streamed.toByteArray()).isEqualTo(records.toByteArray());
  }

  @Test
  void textNtextAndImageParametersCarryALengthWithoutTextPointer() {
    // tedious's text/ntext/image parameters and FreeTDS's tds_generic_put (TDS 7+): TYPE_INFO
    // 0x23 with a 4-byte maximum length and the collation, then a 4-byte length (-1 = NULL) and
    // the bytes; only a ROW has the text pointer and timestamp
    byte[] payload =
        hex(
            "04 00 00 00" // ALL_HEADERS without headers
                + "01 00 70 00 00 00" // procedure "p", option flags
                + "00 00 23 FF FF FF 7F 09 04 D0 00 34 03 00 00 00 61 62 63" // text 'abc'
                + "00 00 23 FF FF FF 7F 09 04 D0 00 34 FF FF FF FF" // text NULL
                + "00 00 22 FF FF FF 7F 02 00 00 00 CA FE"); // image 0xCAFE
    List<RpcParameter> p =
        RpcRequest.decodeMessage(buf(payload), TdsVersion.V7_4).get(0).parameters();
    assertThat(p).extracting(x -> x.typeInfo().sqlName()).containsExactly("text", "text", "image");
    assertThat(p.get(0).getObject()).isEqualTo("abc");
    assertThat(p.get(1).getObject()).isNull();
    assertThat(p.get(2).getObject()).isEqualTo(new byte[] {(byte) 0xCA, (byte) 0xFE});
    // and the client writes them the same way
    assertThat(RpcParameter.of("", p.get(0).typeInfo(), "abc")).isEqualTo(p.get(0));
    assertThat(RpcParameter.of("", p.get(1).typeInfo(), null)).isEqualTo(p.get(1));
    assertThat(RpcParameter.of("", p.get(2).typeInfo(), new byte[] {(byte) 0xCA, (byte) 0xFE}))
        .isEqualTo(p.get(2));
  }

  @Test
  void rejectsMalformedCalls() {
    assertThatThrownBy(() -> new RpcRequest(null, 0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] badSeparator = Arrays.copyOf(payload(), payload().length + 1);
    badSeparator[badSeparator.length - 1] = (byte) 0x80;
    assertThatThrownBy(() -> RpcRequest.decodeMessage(buf(badSeparator), TdsVersion.V7_2))
        .isInstanceOf(TdsProtocolException.class);
    assertThatThrownBy(() -> RpcRequest.decodeMessage(buf("FF FF 00 00 00 00"), TdsVersion.V7_1))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("procedure id 0");
  }
}
