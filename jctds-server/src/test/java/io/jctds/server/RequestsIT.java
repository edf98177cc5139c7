package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.AllHeaders;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ReturnStatus;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests after login, end to end over a socket: batches through the SQL front, errors that leave
 * the session usable, ATTENTION, RPC, transaction-manager requests and RESETCONNECTION.
 */
class RequestsIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.builder(EncryptionPolicy.ON).build().start();
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

  @Test
  void verificationQueryOfTheIssue() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t =
          c.batch(
              "SELECT encrypt_option, protocol_type, auth_scheme FROM sys.dm_exec_connections"
                  + " WHERE session_id = @@SPID");
      ColMetadata md = Responses.metadata(t).get(0);
      assertThat(md.columns())
          .extracting(ColMetadata.Column::name)
          .containsExactly("encrypt_option", "protocol_type", "auth_scheme");
      assertThat(md.column(0).typeInfo().sqlName()).isEqualTo("nvarchar(40)");
      assertThat(Responses.rows(t))
          .singleElement()
          .satisfies(r -> assertThat(r.toArray()).containsExactly("FALSE", "TSQL", "SQL"));
      Done done = Responses.lastDone(t);
      assertThat(done.hasCount()).isTrue();
      assertThat(done.rowCount()).isEqualTo(1);
      assertThat(done.hasMore()).isFalse();
    }
  }

  @Test
  void selectStarListsEveryConnectionColumn() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t = c.batch("SELECT * FROM sys.dm_exec_connections WHERE session_id = @@SPID");
      ColMetadata md = Responses.metadata(t).get(0);
      assertThat(md.size()).isEqualTo(22);
      Row r = Responses.rows(t).get(0);
      assertThat(r.getObject(md.indexOf("session_id"))).isEqualTo(c.spid());
      assertThat(r.getObject(md.indexOf("net_transport"))).isEqualTo("TCP");
      assertThat(r.getObject(md.indexOf("client_tcp_port"))).isEqualTo(c.socket().getLocalPort());
      assertThat(r.getObject(md.indexOf("net_packet_size"))).isEqualTo(4096);
      assertThat(r.getObject(md.indexOf("parent_connection_id"))).isNull();
      assertThat(r.getObject(md.indexOf("connection_id"))).isEqualTo(c.info(server).connectionId());
    }
  }

  @Test
  void errorsLeaveTheSessionUsable() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t = c.batch("SELECT * FROM dbo.nosuch");
      ServerMessage e = Responses.errors(t).get(0);
      assertThat(e.number()).isEqualTo(208);
      assertThat(e.severity()).isEqualTo(16);
      assertThat(e.message()).isEqualTo("Invalid object name 'dbo.nosuch'.");
      assertThat(Responses.lastDone(t).isError()).isTrue();
      // (a batch starting "SELEC 1" is a call of procedure SELEC for SQL Server: 2812)
      t = c.batch("SELECT 1,");
      assertThat(Responses.errors(t).get(0).number()).isEqualTo(102);
      assertThat(Responses.errors(t).get(0).message()).isEqualTo("Incorrect syntax near ','.");
      assertThat(Responses.scalar(c.batch("SELECT 42"))).isEqualTo(42);
    }
  }

  /** SQL Server answers a 31-digit integer constant as numeric(31,0) (BasicSqlEngineTest). */
  @Test
  void aNegative31DigitConstantIsANumericValue() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t = c.batch("SELECT -5555555555555555555555555555500");
      assertThat(Responses.errors(t)).isEmpty();
      assertThat(Responses.metadata(t).get(0).column(0).typeInfo().sqlName())
          .isEqualTo("numeric(31,0)");
      assertThat(Responses.scalar(t)).isEqualTo(new BigDecimal("-5555555555555555555555555555500"));
    }
  }

  @Test
  void severalStatementsEachEndWithDoneMore() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t = c.batch("SET NOCOUNT OFF; SELECT 1 AS a\nSELECT N'x' AS b");
      List<Done> dones = Responses.dones(t);
      assertThat(dones).hasSize(3);
      assertThat(dones.subList(0, 2)).allMatch(Done::hasMore);
      assertThat(dones.get(2).hasMore()).isFalse();
      assertThat(Responses.rows(t)).hasSize(2);
    }
  }

  @Test
  void useChangesTheDatabase() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t = c.batch("USE tempdb");
      assertThat(Responses.envChanges(t))
          .containsExactly(new EnvChange.Text(EnvChange.DATABASE, "tempdb", "master"));
      assertThat(Responses.infos(t).get(0).number()).isEqualTo(5701);
      assertThat(Responses.scalar(c.batch("SELECT DB_NAME()"))).isEqualTo("tempdb");
      assertThat(Responses.errors(c.batch("USE nosuch")).get(0).number()).isEqualTo(911);
    }
  }

  @Test
  void attentionIsAnsweredWithDoneAttn() throws IOException {
    try (RawClient c = loggedIn()) {
      c.sendMessage(PacketType.ATTENTION, out -> {});
      Done d = Responses.lastDone(c.tokens());
      assertThat(d.isAttentionAck()).isTrue();
      assertThat(Responses.scalar(c.batch("SELECT 7"))).isEqualTo(7);
    }
  }

  private static List<Token> rpc(RawClient c, RpcRequest... calls) throws IOException {
    return c.rpc(calls);
  }

  @Test
  void spExecuteSqlRunsItsStatement() throws IOException {
    try (RawClient c = loggedIn()) {
      TypeInfo nvarchar = TypeInfo.nvarchar(4000, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
      List<Token> t =
          rpc(
              c,
              RpcRequest.byId(
                  RpcRequest.SP_EXECUTESQL,
                  List.of(RpcParameter.of("", nvarchar, "SELECT @@SPID AS spid"))));
      assertThat(Responses.rows(t).get(0).getObject(0)).isEqualTo((short) c.spid());
      assertThat(t).anyMatch(x -> x instanceof ReturnStatus rs && rs.value() == 0);
      assertThat(Responses.dones(t).get(0).tokenType()).isEqualTo(TokenType.DONEINPROC);
      assertThat(Responses.lastDone(t).tokenType()).isEqualTo(TokenType.DONEPROC);
    }
  }

  @Test
  void unknownProcedureIs2812() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t = rpc(c, RpcRequest.named("sp_nosuch", List.of()));
      assertThat(Responses.errors(t).get(0).number()).isEqualTo(2812);
      assertThat(Responses.errors(t).get(0).message())
          .isEqualTo("Could not find stored procedure 'sp_nosuch'.");
      Done d = Responses.lastDone(t);
      assertThat(d.tokenType()).isEqualTo(TokenType.DONEPROC);
      assertThat(d.isError()).isTrue();
      assertThat(Responses.scalar(c.batch("SELECT 1"))).isEqualTo(1);
    }
  }

  private static List<Token> tm(RawClient c, int type, byte... body) throws IOException {
    c.sendMessage(
        PacketType.TRANSACTION_MANAGER,
        out -> {
          AllHeaders.transaction(0, 1).encode(out);
          out.u16(type).bytes(body);
        });
    return c.tokens();
  }

  @Test
  void transactionManagerBeginAndCommit() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> begin = tm(c, 5, (byte) 2, (byte) 0); // read committed, no name
      EnvChange.Binary b = (EnvChange.Binary) Responses.envChanges(begin).get(0);
      assertThat(b.changeType()).isEqualTo(EnvChange.BEGIN_TRAN);
      long descriptor = b.descriptor();
      assertThat(Responses.scalar(c.batch("SELECT @@TRANCOUNT"))).isEqualTo(1);
      List<Token> commit = tm(c, 7, (byte) 0, (byte) 0); // no name, no new transaction
      EnvChange.Binary e = (EnvChange.Binary) Responses.envChanges(commit).get(0);
      assertThat(e.changeType()).isEqualTo(EnvChange.COMMIT_TRAN);
      assertThat(e.descriptor()).isEqualTo(descriptor);
      assertThat(Responses.scalar(c.batch("SELECT @@TRANCOUNT"))).isEqualTo(0);
      assertThat(Responses.errors(tm(c, 8, (byte) 0, (byte) 0)).get(0).number()).isEqualTo(3903);
    }
  }

  @Test
  void transactionStatementsReportEnvChanges() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t = c.batch("BEGIN TRAN; SELECT @@TRANCOUNT; ROLLBACK");
      assertThat(Responses.envChanges(t))
          .extracting(EnvChange::changeType)
          .containsExactly(EnvChange.BEGIN_TRAN, EnvChange.ROLLBACK_TRAN);
      assertThat(Responses.rows(t).get(0).getObject(0)).isEqualTo(1);
      assertThat(Responses.errors(c.batch("IF @@TRANCOUNT > 0 COMMIT TRAN"))).isEmpty();
    }
  }

  @Test
  void resetConnectionRestoresTheLoginState() throws IOException {
    try (RawClient c = loggedIn()) {
      c.batch("USE tempdb; BEGIN TRAN; SET NOCOUNT ON; CREATE TABLE #gone (x int)");
      c.sendMessage(
          PacketType.SQL_BATCH,
          PacketHeader.STATUS_RESET_CONNECTION,
          out ->
              io.jctds.protocol.batch.SqlBatch.of("SELECT DB_NAME(), @@TRANCOUNT")
                  .encode(out, TdsVersion.V7_4));
      List<Token> t = c.tokens();
      assertThat(Responses.envChanges(t).get(0).changeType()).isEqualTo(EnvChange.RESET_ACK);
      assertThat(Responses.rows(t).get(0).toArray()).containsExactly("master", 0);
      assertThat(Responses.lastDone(t).hasCount()).isTrue();
      // sp_reset_connection drops the session's temporary tables
      assertThat(Responses.errors(c.batch("SELECT * FROM #gone")))
          .extracting(m -> m.number())
          .containsExactly(208);
    }
  }

  @Test
  void killEndsAnotherSession() throws IOException {
    try (RawClient victim = loggedIn();
        RawClient killer = loggedIn()) {
      List<Token> t = killer.batch("KILL " + victim.spid());
      assertThat(Responses.errors(t)).isEmpty();
      assertThat(victim.closedByServer()).isTrue();
      assertThat(Responses.errors(killer.batch("KILL " + victim.spid())))
          .extracting(m -> m.number())
          .containsExactly(6106);
    }
  }
}
