package io.jctds.internal.params;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.type.Collation;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * mssql-jdbc 13.6.2 (Microsoft's JDBC driver) sends a PreparedStatement's parameters through a
 * relay to the embedded server; each parameter's TYPE_INFO and value bytes are compared with what
 * {@link ParamEncoder} makes of the same Java value. mssql-jdbc declares a float parameter as
 * "float" in @params although its TYPE_INFO is real, and sends a LocalTime as datetime (we send
 * time(7), which keeps its 100 ns digits): those declarations are not compared.
 */
class MssqlJdbcParamBytesIT {
  private static final EncodeContext TDS74 =
      new EncodeContext(TdsVersion.V7_4, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
  private static TdsServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("u", "pw")
            .build()
            .start();
    record();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** What the test does with the statement before executing it. */
  interface Work {
    void run(PreparedStatement ps) throws Exception;
  }

  /** The parameters of the last RPC mssql-jdbc sent for {@code sql} after {@code w}. */
  static List<RpcParameter> capture(String sql, Work w) throws Exception {
    try (PeerRelay relay = new PeerRelay(server.port())) {
      Properties p = new Properties();
      p.setProperty("user", "u");
      p.setProperty("password", "pw");
      String url =
          "jdbc:sqlserver://127.0.0.1:" + relay.port() + ";databaseName=master;encrypt=false";
      try (Connection c = new SQLServerDriver().connect(url, p);
          PreparedStatement ps = c.prepareStatement(sql)) {
        w.run(ps);
        ps.executeQuery().close();
      }
      List<byte[]> rpcs = relay.payloads(PacketType.RPC);
      ByteBuffer last = ByteBuffer.wrap(rpcs.get(rpcs.size() - 1)).order(ByteOrder.LITTLE_ENDIAN);
      return RpcRequest.decodeMessage(last, TdsVersion.V7_4).get(0).parameters();
    }
  }

  private static void same(RpcParameter peer, Encoded ours) {
    RpcParameter sent = PeerParameterBytesTest.roundTrip(ours.parameter("", false));
    assertThat(sent.typeInfo()).as("TYPE_INFO of %s", peer).isEqualTo(peer.typeInfo());
    assertThat(HexFormat.of().formatHex(sent.value()))
        .as("value of %s", peer)
        .isEqualTo(HexFormat.of().formatHex(peer.value()));
  }

  private static final OffsetDateTime ODT =
      OffsetDateTime.of(2007, 5, 8, 12, 35, 29, 123_456_700, ZoneOffset.ofHours(2));

  /** The values, as mssql-jdbc is given them (set* calls below) and as we are. */
  private static List<Object> values() {
    return java.util.Arrays.asList(
        Long.MIN_VALUE,
        (short) -2,
        1.5f,
        LocalDate.of(2024, 2, 29),
        LocalTime.of(12, 34, 56, 123_456_700),
        ODT,
        "x".repeat(5000),
        new byte[9000],
        "",
        new BigDecimal("-1.5E-3"),
        null,
        new StringReader("hello"),
        new ByteArrayInputStream(new byte[] {1, 2, 3}),
        new BigDecimal(BigInteger.TEN.pow(30)));
  }

  private static List<RpcParameter> peer;

  /** mssql-jdbc sends the values once, for both tests. */
  private static void record() throws Exception {
    List<Object> v = values();
    peer =
        capture(
            "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?",
            s -> {
              s.setLong(1, (Long) v.get(0));
              s.setShort(2, (Short) v.get(1));
              s.setFloat(3, (Float) v.get(2));
              s.setObject(4, v.get(3));
              s.setObject(5, v.get(4));
              s.setObject(6, v.get(5));
              s.setString(7, (String) v.get(6));
              s.setBytes(8, (byte[]) v.get(7));
              s.setString(9, (String) v.get(8));
              s.setBigDecimal(10, (BigDecimal) v.get(9));
              s.setNull(11, Types.INTEGER);
              s.setCharacterStream(12, (StringReader) v.get(11));
              s.setBinaryStream(13, (ByteArrayInputStream) v.get(12));
              s.setBigDecimal(14, (BigDecimal) v.get(13));
            });
  }

  @Test
  void javaValuesEncodeAsMssqlJdbcSendsThem() {
    assertThat(peer).hasSize(16); // @stmt, @params, 14 values
    List<Object> v = values();
    for (int i = 0; i < v.size(); i++) {
      if (i == 4) {
        assertThat(peer.get(6).typeInfo().sqlName()).isEqualTo("datetime"); // LocalTime
      } else if (i == 10) {
        same(peer.get(12), ParamEncoder.encodeNull(Integer.class, TDS74)); // setNull(INTEGER)
      } else {
        same(peer.get(i + 2), ParamEncoder.encode(v.get(i), TDS74));
      }
    }
  }

  @Test
  void declarationsAgreeWhereTheTypesDo() {
    String ours =
        (String)
            Rpcs.executeSql(
                    "SELECT :0, :1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11, :12, :13",
                    values(),
                    TDS74)
                .parameters()
                .get(1)
                .getObject();
    // the same declarations but where we say so: real (mssql-jdbc: float, with a real TYPE_INFO),
    // time(7) for the LocalTime, datetimeoffset(7) with its scale, nvarchar(4000) for the null
    String decl = (String) peer.get(1).getObject();
    assertThat(ours)
        .isEqualTo(
            decl.replace("@P2 float", "@P2 real")
                .replace("@P4 datetime,", "@P4 time(7),")
                .replace("@P5 datetimeoffset,", "@P5 datetimeoffset(7),")
                .replace("@P10 int", "@P10 nvarchar(4000)"));
  }
}
