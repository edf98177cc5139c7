package io.jctds.protocol.batch;

import static io.jctds.protocol.Bytes.buf;
import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.MessageAssembler;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlBatchTest {
  /** [MS-TDS] 4.6 SQL Batch Client Request, whole packet. */
  static final String SPEC_4_6 =
      "01 01 00 5C 00 00 01 00 16 00 00 00 12 00 00 00"
          + "02 00 00 00 00 00 00 00 00 01 00 00 00 00 0A 00"
          + "73 00 65 00 6C 00 65 00 63 00 74 00 20 00 27 00"
          + "66 00 6F 00 6F 00 27 00 20 00 61 00 73 00 20 00"
          + "27 00 62 00 61 00 72 00 27 00 0A 00 20 00 20 00"
          + "20 00 20 00 20 00 20 00 20 00 20 00";

  static final String SQL = "\nselect 'foo' as 'bar'\n        ";

  /** The example's header: descriptor bytes 00 .. 00 01 (little-endian), outstanding count 0. */
  static final SqlBatch SPEC_BATCH =
      new SqlBatch(AllHeaders.transaction(0x0100000000000000L, 0), SQL);

  private static byte[] frame(SqlBatch b, TdsVersion v, int packetSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PacketWriter w =
        new PacketWriter(
            packetSize,
            p -> {
              byte[] x = new byte[p.remaining()];
              p.get(x);
              out.writeBytes(x);
            });
    w.beginMessage(PacketType.SQL_BATCH);
    b.encode(w, v);
    w.endMessage();
    return out.toByteArray();
  }

  @Test
  void encodesTheSpecExampleByteForByte() {
    assertThat(Bytes.toHex(frame(SPEC_BATCH, TdsVersion.V7_4, 4096)))
        .isEqualTo(Bytes.toHex(hex(SPEC_4_6)));
  }

  @Test
  void decodesTheSpecExample() {
    byte[] p = hex(SPEC_4_6);
    SqlBatch b = SqlBatch.decode(buf(Arrays.copyOfRange(p, 8, p.length)), TdsVersion.V7_2);
    assertThat(b.sql()).isEqualTo(SQL);
    assertThat(b.headers().transactionDescriptor()).isEqualTo(0x0100000000000000L);
    assertThat(b.headers().outstandingRequests()).isZero();
    assertThat(b).isEqualTo(SPEC_BATCH);
    byte[] normal = Bytes.encode(w -> SqlBatch.of(SQL).encode(w, TdsVersion.V7_2));
    assertThat(Bytes.toHex(Arrays.copyOf(normal, 22)))
        .isEqualTo("16 00 00 00 12 00 00 00 02 00 00 00 00 00 00 00 00 00 01 00 00 00");
  }

  @Test
  void tds71HasNoHeaders() {
    byte[] wire = Bytes.encode(w -> SqlBatch.of("select 1").encode(w, TdsVersion.V7_1));
    assertThat(wire).hasSize(16);
    SqlBatch b = SqlBatch.decode(buf(wire), TdsVersion.V7_1);
    assertThat(b.headers()).isNull();
    assertThat(b.sql()).isEqualTo("select 1");
  }

  @Test
  void carriesTheTransactionDescriptor() {
    SqlBatch b = SqlBatch.inTransaction(0x0102030405060708L, "commit");
    byte[] wire = Bytes.encode(w -> b.encode(w, TdsVersion.V7_4));
    assertThat(Bytes.toHex(Arrays.copyOfRange(wire, 10, 18))).isEqualTo("08 07 06 05 04 03 02 01");
    assertThat(SqlBatch.decode(buf(wire), TdsVersion.V7_4).headers().transactionDescriptor())
        .isEqualTo(0x0102030405060708L);
  }

  @Test
  void aLargeBatchSpansPacketsAndReassembles() {
    String sql = "select '" + "ü".repeat(30_000) + "'";
    byte[] stream = frame(SqlBatch.of(sql), TdsVersion.V7_4, 512);
    MessageAssembler a = new MessageAssembler(512, 1 << 20);
    assertThat(a.feed(ByteBuffer.wrap(stream))).isTrue();
    assertThat(a.packets()).isGreaterThan(100);
    assertThat(SqlBatch.decode(a.payload(), TdsVersion.V7_4).sql()).isEqualTo(sql);
  }

  @Test
  void keepsOtherHeaders() {
    AllHeaders h =
        new AllHeaders(
            List.of(
                new AllHeaders.Header(AllHeaders.TRACE_ACTIVITY, new byte[20]),
                AllHeaders.transaction(9, 1).headers().get(0)));
    SqlBatch b = new SqlBatch(h, "x");
    SqlBatch back =
        SqlBatch.decode(buf(Bytes.encode(w -> b.encode(w, TdsVersion.V7_4))), TdsVersion.V7_4);
    assertThat(back).isEqualTo(b);
    assertThat(back.headers().transactionDescriptor()).isEqualTo(9);
    assertThat(h.encodedLength()).isEqualTo(4 + 26 + 18);
  }

  @Test
  void rejectsMalformedPayloads() {
    byte[] p = hex(SPEC_4_6);
    byte[] payload = Arrays.copyOfRange(p, 8, p.length);
    byte[] odd = Arrays.copyOf(payload, payload.length - 1);
    assertThatThrownBy(() -> SqlBatch.decode(buf(odd), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("odd number of bytes");
    byte[] badTotal = payload.clone();
    badTotal[0] = (byte) 0xF0;
    assertThatThrownBy(() -> SqlBatch.decode(buf(badTotal), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("ALL_HEADERS total length");
    byte[] badHeader = payload.clone();
    badHeader[4] = 0x20;
    assertThatThrownBy(() -> SqlBatch.decode(buf(badHeader), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("header length 32");
    byte[] shortTran = hex("10 00 00 00 0C 00 00 00 02 00 00 00 00 00 00 00");
    assertThatThrownBy(() -> SqlBatch.decode(buf(shortTran), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("expected 12");
    Bytes.assertEveryPrefixFails(Arrays.copyOf(payload, 22), AllHeaders::decode);
  }
}
