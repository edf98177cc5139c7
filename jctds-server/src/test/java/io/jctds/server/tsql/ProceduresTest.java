package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ServerMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CREATE / ALTER / DROP PROCEDURE and EXECUTE. Sources: "CREATE PROCEDURE (Transact-SQL)", "EXECUTE
 * (Transact-SQL)", "RETURN (Transact-SQL)", "@@NESTLEVEL (Transact-SQL)", "DROP PROCEDURE
 * (Transact-SQL)", "SET statements (Transact-SQL)" on learn.microsoft.com; error numbers,
 * severities and texts from "Database engine events and errors".
 */
class ProceduresTest extends EngineTest {

  @Test
  void aProcedureWithParametersDefaultsAndOutput() {
    // "CREATE PROCEDURE", example D (a parameter with a default) and F (an OUTPUT parameter)
    ok(
        "CREATE PROCEDURE dbo.add_up @a int, @b int = 10, @sum int OUTPUT\n"
            + "AS\nSET @sum = @a + @b\nSELECT @a AS a, @b AS b");
    RecordingSink s = ok("DECLARE @s int\nEXEC dbo.add_up 1, @sum = @s OUTPUT\nSELECT @s AS s");
    assertThat(s.rows()).containsExactly(List.of(1, 10), List.of(11));
    s = ok("DECLARE @s int\nEXEC add_up @b = 5, @a = 2, @sum = @s OUT\nSELECT @s");
    assertThat(s.rows()).containsExactly(List.of(2, 5), List.of(7));
    // "EXECUTE": DEFAULT takes the parameter's default
    s = ok("DECLARE @s int\nEXEC add_up 3, DEFAULT, @s OUTPUT\nSELECT @s");
    assertThat(s.rows()).containsExactly(List.of(3, 10), List.of(13));
  }

  @Test
  void returnGivesTheStatusAndEndsOnlyTheProcedure() {
    ok("CREATE PROC checkit @n int AS\nIF @n > 0 RETURN 1\nSELECT 'not positive'\nRETURN -1");
    RecordingSink s =
        ok(
            "DECLARE @rc int\nEXEC @rc = checkit 5\nSELECT @rc\nEXEC @rc = checkit 0\n"
                + "SELECT @rc");
    // "RETURN (Transact-SQL)": RETURN n sets the status EXECUTE @return_status = ... reads, and
    // statements after it in the procedure do not run (the caller's do)
    assertThat(s.rows()).containsExactly(List.of(1), List.of("not positive"), List.of(-1));
    ok("CREATE PROC plain AS SELECT 1");
    // "RETURN (Transact-SQL)": without RETURN n a procedure that ran without error returns 0
    assertThat(ok("DECLARE @rc int = 99\nEXEC @rc = plain\nSELECT @rc").rows())
        .containsExactly(List.of(1), List.of(0));
  }

  @Test
  void theTopLevelExecEndsWithReturnStatusAndDoneProc() {
    ok("CREATE PROCEDURE dbo.inner_p AS SELECT 1 AS a");
    ok("CREATE PROCEDURE dbo.outer_p AS BEGIN EXEC dbo.inner_p; RETURN 5; END");
    // SQL Server 2025 (17.0.5005.3), captured in mirek/bitsql
    // harness/corpus/proc/nested-exec-tokens.expected.json: the procedure's statements end with
    // DONEINPROC, a nested EXEC with DONEINPROC 224 alone, the top-level EXEC with RETURNSTATUS
    // and DONEPROC 224; [MS-TDS] 2.2.7.7 / 2.2.7.8
    assertThat(run("EXEC dbo.outer_p").tokens())
        .containsExactly(
            "COLMETADATA",
            "ROW",
            "DONEINPROC 16 193",
            "DONEINPROC 0 224",
            "RETURNSTATUS 5",
            "DONEPROC 0 224");
    assertThat(run("DECLARE @r int; EXEC @r = dbo.outer_p; SELECT @r AS r").tokens())
        .containsExactly(
            "COLMETADATA",
            "ROW",
            "DONEINPROC 16 193",
            "DONEINPROC 0 224",
            "RETURNSTATUS 5",
            "DONEPROC 0 224",
            "COLMETADATA",
            "ROW",
            "DONE 16 193");
  }

  @Test
  void nestLevelCountsProceduresStringsAndSpExecutesql() {
    // "@@NESTLEVEL (Transact-SQL)", examples A and B
    ok("CREATE PROCEDURE usp_InnerProc AS SELECT @@NESTLEVEL AS 'Inner Level'");
    ok("CREATE PROCEDURE usp_OuterProc AS SELECT @@NESTLEVEL AS 'Outer Level'; EXEC usp_InnerProc");
    assertThat(ok("EXECUTE usp_OuterProc").rows()).containsExactly(List.of(1), List.of(2));
    ok(
        "CREATE PROC usp_NestLevelValues AS\nSELECT @@NESTLEVEL AS 'Current Nest Level';\n"
            + "EXEC ('SELECT @@NESTLEVEL AS OneGreater');\n"
            + "EXEC sp_executesql N'SELECT @@NESTLEVEL as TwoGreater' ;");
    assertThat(ok("EXEC usp_NestLevelValues").rows())
        .containsExactly(List.of(1), List.of(2), List.of(3));
    assertThat(scalar("SELECT @@NESTLEVEL")).isEqualTo(0);
  }

  @Test
  void createProcedureMustBeFirstInItsBatch() {
    RecordingSink s = run("SELECT 1\nCREATE PROCEDURE p AS SELECT 2");
    // error 111 is a compile error: nothing of the batch runs
    assertThat(s.rows()).isEmpty();
    ServerMessage e = s.errors().get(0);
    assertThat(e.number()).isEqualTo(111);
    assertThat(e.severity()).isEqualTo(15);
    assertThat(e.message())
        .isEqualTo("'CREATE/ALTER PROCEDURE' must be the first statement in a query batch.");
  }
}
