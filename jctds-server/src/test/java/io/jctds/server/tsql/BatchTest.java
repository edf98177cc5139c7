package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batches, variables, control flow, messages and errors. Sources: "Batches of SQL statements",
 * "DECLARE @local_variable", "SET @local_variable", "IF...ELSE", "WHILE", "TRY...CATCH",
 * "RAISERROR", "THROW", "PRINT" (all "(Transact-SQL)" on learn.microsoft.com) and "Database engine
 * events and errors" for numbers, severities and texts.
 */
class BatchTest extends EngineTest {

  static Stream<String> connectBatches() throws IOException {
    String dir = "/io/jctds/server/tsql/connect-batches/";
    try (InputStream in = BatchTest.class.getResourceAsStream(dir + "index.txt")) {
      String index = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      return index
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> dir + l.split("\\s+")[0])
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("connectBatches")
  void batchesRealClientsSendRunWithoutError(String resource) throws IOException {
    String sql;
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      sql = new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(run(sql).errors()).as(resource).isEmpty();
  }

  @Test
  void statementsNeedNoSeparators() {
    RecordingSink s = ok("SELECT 1 AS a SELECT 2 AS b; SELECT 3 AS c");
    assertThat(s.rows()).containsExactly(List.of(1), List.of(2), List.of(3));
    assertThat(s.dones())
        .extracting(RecordingSink.DoneEvent::curCmd)
        .containsExactly(Statements.CMD_SELECT, Statements.CMD_SELECT, Statements.CMD_SELECT);
  }

  @Test
  void variablesAreTypedAndBoundNotSpliced() {
    RecordingSink s =
        ok(
            "DECLARE @n int = 41, @s varchar(3) = 'abcdef', @q nvarchar(30)\n"
                + "SET @n += 1\nSET @q = N'it''s; DROP TABLE x --'\nSELECT @n, @s, @q");
    // "SET @local_variable": a value longer than the variable is truncated
    assertThat(s.rows()).containsExactly(List.of(42, "abc", "it's; DROP TABLE x --"));
    assertThat(error("SELECT @undeclared")).isEqualTo(137);
    assertThat(error("DECLARE @a int\nDECLARE @a int")).isEqualTo(134);
  }

  @Test
  void selectAssignsVariablesFromTheLastRow() {
    ok("CREATE TABLE nums (n int)");
    ok("INSERT INTO nums VALUES (1), (2), (3)");
    assertThat(scalar("DECLARE @x int = 0\nSELECT @x = n FROM nums ORDER BY n\nSELECT @x"))
        .isEqualTo(3);
    assertThat(scalar("DECLARE @x int = 7\nSELECT @x = n FROM nums WHERE n > 10\nSELECT @x"))
        .isEqualTo(7);
    assertThat(error("DECLARE @x int\nSELECT @x = n, n FROM nums")).isEqualTo(141);
    // each row sees what the previous row assigned (the concatenation idiom)
    assertThat(
            scalar(
                "DECLARE @s varchar(20) = ''\nSELECT @s = @s + CAST(n AS varchar) + ','"
                    + " FROM nums ORDER BY n\nSELECT @s"))
        .isEqualTo("1,2,3,");
  }

  @Test
  void controlFlow() {
    assertThat(
            scalar(
                "DECLARE @i int = 0, @s int = 0\nWHILE @i < 10\nBEGIN\n"
                    + "  SET @i = @i + 1\n  IF @i = 3 CONTINUE\n  IF @i > 6 BREAK\n  SET @s = @s + @i\nEND\n"
                    + "SELECT @s"))
        .isEqualTo(1 + 2 + 4 + 5 + 6);
    assertThat(scalar("IF 1 = 0 SELECT 'then' ELSE SELECT 'else'")).isEqualTo("else");
    assertThat(scalar("IF EXISTS (SELECT 1 WHERE 1 = 1) SELECT 'yes'")).isEqualTo("yes");
    assertThat(ok("SELECT 1\nRETURN\nSELECT 2").rows()).containsExactly(List.of(1));
  }

  @Test
  void printAndRaiserrorAreMessages() {
    RecordingSink s =
        ok(
            "PRINT 'hello ' + CAST(42 AS varchar)\n"
                + "RAISERROR('%s has %d items', 10, 3, N'cart', 7) WITH NOWAIT");
    assertThat(s.infos())
        .extracting(ServerMessage::message)
        .containsExactly("hello 42", "cart has 7 items");
    assertThat(s.infos().get(1).number()).isEqualTo(50000);
    assertThat(s.infos().get(1).state()).isEqualTo(3);
    assertThat(s.flushes).isEqualTo(1);
  }

  @Test
  void raiserrorAboveTenIsAnErrorAndTheBatchGoesOn() {
    RecordingSink s = run("RAISERROR('bad %s', 16, 1, 'thing')\nSELECT 'after'");
    assertThat(s.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.number()).isEqualTo(50000);
              assertThat(e.severity()).isEqualTo(16);
              assertThat(e.message()).isEqualTo("bad thing");
              assertThat(e.lineNumber()).isEqualTo(1);
            });
    assertThat(s.rows()).containsExactly(List.of("after"));
  }

  @Test
  void throwEndsTheBatch() {
    // "THROW": the statement before THROW must end with a semicolon
    RecordingSink s = run("SELECT 1;\nTHROW 51000, 'custom failure', 2;\nSELECT 2");
    assertThat(s.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.number()).isEqualTo(51000);
              assertThat(e.severity()).isEqualTo(16);
              assertThat(e.state()).isEqualTo(2);
              assertThat(e.lineNumber()).isEqualTo(2);
            });
    assertThat(s.rows()).containsExactly(List.of(1));
    assertThat(error("THROW 5, 'x', 1")).isEqualTo(35100);
    assertThat(error("THROW")).isEqualTo(10704);
  }

  @Test
  void tryCatchSeesTheError() {
    RecordingSink s =
        ok(
            "BEGIN TRY\n  SELECT 1 / 0\nEND TRY\nBEGIN CATCH\n"
                + "  SELECT ERROR_NUMBER(), ERROR_SEVERITY(), ERROR_LINE(), ERROR_MESSAGE()\nEND CATCH");
    assertThat(s.rows().get(s.rows().size() - 1))
        .containsExactly(8134, 16, 2, "Divide by zero error encountered.");
    RecordingSink rethrown =
        run("BEGIN TRY\n THROW 50001, 'inner', 1\nEND TRY\n" + "BEGIN CATCH\n THROW;\nEND CATCH");
    assertThat(rethrown.errors()).extracting(ServerMessage::number).containsExactly(50001);
    assertThat(scalar("SELECT ERROR_NUMBER()")).isNull();
  }

  @Test
  void statementErrorsLetTheBatchContinueNameErrorsDoNot() {
    ok("CREATE TABLE pk (id int PRIMARY KEY)");
    RecordingSink s =
        run("INSERT INTO pk VALUES (1)\nINSERT INTO pk VALUES (1)\nSELECT COUNT(*)" + " FROM pk");
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(2627);
    assertThat(s.rows()).containsExactly(List.of(1));
    assertThat(s.dones()).filteredOn(d -> (d.status() & Done.STATUS_ERROR) != 0).hasSize(1);
    RecordingSink aborted = run("SELECT 1\nSELECT * FROM missing_table\nSELECT 2");
    assertThat(aborted.errors()).extracting(ServerMessage::number).containsExactly(208);
    assertThat(aborted.errors().get(0).message()).isEqualTo("Invalid object name 'missing_table'.");
    assertThat(aborted.errors().get(0).lineNumber()).isEqualTo(2);
    assertThat(aborted.rows()).containsExactly(List.of(1));
  }

  @Test
  void syntaxErrorsRunNothing() {
    RecordingSink s = run("SELECT 1\nSELECT FROM WHERE");
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(156);
    assertThat(s.rows()).isEmpty();
    assertThat(run("SELECT 'unterminated").errors().get(0).number()).isEqualTo(105);
    assertThat(run("SELECT 1 /* open").errors().get(0).number()).isEqualTo(113);
    assertThat(error("SELECT (1")).isEqualTo(102);
  }

  @Test
  void errorNumbersOfCommonFailures() {
    ok("CREATE TABLE parent (id int PRIMARY KEY, name varchar(5) NOT NULL)");
    ok("CREATE TABLE child (p int REFERENCES parent(id), CHECK (p > 0))");
    assertThat(error("SELECT nope FROM parent")).isEqualTo(207);
    assertThat(error("INSERT INTO parent (id) VALUES (1)")).isEqualTo(515);
    assertThat(error("INSERT INTO parent VALUES (1, 'toolong')")).isEqualTo(2628);
    assertThat(error("INSERT INTO child VALUES (5)")).isEqualTo(547);
    assertThat(error("INSERT INTO child VALUES (-1)")).isEqualTo(547);
    assertThat(error("CREATE TABLE parent (x int)")).isEqualTo(2714);
    assertThat(error("USE no_such_db")).isEqualTo(911);
    assertThat(error("COMMIT")).isEqualTo(3902);
    assertThat(error("ROLLBACK")).isEqualTo(3903);
    assertThat(error("SELECT dbo.nofunc(1)")).isEqualTo(4121);
    assertThat(error("SELECT nofunc(1)")).isEqualTo(195);
    ServerMessage m = run("INSERT INTO parent (id) VALUES (1)").errors().get(0);
    assertThat(m.message())
        .isEqualTo(
            "Cannot insert the value NULL into column 'name', table"
                + " 'master.dbo.parent'; column does not allow nulls. INSERT fails.");
  }

  @Test
  void deepNestingIsError191NotACrash() {
    String deep = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000);
    assertThat(error(deep)).isEqualTo(191);
    assertThat(error("SELECT " + "- ".repeat(5000) + "1")).isEqualTo(191);
    assertThat(scalar("SELECT " + "(".repeat(50) + "1" + ")".repeat(50))).isEqualTo(1);
  }

  @Test
  void cteBeforeInsert() {
    ok("CREATE TABLE cte_target (n int)");
    ok("WITH src AS (SELECT 7 AS n UNION ALL SELECT 8) INSERT INTO cte_target SELECT n FROM src");
    assertThat(scalar("SELECT SUM(n) FROM cte_target")).isEqualTo(15);
    assertThat(scalar("SELECT SCHEMA_ID('no_such_schema')")).isNull();
    assertThat(scalar("SELECT SCHEMA_ID('dbo')")).isEqualTo(1);
  }

  @Test
  void unsupportedConstructsAreNamed() {
    RecordingSink s = run("SELECT * FROM sys.objects FOR XML AUTO");
    assertThat(s.errors().get(0).message()).contains("FOR XML");
    assertThat(run("DECLARE c CURSOR FOR SELECT 1").errors().get(0).message()).isNotBlank();
  }

  @Test
  void execOfAStringIsAChildBatch() {
    RecordingSink s = ok("DECLARE @x int = 5\nEXEC ('SELECT 7')\nEXEC (N'SELECT ''q''')");
    assertThat(s.rows()).containsExactly(List.of(7), List.of("q"));
    assertThat(error("DECLARE @x int = 5\nEXEC ('SELECT @x')")).isEqualTo(137);
    assertThat(error("EXEC no_such_procedure")).isEqualTo(2812);
  }

  @Test
  void spExecuteSqlBindsParametersAndReturnsOutput() {
    assertThat(
            scalar(
                "DECLARE @out int\nEXEC sp_executesql N'SET @o = @a * 2', N'@a int,"
                    + " @o int OUTPUT', @a = 21, @o = @out OUTPUT\nSELECT @out"))
        .isEqualTo(42);
    assertThat(error("EXEC sp_executesql N'BEGIN TRAN'")).isEqualTo(266);
    ok("IF @@TRANCOUNT > 0 ROLLBACK");
  }

  @Test
  void globals() {
    assertThat(scalar("SELECT @@SPID")).isEqualTo((short) 53);
    assertThat(scalar("SELECT @@SERVERNAME")).isEqualTo("TESTHOST");
    assertThat(scalar("SELECT DB_NAME()")).isEqualTo("master");
    assertThat(scalar("SELECT @@MAX_PRECISION")).isEqualTo((short) 38);
    assertThat((String) scalar("SELECT @@VERSION")).startsWith("Microsoft SQL Server 2022");
    // "SERVERPROPERTY": EngineEdition 3 = Enterprise/Developer, ProductVersion as major.minor...
    assertThat(scalar("SELECT SERVERPROPERTY('EngineEdition')")).isEqualTo(3);
    assertThat(scalar("SELECT SERVERPROPERTY('ProductVersion')")).isEqualTo("16.0.1000.6");
    assertThat(scalar("SELECT @@ROWCOUNT")).isEqualTo(1);
  }
}
