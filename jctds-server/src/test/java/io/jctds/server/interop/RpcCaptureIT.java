package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.AllHeaders;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.Peers;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.sourceforge.jtds.jdbc.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The RPC requests real clients send, recorded on their way to the embedded server by a {@link
 * RecordingRelay}: mssql-jdbc 13.6.2 (PreparedStatement executed three times: sp_prepexec then
 * sp_execute; addBatch/executeBatch: several calls in one message), jTDS 1.3.1 (TDS 7.1,
 * PreparedStatement) and tedious 19 (interop/tedious/rpc-capture.js: sp_executesql with parameters
 * of many types, a procedure call with an OUTPUT parameter, sp_prepare and sp_execute). Each
 * decodes with RpcRequest.decodeMessage and re-encodes to the very bytes the client sent.
 *
 * <p>Each message is written to {@code target/rpc-seeds/<client>-<n>}: a byte with the TdsVersion's
 * ordinal, then the payload, the input format of jctds-protocol's RpcRequestFuzzTest. The committed
 * inputs of that fuzz target ({@code RpcRequestFuzzTestInputs/decode/}) are copies of these files.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RpcCaptureIT {
  private static final Path SEEDS = Path.of("target", "rpc-seeds");

  private static TdsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = Interop.start(EncryptionPolicy.OFF);
    Files.createDirectories(SEEDS);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The RPC messages a client sent through a relay while {@code use} ran. */
  private static List<byte[]> capture(Consumer<Integer> use) throws IOException {
    try (RecordingRelay relay = new RecordingRelay(server.port())) {
      use.accept(relay.port());
      return relay.messages().stream()
          .filter(m -> m.type() == PacketType.RPC)
          .map(RecordingRelay.Message::payload)
          .toList();
    }
  }

  /** Each payload decodes and re-encodes to itself; each is written as a seed. */
  private static void check(String client, TdsVersion v, List<byte[]> payloads) throws IOException {
    assertThat(payloads).as(client).isNotEmpty();
    for (int i = 0; i < payloads.size(); i++) {
      byte[] p = payloads.get(i);
      List<RpcRequest> calls = RpcRequest.decodeMessage(buffer(p), v);
      BufferWriter w = new BufferWriter();
      AllHeaders headers = v.atLeast(TdsVersion.V7_2) ? AllHeaders.decode(buffer(p)) : null;
      RpcRequest.encodeMessage(w, v, headers, calls);
      assertThat(w.toByteArray()).as(client + " message " + i + ": " + calls).isEqualTo(p);
      byte[] seed = new byte[p.length + 1];
      seed[0] = (byte) v.ordinal();
      System.arraycopy(p, 0, seed, 1, p.length);
      Files.write(SEEDS.resolve(client + "-" + (i + 1)), seed);
    }
  }

  private static ByteBuffer buffer(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static Properties login() {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    return p;
  }

  @Test
  void mssqlJdbc() throws IOException {
    List<byte[]> rpcs =
        capture(
            port -> {
              try (Connection c =
                  new SQLServerDriver()
                      .connect(
                          "jdbc:sqlserver://127.0.0.1:"
                              + port
                              + ";databaseName=master;encrypt=false",
                          login())) {
                mssqlJdbcWork(c);
              } catch (SQLException e) {
                throw new AssertionError(e);
              }
            });
    check("mssql-jdbc-13.6.2", TdsVersion.V7_4, rpcs);
    assertThat(rpcs.stream().map(p -> RpcRequest.decodeMessage(buffer(p), TdsVersion.V7_4)))
        .anyMatch(calls -> calls.size() > 1); // executeBatch: several calls in one message
  }

  private static void mssqlJdbcWork(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT ?, ?, ?, ?, ?, ?, ?, ?")) {
      for (int i = 0; i < 3; i++) {
        ps.setInt(1, 42 + i);
        ps.setString(2, "żółw");
        ps.setBigDecimal(3, new BigDecimal("12345.67891"));
        ps.setTimestamp(4, Timestamp.valueOf("2007-05-08 12:35:29.1234567"));
        ps.setBytes(5, new byte[] {1, 2, 3, 4});
        ps.setBoolean(6, true);
        ps.setDouble(7, 1.5);
        ps.setNull(8, Types.VARCHAR);
        ps.executeQuery().close();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE #captured (a int, b nvarchar(20))");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO #captured VALUES (?, ?)")) {
      for (int i = 0; i < 6; i++) {
        ps.setInt(1, i);
        ps.setString(2, "row " + i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Test
  void jtds() throws IOException {
    List<byte[]> rpcs =
        capture(
            port -> {
              try (Connection c =
                      new Driver()
                          .connect(
                              "jdbc:jtds:sqlserver://127.0.0.1:" + port + "/master;tds=8.0;ssl=off",
                              login());
                  PreparedStatement ps =
                      c.prepareStatement("SELECT ?, ?, ?, ?, ? WHERE ? IS NULL")) {
                for (int i = 0; i < 2; i++) {
                  ps.setInt(1, 7 + i);
                  ps.setString(2, "żółw");
                  ps.setBigDecimal(3, new BigDecimal("-0.00001"));
                  ps.setTimestamp(4, Timestamp.valueOf("1998-01-01 23:59:59.997"));
                  ps.setBytes(5, new byte[] {(byte) 0xCA, (byte) 0xFE});
                  ps.setNull(6, Types.INTEGER);
                  ps.executeQuery().close();
                }
              } catch (SQLException e) {
                throw new AssertionError(e);
              }
            });
    check("jtds-1.3.1-tds7.1", TdsVersion.V7_1, rpcs);
  }

  @Test
  void tedious() throws IOException {
    Path node = Peers.require("node", "Node.js 20 (apt-get install nodejs npm)");
    Tedious.find(); // tedious installed
    Path script =
        Path.of(System.getProperty("jctds.tedious.dir", "../interop/tedious"))
            .resolve("rpc-capture.js")
            .toAbsolutePath();
    List<byte[]> rpcs =
        capture(
            port -> {
              ObjectNode o = new ObjectMapper().createObjectNode();
              o.put("port", port).put("user", Interop.USER).put("password", Interop.PASSWORD);
              ProcessResult r =
                  ProcessRunner.of(node.toString(), script.toString(), o.toString())
                      .env("NODE_NO_WARNINGS", "1")
                      .timeout(Interop.PEER_TIMEOUT)
                      .run();
              assertThat(r.stdout().strip())
                  .as(r.transcript().replace(Interop.PASSWORD, "****"))
                  .isEqualTo("ok");
            });
    check("tedious-19.2.2", TdsVersion.V7_4, rpcs);
    List<String> names = new ArrayList<>();
    for (byte[] p : rpcs) {
      RpcRequest.decodeMessage(buffer(p), TdsVersion.V7_4)
          .forEach(call -> names.add(call.displayName()));
    }
    assertThat(names).contains("sp_executesql", "sp_prepare", "sp_execute");
    assertThat(names).hasSizeGreaterThanOrEqualTo(4);
  }
}
