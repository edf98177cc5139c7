package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * T-SQL that the drivers' metadata methods send: a procedure called without EXEC at the start of a
 * batch (mssql-jdbc's getTypeInfo sends "sp_datatype_info_100 @ODBCVer=3"), identifiers as
 * procedure arguments, a column named PRECISION (mssql-jdbc's getColumns table) and ORDER BY
 * positions over items with parameters (its getSchemas orders by DB_NAME()).
 */
class ClientBatchesTest extends EngineTest {

  @Test
  void aBatchMayStartWithAProcedureName() {
    // "EXECUTE (Transact-SQL)": "You don't have to specify the EXECUTE keyword when you execute
    // stored procedures when the statement is the first one in a batch"
    assertThat(scalar("sp_executesql N'SELECT 7'")).isEqualTo(7);
    assertThat(scalar("[sp_executesql] N'SELECT 8'")).isEqualTo(8);
    RecordingSink unknown = run("no_such_procedure 1");
    assertThat(unknown.errors().get(0).number()).isEqualTo(2812);
    assertThat(unknown.errors().get(0).message())
        .isEqualTo("Could not find stored procedure 'no_such_procedure'.");
    // only the first statement: later ones need EXEC
    assertThat(run("SELECT 1; sp_executesql N'SELECT 2'").errors()).isNotEmpty();
    assertThat(scalar("WITH x AS (SELECT 3 AS n) SELECT n FROM x")).isEqualTo(3);
  }

  @Test
  void identifiersAsProcedureArguments() {
    // "EXECUTE (Transact-SQL)": a value may be given as an identifier: [abc] and "abc" are the
    // string abc, as a bare word is
    assertThat(scalar("EXEC sp_executesql N'SELECT @x', N'@x varchar(10)', @x = [abc]"))
        .isEqualTo("abc");
    assertThat(scalar("EXEC sp_executesql N'SELECT @x', N'@x varchar(10)', @x = \"d e\""))
        .isEqualTo("d e");
    assertThat(scalar("EXEC sp_executesql N'SELECT @x', N'@x varchar(10)', @x = fgh"))
        .isEqualTo("fgh");
  }

  @Test
  void aColumnNamedPrecision() {
    RecordingSink s =
        ok(
            "DECLARE @t TABLE (PRECISION int, LENGTH int); INSERT INTO @t VALUES (10, 4);"
                + " SELECT PRECISION AS COLUMN_SIZE, LENGTH FROM @t");
    assertThat(s.rows()).containsExactly(Arrays.<Object>asList(10, 4));
    assertThat(s.results().get(0).columns().get(0).name()).isEqualTo("COLUMN_SIZE");
  }

  @Test
  void orderByThePositionOfAnItemWithParameters() {
    RecordingSink s =
        ok(
            "select sys.schemas.name 'TABLE_SCHEM', DB_NAME() 'TABLE_CATALOG' from sys.schemas"
                + " where name in ('dbo', 'sys') order by 2, 1");
    List<List<Object>> rows = s.rows();
    assertThat(rows)
        .containsExactly(Arrays.<Object>asList("dbo", "master"), Arrays.asList("sys", "master"));
    assertThat(
            ok("DECLARE @v int = 2; SELECT @v AS a, n FROM (VALUES (2), (1)) x (n) ORDER BY 1, n")
                .rows())
        .containsExactly(Arrays.<Object>asList(2, 1), Arrays.<Object>asList(2, 2));
  }
}
