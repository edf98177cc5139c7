package io.jctds.server.tsql;

import static io.jctds.server.tsql.RpcCases.ALL;
import static io.jctds.server.tsql.RpcCases.executeSql;
import static io.jctds.server.tsql.RpcCases.intOutput;
import static io.jctds.server.tsql.RpcCases.integer;
import static io.jctds.server.tsql.RpcCases.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.sql.EngineSession;
import io.jctds.server.tsql.RecordingSink.DoneEvent;
import io.jctds.server.tsql.RecordingSink.Output;
import io.jctds.server.tsql.RecordingSink.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RPC calls as the engine answers them ([MS-TDS] 2.2.6.6 RPC request, 2.2.7.18 RETURNSTATUS,
 * 2.2.7.19 RETURNVALUE; "sp_executesql", "sp_prepare", "sp_execute", "sp_prepexec", "sp_unprepare"
 * in the Transact-SQL reference). Values sent are each type's limits (see {@link RpcCases}); a
 * parameter's value comes back as sent, converted to its declared type.
 */
class RpcTest extends EngineTest {

  RecordingSink call(RpcRequest rpc) {
    return call(session, rpc);
  }

  RecordingSink call(EngineSession on, RpcRequest rpc) {
    RecordingSink sink = new RecordingSink(tds.version);
    on.call(rpc, sink);
    return sink;
  }

  private static List<Object> comparable(List<Object> row) {
    return row.stream().map(v -> v instanceof byte[] b ? Arrays.toString(b) : v).toList();
  }

  private static List<Output> outputs(RecordingSink s) {
    return s.events.stream().filter(Output.class::isInstance).map(Output.class::cast).toList();
  }

  private static List<Integer> statuses(RecordingSink s) {
    return s.events.stream()
        .filter(Status.class::isInstance)
        .map(e -> ((Status) e).status())
        .toList();
  }

  private static ServerMessage onlyError(RecordingSink s) {
    assertThat(s.errors()).hasSize(1);
    return s.errors().get(0);
  }

  // ---- every type through sp_executesql ----

  @Test
  void everyTypeRoundTripsAtItsLimitsAndAsNull() {
    for (int which : new int[] {1, -1, 0}) {
      RecordingSink s =
          call(
              executeSql(
                  RpcCases.selectAll(),
                  RpcCases.declarations("p", false),
                  RpcCases.values(null, which, false)));
      assertThat(s.errors()).as("limit %d", which).isEmpty();
      assertThat(comparable(s.rows().get(0))).as("limit %d", which).isEqualTo(RpcCases.back(which));
      // a parameter's result column has its declared type (nvarchar(10) is 20 bytes on the wire)
      List<String> types = new ArrayList<>();
      s.results().get(0).columns().forEach(c -> types.add(c.typeInfo().sqlName()));
      assertThat(types).isEqualTo(ALL.stream().map(RpcCases.Case::declaration).toList());
      // RETURNSTATUS 0: "sp_executesql" returns 0 (success)
      assertThat(statuses(s)).containsExactly(0);
    }
  }

  @Test
  void byNameAndByIdAreTheSameProcedure() {
    RpcRequest byName =
        RpcRequest.named(
            "sp_executesql",
            List.of(
                text("@stmt", "SELECT @a + 1 AS v"), text("@params", "@a int"), integer("@a", 41)));
    assertThat(call(byName).rows()).containsExactly(List.of(42));
    // "sp_executesql" may be qualified (master.sys.sp_executesql, master..sp_executesql)
    RpcRequest qualified =
        RpcRequest.named(
            "master.sys.sp_executesql",
            List.of(text("", "SELECT @a + 1 AS v"), text("", "@a int"), integer("", 1)));
    assertThat(call(qualified).rows()).containsExactly(List.of(2));
  }

