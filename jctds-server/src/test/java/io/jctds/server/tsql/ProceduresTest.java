package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ServerMessage;
import java.util.Arrays;
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
    // DONEINPROC (RETURN 5 too: CurCmd 193, count 1), a nested EXEC with DONEINPROC 224 alone,
    // the top-level EXEC with RETURNSTATUS and DONEPROC 224; [MS-TDS] 2.2.7.7 / 2.2.7.8
    assertThat(run("EXEC dbo.outer_p").tokens())
        .containsExactly(
            "COLMETADATA",
            "ROW",
            "DONEINPROC 16 193",
            "DONEINPROC 0 224",
            "DONEINPROC 16 193",
            "RETURNSTATUS 5",
            "DONEPROC 0 224");
    assertThat(run("DECLARE @r int; EXEC @r = dbo.outer_p; SELECT @r AS r").tokens())
        .containsExactly(
            "COLMETADATA",
            "ROW",
            "DONEINPROC 16 193",
            "DONEINPROC 0 224",
            "DONEINPROC 16 193",
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

  @Test
  void readonlyIsForTableValuedParametersOnly() {
    RecordingSink s = run("CREATE PROCEDURE ro @a int READONLY AS SELECT @a");
    // error 346 ("Database engine events and errors"), a compile error of severity 15
    ServerMessage e = s.errors().get(0);
    assertThat(e.number()).isEqualTo(346);
    assertThat(e.severity()).isEqualTo(15);
    assertThat(e.message())
        .isEqualTo(
            "The parameter \"@a\" can not be declared READONLY since it is not a table-valued"
                + " parameter.");
    assertThat(error("EXEC ro 1")).isEqualTo(2812);
  }

  @Test
  void optionsAreAcceptedAndTheBodyRunsToTheEndOfTheBatch() {
    // "CREATE PROCEDURE": WITH RECOMPILE, EXECUTE AS OWNER; a NULL default; the body is every
    // statement after AS (the batch ends the procedure)
    ok(
        "CREATE PROC opts (@a int = NULL, @b varchar(5) = 'x') WITH RECOMPILE, EXECUTE AS OWNER"
            + "\nAS\nSELECT @a\nSELECT @b");
    assertThat(ok("EXEC opts").rows()).containsExactly(Arrays.asList((Object) null), List.of("x"));
    assertThat(ok("EXEC opts @b = 'y', @a = -4").rows()).containsExactly(List.of(-4), List.of("y"));
  }

  @Test
  void aProcedureHasItsOwnVariablesAndSeesTheCallersTemporaryTables() {
    ok("CREATE PROC peek @x int = 1 AS SELECT @x, n FROM #caller");
    // "CREATE PROCEDURE" (temporary tables): a procedure can reference a temporary table its
    // caller created; its parameters are its own
    RecordingSink s =
        ok(
            "CREATE TABLE #caller (n int)\nINSERT #caller VALUES (9)\nDECLARE @x int = 5\nEXEC peek");
    assertThat(s.rows()).containsExactly(List.of(1, 9));
  }

  @Test
  void temporaryTablesAProcedureCreatesAreDroppedWhenItEnds() {
    ok(
        "CREATE PROC mk AS CREATE TABLE #made (n int); INSERT #made VALUES (7); SELECT n FROM #made");
    // "CREATE TABLE" (temporary tables): "A local temporary table created in a stored procedure
    // is dropped automatically when the stored procedure is finished."
    RecordingSink s = ok("EXEC mk\nSELECT OBJECT_ID('tempdb..#made')");
    assertThat(s.rows()).containsExactly(List.of(7), Arrays.asList((Object) null));
    assertThat(ok("EXEC mk\nEXEC mk").rows()).containsExactly(List.of(7), List.of(7));
  }

  @Test
  void setOptionsRevertWhenTheProcedureEnds() {
    ok("CREATE PROC quiet AS SET NOCOUNT ON; SET DATEFIRST 3; SELECT @@OPTIONS & 512, @@DATEFIRST");
    // "SET statements": an option set in a procedure is restored when the procedure returns
    // (NOCOUNT is bit 512 of @@OPTIONS)
    RecordingSink s = ok("EXEC quiet\nSELECT @@OPTIONS & 512, @@DATEFIRST");
    assertThat(s.rows()).containsExactly(List.of(512, (short) 3), List.of(0, (short) 7));
  }

  @Test
  void procIdIsTheProceduresObjectId() {
    // "@@PROCID (Transact-SQL)": the object identifier of the current module
    ok("CREATE PROC who AS SELECT OBJECT_NAME(@@PROCID), @@PROCID - OBJECT_ID('who')");
    assertThat(ok("EXEC who").rows()).containsExactly(List.of("who", 0));
    assertThat(scalar("SELECT @@PROCID")).isEqualTo(0);
  }

  @Test
  void nestingBeyond32LevelsIsError217AndEndsTheBatch() {
    ok("CREATE PROC deep @n int AS IF @n > 0 BEGIN SET @n = @n - 1; EXEC deep @n END");
    // "@@NESTLEVEL": at most 32 levels; the 33rd is error 217
    assertThat(run("EXEC deep 31").errors()).isEmpty();
    RecordingSink s = run("EXEC deep 32\nSELECT 'after'");
    ServerMessage e = s.errors().get(0);
    assertThat(e.number()).isEqualTo(217);
    assertThat(e.severity()).isEqualTo(16);
    assertThat(e.message())
        .isEqualTo(
            "Maximum stored procedure, function, trigger, or view nesting level exceeded (limit"
                + " 32).");
    assertThat(s.rows()).isEmpty();
  }

  @Test
  void statementErrorsGoOnAndBatchEndingErrorsEndTheCallersBatch() {
    ok("CREATE PROC soft AS\nRAISERROR('soft', 16, 1)\nSELECT 'still here'");
    RecordingSink s = run("DECLARE @rc int\nEXEC @rc = soft\nSELECT 'caller', @rc");
    // SQL Server 2025 captures (mirek/bitsql harness/corpus/proc/return-status): a severity 16
    // error without RETURN makes the status -6; the error names the procedure and its line
    ServerMessage e = s.errors().get(0);
    assertThat(e.procName()).isEqualTo("soft");
    assertThat(e.lineNumber()).isEqualTo(2);
    assertThat(s.rows()).containsExactly(List.of("still here"), List.of("caller", -6));
    ok("CREATE PROC hard AS\nSELECT CAST('x' AS int)\nSELECT 'not here'");
    // a conversion error (245) ends the batch, the caller's too
    s = run("EXEC hard\nSELECT 'not the caller either'");
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(245);
    assertThat(s.rows()).isEmpty();
  }

  @Test
  void tryCatchAcrossExec() {
    ok("CREATE PROC failing AS\nSELECT 'before'\nSELECT 1/0\nSELECT 'not reached'");
    RecordingSink s =
        ok(
            "BEGIN TRY\n  EXEC failing\n  SELECT 'not after'\nEND TRY\nBEGIN CATCH\n"
                + "  SELECT ERROR_NUMBER(), ERROR_PROCEDURE(), ERROR_LINE()\nEND CATCH");
    // "TRY...CATCH": an error in a procedure called in TRY goes to the caller's CATCH;
    // ERROR_PROCEDURE() names the procedure, ERROR_LINE() is the line in it
    assertThat(s.rows()).containsExactly(List.of("before"), List.of(8134, "failing", 3));
  }

  @Test
  void theCallersTransactionCountMustNotChange() {
    ok("CREATE PROC opens AS BEGIN TRANSACTION");
    RecordingSink s = run("EXEC opens\nSELECT @@TRANCOUNT\nROLLBACK");
    // error 266 ("Database engine events and errors"); the procedure's transaction stays open
    ServerMessage e = s.errors().get(0);
    assertThat(e.number()).isEqualTo(266);
    assertThat(e.message())
        .isEqualTo(
            "Transaction count after EXECUTE indicates a mismatching number of BEGIN and COMMIT"
                + " statements. Previous count = 0, current count = 1.");
    assertThat(s.rows()).containsExactly(List.of(1));
  }

  @Test
  void temporaryProcedures() {
    ok("CREATE PROC #mine AS SELECT 'local'");
    ok("CREATE PROC ##ours AS SELECT 'global'");
    assertThat(scalar("EXEC #mine")).isEqualTo("local");
    TestSession otherTds = new TestSession();
    io.jctds.server.sql.EngineSession other = engine.open(otherTds);
    try {
      // "CREATE PROCEDURE": a local temporary procedure is visible only to its connection, a
      // global one to all, until the session that created it ends
      RecordingSink s = new RecordingSink();
      other.execute("EXEC #mine", s);
      assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(2812);
      s = new RecordingSink();
      other.execute("EXEC ##ours", s);
      assertThat(s.rows()).containsExactly(List.of("global"));
      session.close();
      s = new RecordingSink();
      other.execute("EXEC ##ours", s);
      assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(2812);
    } finally {
      other.close();
      session = engine.open(tds);
    }
  }

  @Test
  void createOrAlterAlterAndDrop() {
    ok("CREATE OR ALTER PROCEDURE ver AS SELECT 1");
    assertThat(scalar("EXEC ver")).isEqualTo(1);
    ok("CREATE OR ALTER PROCEDURE ver AS SELECT 2");
    assertThat(scalar("EXEC ver")).isEqualTo(2);
    ok("ALTER PROC ver @n int = 3 AS SELECT @n");
    assertThat(scalar("EXEC ver")).isEqualTo(3);
    // "Database engine events and errors": 2714 for a name in use, 208 for ALTER of a missing
    // procedure, 3701 (severity 11) for DROP of a missing one; DROP ... IF EXISTS is silent
    assertThat(error("CREATE PROCEDURE ver AS SELECT 4")).isEqualTo(2714);
    assertThat(error("ALTER PROCEDURE nothere AS SELECT 1")).isEqualTo(208);
    ok("CREATE TABLE taken (n int)");
    assertThat(error("CREATE PROCEDURE taken AS SELECT 1")).isEqualTo(2714);
    ok("DROP PROCEDURE ver");
    ServerMessage e = run("DROP PROCEDURE ver").errors().get(0);
    assertThat(e.number()).isEqualTo(3701);
    assertThat(e.severity()).isEqualTo(11);
    assertThat(e.message())
        .isEqualTo(
            "Cannot drop the procedure 'ver', because it does not exist or you do not have"
                + " permission.");
    ok("DROP PROCEDURE IF EXISTS ver");
  }

  @Test
  void namesResolveInTheirDatabaseAndProceduresRunThere() {
    ok("USE sales");
    ok("CREATE TABLE only_in_sales (n int)");
    ok("INSERT only_in_sales VALUES (5)");
    ok("CREATE PROCEDURE dbo.where_am_i AS SELECT DB_NAME(), n FROM only_in_sales");
    ok("USE master");
    // "EXECUTE": a one-, two- or three-part name (database.schema.procedure, or database..procedure
    // for dbo); a procedure runs in the database that holds it (Itzik Ben-Gan, "sp_ prefix",
    // SQL Server Magazine 41044: objects resolve in the procedure's database unless it is a
    // system procedure)
    assertThat(ok("EXEC sales.dbo.where_am_i").rows()).containsExactly(List.of("sales", 5));
    assertThat(ok("EXEC sales..where_am_i").rows()).containsExactly(List.of("sales", 5));
    assertThat(scalar("SELECT DB_NAME()")).isEqualTo("master");
    assertThat(error("EXEC where_am_i")).isEqualTo(2812);
  }

  @Test
  void theFirstStatementOfABatchNeedsNoExecute() {
    ok("CREATE PROC bare @a int AS SELECT @a");
    // "Batches" rules: an EXECUTE that is the first statement of a batch needs no keyword
    assertThat(scalar("bare 4")).isEqualTo(4);
  }

  @Test
  void returnNullIsAWarningAndZero() {
    ok("CREATE PROC nullish AS DECLARE @s int; RETURN @s");
    RecordingSink s = ok("DECLARE @rc int = 5\nEXEC @rc = nullish\nSELECT @rc");
    // "RETURN": a procedure cannot return NULL: a warning, and 0; the warning is message 282
    // (captured: mirek/bitsql harness/corpus/proc/return-status)
    assertThat(s.rows()).containsExactly(List.of(0));
    assertThat(s.infos()).extracting(ServerMessage::number).containsExactly(282);
    assertThat(s.infos().get(0).message())
        .isEqualTo(
            "The 'nullish' procedure attempted to return a status of NULL, which is not allowed."
                + " A status of 0 will be returned instead.");
    // "RETURN": outside a procedure RETURN takes no value (error 178, a compile error)
    assertThat(error("SELECT 1\nRETURN 5")).isEqualTo(178);
  }

  @Test
  void execOfSpExecutesqlInABatchIsAModuleToo() {
    // captured (mirek/bitsql nested-exec-tokens, nest-levels): statements of sp_executesql's text
    // end with DONEINPROC, the EXEC with RETURNSTATUS and DONEPROC 224
    assertThat(run("EXEC sp_executesql N'SELECT 1 AS a'").tokens())
        .containsExactly(
            "COLMETADATA", "ROW", "DONEINPROC 16 193", "RETURNSTATUS 0", "DONEPROC 0 224");
    assertThat(run("EXEC nosuch").tokens()).containsExactly("ERROR 2812", "DONEPROC 2 224");
  }

  @Test
  void aDefinitionIsParsedOnceAndAnAlteredOneAgain() {
    ok("CREATE PROC cached AS SELECT 1");
    TsqlSession s = (TsqlSession) session;
    io.jctds.server.catalog.Routines.Routine first = StoredProcedures.find(s, List.of("cached"));
    io.jctds.server.catalog.Routines.Routine again = StoredProcedures.find(s, List.of("cached"));
    // two catalog reads, one parse: the parsed body is kept by its definition's text
    assertThat(again.definition()).isNotSameAs(first.definition());
    assertThat(StoredProcedures.definition(again)).isSameAs(StoredProcedures.definition(first));
    ok("ALTER PROC cached AS SELECT 2");
    io.jctds.server.catalog.Routines.Routine altered = StoredProcedures.find(s, List.of("cached"));
    assertThat(StoredProcedures.definition(altered))
        .isNotSameAs(StoredProcedures.definition(first));
    assertThat(scalar("EXEC cached")).isEqualTo(2);
  }

  @Test
  void breakOutsideWhileIsACompileErrorOfTheProcedure() {
    // error 135 ("Database engine events and errors"): BREAK needs an enclosing WHILE; a
    // procedure's BREAK cannot end its caller's loop
    assertThat(error("CREATE PROC loose AS IF 1 = 1 BREAK")).isEqualTo(135);
    RecordingSink s =
        run(
            "DECLARE @i int = 0\nWHILE @i < 3\nBEGIN\n  SET @i += 1\n  EXEC ('BREAK')\nEND\nSELECT @i");
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(135, 135, 135);
    assertThat(s.rows()).containsExactly(List.of(3));
  }
}
