package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.Tedious.Step;
import io.jctds.server.interop.Tedious.Steps;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transactions as the clients drive them, with TLS and without. tedious sends transaction-manager
 * requests ([MS-TDS] 2.2.6.9): beginTransaction with an isolation level and a name,
 * commitTransaction, rollbackTransaction (also to a savepoint, as its nested transaction() does),
 * saveTransaction. mssql-jdbc sends SQL ("set implicit_transactions on", "IF @@TRANCOUNT > 0 COMMIT
 * TRAN", "SAVE TRAN", "ROLLBACK TRAN name", "set transaction isolation level", in its
 * SQLServerConnection). Expected outcomes from the T-SQL reference: READ UNCOMMITTED reads another
 * session's uncommitted row, READ COMMITTED does not ("SET TRANSACTION ISOLATION LEVEL"); a
 * rollback to a savepoint keeps the transaction (@@TRANCOUNT unchanged, "ROLLBACK TRANSACTION");
 * commit and rollback without a transaction are errors 3902 and 3903.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransactionsIT {
  private static TdsServer plain;
  private static TdsServer required;

  @BeforeAll
  static void start() {
    plain = Interop.start(EncryptionPolicy.OFF);
    required = Interop.start(EncryptionPolicy.REQUIRED);
  }

  @AfterAll
  static void stop() {
    for (TdsServer s : new TdsServer[] {plain, required}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @ParameterizedTest(name = "encrypt: {0}")
  @ValueSource(booleans = {false, true})
  void tediousTransactionManagerRequests(boolean encrypt) {
    String t = encrypt ? "tm_tls" : "tm_plain";
    List<Step> steps =
        Tedious.find()
            .run(
                encrypt ? required : plain,
                null,
                encrypt,
                new Steps()
                    .sql(0, "CREATE TABLE " + t + " (n int)\nINSERT INTO " + t + " VALUES (1)")
                    .tx(1, "begin")
                    .sql(1, "INSERT INTO " + t + " VALUES (2)")
                    .tx(0, "begin", "dirty", "READ_UNCOMMITTED")
                    .sql(0, "SELECT COUNT(*), @@TRANCOUNT FROM " + t)
                    .tx(0, "commit", "dirty", null)
                    .tx(0, "begin", "clean", "READ_COMMITTED")
                    .sql(0, "SELECT COUNT(*) FROM " + t)
                    .tx(0, "commit", "clean", null)
                    .tx(1, "rollback")
                    .tx(0, "begin", "outer", null)
                    .sql(0, "INSERT INTO " + t + " VALUES (3)")
                    .tx(0, "save", "sp", null)
                    .sql(0, "INSERT INTO " + t + " VALUES (4)")
                    .tx(0, "rollback", "sp", null)
                    .sql(0, "SELECT COUNT(*), @@TRANCOUNT FROM " + t)
                    .tx(0, "commit", "outer", null)
                    .sql(0, "SELECT COUNT(*), @@TRANCOUNT FROM " + t)
                    .tx(0, "commit")
                    .tx(0, "rollback"));
    for (int i = 0; i < 18; i++) {
      assertThat(steps.get(i).error()).as("step %d", i).isNull();
    }
    assertThat(steps.get(4).rows()).containsExactly(List.of(2L, 1L)); // the uncommitted row
    assertThat(steps.get(7).rows()).containsExactly(List.of(1L));
    assertThat(steps.get(15).rows()).containsExactly(List.of(2L, 1L)); // 4 rolled back
    assertThat(steps.get(17).rows()).containsExactly(List.of(2L, 0L));
    assertThat(steps.get(18).error().get("number").asInt()).isEqualTo(3902);
    assertThat(steps.get(19).error().get("number").asInt()).isEqualTo(3903);
  }

  private static Connection connect(boolean encrypt) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    return new SQLServerDriver()
        .connect(
            "jdbc:sqlserver://127.0.0.1:"
                + (encrypt ? required : plain).port()
                + ";databaseName=master;loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS
                + (encrypt ? ";encrypt=true;trustServerCertificate=true" : ";encrypt=false"),
            p);
  }

  private static int count(Connection c, String table) throws SQLException {
    return ((Number) Jdbc.scalar(c, "SELECT COUNT(*) FROM " + table)).intValue();
  }

  @ParameterizedTest(name = "encrypt: {0}")
  @ValueSource(booleans = {false, true})
  void mssqlJdbcCommitRollbackSavepointsAndIsolation(boolean encrypt) throws SQLException {
    String t = encrypt ? "jdbc_tls" : "jdbc_plain";
    try (Connection c = connect(encrypt);
        Connection other = connect(encrypt)) {
      Jdbc.run(c, "CREATE TABLE " + t + " (n int)");
      c.setAutoCommit(false);
      Jdbc.run(c, "INSERT INTO " + t + " VALUES (1)");
      c.rollback();
      assertThat(count(c, t)).isZero();
      Jdbc.run(c, "INSERT INTO " + t + " VALUES (1)");
      c.commit();
      assertThat(count(other, t)).isEqualTo(1);

      Savepoint named = c.setSavepoint("before_two");
      Jdbc.run(c, "INSERT INTO " + t + " VALUES (2)");
      Savepoint unnamed = c.setSavepoint();
      Jdbc.run(c, "INSERT INTO " + t + " VALUES (3)");
      c.rollback(unnamed);
      assertThat(count(c, t)).isEqualTo(2);
      c.rollback(named);
      assertThat(count(c, t)).isEqualTo(1);
      assertThat(Jdbc.scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(1);
      Jdbc.run(c, "INSERT INTO " + t + " VALUES (4)");
      c.commit();
      assertThat(count(other, t)).isEqualTo(2);

      // an uncommitted row of c, seen by other at READ UNCOMMITTED only
      Jdbc.run(c, "INSERT INTO " + t + " VALUES (5)");
      other.setAutoCommit(false);
      other.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
      assertThat(count(other, t)).isEqualTo(3);
      other.commit();
      other.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertThat(count(other, t)).isEqualTo(2);
      other.commit();
      c.rollback();
      c.setAutoCommit(true);
      assertThat(Jdbc.scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(0);
      assertThat(count(c, t)).isEqualTo(2);
    }
  }
}