  @Test
  void outputParametersComeBackInDeclaredTypesWithLargeOnesLast() {
    String stmt =
        String.join(
            "; ",
            java.util.stream.IntStream.range(1, ALL.size() + 1)
                .mapToObj(i -> "SET @o" + i + " = @p" + i)
                .toList());
    List<RpcParameter> values = new ArrayList<>(RpcCases.values("p", 1, false));
    values.addAll(RpcCases.values("o", 0, true));
    RecordingSink s =
        call(
            executeSql(
                stmt,
                RpcCases.declarations("p", false) + ", " + RpcCases.declarations("o", true),
                values));
    assertThat(s.errors()).isEmpty();
    List<Output> out = outputs(s);
    assertThat(out).hasSize(ALL.size());
    // [MS-TDS] 2.2.7.19: large-value outputs after the others, no reordering within a group;
    // ordinal = the parameter's position in the RPC (statement 0, @params 1, values from 2)
    List<Integer> expectedOrder = new ArrayList<>();
    for (boolean large : new boolean[] {false, true}) {
      for (int i = 0; i < ALL.size(); i++) {
        if (ALL.get(i).large() == large) {
          expectedOrder.add(2 + ALL.size() + i);
        }
      }
    }
    assertThat(out).extracting(Output::ordinal).containsExactlyElementsOf(expectedOrder);
    for (Output o : out) {
      int i = o.ordinal() - 2 - ALL.size();
      RpcCases.Case c = ALL.get(i);
      assertThat(o.name()).isEqualTo("@o" + (i + 1));
      assertThat(o.type()).as(c.declaration()).isEqualTo(c.declaration());
      Object v = o.value() instanceof byte[] b ? Arrays.toString(b) : o.value();
      assertThat(v).as(c.declaration()).isEqualTo(RpcCases.back(1).get(i));
    }
    // RETURNSTATUS comes before the RETURNVALUEs, DONEINPROC before both
    assertThat(s.events.get(s.events.size() - ALL.size() - 1)).isInstanceOf(Status.class);
  }

  @Test
  void unnamedOutputParametersAreAnsweredByOrdinalWithoutName() {
    // mssql-jdbc sends positional parameters and reads RETURNVALUE by ordinal; an unnamed RPC
    // parameter gets an empty name back (Microsoft's mssql-tds ReturnValue: "may be empty for
    // positional parameters")
    RecordingSink s =
        call(
            executeSql(
                "SET @o = @i * 2",
                "@i int, @o int OUTPUT",
                List.of(integer("", 21), intOutput("", null))));
    assertThat(outputs(s)).containsExactly(new Output(3, "", "int", 42));
  }

  @Test
  void largeValuesTravelAsPlpChunksBothWays() {
    String big = "ż".repeat(2_000_000); // 4 MB of UTF-16
    byte[] bin = RpcCases.ab(1_500_000); // 3 MB
    RecordingSink s =
        call(
            executeSql(
                "SELECT LEN(@t) AS chars, DATALENGTH(@b) AS bytes; SET @back = @t; SET @bin2 = @b",
                "@t nvarchar(max), @b varbinary(max), @back nvarchar(max) OUTPUT,"
                    + " @bin2 varbinary(max) OUTPUT",
                List.of(
                    RpcCases.chunked(
                        "@t",
                        0,
                        RpcCases.NVARCHAR_MAX,
                        big.getBytes(StandardCharsets.UTF_16LE),
                        8000),
                    RpcParameter.of("@b", TypeInfo.varbinary(TypeInfo.MAX), bin),
                    RpcParameter.output("@back", RpcCases.NVARCHAR_MAX, null),
                    RpcParameter.output("@bin2", TypeInfo.varbinary(TypeInfo.MAX), null))));
    assertThat(s.errors()).isEmpty();
    // LEN counts characters, DATALENGTH bytes ("LEN", "DATALENGTH"); LEN of nvarchar(max) is bigint
    assertThat(s.rows()).containsExactly(List.of(2_000_000L, 3_000_000L));
    List<Output> out = outputs(s);
    assertThat(out.get(0).value()).isEqualTo(big);
    assertThat(out.get(1).value()).isEqualTo(bin);
  }

  @Test
  void emptyStringsStayEmptyAndNullsStayNull() {
    RecordingSink s =
        call(
            executeSql(
                "SELECT DATALENGTH(@e) AS e, CASE WHEN @n IS NULL THEN 1 ELSE 0 END AS n",
                "@e nvarchar(10), @n nvarchar(10)",
                List.of(
                    RpcParameter.of("", TypeInfo.nvarchar(10, RpcCases.LATIN), ""),
                    RpcParameter.of("", TypeInfo.nvarchar(10, RpcCases.LATIN), null))));
    assertThat(s.rows()).containsExactly(List.of(0, 1));
  }

  // ---- binding: positional, named, defaults and SQL Server's errors ----

