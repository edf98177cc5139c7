package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.server.sql.EngineSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transactions as SQL Server runs them ("BEGIN TRANSACTION", "SAVE TRANSACTION", "SET XACT_ABORT",
 * "SET IMPLICIT_TRANSACTIONS", "@@TRANCOUNT" on learn.microsoft.com; ENVCHANGE types 8, 9 and 10
 * from [MS-TDS] 2.2.7.9), including DDL, which SQL Server runs inside the transaction and H2 would
 * commit.
 */
class TransactionsTest extends EngineTest {

  private long count(String table) {
    return ((Number) scalar("SELECT COUNT(*) FROM " + table)).longValue();
  }

  @Test
  void nestingCountsAndReportsTheOutermostTransaction() {
    RecordingSink s =
        ok(
            "BEGIN TRAN\nBEGIN TRAN\nSELECT @@TRANCOUNT\nCOMMIT\nSELECT @@TRANCOUNT\n"
                + "COMMIT\nSELECT @@TRANCOUNT");
    assertThat(s.rows()).containsExactly(List.of(2), List.of(1), List.of(0));
    assertThat(s.envChanges())
        .extracting(EnvChange::changeType)
        .containsExactly(EnvChange.BEGIN_TRAN, EnvChange.COMMIT_TRAN);
  }

  @Test
  void rollbackUndoesRowsAndSavepointsUndoPart() {
    ok("CREATE TABLE tx (n int)");
    ok(
        "BEGIN TRAN\nINSERT INTO tx VALUES (1)\nSAVE TRAN s1\nINSERT INTO tx VALUES (2)\n"
            + "ROLLBACK TRAN s1\nSELECT @@TRANCOUNT\nCOMMIT");
    assertThat(count("tx")).isEqualTo(1);
    RecordingSink s = ok("BEGIN TRAN\nINSERT INTO tx VALUES (3)\nROLLBACK");
    assertThat(s.envChanges()).extracting(EnvChange::changeType).contains(EnvChange.ROLLBACK_TRAN);
    assertThat(count("tx")).isEqualTo(1);
  }

  @Test
  void ddlInsideARolledBackTransactionIsUndone() {
    ok(
        "BEGIN TRAN\nCREATE TABLE made_in_tx (a int)\nINSERT INTO made_in_tx VALUES (1)\n"
            + "CREATE INDEX ix ON made_in_tx (a)\nCREATE TABLE #tmp_in_tx (b int)\nROLLBACK");
    assertThat(error("SELECT * FROM made_in_tx")).isEqualTo(208);
    assertThat(error("SELECT * FROM #tmp_in_tx")).isEqualTo(208);
    assertThat(scalar("SELECT @@TRANCOUNT")).isEqualTo(0);
  }

  @Test
  void ddlDoesNotCommitTheUserTransaction() {
    ok("CREATE TABLE before_tx (n int)");
    ok(
        "BEGIN TRAN\nINSERT INTO before_tx VALUES (1)\nCREATE TABLE during_tx (x int)\n"
            + "CREATE VIEW during_view AS SELECT n FROM before_tx\nROLLBACK");
    assertThat(count("before_tx")).isZero();
    assertThat(error("SELECT * FROM during_view")).isEqualTo(208);
    ok("BEGIN TRAN\nCREATE TABLE kept (x int)\nINSERT INTO kept VALUES (5)\nCOMMIT");
    assertThat(count("kept")).isEqualTo(1);
  }

  @Test
  void changesToExistingObjectsAreRefusedInsideATransaction() {
    ok("CREATE TABLE old_table (n int)");
    RecordingSink s =
        run(
            "BEGIN TRAN\nINSERT INTO old_table VALUES (1)\nDROP TABLE old_table\n"
                + "SELECT @@TRANCOUNT");
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(226);
    assertThat(s.errors().get(0).message())
        .startsWith("DROP TABLE statement not allowed within" + " multi-statement transaction.");
    assertThat(s.rows())
        .containsExactly(List.of(1)); // the transaction is still open, not committed
    ok("ROLLBACK");
    assertThat(count("old_table")).isZero();
    assertThat(error("BEGIN TRAN\nCREATE DATABASE in_tx")).isEqualTo(226);
    ok("ROLLBACK");
  }

  /**
   * CREATE INDEX on a table that existed before the transaction is part of the transaction, as in
   * SQL Server ("Transactional DDL": a schema migration tool such as Flyway runs each migration,
   * indexes included, in one transaction and rolls it back when a statement fails): ROLLBACK drops
   * the index, COMMIT keeps it, and a unique index is enforced from its creation.
   */
  @Test
  void createIndexOnAnExistingTableIsPartOfTheTransaction() {
    ok("CREATE TABLE indexed_later (id int, code nvarchar(10))");
    ok("INSERT INTO indexed_later VALUES (1, N'a')");
    String indexes = "SELECT COUNT(*) FROM sys.indexes WHERE name IN ('ix_id', 'ux_code')";
    ok(
        "BEGIN TRAN\nCREATE INDEX ix_id ON indexed_later (id)\n"
            + "CREATE UNIQUE INDEX ux_code ON indexed_later (code)");
    assertThat(((Number) scalar(indexes)).intValue()).isEqualTo(2);
    assertThat(error("INSERT INTO indexed_later VALUES (2, N'a')")).isEqualTo(2601);
    ok("ROLLBACK");
    assertThat(((Number) scalar(indexes)).intValue()).isZero();
    ok("INSERT INTO indexed_later VALUES (2, N'a')");
    ok("DELETE FROM indexed_later WHERE id = 2");
    ok("BEGIN TRAN\nCREATE UNIQUE INDEX ux_code ON indexed_later (code)\nCOMMIT");
    assertThat(((Number) scalar(indexes)).intValue()).isEqualTo(1);
    assertThat(error("INSERT INTO indexed_later VALUES (3, N'a')")).isEqualTo(2601);
  }

