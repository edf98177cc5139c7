package io.jctds.internal.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.Parameter;
import io.jctds.SqlDateTime;
import io.jctds.SqlDecimal;
import io.jctds.SqlInt;
import io.jctds.SqlMoney;
import io.jctds.SqlVarBinary;
import io.jctds.SqlVarChar;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Our parameter encodings compared byte for byte with what real clients sent for the same values:
 * RPC messages recorded by jctds-server's RpcCaptureIT from mssql-jdbc 13.6.2 (TDS 7.4), tedious
 * 19.2.2 (TDS 7.4) and jTDS 1.3.1 (TDS 7.1) talking to the embedded server, whose default collation
 * is SQL_Latin1_General_CP1_CI_AS (copies of jctds-protocol's RpcRequestFuzzTestInputs/decode
 * seeds; first byte = TdsVersion ordinal). For each parameter the TYPE_INFO bytes and the value
 * bytes are compared; where a peer declares another size or scale than we do, that is said at the
 * comparison and only the parts that must agree are compared.
 */
class PeerParameterBytesTest {
  private static final EncodeContext TDS74 =
      new EncodeContext(TdsVersion.V7_4, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
  private static final EncodeContext TDS71 =
      new EncodeContext(TdsVersion.V7_1, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);

  private static List<RpcParameter> peer(String file) throws Exception {
    try (InputStream in = PeerParameterBytesTest.class.getResourceAsStream(file + ".bin")) {
      byte[] d = in.readAllBytes();
      TdsVersion v = TdsVersion.values()[d[0]];
      ByteBuffer b = ByteBuffer.wrap(d, 1, d.length - 1).slice().order(ByteOrder.LITTLE_ENDIAN);
      return RpcRequest.decodeMessage(b, v).get(0).parameters();
    }
  }

  private static String typeHex(TypeInfo t, TdsVersion v) {
    BufferWriter w = new BufferWriter();
    t.encode(w, v);
    return HexFormat.of().formatHex(w.toByteArray());
  }

  /** TYPE_INFO and value bytes of {@code ours} equal the peer's parameter. */
  private static void sameBytes(RpcParameter peer, Encoded ours, TdsVersion v) {
    assertThat(typeHex(ours.typeInfo(), v)).as("TYPE_INFO").isEqualTo(typeHex(peer.typeInfo(), v));
    assertThat(HexFormat.of().formatHex(ours.value()))
        .as("value of " + peer)
        .isEqualTo(HexFormat.of().formatHex(peer.value()));
  }

  @Test
  void mssqlJdbcSpExecuteSqlWithEightParameters() throws Exception {
    // mssql-jdbc: SELECT @P0 .. @P7 with setInt(42), setString("żółw"), setBigDecimal(12345.67891),
    // setTimestamp(2007-05-08 12:35:29.1234567), setBytes(01020304), setBoolean(true),
    // setDouble(1.5), setNull(String)
    List<RpcParameter> peer = peer("mssql-jdbc-13.6.2-1");
    List<Object> values =
        Arrays.asList(
            42,
            "żółw",
            new BigDecimal("12345.67891"),
            LocalDateTime.of(2007, 5, 8, 12, 35, 29, 123_456_700),
            new byte[] {1, 2, 3, 4},
            true,
            1.5,
            null);
    RpcRequest ours = Rpcs.executeSql("SELECT :0, :1, :2, :3, :4, :5, :6, :7", values, TDS74);
    assertThat(ours.procId()).isEqualTo(RpcRequest.SP_EXECUTESQL);
    assertThat(ours.parameters()).hasSameSizeAs(peer);
    // @stmt: the same nvarchar(4000) TYPE_INFO and text
    sameBytes(peer.get(0), encoded(ours.parameters().get(0)), TdsVersion.V7_4);
    // @params: mssql-jdbc declares a Timestamp as "datetime2" (scale 7 by default), we say so
    String peerDecl = (String) peer.get(1).getObject();
    assertThat(ours.parameters().get(1).getObject())
        .isEqualTo(peerDecl.replace("@P3 datetime2,", "@P3 datetime2(7),"));
    for (int i = 2; i < peer.size(); i++) {
      RpcParameter p = ours.parameters().get(i);
      assertThat(p.name()).isEmpty();
      sameBytes(peer.get(i), encoded(p), TdsVersion.V7_4);
    }
  }

  private static Encoded encoded(RpcParameter p) {
    return new Encoded(p.typeInfo(), p.value(), null, "");
  }

  @Test
  void tediousTypedParameters() throws Exception {
    List<RpcParameter> peer = peer("tedious-19.2.2-1");
    sameBytes(peer.get(2), ParamEncoder.encode(42, TDS74), TdsVersion.V7_4); // @i int
    sameBytes(peer.get(4), ParamEncoder.encode(new SqlVarChar("abc", 3), TDS74), TdsVersion.V7_4);
    sameBytes(
        peer.get(5),
        ParamEncoder.encode(new SqlDecimal(new BigDecimal("12345.67891"), 10, 5), TDS74),
        TdsVersion.V7_4);
    sameBytes(
        peer.get(6),
        ParamEncoder.encode(LocalDateTime.of(2007, 5, 8, 12, 35, 29, 123_000_000), TDS74),
        TdsVersion.V7_4);
    sameBytes(
        peer.get(7),
        ParamEncoder.encode(new SqlVarBinary(new byte[] {1, 2, 3, 4}, 4), TDS74),
        TdsVersion.V7_4);
    sameBytes(peer.get(8), ParamEncoder.encode(1.5, TDS74), TdsVersion.V7_4);
    sameBytes(
        peer.get(9),
        ParamEncoder.encode(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"), TDS74),
        TdsVersion.V7_4);
    sameBytes(
        peer.get(10),
        ParamEncoder.encode(new SqlMoney(new BigDecimal("214748.3647")), TDS74),
        TdsVersion.V7_4);
    sameBytes(
        peer.get(11), ParamEncoder.encode(LocalDate.of(9999, 12, 31), TDS74), TdsVersion.V7_4);
    sameBytes(peer.get(14), ParamEncoder.encode(Long.MAX_VALUE, TDS74), TdsVersion.V7_4);
  }

  @Test
  void tediousNVarCharDeclaresTheValueLengthWeDeclare4000() throws Exception {
    // tedious declares nvarchar(4) for "żółw"; we declare nvarchar(4000) as mssql-jdbc does: the
    // type byte, the collation and the value bytes must agree
    RpcParameter peer = peer("tedious-19.2.2-1").get(3);
    Encoded ours = ParamEncoder.encode("żółw", TDS74);
    assertThat(ours.typeInfo().type()).isEqualTo(peer.typeInfo().type());
    assertThat(ours.typeInfo().collation()).isEqualTo(peer.typeInfo().collation());
    assertThat(ours.typeInfo().maxLength()).isEqualTo(8000);
    assertThat(ours.value()).isEqualTo(peer.value());
  }

  @Test
  void tediousStreamedNVarCharMaxMatchesAReaderAfterDechunking() throws Exception {
    // tedious sends nvarchar(max) as an unknown-length PLP value (0xFFFFFFFFFFFFFFFE, [MS-TDS]
    // 2.2.5.2.3) in one chunk of 10000 bytes; we stream a Reader in chunks of 8000 bytes: the
    // TYPE_INFO, the unknown-length marker and the joined data must agree
    RpcParameter peer = peer("tedious-19.2.2-1").get(15);
    String text = String.join("", Collections.nCopies(5000, "x"));
    Encoded ours = ParamEncoder.encode(new StringReader(text), TDS74);
    assertThat(ours.stream()).isNotNull();
    assertThat(typeHex(ours.typeInfo(), TdsVersion.V7_4))
        .isEqualTo(typeHex(peer.typeInfo(), TdsVersion.V7_4));
    RpcParameter sent = roundTrip(ours.parameter("@x", false));
    assertThat(Arrays.copyOf(sent.value(), 8)).isEqualTo(Arrays.copyOf(peer.value(), 8));
    assertThat(sent.value()).hasSize(8 + 4 + 8000 + 4 + 2000 + 4);
    assertThat(sent.getObject()).isEqualTo(peer.getObject()).isEqualTo(text);
  }

  /** Writes {@code p} in an RPC message and decodes it back (streamed values become bytes). */
  static RpcParameter roundTrip(RpcParameter p) {
    BufferWriter w = new BufferWriter();
    RpcRequest.encodeMessage(w, TdsVersion.V7_4, null, List.of(RpcRequest.named("p", List.of(p))));
    ByteBuffer b = w.view().order(ByteOrder.LITTLE_ENDIAN);
    return RpcRequest.decodeMessage(b, TdsVersion.V7_4).get(0).parameters().get(0);
  }

  @Test
  void tediousOutputIntStartsAsNull() throws Exception {
    // tedious: sp_executesql ... @out int OUTPUT with no value: status fByRefValue, INTN(4), NULL
    RpcParameter peer = peer("tedious-19.2.2-2").get(3);
    RpcParameter ours =
        Rpcs.procedure("p", List.of(Parameter.output(Integer.class)), TDS74).parameters().get(0);
    assertThat(ours.status()).isEqualTo(peer.status()).isEqualTo(RpcParameter.BY_REF);
    sameBytes(peer, encoded(ours), TdsVersion.V7_4);
    sameBytes(peer, ParamEncoder.encode(SqlInt.nullOf(), TDS74), TdsVersion.V7_4);
  }

  @Test
  void jtdsOnTds71() throws Exception {
    // jTDS 1.3.1 over TDS 7.1: sp_execute handle, then int 7, "żółw", decimal -0.00001,
    // datetime 1998-01-01 23:59:59.997, varbinary cafe, int NULL
    List<RpcParameter> peer = peer("jtds-1.3.1-tds7.1-2");
    sameBytes(peer.get(1), ParamEncoder.encode(7, TDS71), TdsVersion.V7_1);
    sameBytes(peer.get(2), ParamEncoder.encode("żółw", TDS71), TdsVersion.V7_1);
    sameBytes(peer.get(3), ParamEncoder.encode(new BigDecimal("-0.00001"), TDS71), TdsVersion.V7_1);
    sameBytes(
        peer.get(4),
        ParamEncoder.encode(
            new SqlDateTime(LocalDateTime.of(1998, 1, 1, 23, 59, 59, 997_000_000)), TDS71),
        TdsVersion.V7_1);
    sameBytes(
        peer.get(5),
        ParamEncoder.encode(new byte[] {(byte) 0xCA, (byte) 0xFE}, TDS71),
        TdsVersion.V7_1);
    sameBytes(peer.get(6), ParamEncoder.encode(SqlInt.nullOf(), TDS71), TdsVersion.V7_1);
  }
}