  @Test
  void namedArgumentsBindByNameInAnyOrder() {
    RecordingSink s =
        call(
            executeSql(
                "SELECT @a - @b AS d",
                "@a int, @b int",
                List.of(integer("@b", 1), integer("@a", 10))));
    assertThat(s.rows()).containsExactly(List.of(9));
  }

  @Test
  void aDeclaredDefaultIsUsedWhenTheValueIsLeftOut() {
    RecordingSink s =
        call(executeSql("SELECT @a + @b AS v", "@a int, @b int = 5", List.of(integer("@a", 1))));
    assertThat(s.rows()).containsExactly(List.of(6));
  }

  @Test
  void bindingErrorsAreSqlServers() {
    // "Database engine events and errors" 119, 8144, 8145, 8178, 8162, 201 and 214 (severity
    // 15/16); sp_executesql reports the parameterized query for 8178
    ServerMessage e119 =
        onlyError(
            call(
                executeSql(
                    "SELECT @a, @b", "@a int, @b int", List.of(integer("@a", 1), integer("", 2)))));
    assertThat(List.of(e119.number(), e119.severity())).containsExactly(119, 15);
    assertThat(e119.message())
        .isEqualTo(
            "Must pass parameter number 4 and subsequent parameters as '@name = value'. After the"
                + " form '@name = value' has been used, all subsequent parameters must be passed in"
                + " the form '@name = value'.");
    ServerMessage e8144 =
        onlyError(call(executeSql("SELECT @a", "@a int", List.of(integer("", 1), integer("", 2)))));
    assertThat(List.of(e8144.number(), e8144.severity())).containsExactly(8144, 16);
    assertThat(e8144.message())
        .matches("Procedure or function .* has too many arguments specified\\.");
    ServerMessage e8145 =
        onlyError(call(executeSql("SELECT @a", "@a int", List.of(integer("@zz", 1)))));
    assertThat(List.of(e8145.number(), e8145.severity())).containsExactly(8145, 16);
    assertThat(e8145.message()).startsWith("@zz is not a parameter for procedure ");
    ServerMessage e8178 = onlyError(call(executeSql("SELECT @a", "@a int", List.of())));
    assertThat(List.of(e8178.number(), e8178.severity())).containsExactly(8178, 16);
    assertThat(e8178.message())
        .isEqualTo(
            "The parameterized query '(@a int)SELECT @a' expects the parameter '@a', which was"
                + " not supplied.");
    ServerMessage e8162 =
        onlyError(call(executeSql("SELECT @a", "@a int", List.of(intOutput("@a", 1)))));
    assertThat(List.of(e8162.number(), e8162.severity())).containsExactly(8162, 16);
    assertThat(e8162.message())
        .isEqualTo(
            "The formal parameter \"@a\" was not declared as an OUTPUT parameter, but the actual"
                + " parameter passed in requested output.");
    ServerMessage e201 = onlyError(call(RpcRequest.byId(RpcRequest.SP_EXECUTESQL, List.of())));
    assertThat(List.of(e201.number(), e201.severity())).containsExactly(201, 16);
    assertThat(e201.message())
        .isEqualTo(
            "Procedure or function 'sp_executesql' expects parameter '@statement', which was not"
                + " supplied.");
    ServerMessage e214 =
        onlyError(
            call(
                RpcRequest.byId(
                    RpcRequest.SP_EXECUTESQL,
                    List.of(
                        RpcParameter.of("", TypeInfo.varchar(20, RpcCases.LATIN), "SELECT 1")))));
    assertThat(List.of(e214.number(), e214.severity())).containsExactly(214, 16);
    assertThat(e214.message())
        .isEqualTo("Procedure expects parameter '@statement' of type 'ntext/nchar/nvarchar'.");
  }

  @Test
  void aValueThatDoesNotConvertToTheDeclaredTypeIs8114() {
    // "Database engine events and errors" 8114: Error converting data type %ls to %ls.
    ServerMessage e =
        onlyError(call(executeSql("SELECT @a", "@a int", List.of(text("@a", "abc")))));
    assertThat(List.of(e.number(), e.severity())).containsExactly(8114, 16);
    assertThat(e.message()).isEqualTo("Error converting data type nvarchar to int.");
  }

