package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ServerMessage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Queries and data changes: CTEs, TOP, OFFSET ... FETCH, OUTPUT, MERGE, IDENTITY, sequences,
 * TRUNCATE, GENERATE_SERIES, SELECT INTO, INSERT ... EXEC, table variables, views and ALTER TABLE.
 * Sources: the statements' "(Transact-SQL)" pages on learn.microsoft.com (e.g. "WITH
 * common_table_expression", "OUTPUT clause", "MERGE", "IDENTITY (Property)", "@@IDENTITY",
 * "GENERATE_SERIES", "TRUNCATE TABLE").
 */
class QueriesTest extends EngineTest {

  private void numbers(String table, int n) {
    ok("CREATE TABLE " + table + " (id int PRIMARY KEY, grp varchar(5))");
    ok(
        "INSERT INTO "
            + table
            + " SELECT value, CASE WHEN value % 2 = 0 THEN 'even' ELSE 'odd'"
            + " END FROM GENERATE_SERIES(1, "
            + n
            + ")");
  }

  @Test
  void aNumberTooBigForADecimalColumnIsArithmeticOverflow() {
    // "decimal and numeric (Transact-SQL)": a value with more integer digits than p - s is error
    // 8115 ("Arithmetic overflow error converting ... to data type numeric."), not 2628, which
    // is for strings and binaries
    ok("CREATE TABLE dec_over (d decimal(5,2), s varchar(3))");
    assertThat(error("INSERT INTO dec_over (d) VALUES (12345.6)")).isEqualTo(8115);
    assertThat(error("INSERT INTO dec_over (s) VALUES ('abcd')")).isEqualTo(2628);
    assertThat(scalar("SELECT COUNT(*) FROM dec_over")).isEqualTo(0);
  }

  @Test
  void generateSeriesOfVariables() {
    // "GENERATE_SERIES (Transact-SQL)": without a step, 1 counting up to stop (or -1 down to it);
    // the arguments may be variables or parameters (each bound once per use)
    assertThat(ok("DECLARE @n int = 3\nSELECT value FROM GENERATE_SERIES(1, @n)").rows())
        .containsExactly(List.of(1), List.of(2), List.of(3));
    assertThat(
            ok("DECLARE @a int = 3, @b int = 1\nSELECT value FROM GENERATE_SERIES(@a, @b)").rows())
        .containsExactly(List.of(3), List.of(2), List.of(1));
    assertThat(
            ok("EXEC sp_executesql N'SELECT value FROM GENERATE_SERIES(@a, @b, 2) ORDER BY value',"
                    + " N'@a int, @b int', 1, 5")
                .rows())
        .containsExactly(List.of(1), List.of(3), List.of(5));
  }

  @Test
  void recursiveCtes() {
    RecordingSink s =
        ok(
            "WITH r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5)\n"
                + "SELECT n FROM r OPTION (MAXRECURSION 10)");
    assertThat(s.rows()).extracting(r -> r.get(0)).containsExactly(1, 2, 3, 4, 5);
    assertThat(
            scalar(
                "WITH a AS (SELECT 2 AS x), b AS (SELECT x * 3 AS y FROM a) SELECT y FROM" + " b"))
        .isEqualTo(6);
  }

  @Test
  void topOffsetAndFetch() {
    numbers("tf", 10);
    assertThat(ok("SELECT TOP (3) id FROM tf ORDER BY id DESC").rows())
        .extracting(r -> r.get(0))
        .containsExactly(10, 9, 8);
    assertThat(ok("SELECT TOP 2 id FROM tf ORDER BY id").rows()).hasSize(2);
    assertThat(ok("SELECT id FROM tf ORDER BY id OFFSET 7 ROWS FETCH NEXT 2 ROWS ONLY").rows())
        .extracting(r -> r.get(0))
        .containsExactly(8, 9);
    assertThat(ok("SELECT TOP 1 WITH TIES grp FROM tf ORDER BY grp").rows()).hasSize(5);
    assertThat(error("SELECT TOP 1 id FROM tf ORDER BY id OFFSET 1 ROWS")).isEqualTo(10741);
  }

