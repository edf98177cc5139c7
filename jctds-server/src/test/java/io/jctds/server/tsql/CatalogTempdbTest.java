package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.sql.EngineSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Temporary tables in tempdb's catalog views, and views created while a transaction is open. */
class CatalogTempdbTest extends EngineTest {

  private List<Object> names(String sql) {
    return ok(sql).rows().stream().map(r -> r.get(0)).toList();
  }

  @Test
  void temporaryTablesShowInTempdbOnly() {
    ok("CREATE TABLE #tmp_a (id int PRIMARY KEY, name nvarchar(20))");
    // "OBJECT_ID (Transact-SQL)": a temporary table's name is preceded by tempdb
    // ('tempdb..#mytemptable') unless the current database is tempdb
    assertThat(scalar("SELECT OBJECT_ID('tempdb..#tmp_a')")).isNotNull();
    RecordingSink s =
        ok(
            "SELECT name, type FROM tempdb.sys.objects WHERE object_id = OBJECT_ID('tempdb..#tmp_a')");
    // "CREATE TABLE (Transact-SQL)", temporary tables: stored in tempdb under the name plus a
    // suffix, the name limited to 116 characters so that the whole fits 128
    String name = (String) s.rows().get(0).get(0);
    assertThat(name).startsWith("#tmp_a_").hasSize(128);
    assertThat(s.rows().get(0).get(1)).isEqualTo("U ");
    // "sys.objects (Transact-SQL)": each database lists its own objects; temporary tables live in
    // tempdb
    assertThat(names("SELECT name FROM sys.objects WHERE name LIKE '#tmp_a%'")).isEmpty();
    assertThat(names("SELECT name FROM tempdb.sys.tables WHERE name LIKE '#tmp_a%'"))
        .containsExactly(name);
  }

  @Test
  void temporaryTableColumnsThroughTempdbSysColumns() {
    ok("CREATE TABLE #tmp_c (a int, b varchar(3))");
    RecordingSink s =
        ok(
            "SELECT c.name, c.column_id, t.name FROM tempdb.sys.columns c"
                + " JOIN tempdb.sys.types t ON t.user_type_id = c.user_type_id"
                + " WHERE c.object_id = OBJECT_ID('tempdb..#tmp_c') ORDER BY c.column_id");
    // "sys.columns (Transact-SQL)" joined to "sys.types (Transact-SQL)"
    assertThat(s.rows()).containsExactly(List.of("a", 1, "int"), List.of("b", 2, "varchar"));
    RecordingSink is =
        ok(
            "SELECT COLUMN_NAME FROM tempdb.INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME LIKE '#tmp_c%' ORDER BY ORDINAL_POSITION");
    // "COLUMNS (Transact-SQL)": tempdb's view lists the temporary table's columns
    assertThat(is.rows()).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void anotherSessionsTemporaryTablesAreNotListed() {
    ok("CREATE TABLE #tmp_mine (a int)");
    TestSession otherTds = new TestSession(54);
    EngineSession other = engine.open(otherTds);
    try {
      RecordingSink s = new RecordingSink(otherTds.version);
      other.execute("SELECT COUNT(*) FROM tempdb.sys.tables WHERE name LIKE '#tmp_mine%'", s);
      // "CREATE TABLE (Transact-SQL)": a local temporary table is visible only to the session
      // that created it (SQL Server's tempdb.sys.tables still lists it; this server's storage
      // keeps it private to its session, so the other session sees no row)
      assertThat(s.errors()).isEmpty();
      assertThat(s.rows()).containsExactly(List.of(0));
    } finally {
      other.close();
    }
    assertThat(scalar("SELECT COUNT(*) FROM tempdb.sys.tables WHERE name LIKE '#tmp_mine%'"))
        .isEqualTo(1);
  }

  @Test
  void droppedTemporaryTablesDisappear() {
    ok("CREATE TABLE #tmp_d (a int)");
    ok("IF OBJECT_ID('tempdb..#tmp_d') IS NOT NULL DROP TABLE #tmp_d");
    // "OBJECT_ID (Transact-SQL)": NULL for an object that does not exist
    assertThat(scalar("SELECT OBJECT_ID('tempdb..#tmp_d')")).isNull();
    assertThat(scalar("SELECT COUNT(*) FROM tempdb.sys.objects WHERE name LIKE '#tmp_d%'"))
        .isEqualTo(0);
  }

  @Test
  void catalogViewsWorkInsideATransaction() {
    ok("BEGIN TRANSACTION");
    ok("CREATE TABLE #tmp_tx (a int)");
    // the msdb views are made on first use, here inside the transaction, which stays open
    // ("BEGIN TRANSACTION (Transact-SQL)": @@TRANCOUNT counts open transactions)
    assertThat(scalar("SELECT COUNT(*) FROM msdb.sys.check_constraints")).isEqualTo(0);
    assertThat(
            scalar(
                "SELECT COUNT(*) FROM tempdb.sys.columns"
                    + " WHERE object_id = OBJECT_ID('tempdb..#tmp_tx')"))
        .isEqualTo(1);
    assertThat(scalar("SELECT @@TRANCOUNT")).isEqualTo(1);
    ok("ROLLBACK");
    assertThat(scalar("SELECT @@TRANCOUNT")).isEqualTo(0);
  }

  @Test
  void objectNameOfATemporaryTableInTempdb() {
    ok("CREATE TABLE #tmp_n (a int)");
    // "OBJECT_NAME (Transact-SQL)": with database_id, the name in that database (tempdb is
    // database 2, "tempdb database"), the same name tempdb.sys.objects shows
    assertThat(scalar("SELECT OBJECT_NAME(OBJECT_ID('tempdb..#tmp_n'), 2)"))
        .isEqualTo(
            scalar(
                "SELECT name FROM tempdb.sys.objects"
                    + " WHERE object_id = OBJECT_ID('tempdb..#tmp_n')"));
  }
}
