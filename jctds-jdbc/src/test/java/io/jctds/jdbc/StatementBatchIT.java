package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.framing.PacketType;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.MessageRelay;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statement.executeBatch on the wire and in its results, each compared with mssql-jdbc 13.6.2 on
 * the same embedded server through a relay that records what each client sends: one SQL batch per
 * executeBatch (JDBC 4.3 §14.1: the batch is submitted to the server as a unit), and the same
 * update counts, EXECUTE_FAILED slots and error numbers for batches with SET NOCOUNT, a procedure
 * call, a query, a syntax error and a failing statement.
 */
class StatementBatchIT {
  private static TdsServer server;
  private static MessageRelay relay;

  @BeforeAll
  static void start() throws Exception {
    // encryption off: the relay reads the messages, so even the login is not encrypted
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("sa", "pw")
            .build()
            .start();
    relay = new MessageRelay(server.port());
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE PROCEDURE dbo.two_inserts AS BEGIN SET NOCOUNT OFF;"
              + " INSERT INTO dbo.b (v) VALUES (-1); INSERT INTO dbo.b (v) VALUES (-2) END");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    relay.close();
    server.close();
  }

  private static Connection ours() {
    return JdbcServer.connect(relay.port());
  }

  private static Connection theirs() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlserver://127.0.0.1:" + relay.port() + ";encrypt=false;user=sa;password=pw");
  }

  /** Runs {@code statements} as one batch after (re)creating dbo.b; the outcome as text. */
  private static String batch(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("IF OBJECT_ID('dbo.b') IS NOT NULL DROP TABLE dbo.b");
      s.execute("CREATE TABLE dbo.b (v int NOT NULL UNIQUE)");
      for (String sql : statements) {
        s.addBatch(sql);
      }
      String outcome;
      try {
        outcome = "ok " + Arrays.toString(s.executeBatch());
      } catch (BatchUpdateException e) {
        outcome = "failed " + Arrays.toString(e.getUpdateCounts()) + " " + e.getErrorCode();
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dbo.b")) {
        rs.next();
        return outcome + " rows " + rs.getInt(1);
      }
    }
  }

  /** The SQL batches the relay saw while {@code body} ran on a connection it made first. */
  private static List<String> sentDuring(Connection c, Body body) throws SQLException {
    try (c) {
      int before = relay.sent().size();
      body.run(c);
      List<String> sql = new ArrayList<>();
      for (MessageRelay.Sent m : relay.sent().subList(before, relay.sent().size())) {
        sql.add((m.type() == PacketType.SQL_BATCH ? "batch " : "type " + m.type() + " ") + m.sql());
      }
      return sql;
    }
  }

  private interface Body {
    void run(Connection c) throws SQLException;
  }

  private static int[] threeInserts(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.addBatch("CREATE TABLE #w (a int)");
      s.addBatch("INSERT INTO #w VALUES (1) -- a comment at the end");
      s.addBatch("INSERT INTO #w VALUES (2), (3)");
      try {
        return s.executeBatch();
      } catch (BatchUpdateException e) {
        return e.getUpdateCounts();
      }
    }
  }

  @Test
  void aBatchIsOneSqlBatchOnTheWireAsMssqlJdbcSendsIt() throws SQLException {
    List<int[]> counts = new ArrayList<>();
    List<String> theirs = sentDuring(theirs(), c -> counts.add(threeInserts(c)));
    // mssql-jdbc 13.6.2 joins the statements with ";" into one SQL batch (recorded here), so the
    // -- comment runs to the end of the batch: the third statement never runs (EXECUTE_FAILED)
    assertThat(theirs)
        .containsExactly(
            "batch CREATE TABLE #w (a int);INSERT INTO #w VALUES (1) -- a comment at the end;"
                + "INSERT INTO #w VALUES (2), (3)");
    assertThat(counts.get(0))
        .containsExactly(Statement.SUCCESS_NO_INFO, 1, Statement.EXECUTE_FAILED);
    List<String> ours = sentDuring(ours(), c -> counts.add(threeInserts(c)));
    // ours: the same single SQL batch, a newline before each ";" so that a trailing -- comment
    // ends at it; the session's setup SET statements went before, in a batch of their own
    assertThat(ours)
        .endsWith(
            "batch CREATE TABLE #w (a int)\n;INSERT INTO #w VALUES (1) -- a comment at the end\n;"
                + "INSERT INTO #w VALUES (2), (3)");
    assertThat(ours).hasSize(2);
    assertThat(counts.get(1)).containsExactly(Statement.SUCCESS_NO_INFO, 1, 2);
  }

  private static List<String> cases(Connection c) throws SQLException {
    List<String> r = new ArrayList<>();
    r.add(
        batch(
            c,
            "SET NOCOUNT ON",
            "INSERT INTO dbo.b VALUES (1)",
            "SET NOCOUNT OFF",
            "INSERT INTO dbo.b VALUES (2)"));
    r.add(
        batch(
            c,
            "INSERT INTO dbo.b VALUES (1)",
            "EXEC dbo.two_inserts",
            "UPDATE dbo.b SET v = v * 10"));
    r.add(batch(c, "INSERT INTO dbo.b VALUES (1)", "SELECT 1", "INSERT INTO dbo.b VALUES (2)"));
    r.add(
        batch(
            c,
            "INSERT INTO dbo.b VALUES (1)",
            "INSERT INTO dbo.b VALUES (1)",
            "INSERT INTO dbo.b VALUES (1)",
            "DELETE FROM dbo.b"));
    r.add(batch(c, "INSERT INTO dbo.b VALUES (1)", "INSERT INTO dbo.b VALUE (2)"));
    r.add(batch(c, "DELETE FROM dbo.b WHERE v = 99", "INSERT INTO dbo.b SELECT 5 UNION SELECT 6"));
    return r;
  }

  @Test
  void batchResultsAsMssqlJdbc() throws SQLException {
    List<String> theirs;
    try (Connection c = theirs()) {
      theirs = cases(c);
    }
    List<String> ours;
    try (Connection c = ours()) {
      ours = cases(c);
    }
    // recorded from mssql-jdbc 13.6.2: DDL and SET are SUCCESS_NO_INFO; an EXEC counts its last
    // statement's rows; a query in a batch, a duplicate key and a syntax error are EXECUTE_FAILED
    // (the syntax error fails the whole batch: nothing ran); the statements after a failure run
    assertThat(theirs)
        .containsExactly(
            "ok [-2, -2, -2, 1] rows 2",
            "ok [1, 1, 3] rows 3",
            "failed [1, -3, 1] 0 rows 2",
            "failed [1, -3, -3, 1] 2627 rows 0",
            "failed [-3, -3] 102 rows 0",
            "ok [0, 2] rows 2");
    assertThat(ours).isEqualTo(theirs);
  }
}