  @Test
  void identityAndScopeIdentity() {
    ok("CREATE TABLE ident (id int IDENTITY(100, 5) PRIMARY KEY, v varchar(5))");
    RecordingSink s =
        ok("INSERT INTO ident (v) VALUES ('a'), ('b')\n" + "SELECT SCOPE_IDENTITY(), @@IDENTITY");
    assertThat(s.rows()).containsExactly(List.of(new BigDecimal("105"), new BigDecimal("105")));
    assertThat(error("INSERT INTO ident (id, v) VALUES (1, 'x')")).isEqualTo(544);
    ok(
        "SET IDENTITY_INSERT ident ON\nINSERT INTO ident (id, v) VALUES (1, 'x')\n"
            + "SET IDENTITY_INSERT ident OFF");
    assertThat(scalar("SELECT v FROM ident WHERE id = 1")).isEqualTo("x");
    assertThat(scalar("SELECT IDENT_CURRENT('ident')")).isEqualTo(new BigDecimal("105"));
  }

  @Test
  void outputInsertedAndDeleted() {
    ok("CREATE TABLE outt (id int IDENTITY PRIMARY KEY, v varchar(5))");
    RecordingSink ins =
        ok("INSERT INTO outt (v) OUTPUT INSERTED.id, INSERTED.v VALUES ('a')," + " ('b')");
    assertThat(ins.rows()).containsExactly(List.of(1, "a"), List.of(2, "b"));
    RecordingSink del = ok("DELETE FROM outt OUTPUT DELETED.* WHERE id = 1");
    assertThat(del.rows()).containsExactly(List.of(1, "a"));
    RecordingSink up = ok("UPDATE outt SET v = 'z' OUTPUT INSERTED.v WHERE id = 2");
    assertThat(up.rows()).containsExactly(List.of("z"));
  }

  @Test
  void mergeWithEveryClause() {
    ok("CREATE TABLE target (id int PRIMARY KEY, v varchar(10))");
    ok("INSERT INTO target VALUES (1, 'old'), (2, 'gone'), (3, 'keep')");
    RecordingSink s =
        ok(
            "MERGE target AS t USING (VALUES (1, 'new'), (4, 'added'), (3, 'keep'))"
                + " AS s (id, v) ON t.id = s.id\n"
                + "WHEN MATCHED AND t.v <> s.v THEN UPDATE SET v = s.v\n"
                + "WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)\n"
                + "WHEN NOT MATCHED BY SOURCE THEN DELETE;");
    assertThat(s.dones().get(0).rowCount()).isEqualTo(3);
    assertThat(ok("SELECT id, v FROM target ORDER BY id").rows())
        .containsExactly(List.of(1, "new"), List.of(3, "keep"), List.of(4, "added"));
    assertThat(
            error(
                "MERGE target AS t USING (SELECT 1 AS id) AS s ON t.id = s.id WHEN MATCHED"
                    + " THEN DELETE"))
        .isEqualTo(10713);
  }

  @Test
  void updateAndDeleteWithFrom() {
    ok("CREATE TABLE upd (id int PRIMARY KEY, total int)");
    ok("CREATE TABLE src (id int, amount int)");
    ok("INSERT INTO upd VALUES (1, 0), (2, 0)\nINSERT INTO src VALUES (1, 5), (2, 7)");
    ok("UPDATE u SET total = s.amount + 1 FROM upd u JOIN src s ON s.id = u.id WHERE s.amount > 6");
    assertThat(ok("SELECT total FROM upd ORDER BY id").rows())
        .extracting(r -> r.get(0))
        .containsExactly(0, 8);
    ok("DELETE u FROM upd u JOIN src s ON s.id = u.id WHERE s.amount = 5");
    assertThat(scalar("SELECT COUNT(*) FROM upd")).isEqualTo(1);
    ok("UPDATE TOP (1) upd SET total = 99");
    assertThat(scalar("SELECT total FROM upd")).isEqualTo(99);
  }

  @Test
  void computedColumns() {
    // "Specify computed columns in a table": the column's type is the expression's
    ok("CREATE TABLE comp (n int, twice AS n * 2, label AS 'n=' + CAST(n AS varchar(10)))");
    ok("INSERT INTO comp (n) VALUES (4)");
    RecordingSink s = ok("SELECT twice, label FROM comp");
    assertThat(s.rows()).containsExactly(List.of(8, "n=4"));
    assertThat(s.results().get(0).column(1).typeInfo().sqlName()).isEqualTo("varchar(12)");
    assertThat(error("INSERT INTO comp (n, twice) VALUES (1, 2)")).isEqualTo(271);
  }

