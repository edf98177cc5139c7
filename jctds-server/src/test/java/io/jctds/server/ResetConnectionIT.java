package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.AllHeaders;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RESETCONNECTION over a socket, one rule a test. The rules: [MS-TDS] 2.2.3.1.2 (Status: the
 * RESETCONNECTION and RESETCONNECTIONSKIPTRAN bits, "effectively simulating a logout and a
 * subsequent login", "Distributed transactions and isolation levels are not reset", first packet
 * only, Batch/RPC/Transaction Manager only) and the list of what sp_reset_connection resets that
 * the connection-pooling literature quotes (sqldev.net's "What does sp_reset_connection do?": error
 * states such as @@ERROR, temporary objects, open transactions, acquired locks and handles, SET
 * options, @@ROWCOUNT, @@IDENTITY).
 */
class ResetConnectionIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.builder(EncryptionPolicy.ON).build().start();
    try (RawClient c = loggedIn()) {
      noErrors(
          c.batch(
              "CREATE TABLE dbo.reset_rows (id int IDENTITY(1,1) PRIMARY KEY, v int);"
                  + " CREATE TABLE dbo.reset_ids (id int IDENTITY(1,1) PRIMARY KEY, v int)"));
    }
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

  private static List<Token> noErrors(List<Token> t) {
    assertThat(Responses.errors(t)).isEmpty();
    return t;
  }

  /** A SQL batch whose (only) packet carries {@code bits}. */
  private static List<Token> batch(RawClient c, int bits, String sql) throws IOException {
    c.sendMessage(PacketType.SQL_BATCH, bits, out -> SqlBatch.of(sql).encode(out, TdsVersion.V7_4));
    return c.tokens();
  }

  private static List<Token> reset(RawClient c, String sql) throws IOException {
    return batch(c, PacketHeader.STATUS_RESET_CONNECTION, sql);
  }

  private static boolean acknowledged(List<Token> t) {
    return Responses.envChanges(t).stream().anyMatch(e -> e.changeType() == EnvChange.RESET_ACK);
  }

  private static List<Integer> errorNumbers(List<Token> t) {
    return Responses.errors(t).stream().map(ServerMessage::number).toList();
  }

  @Test
  void theAcknowledgementIsTheOnlyEnvChangeAndComesFirst() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("USE tempdb"));
      List<Token> t = reset(c, "SELECT DB_NAME()");
      // ENVCHANGE 18 with empty old and new values ([MS-TDS] 2.2.7.9: type 18, "0x00 0x00"); no
      // ENVCHANGE 1 for the database: drivers put their own record back on the acknowledgement
      // (mssql-jdbc's initResettableValues sets sCatalog = originalCatalog, mssql-rs PR #308
      // "restores negotiated DATABASE/LANGUAGE/COLLATION to login values")
      assertThat(t.get(0))
          .isEqualTo(new EnvChange.Binary(EnvChange.RESET_ACK, new byte[0], new byte[0]));
      assertThat(Responses.envChanges(t)).hasSize(1);
      assertThat(Responses.scalar(t)).isEqualTo("master");
    }
  }

  @Test
  void anOpenTransactionIsRolledBack() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> begin =
          noErrors(c.batch("BEGIN TRAN; INSERT INTO dbo.reset_rows (v) VALUES (-1)"));
      long descriptor = ((EnvChange.Binary) Responses.envChanges(begin).get(0)).descriptor();
      List<Token> t =
          reset(c, "SELECT @@TRANCOUNT, (SELECT COUNT(*) FROM dbo.reset_rows WHERE v = -1)");
      assertThat(Responses.rows(t).get(0).toArray()).containsExactly(0, 0);
      // the acknowledgement, then the rollback as ROLLBACK reports it ([MS-TDS] 2.2.7.9 type 10:
      // old value the descriptor, new value empty), which tedious needs to leave its
      // inTransaction state at TDS 7.2+ (its commit 23b7df54: that state follows these events)
      List<EnvChange> changes = Responses.envChanges(t);
      assertThat(changes)
          .extracting(EnvChange::changeType)
          .containsExactly(EnvChange.RESET_ACK, EnvChange.ROLLBACK_TRAN);
      assertThat(((EnvChange.Binary) changes.get(1)).descriptor()).isEqualTo(descriptor);
      assertThat(((EnvChange.Binary) changes.get(1)).newValue()).isEmpty();
    }
  }

  @Test
  void skipTranKeepsTheTransaction() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("BEGIN TRAN; INSERT INTO dbo.reset_rows (v) VALUES (-2); SET NOCOUNT ON"));
      List<Token> t =
          batch(
              c,
              PacketHeader.STATUS_RESET_CONNECTION_SKIP_TRAN,
              "SELECT @@TRANCOUNT, (SELECT COUNT(*) FROM dbo.reset_rows WHERE v = -2),"
                  + " @@OPTIONS & 512");
      // "do not modify the transaction state" ([MS-TDS] 2.2.3.1.2); the rest is reset (NOCOUNT)
      assertThat(acknowledged(t)).isTrue();
      assertThat(Responses.rows(t).get(0).toArray()).containsExactly(1, 1, 0);
      noErrors(c.batch("ROLLBACK"));
    }
  }

  @Test
  void skipTranDropsTemporaryTablesOnceTheKeptTransactionEnds() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("CREATE TABLE #later (x int); BEGIN TRAN; INSERT INTO #later VALUES (1)"));
      List<Token> t =
          batch(c, PacketHeader.STATUS_RESET_CONNECTION_SKIP_TRAN, "SELECT @@TRANCOUNT");
      assertThat(Responses.scalar(t)).isEqualTo(1);
      // dropping it now would end the transaction the reset keeps (a documented difference)
      noErrors(c.batch("COMMIT"));
      assertThat(errorNumbers(c.batch("SELECT * FROM #later"))).containsExactly(208);
    }
  }

  @Test
  void bothBitsKeepTheTransaction() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("BEGIN TRAN"));
      List<Token> t =
          batch(
              c,
              PacketHeader.STATUS_RESET_CONNECTION | PacketHeader.STATUS_RESET_CONNECTION_SKIP_TRAN,
              "SELECT @@TRANCOUNT");
      // the spec forbids the pair ("MUST NOT be set in conjunction"); we do the lesser reset
      assertThat(acknowledged(t)).isTrue();
      assertThat(Responses.scalar(t)).isEqualTo(1);
      noErrors(c.batch("ROLLBACK"));
    }
  }

  @Test
  void temporaryTablesAndProceduresAreDropped() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("CREATE TABLE #gone (x int)"));
      noErrors(c.batch("CREATE PROCEDURE #gone_proc AS SELECT 1"));
      assertThat(errorNumbers(reset(c, "SELECT * FROM #gone"))).containsExactly(208);
      assertThat(errorNumbers(c.batch("EXEC #gone_proc"))).containsExactly(2812);
    }
  }

  @Test
  void preparedHandlesAreDropped() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t =
          noErrors(
              c.batch(
                  "DECLARE @h int; EXEC sp_prepare @h OUTPUT, N'@a int', N'SELECT @a AS a';"
                      + " SELECT @h"));
      int handle =
          ((Number) Responses.rows(t).get(Responses.rows(t).size() - 1).getObject(0)).intValue();
      assertThat(Responses.scalar(c.batch("EXEC sp_execute " + handle + ", 5"))).isEqualTo(5);
      // "Could not find prepared statement with handle %d." is SQL Server's 8179
      assertThat(errorNumbers(reset(c, "EXEC sp_execute " + handle + ", 5"))).containsExactly(8179);
    }
  }

  @Test
  void setOptionsReturnToTheLogins() throws IOException {
    try (RawClient c = loggedIn()) {
      String probe =
          "SELECT @@OPTIONS, @@TEXTSIZE, @@LOCK_TIMEOUT, @@DATEFIRST, @@LANGUAGE,"
              + " CONVERT(int, DATEPART(month, CONVERT(datetime, '01/02/2003')))";
      Object[] atLogin = Responses.rows(c.batch(probe)).get(0).toArray();
      noErrors(
          c.batch(
              "SET NOCOUNT ON; SET IMPLICIT_TRANSACTIONS ON; SET ANSI_NULLS OFF;"
                  + " SET QUOTED_IDENTIFIER OFF; SET ARITHABORT ON; SET XACT_ABORT ON;"
                  + " SET TEXTSIZE 10; SET LOCK_TIMEOUT 5; SET DATEFIRST 1; SET DATEFORMAT dmy"));
      assertThat(Responses.rows(c.batch(probe)).get(0).toArray()).isNotEqualTo(atLogin);
      List<Token> t = reset(c, probe);
      assertThat(Responses.rows(t).get(0).toArray()).isEqualTo(atLogin);
      // the login's values themselves: [MS-TDS] 2.2.6.4 LOGIN7 (fODBC: "TEXTSIZE to infinite");
      // "SET LOCK_TIMEOUT": default -1; us_english: DATEFIRST 7, DATEFORMAT mdy (January)
      assertThat(atLogin).containsSequence(2147483647, -1, (short) 7, "us_english", 1);
      // NOCOUNT off again: the DONE of a SELECT carries its count
      assertThat(Responses.lastDone(t).hasCount()).isTrue();
      // IMPLICIT_TRANSACTIONS off again: a DML statement leaves no transaction open
      List<Token> dml = c.batch("INSERT INTO dbo.reset_rows (v) VALUES (3); SELECT @@TRANCOUNT");
      assertThat(Responses.scalar(dml)).isEqualTo(0);
    }
  }

  @Test
  void theIsolationLevelIsKept() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
      List<Token> t =
          reset(
              c,
              "SELECT transaction_isolation_level FROM sys.dm_exec_sessions"
                  + " WHERE session_id = @@SPID");
      // "Distributed transactions and isolation levels are not reset" ([MS-TDS] 2.2.3.1.2; the
      // leak drivers work around: dotnet/SqlClient #96, mssql-python #337); 4 = Serializable
      // ("sys.dm_exec_sessions")
      assertThat(acknowledged(t)).isTrue();
      assertThat(Responses.scalar(t)).isEqualTo((short) 4);
    }
  }

  @Test
  void rowCountErrorAndIdentityAreCleared() throws IOException {
    try (RawClient c = loggedIn()) {
      String probe = "SELECT @@ROWCOUNT, @@ERROR, @@IDENTITY";
      c.batch("INSERT INTO dbo.reset_ids (v) VALUES (1), (2); SELECT 1/0");
      Object[] before = Responses.rows(c.batch(probe)).get(0).toArray();
      assertThat(before[1]).isEqualTo(8134); // the session kept them across batches
      assertThat(before[2]).isNotNull();
      c.batch("SELECT 1/0");
      Object[] after = Responses.rows(reset(c, probe)).get(0).toArray();
      assertThat(after).containsExactly(0, 0, null);
    }
  }

  @Test
  void identityInsertIsOffAgain() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("SET IDENTITY_INSERT dbo.reset_ids ON"));
      noErrors(c.batch("INSERT INTO dbo.reset_ids (id, v) VALUES (1000, 1)"));
      // 544: "Cannot insert explicit value for identity column in table '%.*ls' when
      // IDENTITY_INSERT is set to OFF."
      assertThat(errorNumbers(reset(c, "INSERT INTO dbo.reset_ids (id, v) VALUES (1001, 1)")))
          .containsExactly(544);
    }
  }

  @Test
  void sessionApplicationLocksAreReleased() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("EXEC sp_getapplock 'reset_lock', 'Exclusive', 'Session'"));
      assertThat(
              Responses.scalar(c.batch("SELECT APPLOCK_MODE('public', 'reset_lock', 'Session')")))
          .isEqualTo("Exclusive");
      // "It will free acquired locks"; NoLock is APPLOCK_MODE's answer for a lock not held
      assertThat(
              Responses.scalar(reset(c, "SELECT APPLOCK_MODE('public', 'reset_lock', 'Session')")))
          .isEqualTo("NoLock");
    }
  }

  @Test
  void anRpcRequestWithTheBitIsReset() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("USE tempdb"));
      TypeInfo nvarchar = TypeInfo.nvarchar(4000, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
      c.sendMessage(
          PacketType.RPC,
          PacketHeader.STATUS_RESET_CONNECTION,
          out ->
              RpcRequest.encodeMessage(
                  out,
                  TdsVersion.V7_4,
                  null,
                  List.of(
                      RpcRequest.byId(
                          RpcRequest.SP_EXECUTESQL,
                          List.of(RpcParameter.of("", nvarchar, "SELECT DB_NAME()"))))));
      List<Token> t = c.tokens();
      assertThat(t.get(0)).isInstanceOf(EnvChange.class);
      assertThat(acknowledged(t)).isTrue();
      assertThat(Responses.rows(t).get(0).getObject(0)).isEqualTo("master");
      assertThat(Responses.lastDone(t).tokenType()).isEqualTo(TokenType.DONEPROC);
    }
  }

  @Test
  void aTransactionManagerRequestWithTheBitIsReset() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("CREATE TABLE #tm (x int)"));
      c.sendMessage(
          PacketType.TRANSACTION_MANAGER,
          PacketHeader.STATUS_RESET_CONNECTION,
          out -> {
            AllHeaders.transaction(0, 1).encode(out);
            out.u16(5).u8(2).u8(0); // TM_BEGIN_XACT, read committed, no name
          });
      List<Token> t = c.tokens();
      assertThat(acknowledged(t)).isTrue();
      assertThat(Responses.envChanges(t))
          .extracting(EnvChange::changeType)
          .containsExactly(EnvChange.RESET_ACK, EnvChange.BEGIN_TRAN);
      assertThat(errorNumbers(c.batch("SELECT * FROM #tm"))).containsExactly(208);
      noErrors(c.batch("ROLLBACK"));
    }
  }

  @Test
  void theBitOnAnAttentionIsIgnored() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("CREATE TABLE #kept (x int)"));
      c.sendMessage(PacketType.ATTENTION, PacketHeader.STATUS_RESET_CONNECTION, out -> {});
      List<Token> t = c.tokens();
      assertThat(Responses.lastDone(t).isAttentionAck()).isTrue();
      assertThat(acknowledged(t)).isFalse();
      noErrors(c.batch("SELECT * FROM #kept"));
    }
  }

  @Test
  void theBitOnABulkLoadIsIgnored() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("CREATE TABLE #kept (x int)"));
      c.sendMessage(
          PacketType.BULK_LOAD, PacketHeader.STATUS_RESET_CONNECTION, out -> out.u8(0xFD));
      List<Token> t = c.tokens();
      assertThat(acknowledged(t)).isFalse();
      assertThat(errorNumbers(t)).containsExactly(4804); // no INSERT BULK came before
      noErrors(c.batch("SELECT * FROM #kept"));
    }
  }

  /** A batch long enough for two 4096-byte packets, sent with {@code first} and {@code last}. */
  private static List<Token> twoPackets(RawClient c, int first, int last, String sql)
      throws IOException {
    BufferWriter w = new BufferWriter();
    SqlBatch.of(sql + " -- " + "x".repeat(3000)).encode(w, TdsVersion.V7_4);
    ByteBuffer payload = w.view();
    int split = 4096 - PacketHeader.SIZE;
    byte[] p1 = new byte[split];
    byte[] p2 = new byte[payload.remaining() - split];
    payload.get(p1).get(p2);
    c.sendRaw(packet(first, 1, p1));
    c.sendRaw(packet(last | PacketHeader.STATUS_EOM, 2, p2));
    return c.tokens();
  }

  private static byte[] packet(int status, int id, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(PacketHeader.SIZE + body.length);
    b.put((byte) PacketType.SQL_BATCH).put((byte) status).putShort((short) b.capacity());
    b.putShort((short) 0).put((byte) id).put((byte) 0).put(body);
    return b.array();
  }

  @Test
  void onlyTheFirstPacketsBitCounts() throws IOException {
    try (RawClient c = loggedIn()) {
      noErrors(c.batch("CREATE TABLE #kept (x int)"));
      // "This bit SHOULD be ignored if it is set in a packet that is not the first packet"
      List<Token> t = twoPackets(c, 0, PacketHeader.STATUS_RESET_CONNECTION, "SELECT * FROM #kept");
      assertThat(acknowledged(t)).isFalse();
      assertThat(Responses.errors(t)).isEmpty();
      t = twoPackets(c, PacketHeader.STATUS_RESET_CONNECTION, 0, "SELECT * FROM #kept");
      assertThat(acknowledged(t)).isTrue();
      assertThat(errorNumbers(t)).containsExactly(208);
    }
  }

  @Test
  void tds71ResetsWithoutAcknowledgement() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      List<Token> login =
          c.login(RawClient.login().tdsVersion(TdsVersion.V7_1).features(List.of()).build());
      assertThat(login).anyMatch(x -> x instanceof io.jctds.protocol.token.LoginAck);
      noErrors(c.batch("CREATE TABLE #gone (x int)"));
      c.sendMessage(
          PacketType.SQL_BATCH,
          PacketHeader.STATUS_RESET_CONNECTION,
          out -> SqlBatch.of("SELECT * FROM #gone").encode(out, TdsVersion.V7_1));
      List<Token> t = c.tokens();
      // ENVCHANGE 18 is a TDS 7.2 type: tedious's "should reset Connection" test, "TDS 7_1 doesnt
      // send RESETCONNECTION acknowledgement packet"; the reset itself is TDS 7.1's
      assertThat(acknowledged(t)).isFalse();
      assertThat(errorNumbers(t)).containsExactly(208);
      Done d = Responses.lastDone(t);
      assertThat(d.isError()).isTrue();
    }
  }
}
