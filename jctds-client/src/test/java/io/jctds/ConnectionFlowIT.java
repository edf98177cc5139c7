package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.TdsServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection behaviour against the embedded server: transactions as the T-SQL reference describes
 * SET IMPLICIT_TRANSACTIONS, SAVE TRANSACTION and ROLLBACK TRANSACTION savepoint_name; toString in
 * the form issue 9 gives after k-cTDS's repr.
 */
class ConnectionFlowIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = FlowServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static int count(Connection conn, String table) {
    try (Cursor c = conn.cursor()) {
      c.execute("SELECT COUNT(*) FROM " + table);
      return c.fetchOne().getInt(0);
    }
  }

  @Test
  void autocommitOffNeedsCommitAndRollbackUndoes() {
    try (Connection conn = FlowServer.connect(server, false);
        Cursor c = conn.cursor()) {
      assertThat(conn.autocommit()).isFalse();
      c.execute("CREATE TABLE #a (v int)");
      conn.commit();
      c.execute("INSERT INTO #a VALUES (1)");
      conn.rollback();
      assertThat(count(conn, "#a")).isZero();
      c.execute("INSERT INTO #a VALUES (2)");
      c.execute("SELECT @@TRANCOUNT");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(1);
      conn.commit();
      c.execute("SELECT @@TRANCOUNT");
      assertThat(c.fetchOne().getInt(0)).isZero();
    }
  }

  @Test
  void switchingAutocommitWithAnOpenTransactionIsRefused() {
    try (Connection conn = FlowServer.connect(server, false);
        Cursor c = conn.cursor()) {
      c.execute("CREATE TABLE #b (v int); INSERT INTO #b VALUES (1)");
      assertThatThrownBy(() -> conn.autocommit(true)).isInstanceOf(ProgrammingError.class);
      assertThat(conn.autocommit()).isFalse();
      c.execute("SELECT @@TRANCOUNT");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(1); // nothing was committed
      conn.commit();
      conn.autocommit(true);
      assertThat(conn.autocommit()).isTrue();
      c.execute("INSERT INTO #b VALUES (2); SELECT @@TRANCOUNT");
      assertThat(c.fetchOne().getInt(0)).isZero();
      conn.autocommit(false);
      c.execute("INSERT INTO #b VALUES (3); SELECT @@TRANCOUNT");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(1);
      conn.rollback();
      assertThat(count(conn, "#b")).isEqualTo(2);
    }
  }

  @Test
  void savepointAndRollbackTo() {
    try (Connection conn = FlowServer.connect(server, false);
        Cursor c = conn.cursor()) {
      c.execute("CREATE TABLE #s (v int)");
      conn.commit();
      c.execute("INSERT INTO #s VALUES (1)");
      conn.savepoint("sp1");
      c.execute("INSERT INTO #s VALUES (2)");
      conn.rollbackTo("sp1");
      conn.commit();
      assertThat(count(conn, "#s")).isEqualTo(1);
      assertThatThrownBy(() -> conn.savepoint("x; DROP TABLE #s"))
          .isInstanceOf(InterfaceError.class);
    }
  }

  @Test
  void useDatabaseToStringTimeoutAndClose() {
    Connection conn = FlowServer.connect(server);
    try (Cursor c = conn.cursor()) {
      conn.use("tempdb");
      assertThat(conn.database()).isEqualTo("tempdb");
      c.execute("SELECT DB_NAME(), @@SPID");
      Row r = c.fetchOne();
      assertThat(r.getString(0)).isEqualTo("tempdb");
      assertThat(conn.spid()).isEqualTo(r.getInt(1));
      assertThat(conn.toString())
          .isEqualTo("Connection[database=tempdb, spid=" + r.getInt(1) + "]");
      assertThat(conn.tdsVersion()).isEqualTo("7.4");
      conn.timeout(Duration.ofSeconds(30));
      assertThat(conn.timeout()).contains(Duration.ofSeconds(30));
    }
    conn.close();
    assertThat(conn.toString()).isEqualTo("Connection[closed]");
    assertThatThrownBy(conn::cursor).isInstanceOf(InterfaceError.class);
  }
}
