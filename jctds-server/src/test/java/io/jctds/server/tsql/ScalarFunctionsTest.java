package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ServerMessage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CREATE / ALTER / DROP FUNCTION for scalar functions and their calls in expressions. Source:
 * "CREATE FUNCTION (Transact-SQL)" (scalar functions, examples, limitations), "DROP FUNCTION
 * (Transact-SQL)" on learn.microsoft.com; error texts from "Database engine events and errors".
 */
class ScalarFunctionsTest extends EngineTest {

  @Test
  void aScalarFunctionInASelectListAndAWhereClause() {
    // "CREATE FUNCTION", example A (a scalar function computing a value from its parameters)
    ok(
        "CREATE FUNCTION dbo.ISOweek (@DATE datetime)\nRETURNS int\nWITH EXECUTE AS CALLER\nAS\n"
            + "BEGIN\n  DECLARE @ISOweek int;\n"
            + "  SET @ISOweek = DATEPART(wk, @DATE) + 1 - DATEPART(wk, CAST(DATEPART(yy, @DATE)"
            + " AS CHAR(4)) + '0104');\n"
            + "  IF (@ISOweek = 0)\n"
            + "    SET @ISOweek = dbo.ISOweek(CAST(DATEPART(yy, @DATE) - 1 AS CHAR(4)) + '12'"
            + " + CAST(24 + DATEPART(DAY, @DATE) AS CHAR(2))) + 1;\n"
            + "  IF ((DATEPART(mm, @DATE) = 12) AND ((DATEPART(dd, @DATE) - DATEPART(dw, @DATE))"
            + " >= 28))\n"
            + "    SET @ISOweek = 1;\n"
            + "  RETURN(@ISOweek);\nEND;");
    // the reference's example: SET DATEFIRST 1; SELECT dbo.ISOweek(CONVERT(DATETIME,
    // '12/26/2004', 101)) AS 'ISO Week' returns 52
    RecordingSink s =
        ok(
            "SET DATEFIRST 1;\n"
                + "SELECT dbo.ISOweek(CONVERT(DATETIME,'12/26/2004',101)) AS 'ISO Week';");
    assertThat(s.rows()).containsExactly(List.of(52));
    assertThat(s.results().get(0).columns().get(0).typeInfo().sqlName()).isEqualTo("int");
  }

  @Test
  void aFunctionRunsForEachRowOfATable() {
    ok("CREATE TABLE prices (item varchar(10), net decimal(10,2))");
    ok("INSERT INTO prices VALUES ('a', 10.00), ('b', 20.00), ('c', 30.00)");
    ok(
        "CREATE FUNCTION dbo.gross(@net decimal(10,2), @rate decimal(4,2) = 0.25)"
            + " RETURNS decimal(12,2) AS BEGIN RETURN @net * (1 + @rate) END");
    RecordingSink s =
        ok(
            "SELECT item, dbo.gross(net, DEFAULT) FROM prices"
                + " WHERE dbo.gross(net, 0.5) > 20 ORDER BY item");
    assertThat(s.rows())
        .containsExactly(
            List.of("b", new BigDecimal("25.00")), List.of("c", new BigDecimal("37.50")));
    assertThat(s.results().get(0).columns().get(1).typeInfo().sqlName()).isEqualTo("decimal(12,2)");
  }

  @Test
  void aFunctionReadsTablesAndItsErrorsAreTheCallers() {
    ok("CREATE TABLE stock (item varchar(10), qty int)");
    ok("INSERT INTO stock VALUES ('a', 3), ('a', 4), ('b', 1)");
    ok(
        "CREATE FUNCTION dbo.on_hand(@item varchar(10)) RETURNS int AS\n"
            + "BEGIN\n  RETURN (SELECT SUM(qty) FROM stock WHERE item = @item)\nEND");
    assertThat(scalar("SELECT dbo.on_hand('a')")).isEqualTo(7);
    ok("CREATE FUNCTION dbo.ratio(@a int, @b int) RETURNS int AS BEGIN RETURN @a / @b END");
    RecordingSink s = run("SELECT dbo.ratio(1, 0)");
    // the division's error 8134 is the calling statement's ("Divide by zero error encountered.")
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(8134);
  }

  @Test
  void unqualifiedCallsAreBuiltInFunctions() {
    ok("CREATE FUNCTION dbo.twice(@n int) RETURNS int AS BEGIN RETURN @n * 2 END");
    // "CREATE FUNCTION": scalar functions are invoked with at least the two-part name; a one-part
    // name is a built-in function name (error 195)
    assertThat(error("SELECT twice(2)")).isEqualTo(195);
    assertThat(scalar("SELECT dbo.twice(21)")).isEqualTo(42);
  }

