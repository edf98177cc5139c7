package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.sql.EngineSession;
import io.jctds.server.sql.TransactionControl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transactions as transaction-manager requests drive them ({@link EngineSession#transactions}),
 * and the transaction statements mssql-jdbc's savepoints send. Expected behaviour from "SET
 * TRANSACTION ISOLATION LEVEL" (READ UNCOMMITTED: statements "can read rows that have been modified
 * by other transactions but not yet committed"; the level stays set for the session), "ROLLBACK
 * TRANSACTION" (to a savepoint, @@TRANCOUNT unchanged) and "SET IMPLICIT_TRANSACTIONS" ("an
 * explicit BEGIN TRANSACTION will start two nested transactions").
 */
class TransactionControlTest extends EngineTest {

  @Test
  void anIsolationLevelOfABeginBecomesTheSessionsLevel() {
    ok("CREATE TABLE dirty (n int)\nINSERT INTO dirty VALUES (1)");
    EngineSession writer = engine.open(new TestSession(61));
    try {
      RecordingSink w = new RecordingSink();
      writer.execute("BEGIN TRAN\nINSERT INTO dirty VALUES (2)", w);
      assertThat(w.errors()).isEmpty();
      TransactionControl tm = session.transactions();
      assertThat(tm.begin("READ UNCOMMITTED")).isNotZero();
      assertThat(scalar("SELECT COUNT(*) FROM dirty")).isEqualTo(2); // the uncommitted row
      tm.commit();
      // a later BEGIN TRAN keeps the level
      assertThat(ok("BEGIN TRAN\nSELECT COUNT(*) FROM dirty\nCOMMIT").rows())
          .containsExactly(List.of(2));
      assertThat(tm.begin("READ COMMITTED")).isNotZero();
      assertThat(scalar("SELECT COUNT(*) FROM dirty")).isEqualTo(1);
      assertThat(tm.begin(null)).as("nested: no new descriptor").isZero();
      assertThat(scalar("SELECT @@TRANCOUNT")).isEqualTo(2);
      tm.rollback();
    } finally {
      writer.close();
    }
  }

  @Test
  void rollbackToASavepointKeepsTheTransaction() {
    ok("CREATE TABLE saved (n int)");
    TransactionControl tm = session.transactions();
    long d = tm.begin(null);
    ok("INSERT INTO saved VALUES (1)");
    tm.save("sp");
    ok("INSERT INTO saved VALUES (2)");
    assertThat(tm.rollback("sp")).isZero();
    assertThat(ok("SELECT @@TRANCOUNT, COUNT(*) FROM saved").rows()).containsExactly(List.of(1, 1));
    assertThat(tm.rollback("not_a_savepoint")).isEqualTo(d); // the whole transaction
    assertThat(ok("SELECT @@TRANCOUNT, COUNT(*) FROM saved").rows()).containsExactly(List.of(0, 0));
  }

  @Test
  void beginTranUnderImplicitTransactionsStartsTwo() {
    assertThat(
            ok("SET IMPLICIT_TRANSACTIONS ON\nBEGIN TRAN\nSELECT @@TRANCOUNT\nCOMMIT\n"
                    + "SELECT @@TRANCOUNT\nCOMMIT\nSET IMPLICIT_TRANSACTIONS OFF")
                .rows())
        .containsExactly(List.of(2), List.of(1));
  }
}