  @Test
  void sequencesAndTruncate() {
    ok("CREATE SEQUENCE seq AS int START WITH 10 INCREMENT BY 2");
    assertThat(ok("SELECT NEXT VALUE FOR seq\nSELECT NEXT VALUE FOR seq").rows())
        .extracting(r -> ((Number) r.get(0)).intValue())
        .containsExactly(10, 12);
    ok("CREATE TABLE tr (id int IDENTITY, v int)\nINSERT INTO tr (v) VALUES (1), (2)");
    ok("TRUNCATE TABLE tr\nINSERT INTO tr (v) VALUES (3)");
    // "TRUNCATE TABLE": the identity counter is reset to the seed
    assertThat(ok("SELECT id, v FROM tr").rows()).containsExactly(List.of(1, 3));
  }

  @Test
  void selectIntoAndTableVariables() {
    numbers("si", 4);
    ok("SELECT id, grp INTO #copy FROM si WHERE id > 1");
    assertThat(scalar("SELECT COUNT(*) FROM #copy")).isEqualTo(3);
    RecordingSink s =
        ok(
            "DECLARE @t TABLE (n int PRIMARY KEY, label nvarchar(10))\n"
                + "INSERT INTO @t SELECT id, grp FROM si WHERE grp = 'even'\n"
                + "INSERT INTO @t EXEC ('SELECT 100, N''hundred''')\n"
                + "SELECT n, label FROM @t ORDER BY n");
    assertThat(s.rows())
        .containsExactly(List.of(2, "even"), List.of(4, "even"), List.of(100, "hundred"));
    assertThat(error("SELECT * FROM @t")).isEqualTo(1087);
  }

  @Test
  void viewsAndAlterTable() {
    numbers("vb", 3);
    ok("CREATE VIEW odd_ids AS SELECT id, grp FROM vb WHERE grp = 'odd'");
    assertThat(ok("SELECT id FROM odd_ids ORDER BY id").rows())
        .extracting(r -> r.get(0))
        .containsExactly(1, 3);
    assertThat(ok("SELECT grp FROM odd_ids").results().get(0).column(0).typeInfo().sqlName())
        .isEqualTo("varchar(5)");
    ok("ALTER TABLE vb ADD note nvarchar(20) NULL");
    ok("ALTER TABLE vb ADD CONSTRAINT df_note DEFAULT N'none' FOR note");
    ok("INSERT INTO vb (id, grp) VALUES (9, 'odd')");
    assertThat(scalar("SELECT note FROM vb WHERE id = 9")).isEqualTo("none");
    ok("ALTER TABLE vb ALTER COLUMN grp varchar(10) NOT NULL");
    ok("ALTER TABLE vb DROP COLUMN note");
    assertThat(ok("SELECT * FROM vb").results().get(0).columns()).hasSize(2);
    ok("DROP VIEW odd_ids");
    assertThat(error("DROP VIEW odd_ids")).isEqualTo(3701);
    ok("DROP TABLE IF EXISTS odd_ids");
  }

  @Test
  void joinsSubqueriesAndWindows() {
    numbers("jw", 6);
    RecordingSink s =
        ok(
            "SELECT a.grp, COUNT(*) AS n, SUM(a.id) AS total,"
                + " ROW_NUMBER() OVER (ORDER BY a.grp) AS rn\n"
                + "FROM jw a LEFT JOIN jw b ON b.id = a.id + 100\n"
                + "WHERE a.id IN (SELECT id FROM jw WHERE id <= 5) AND b.id IS NULL\n"
                + "GROUP BY a.grp HAVING COUNT(*) > 1 ORDER BY a.grp");
    assertThat(s.rows()).containsExactly(List.of("even", 2, 6, 1L), List.of("odd", 3, 9, 2L));
    assertThat(scalar("SELECT (SELECT MAX(id) FROM jw) - (SELECT MIN(id) FROM jw)")).isEqualTo(5);
    assertThat(
            scalar(
                "SELECT COUNT(*) FROM jw x WHERE EXISTS (SELECT 1 FROM jw y WHERE y.id ="
                    + " x.id * 2)"))
        .isEqualTo(3);
    assertThat(error("SELECT id FROM jw a JOIN jw b ON a.id = b.id")).isEqualTo(209);
  }