  @Test
  void whatAFunctionMayNotDo() {
    // "CREATE FUNCTION" (limitations) and "Database engine events and errors": the last
    // statement must be RETURN (455); no side effects (443); no SELECT returning rows (444)
    assertThat(error("CREATE FUNCTION dbo.f1() RETURNS int AS BEGIN DECLARE @a int END"))
        .isEqualTo(455);
    RecordingSink s = run("CREATE FUNCTION dbo.f2() RETURNS int AS BEGIN PRINT 'x' RETURN 1 END");
    assertThat(s.errors().get(0).number()).isEqualTo(443);
    assertThat(s.errors().get(0).message())
        .isEqualTo("Invalid use of a side-effecting operator 'PRINT' within a function.");
    assertThat(error("CREATE FUNCTION dbo.f3() RETURNS int AS BEGIN SELECT 1 RETURN 1 END"))
        .isEqualTo(444);
    ok("CREATE TABLE kept (n int)");
    assertThat(
            error(
                "CREATE FUNCTION dbo.f4() RETURNS int AS BEGIN INSERT kept VALUES (1) RETURN 1"
                    + " END"))
        .isEqualTo(443);
    // a table variable of the function's own may change
    ok(
        "CREATE FUNCTION dbo.f5() RETURNS int AS BEGIN DECLARE @t TABLE (n int);"
            + " INSERT @t VALUES (1), (2); RETURN (SELECT SUM(n) FROM @t) END");
    assertThat(scalar("SELECT dbo.f5()")).isEqualTo(3);
  }

  @Test
  void tableValuedFunctionsAreRefusedClearly() {
    RecordingSink s = run("CREATE FUNCTION dbo.tvf() RETURNS TABLE AS RETURN (SELECT 1 AS n)");
    assertThat(s.errors().get(0).number()).isEqualTo(40517);
    assertThat(s.errors().get(0).message()).contains("table-valued functions");
  }

  @Test
  void alterDropAndOptions() {
    // "CREATE FUNCTION": WITH SCHEMABINDING and RETURNS NULL ON NULL INPUT (the function
    // returns NULL without running when an argument is NULL)
    ok(
        "CREATE FUNCTION dbo.plus1(@n int) RETURNS int WITH SCHEMABINDING, RETURNS NULL ON NULL"
            + " INPUT AS BEGIN RETURN ISNULL(@n, 100) + 1 END");
    assertThat(scalar("SELECT dbo.plus1(NULL)")).isNull();
    ok("ALTER FUNCTION dbo.plus1(@n int) RETURNS int AS BEGIN RETURN ISNULL(@n, 100) + 1 END");
    assertThat(scalar("SELECT dbo.plus1(NULL)")).isEqualTo(101);
    ok("DROP FUNCTION dbo.plus1");
    // "Database engine events and errors": a call of an unknown function is 4121
    assertThat(error("SELECT dbo.plus1(1)")).isEqualTo(4121);
    assertThat(error("DROP FUNCTION dbo.plus1")).isEqualTo(3701);
    ok("DROP FUNCTION IF EXISTS dbo.plus1");
  }

  @Test
  void argumentCountsAreChecked() {
    ok("CREATE FUNCTION dbo.pair(@a int, @b int) RETURNS int AS BEGIN RETURN @a + @b END");
    // "Database engine events and errors": too few arguments is 313, too many 8144
    ServerMessage e = run("SELECT dbo.pair(1)").errors().get(0);
    assertThat(e.number()).isEqualTo(313);
    assertThat(e.message())
        .isEqualTo(
            "An insufficient number of arguments were supplied for the procedure or function"
                + " dbo.pair.");
    assertThat(error("SELECT dbo.pair(1, 2, 3)")).isEqualTo(8144);
  }

  @Test
  void recursionStopsAt32Levels() {
    ok(
        "CREATE FUNCTION dbo.down(@n int) RETURNS int AS BEGIN"
            + " IF @n = 0 RETURN 0; RETURN 1 + dbo.down(@n - 1) END");
    // "CREATE FUNCTION": functions nest up to 32 levels (error 217 beyond)
    assertThat(scalar("SELECT dbo.down(31)")).isEqualTo(31);
    assertThat(error("SELECT dbo.down(40)")).isEqualTo(217);
  }
}
