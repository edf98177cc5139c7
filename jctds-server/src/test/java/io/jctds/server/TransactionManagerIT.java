package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transaction-manager requests byte by byte ([MS-TDS] 2.2.6.9 TransMgrReq: ALL_HEADERS, a USHORT
 * RequestType, its payload; 2.2.5.3 ALL_HEADERS with the transaction descriptor header; 2.2.7.9
 * ENVCHANGE types 8, 9 and 10 with the 8-byte descriptor as B_VARBYTE; 2.2.7.6 DONE). The requests
 * are written here as the spec lays them out, and the responses are checked byte by byte, except
 * for the descriptor's value, which the server chooses.
 */
class TransactionManagerIT {
  private static TdsServer server;
  private static final HexFormat HEX = HexFormat.of();

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.builder(EncryptionPolicy.OFF).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawClient loggedIn() throws IOException {
    RawClient c = RawClient.connect(server);
    c.loginOk();
    return c;
  }

  /**
   * ALL_HEADERS with only the transaction descriptor header: TotalLength 22, HeaderLength 18,
   * HeaderType 2, the descriptor, OutstandingRequestCount 1.
   */
  private static String allHeaders(long descriptor) {
    return "16000000" + "12000000" + "0200" + le(descriptor) + "01000000";
  }