  @Test
  void aCallThatCannotBindReportsOnlyItsError() {
    // the procedure never ran: no DONEINPROC of a statement, no RETURNSTATUS ([MS-TDS]
    // 2.2.7.18 asks for it when the procedure is executed)
    RecordingSink s = call(executeSql("SELECT @a", "@a int", List.of(integer("@zz", 1))));
    assertThat(statuses(s)).isEmpty();
    assertThat(s.dones()).isEmpty();
  }

  // ---- errors ----

  @Test
  void anUnknownProcedureIs2812WithoutReturnStatus() {
    RecordingSink s = call(RpcRequest.named("dbo.no_such_proc", List.of(integer("", 1))));
    ServerMessage e = onlyError(s);
    // "Database engine events and errors" 2812, severity 16
    assertThat(List.of(e.number(), e.severity())).containsExactly(2812, 16);
    assertThat(e.message()).isEqualTo("Could not find stored procedure 'dbo.no_such_proc'.");
    assertThat(statuses(s)).isEmpty();
    assertThat(s.dones()).isEmpty();
  }

  @Test
  void aStatementErrorInsideSpExecuteSqlEndsItsStatementNotTheCall() {
    RecordingSink s =
        call(
            executeSql("SELECT 1 / @z AS q; SELECT 2 AS after", "@z int", List.of(integer("", 0))));
    ServerMessage e = onlyError(s);
    // "Database engine events and errors" 8134; divide by zero ends the statement only
    assertThat(List.of(e.number(), e.severity(), e.lineNumber())).containsExactly(8134, 16, 1);
    assertThat(s.rows()).containsExactly(List.of(2));
    // [MS-TDS] 2.2.7.7: the failed statement's DONEINPROC carries DONE_ERROR; the procedure
    // ran, so RETURNSTATUS follows (2.2.7.18)
    assertThat(s.dones().get(0).status() & Done.STATUS_ERROR).isEqualTo(Done.STATUS_ERROR);
    assertThat(statuses(s)).hasSize(1);
  }

  @Test
  void anErrorThatAbortsTheBatchEndsTheCallWithoutReturnStatus() {
    // an unknown object is batch-aborting (Sommarskog, "Error and Transaction Handling in SQL
    // Server", part 2: 208 aborts the scope and batch); nothing after it runs
    RecordingSink s =
        call(executeSql("SELECT * FROM no_such_table; SELECT 2 AS after", null, List.of()));
    assertThat(onlyError(s).number()).isEqualTo(208);
    assertThat(s.rows()).isEmpty();
    assertThat(statuses(s)).isEmpty();
  }

  // ---- prepared statements ----

  private static RpcRequest prepare(String params, String stmt, int options) {
    return RpcRequest.byId(
        RpcRequest.SP_PREPARE,
        List.of(intOutput("", null), text("", params), text("", stmt), integer("", options)));
  }

  private static RpcRequest execute(int handle, RpcParameter... values) {
    List<RpcParameter> all = new ArrayList<>();
    all.add(integer("", handle));
    all.addAll(List.of(values));
    return RpcRequest.byId(RpcRequest.SP_EXECUTE, all);
  }

  private static int handle(RecordingSink s) {
    List<Output> out = outputs(s);
    assertThat(out).isNotEmpty();
    assertThat(out.get(0).ordinal()).isZero();
    return (Integer) out.get(0).value();
  }

  @Test
  void prepareWithReturnMetadataDescribesTheResultWithoutRows() {
    RecordingSink s = call(prepare("@a int", "SELECT @a AS a, N'x' AS b", 1));
    assertThat(s.errors()).isEmpty();
    // "sp_prepare": options 1 = RETURN_METADATA, the column metadata of the result
    assertThat(s.results()).hasSize(1);
    assertThat(s.results().get(0).columns())
        .extracting(c -> c.name() + " " + c.typeInfo().sqlName())
        .containsExactly("a int", "b nvarchar(1)");
    assertThat(s.rows()).isEmpty();
    int h = handle(s);
    assertThat(call(execute(h, integer("", 7))).rows()).containsExactly(List.of(7, "x"));
    assertThat(call(execute(h, integer("@a", 8))).rows()).containsExactly(List.of(8, "x"));
  }

