package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ServerMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Where H2 and SQL Server differ, the server does what SQL Server does. Sources: "How SQL Server
 * compares strings with trailing spaces" (Microsoft KB 316626: ANSI/ISO SQL-92 padding, so 'x' = 'x
 * ' in comparisons, keys and GROUP BY, while LIKE patterns keep their trailing spaces) and
 * "Comparing GUID and uniqueidentifier values" (SQL Server orders uniqueidentifier by its last six
 * bytes first, then bytes 8-9, 6-7, 4-5, 0-3).
 */
class SemanticsTest extends EngineTest {

  @Test
  void trailingSpacesDoNotCountInComparisons() {
    assertThat(scalar("SELECT CASE WHEN 'x' = 'x   ' THEN 1 ELSE 0 END")).isEqualTo(1);
    assertThat(scalar("SELECT CASE WHEN N'x ' = N'x' THEN 1 ELSE 0 END")).isEqualTo(1);
    ok("CREATE TABLE ts (v varchar(10))");
    ok("INSERT INTO ts VALUES ('abc'), ('abc  '), ('ab')");
    assertThat(scalar("SELECT COUNT(*) FROM ts WHERE v = 'abc'")).isEqualTo(2);
    assertThat(scalar("SELECT COUNT(*) FROM ts WHERE v = 'ABC '")).isEqualTo(2); // CI collation
    assertThat(scalar("SELECT COUNT(*) FROM ts WHERE v IN ('abc ', 'zz')")).isEqualTo(2);
    // LIKE: trailing spaces of the pattern count, those of the value do not
    assertThat(scalar("SELECT COUNT(*) FROM ts WHERE v LIKE 'abc'")).isEqualTo(2);
    assertThat(scalar("SELECT COUNT(*) FROM ts WHERE v LIKE 'abc '")).isEqualTo(0);
    // DISTINCT treats them as one value
    assertThat(ok("SELECT DISTINCT v FROM ts ORDER BY v").rows())
        .extracting(r -> rtrim(r.get(0)))
        .containsExactly("ab", "abc");
    // DATALENGTH keeps them, LEN does not ("LEN": excludes trailing spaces)
    assertThat(ok("SELECT LEN(v), DATALENGTH(v) FROM ts WHERE v LIKE 'abc%' ORDER BY 2").rows())
        .containsExactly(List.of(3, 3), List.of(3, 5));
  }

  /**
   * "Data type precedence (Transact-SQL)": int outranks bit, so {@code bitcol = 1} compares the bit
   * converted to int ("bit (Transact-SQL)": 1, 0 or NULL); NULL compares as unknown.
   */
  @Test
  void bitComparesWithNumbers() {
    ok("CREATE TABLE tbit (x bit, y int)");
    ok("INSERT INTO tbit VALUES (1, 1), (0, 2), (NULL, 3)");
    assertThat(scalar("SELECT y FROM tbit WHERE x = 1")).isEqualTo(1);
    assertThat(scalar("SELECT y FROM tbit WHERE 0 = x")).isEqualTo(2);
    assertThat(scalar("SELECT COUNT(*) FROM tbit WHERE x <> 1")).isEqualTo(1);
    assertThat(scalar("SELECT COUNT(*) FROM tbit WHERE x = 2")).isEqualTo(0);
    assertThat(scalar("SELECT COUNT(*) FROM tbit WHERE x >= y")).isEqualTo(1);
    assertThat(scalar("SELECT COUNT(*) FROM sys.indexes WHERE is_unique = 1 AND 0 = 1"))
        .isEqualTo(0);
  }

  private static String rtrim(Object o) {
    return ((String) o).stripTrailing();
  }

  @Test
  void trailingSpacesCollideInKeys() {
    ok("CREATE TABLE tk (k varchar(10) PRIMARY KEY)");
    ok("INSERT INTO tk VALUES ('x')");
    RecordingSink s = run("INSERT INTO tk VALUES ('x ')");
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(2627);
    assertThat(s.errors().get(0).message())
        .startsWith("Violation of PRIMARY KEY constraint")
        .contains(
            "Cannot insert duplicate key in object 'dbo.tk'. The duplicate key value is (x).");
    assertThat(error("INSERT INTO tk VALUES ('X')")).isEqualTo(2627);
    ok("CREATE TABLE tu (a int, b nvarchar(5))");
    ok("CREATE UNIQUE INDEX ux ON tu (b)");
    ok("INSERT INTO tu VALUES (1, N'q')");
    RecordingSink dup = run("INSERT INTO tu VALUES (2, N'q  ')");
    assertThat(dup.errors()).extracting(ServerMessage::number).containsExactly(2601);
    assertThat(dup.errors().get(0).message())
        .isEqualTo(
            "Cannot insert duplicate key row in object"
                + " 'dbo.tu' with unique index 'ux'. The duplicate key value is (q).");
    assertThat(ok("SELECT * FROM tk").results().get(0).columns()).hasSize(1); // shadows hidden
  }