  private static String le(long v) {
    return HEX.formatHex(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
  }

  /** Sends a TM request whose payload after ALL_HEADERS is {@code hex}; the raw response. */
  private static ByteBuffer request(RawClient c, long descriptor, String hex) throws IOException {
    byte[] payload = HEX.parseHex(allHeaders(descriptor) + hex);
    c.sendMessage(PacketType.TRANSACTION_MANAGER, out -> out.bytes(payload));
    RawClient.Message m = c.read();
    assertThat(m.type()).isEqualTo(PacketType.TABULAR_RESULT);
    return m.payload();
  }

  /** Reads ENVCHANGE {@code type} for a transaction; returns its descriptor. */
  private static long envChange(ByteBuffer r, int type) {
    assertThat(r.get() & 0xFF).as("ENVCHANGE token").isEqualTo(0xE3);
    assertThat(r.getShort() & 0xFFFF).as("length: type, two B_VARBYTEs").isEqualTo(11);
    assertThat(r.get() & 0xFF).as("type").isEqualTo(type);
    boolean begin = type == EnvChange.BEGIN_TRAN;
    assertThat(r.get() & 0xFF).as("NewValue length").isEqualTo(begin ? 8 : 0);
    long d = begin ? r.getLong() : 0;
    assertThat(r.get() & 0xFF).as("OldValue length").isEqualTo(begin ? 0 : 8);
    d = begin ? d : r.getLong();
    assertThat(d).as("descriptor").isNotZero();
    return d;
  }

  /** The final DONE: status, CurCmd 0, an 8-byte row count of 0 (TDS 7.2+). */
  private static void done(ByteBuffer r, int status) {
    byte[] rest = new byte[r.remaining()];
    r.get(rest);
    assertThat(HEX.formatHex(rest))
        .isEqualTo("fd" + HEX.formatHex(new byte[] {(byte) status, 0}) + "0000" + "00".repeat(8));
  }

  private static long trancount(RawClient c, long descriptor) throws IOException {
    c.sendMessage(
        PacketType.SQL_BATCH,
        out ->
            SqlBatch.inTransaction(descriptor, "SELECT @@TRANCOUNT").encode(out, TdsVersion.V7_4));
    return ((Number) Responses.scalar(c.tokens())).longValue();
  }

  @Test
  void beginCommitWithANewTransactionAndRollback() throws IOException {
    try (RawClient c = loggedIn()) {
      // TM_BEGIN_XACT, ISOLATION_LEVEL 2 (read committed), BEGIN_XACT_NAME empty
      ByteBuffer r = request(c, 0, "0500" + "02" + "00");
      long first = envChange(r, EnvChange.BEGIN_TRAN);
      done(r, 0);
      // later requests carry the descriptor in ALL_HEADERS (2.2.5.3.2)
      assertThat(trancount(c, first)).isEqualTo(1);
      // TM_COMMIT_XACT, XACT_NAME empty, XACT_FLAGS fBeginXact, NEW_ISOLATION_LEVEL 4
      // (serializable), NEW_XACT_NAME empty: the commit's ENVCHANGE 9, then the new 8
      r = request(c, first, "0700" + "00" + "01" + "04" + "00");
      assertThat(envChange(r, EnvChange.COMMIT_TRAN)).isEqualTo(first);
      long second = envChange(r, EnvChange.BEGIN_TRAN);
      assertThat(second).isNotEqualTo(first);
      done(r, 0);
      assertThat(trancount(c, second)).isEqualTo(1);
      // TM_ROLLBACK_XACT, XACT_NAME empty, XACT_FLAGS 0
      r = request(c, second, "0800" + "00" + "00");
      assertThat(envChange(r, EnvChange.ROLLBACK_TRAN)).isEqualTo(second);
      done(r, 0);
      assertThat(trancount(c, 0)).isZero();
    }
  }

  @Test
  void savepointsAndRollbackToThem() throws IOException {
    try (RawClient c = loggedIn()) {
      c.batch("CREATE TABLE #sp (n int)");
      // TM_BEGIN_XACT with ISOLATION_LEVEL 0 (no change) and the name "t" (a byte count, then
      // UCS-2)
      ByteBuffer r = request(c, 0, "0500" + "00" + "027400");
      long d = envChange(r, EnvChange.BEGIN_TRAN);
      done(r, 0);
      c.batch("INSERT INTO #sp VALUES (1)");
      // TM_SAVE_XACT, XACT_SAVEPOINT_NAME "sp": a DONE only
      r = request(c, d, "0900" + "0473007000");
      done(r, 0);
      c.batch("INSERT INTO #sp VALUES (2)");
      // TM_ROLLBACK_XACT to "sp": no ENVCHANGE, the transaction goes on
      r = request(c, d, "0800" + "0473007000" + "00");
      done(r, 0);
      assertThat(trancount(c, d)).isEqualTo(1);
      assertThat(Responses.scalar(c.batch("SELECT COUNT(*) FROM #sp"))).isEqualTo(1);
      // TM_COMMIT_XACT named after the transaction
      r = request(c, d, "0700" + "027400" + "00");
      assertThat(envChange(r, EnvChange.COMMIT_TRAN)).isEqualTo(d);
      done(r, 0);
      assertThat(Responses.scalar(c.batch("SELECT COUNT(*) FROM #sp"))).isEqualTo(1);
    }
  }

  /** One ERROR with SQL Server's number, state, severity and text, then DONE with the error bit. */
  private static void refused(RawClient c, String hex, int number, Integer state, String text)
      throws IOException {
    byte[] payload = HEX.parseHex(allHeaders(0) + hex);
    c.sendMessage(PacketType.TRANSACTION_MANAGER, out -> out.bytes(payload));
    List<Token> t = c.tokens();
    assertThat(t).hasSize(2);
    ServerMessage e = (ServerMessage) t.get(0);
    assertThat(e.error()).isTrue();
    assertThat(e.number()).isEqualTo(number);
    if (state != null) {
      assertThat(e.state()).isEqualTo(state);
    }
    assertThat(e.severity()).isEqualTo(16);
    assertThat(e.message()).isEqualTo(text);
    Done d = (Done) t.get(1);
    assertThat(d.isError()).isTrue();
    assertThat(d.hasMore()).isFalse();
  }

  @Test
  void requestsWithoutATransactionAreRefused() throws IOException {
    try (RawClient c = loggedIn()) {
      // without BEGIN: "Msg 3902, Level 16, State 1" / "Msg 3903, Level 16, State 1" as SQL
      // Server prints them; 628 from "SAVE TRANSACTION" (sys.messages text)
      refused(
          c,
          "0700" + "00" + "00",
          3902,
          1,
          "The COMMIT TRANSACTION request has no corresponding BEGIN TRANSACTION.");
      refused(
          c,
          "0800" + "00" + "00",
          3903,
          1,
          "The ROLLBACK TRANSACTION request has no corresponding BEGIN TRANSACTION.");
      refused(
          c,
          "0900" + "0473007000",
          628,
          null, // no recorded state for 628
          "Cannot issue SAVE TRANSACTION when there is no active transaction.");
      assertThat(Responses.scalar(c.batch("SELECT 3"))).isEqualTo(3);
    }
  }

  @Test
  void distributedTransactionsNeedMsdtc() throws IOException {
    try (RawClient c = loggedIn()) {
      // TM_PROPAGATE_XACT with a 4-byte cookie (USHORT length, bytes) and TM_GET_DTC_ADDRESS
      // (an empty B_VARBYTE): SQL Server without MS DTC answers "Msg 8501, Level 16, State 3 MSDTC
      // on server '...' is unavailable." (Microsoft KB 889706)
      String text = "MSDTC on server '" + serverName(c) + "' is unavailable.";
      refused(c, "0100" + "0400" + "01020304", 8501, 3, text);
      refused(c, "0000" + "0000", 8501, 3, text);
    }
  }

  private static String serverName(RawClient c) throws IOException {
    return (String) Responses.scalar(c.batch("SELECT @@SERVERNAME"));
  }
}