  @Test
  void xactAbortRollsBackAndEndsTheBatch() {
    ok("CREATE TABLE xa (id int PRIMARY KEY)");
    RecordingSink s =
        run(
            "SET XACT_ABORT ON\nBEGIN TRAN\nINSERT INTO xa VALUES (1)\n"
                + "INSERT INTO xa VALUES (1)\nSELECT 'not reached'");
    assertThat(s.errors()).extracting(ServerMessage::number).containsExactly(2627);
    assertThat(s.rows()).isEmpty();
    assertThat(scalar("SELECT @@TRANCOUNT")).isEqualTo(0);
    assertThat(count("xa")).isZero();
  }

  @Test
  void withoutXactAbortOnlyTheStatementIsRolledBack() {
    ok("CREATE TABLE sa (id int PRIMARY KEY)");
    ok("SET XACT_ABORT OFF");
    run("BEGIN TRAN\nINSERT INTO sa VALUES (1)\nINSERT INTO sa VALUES (1), (2)\nCOMMIT");
    assertThat(count("sa")).isEqualTo(1);
  }

  @Test
  void implicitTransactionsStartOnDataStatements() {
    ok("CREATE TABLE it (n int)");
    RecordingSink s =
        ok(
            "SET IMPLICIT_TRANSACTIONS ON\nSELECT 1\nSELECT @@TRANCOUNT\n"
                + "INSERT INTO it VALUES (1)\nSELECT @@TRANCOUNT");
    assertThat(s.rows()).containsExactly(List.of(1), List.of(0), List.of(1));
    ok("ROLLBACK\nSET IMPLICIT_TRANSACTIONS OFF");
    assertThat(count("it")).isZero();
    // "@@OPTIONS": IMPLICIT_TRANSACTIONS is bit 2
    assertThat(((Number) scalar("SET IMPLICIT_TRANSACTIONS ON SELECT @@OPTIONS & 2")).intValue())
        .isEqualTo(2);
    ok("SET IMPLICIT_TRANSACTIONS OFF");
  }

  @Test
  void twoSessionsSeeCommittedRowsOnly() {
    ok("CREATE TABLE shared (n int)");
    EngineSession other = engine.open(new TestSession(54));
    try {
      ok("BEGIN TRAN\nINSERT INTO shared VALUES (1)");
      RecordingSink seen = new RecordingSink();
      other.execute("SELECT COUNT(*) FROM shared", seen);
      assertThat(seen.rows()).containsExactly(List.of(0));
      ok("COMMIT");
      RecordingSink after = new RecordingSink();
      other.execute("SELECT COUNT(*) FROM shared", after);
      assertThat(after.rows()).containsExactly(List.of(1));
    } finally {
      other.close();
    }
  }

  @Test
  void writeConflictsTimeOutWith1222() {
    ok("CREATE TABLE locked (id int PRIMARY KEY, v int)");
    ok("INSERT INTO locked VALUES (1, 0)");
    EngineSession other = engine.open(new TestSession(55));
    try {
      ok("BEGIN TRAN\nUPDATE locked SET v = 1 WHERE id = 1");
      RecordingSink blocked = new RecordingSink();
      other.execute("SET LOCK_TIMEOUT 100\nUPDATE locked SET v = 2 WHERE id = 1", blocked);
      assertThat(blocked.errors()).extracting(ServerMessage::number).containsExactly(1222);
      ok("COMMIT");
    } finally {
      other.close();
    }
  }

  @Test
  void crossedUpdatesAreADeadlockAndOneSessionIsTheVictim() throws Exception {
    ok("CREATE TABLE dl (id int PRIMARY KEY, v int)");
    ok("INSERT INTO dl VALUES (1, 0), (2, 0)");
    EngineSession other = engine.open(new TestSession(57));
    try {
      // a lock timeout, not a hang, if the deadlock went undetected (1222 would fail the test)
      ok("SET LOCK_TIMEOUT 20000\nBEGIN TRAN\nUPDATE dl SET v = 1 WHERE id = 1");
      RecordingSink first = new RecordingSink();
      other.execute("SET LOCK_TIMEOUT 20000\nBEGIN TRAN\nUPDATE dl SET v = 2 WHERE id = 2", first);
      assertThat(first.errors()).isEmpty();
      RecordingSink blocked = new RecordingSink();
      Thread t = new Thread(() -> other.execute("UPDATE dl SET v = 2 WHERE id = 1", blocked));
      t.start();
      while (t.getState() != Thread.State.WAITING
          && t.getState() != Thread.State.TIMED_WAITING
          && t.isAlive()) {
        Thread.onSpinWait();
      }
      RecordingSink mine = run("UPDATE dl SET v = 1 WHERE id = 2");
      t.join();
      List<ServerMessage> errors = new java.util.ArrayList<>(mine.errors());
      errors.addAll(blocked.errors());
      // "Detect and end deadlocks": one session gets 1205, its transaction rolled back
      assertThat(errors).extracting(ServerMessage::number).containsExactly(1205);
    } finally {
      other.close();
      run("IF @@TRANCOUNT > 0 ROLLBACK");
    }
  }

  @Test
  void transactionControlForTransactionManagerRequests() {
    long d = session.transactions().begin("SERIALIZABLE");
    assertThat(d).isNotZero();
    assertThat(session.transactions().count()).isEqualTo(1);
    assertThat(session.transactions().commit()).isEqualTo(d);
    assertThat(session.transactions().count()).isZero();
  }
}
