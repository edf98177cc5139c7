package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.ReturnValue;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.TdsServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RPC seam of the cursor with hand-built requests. sp_executesql's parameters (statement,
 * declarations, values) and procedures' OUTPUT parameters and RETURN statuses as the T-SQL
 * reference documents them; [MS-TDS] 2.2.6.6 RPC request with several calls separated by the batch
 * flag.
 */
class RpcFlowIT {
  private static final Collation C = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = FlowServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RpcRequest executeSql(String sql, String decl, RpcParameter... values) {
    List<RpcParameter> ps = new java.util.ArrayList<>();
    ps.add(RpcParameter.of("", TypeInfo.nvarchar(TypeInfo.MAX, C), sql));
    ps.add(RpcParameter.of("", TypeInfo.nvarchar(4000, C), decl));
    ps.addAll(List.of(values));
    return RpcRequest.byId(RpcRequest.SP_EXECUTESQL, ps);
  }

  @Test
  void spExecuteSqlWithAnIntParameter() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.executeRpc(
          List.of(
              executeSql(
                  "SELECT @p0 + 1 AS n", "@p0 int", RpcParameter.of("@p0", TypeInfo.intN(4), 41))));
      assertThat(c.description()).extracting(Column::name).containsExactly("n");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(42);
      assertThat(c.fetchOne()).isNull();
      assertThat(c.rowCount()).isEqualTo(1);
      assertThat(c.returnStatus()).hasValue(0); // sp_executesql returns 0 on success
    }
  }

  @Test
  void procedureWithResultSetOutputAndReturnThenASecondCallInTheSameMessage() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute(
          "CREATE PROCEDURE #p @a int, @b int OUTPUT AS BEGIN SELECT @a * 2 AS twice;"
              + " SET @b = @a + 100; RETURN 7 END");
      c.executeRpc(
          List.of(
              RpcRequest.named(
                  "#p",
                  List.of(
                      RpcParameter.of("@a", TypeInfo.intN(4), 5),
                      RpcParameter.output("@b", TypeInfo.intN(4), null))),
              executeSql("SELECT 'second' AS s", "")));
      assertThat(c.fetchOne().getInt(0)).isEqualTo(10);
      assertThat(c.nextSet()).isTrue();
      assertThat(c.fetchOne().getString(0)).isEqualTo("second");
      assertThat(c.nextSet()).isFalse();
      List<ReturnValue> outs = c.returnValues();
      assertThat(outs).hasSize(1);
      assertThat(outs.get(0).name()).isEqualTo("@b");
      assertThat(outs.get(0).getObject()).isEqualTo(105);
      assertThat(c.returnStatus()).hasValue(0); // the last call's (sp_executesql's) status
    }
  }

  @Test
  void returnStatusReadsAheadPastUnreadResults() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute("CREATE PROCEDURE #r AS BEGIN SELECT 1; SELECT 2 UNION ALL SELECT 4; RETURN 3 END");
      c.executeRpc(List.of(RpcRequest.named("#r", List.of())));
      assertThat(c.returnStatus()).hasValue(3);
      assertThat(c.nextSet()).isFalse();
      // the two SELECTs' counts, read on the way (the embedded server also sends a DONEINPROC with
      // a count for RETURN, which this test does not rely on: hence startsWith)
      assertThat(c.rowCounts()).startsWith(1, 2);
    }
  }

  @Test
  void aFailedCallRaisesFromExecuteRpcAndTheNextCallsResultsFollow() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  c.executeRpc(
                      List.of(
                          executeSql("SELECT 1 / 0", ""), executeSql("SELECT 'next' AS s", ""))))
          .isInstanceOfSatisfying(DataError.class, e -> assertThat(e.number()).isEqualTo(8134));
      assertThat(c.nextSet()).isTrue();
      assertThat(c.fetchOne().getString(0)).isEqualTo("next");
      assertThat(c.nextSet()).isFalse();
    }
  }
}