  @Test
  void convertStyles() {
    // "CAST and CONVERT": date and time styles 0, 23, 112, 120, 121, 126, 127
    String d = "CAST('2024-03-05 14:07:09.123' AS datetime)";
    assertThat(scalar("SELECT CONVERT(varchar(30), " + d + ", 0)"))
        .isEqualTo("Mar  5 2024  2:07PM");
    assertThat(scalar("SELECT CONVERT(varchar(30), " + d + ", 23)")).isEqualTo("2024-03-05");
    assertThat(scalar("SELECT CONVERT(varchar(30), " + d + ", 112)")).isEqualTo("20240305");
    assertThat(scalar("SELECT CONVERT(varchar(30), " + d + ", 120)"))
        .isEqualTo("2024-03-05 14:07:09");
    assertThat(scalar("SELECT CONVERT(varchar(30), " + d + ", 121)"))
        .isEqualTo("2024-03-05 14:07:09.123");
    assertThat(scalar("SELECT CONVERT(varchar(30), " + d + ", 126)"))
        .isEqualTo("2024-03-05T14:07:09.123");
    assertThat(
            scalar(
                "SELECT CONVERT(varchar(40), CAST('2024-03-05 14:07:09.1234567 +00:00' AS"
                    + " datetimeoffset(7)), 127)"))
        .isEqualTo("2024-03-05T14:07:09.1234567Z");
    assertThat(scalar("SELECT CAST(CAST('2024-03-05 14:07:09.5' AS datetime2(3)) AS varchar(30))"))
        .isEqualTo("2024-03-05 14:07:09.500");
    assertThat(scalar("SELECT CONVERT(datetime, '05/03/2024', 103)"))
        .isEqualTo(java.time.LocalDateTime.of(2024, 3, 5, 0, 0));
    assertThat(scalar("SELECT CONVERT(varchar(10), 1.5)")).isEqualTo("1.5");
    assertThat(scalar("SELECT CAST(CAST(1 AS bit) AS varchar(1))")).isEqualTo("1");
    assertThat(scalar("SELECT CAST($1234.5 AS varchar(20))")).isEqualTo("1234.50");
  }

  @Test
  void commonFunctions() {
    assertThat(scalar("SELECT ISNULL(NULL, 'x')")).isEqualTo("x");
    assertThat(scalar("SELECT COALESCE(NULL, NULL, 3)")).isEqualTo(3);
    assertThat(scalar("SELECT IIF(2 > 1, 'yes', 'no')")).isEqualTo("yes");
    assertThat(scalar("SELECT CHARINDEX('B', 'abc')")).isEqualTo(2); // CI collation
    assertThat(scalar("SELECT REPLACE('aXa', 'x', '-')")).isEqualTo("a-a");
    assertThat(scalar("SELECT SUBSTRING('abcdef', 0, 3)")).isEqualTo("ab");
    assertThat(scalar("SELECT STUFF('abcdef', 2, 3, 'XY')")).isEqualTo("aXYef");
    assertThat(scalar("SELECT DATEADD(day, 1, '2024-02-28')"))
        .isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 0, 0));
    assertThat(scalar("SELECT DATEDIFF(year, '2023-12-31', '2024-01-01')")).isEqualTo(1);
    assertThat(scalar("SELECT DATEPART(weekday, '2024-03-03')")).isEqualTo(1); // a Sunday
    assertThat(scalar("SELECT DATENAME(month, '2024-03-03')")).isEqualTo("March");
    assertThat(scalar("SELECT EOMONTH('2024-02-10')"))
        .isEqualTo(java.time.LocalDate.of(2024, 2, 29));
    assertThat(scalar("SELECT LEN(NEWID())")).isEqualTo(36);
    assertThat(scalar("SELECT QUOTENAME('a]b')")).isEqualTo("[a]]b]");
    assertThat(scalar("SELECT TRY_CAST('x' AS int)")).isNull();
    assertThat(scalar("SELECT TRY_CONVERT(int, '12')")).isEqualTo(12);
    assertThat(error("SELECT 'x' LIKE 'x'")).isEqualTo(102); // a predicate is not a value
  }

  @Test
  void likeWithSetsAndEscapes() {
    assertThat(
            scalar(
                "SELECT COUNT(*) FROM (VALUES ('a1'), ('b2'), ('c3'), ('a%')) v(s)"
                    + " WHERE s LIKE '[ab][0-9]'"))
        .isEqualTo(2);
    assertThat(
            scalar(
                "SELECT COUNT(*) FROM (VALUES ('a1'), ('a%')) v(s) WHERE s LIKE 'a!%'"
                    + " ESCAPE '!'"))
        .isEqualTo(1);
    assertThat(scalar("SELECT COUNT(*) FROM (VALUES ('a\\b')) v(s) WHERE s LIKE 'a\\b'"))
        .isEqualTo(1);
  }

  @Test
  void killAndWaitfor() {
    tds.others.add(tds.info());
    RecordingSink s = run("KILL 53");
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(6104);
    assertThat(error("KILL 999")).isEqualTo(6106);
    ok("WAITFOR DELAY '00:00:00.010'");
  }
}