  @Test
  void trailingSpacesGroupTogether() {
    ok("CREATE TABLE tg (v varchar(10), n int)");
    ok("INSERT INTO tg VALUES ('a', 1), ('a ', 2), ('A', 3), ('b', 4)");
    RecordingSink s = ok("SELECT UPPER(RTRIM(v)), SUM(n), COUNT(*) FROM tg GROUP BY v ORDER BY 1");
    assertThat(s.rows()).containsExactly(List.of("A", 6, 3), List.of("B", 4, 1));
  }

  @Test
  void caseInsensitiveByDefaultCaseSensitiveWhenAsked() {
    assertThat(scalar("SELECT CASE WHEN 'abc' = 'ABC' THEN 1 ELSE 0 END")).isEqualTo(1);
    assertThat(
            scalar(
                "SELECT CASE WHEN 'abc' = 'ABC' COLLATE Latin1_General_CS_AS THEN 1 ELSE 0"
                    + " END"))
        .isEqualTo(0);
    ok("CREATE TABLE cs (v varchar(10) COLLATE Latin1_General_CS_AS PRIMARY KEY)");
    ok("INSERT INTO cs VALUES ('a'), ('A')");
    assertThat(scalar("SELECT COUNT(*) FROM cs WHERE v = 'a'")).isEqualTo(1);
  }

  @Test
  void uniqueidentifierSortsBySqlServersByteGroups() {
    // The documented example: the value that differs in the last six bytes sorts last although
    // it is smallest in string order.
    ok("CREATE TABLE g (id uniqueidentifier)");
    ok(
        "INSERT INTO g VALUES ('00000000-0000-0000-0000-010000000000'),"
            + " ('01000000-0000-0000-0000-000000000000'), ('00000000-0000-0001-0000-000000000000'),"
            + " ('00000000-0100-0000-0000-000000000000'), ('00000000-0000-0000-0100-000000000000')");
    List<Object> order =
        ok("SELECT id FROM g ORDER BY id").rows().stream().map(r -> r.get(0)).toList();
    assertThat(order)
        .containsExactly(
            UUID.fromString("01000000-0000-0000-0000-000000000000"),
            UUID.fromString("00000000-0100-0000-0000-000000000000"),
            UUID.fromString("00000000-0000-0001-0000-000000000000"),
            UUID.fromString("00000000-0000-0000-0100-000000000000"),
            UUID.fromString("00000000-0000-0000-0000-010000000000"));
    assertThat(scalar("SELECT COUNT(*) FROM g WHERE id > '00000000-0000-0000-0100-000000000000'"))
        .isEqualTo(1);
  }

  @Test
  void temporaryTablesArePrivateAndSurviveUse() {
    ok("CREATE TABLE #mine (n int)\nINSERT INTO #mine VALUES (1)");
    ok("USE sales");
    assertThat(scalar("SELECT COUNT(*) FROM #mine")).isEqualTo(1);
    assertThat(scalar("SELECT CASE WHEN OBJECT_ID('tempdb..#mine') IS NULL THEN 0 ELSE 1 END"))
        .isEqualTo(1);
    io.jctds.server.sql.EngineSession other = engine.open(new TestSession(56));
    try {
      RecordingSink s = new RecordingSink();
      other.execute("SELECT * FROM #mine", s);
      assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(208);
    } finally {
      other.close();
    }
  }

  @Test
  void databasesAndThreePartNames() {
    ok("CREATE DATABASE shop");
    ok("CREATE TABLE shop.dbo.orders (id int)");
    ok("INSERT INTO shop..orders VALUES (1)");
    RecordingSink s = ok("USE shop\nSELECT DB_NAME(), COUNT(*) FROM orders");
    assertThat(s.rows()).containsExactly(List.of("shop", 1));
    assertThat(error("DROP DATABASE shop")).isEqualTo(3702);
    ok("USE master\nDROP DATABASE shop");
    assertThat(error("SELECT * FROM shop.dbo.orders")).isEqualTo(208);
  }
}