  @Test
  void prepExecRunsAndReturnsAHandleThatExecuteReuses() {
    RecordingSink first =
        call(
            RpcRequest.byId(
                RpcRequest.SP_PREPEXEC,
                List.of(
                    intOutput("", null),
                    text("", "@a int, @b nvarchar(5)"),
                    text("", "SELECT @a * 2 AS a, @b AS b"),
                    integer("", 2),
                    text("", "x"))));
    assertThat(first.rows()).containsExactly(List.of(4, "x"));
    int h = handle(first);
    assertThat(h).isPositive();
    assertThat(call(execute(h, integer("", 5), text("", "y"))).rows())
        .containsExactly(List.of(10, "y"));
    // sp_unprepare, then the handle is gone: 8179 ("Database engine events and errors")
    RecordingSink un = call(RpcRequest.byId(RpcRequest.SP_UNPREPARE, List.of(integer("", h))));
    assertThat(un.errors()).isEmpty();
    assertThat(statuses(un)).containsExactly(0);
    ServerMessage gone = onlyError(call(execute(h, integer("", 1), text("", "z"))));
    assertThat(List.of(gone.number(), gone.severity())).containsExactly(8179, 16);
    assertThat(gone.message())
        .isEqualTo("Could not find prepared statement with handle " + h + ".");
  }

  @Test
  void handlesArePrivateToTheirSession() {
    int h = handle(call(prepare("", "SELECT 1 AS one", 0)));
    try (EngineSession other = engine.open(new TestSession(54))) {
      ServerMessage e = onlyError(call(other, execute(h)));
      assertThat(e.number()).isEqualTo(8179);
      int mine = handle(call(other, prepare("", "SELECT 2 AS two", 0)));
      assertThat(call(other, execute(mine)).rows()).containsExactly(List.of(2));
    }
    assertThat(call(execute(h)).rows()).containsExactly(List.of(1));
  }

  @Test
  void aFailedPrepareAnswersItsHandleAsNull() {
    // vertx-sql-client #1000 and mssql-rs #39: when sp_prepare or sp_prepexec fails, SQL Server
    // still sends the RETURNVALUE of the handle, with a NULL value
    RecordingSink s = call(prepare("@a int", "SELECT @a FROM", 0));
    assertThat(onlyError(s).number()).isEqualTo(102);
    assertThat(outputs(s)).containsExactly(new Output(0, "", "int", null));
    RecordingSink pe =
        call(
            RpcRequest.byId(
                RpcRequest.SP_PREPEXEC,
                List.of(
                    intOutput("", null), text("", null), text("", "DELETE FROM no_such_table"))));
    assertThat(onlyError(pe).number()).isEqualTo(208);
    assertThat(outputs(pe)).containsExactly(new Output(0, "", "int", null));
  }

  @Test
  void executeRunsWithTheValuesOfEachCall() {
    ok("CREATE TABLE rpc_prepared (n int, s nvarchar(10))");
    int h =
        handle(
            call(
                prepare("@n int, @s nvarchar(10)", "INSERT INTO rpc_prepared VALUES (@n, @s)", 0)));
    for (int i = 1; i <= 3; i++) {
      RecordingSink s = call(execute(h, integer("", i), text("", "v" + i)));
      assertThat(s.errors()).isEmpty();
      // the INSERT's DONEINPROC counts its row ([MS-TDS] 2.2.7.7 DONE_COUNT)
      DoneEvent d = s.dones().get(0);
      assertThat(List.of(d.status() & Done.STATUS_COUNT, (int) d.rowCount()))
          .containsExactly(Done.STATUS_COUNT, 1);
    }
    assertThat(run("SELECT n, s FROM rpc_prepared ORDER BY n").rows())
        .containsExactly(List.of(1, "v1"), List.of(2, "v2"), List.of(3, "v3"));
  }

  @Test
  void aHandleGivenToPrepareAgainIsUnpreparedFirst() {
    // mssql-jdbc re-prepares with its old handle as the input value of @handle ("IN
    // (reprepare): Old handle to unprepare before repreparing", SQLServerPreparedStatement)
    int old = handle(call(prepare("", "SELECT 1 AS one", 0)));
    RecordingSink again =
        call(
            RpcRequest.byId(
                RpcRequest.SP_PREPEXEC,
                List.of(intOutput("", old), text("", null), text("", "SELECT 2 AS two"))));
    int fresh = handle(again);
    assertThat(fresh).isNotEqualTo(old);
    assertThat(again.rows()).containsExactly(List.of(2));
    assertThat(onlyError(call(execute(old))).number()).isEqualTo(8179);
    assertThat(call(execute(fresh)).rows()).containsExactly(List.of(2));
  }
}
