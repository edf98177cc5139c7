package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.TdsServer;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statement and PreparedStatement against the embedded server, each sequence of results compared
 * with what mssql-jdbc 13.6.2 reports for the same SQL on the same server (the reference for JDBC's
 * getMoreResults / getUpdateCount walk over SQL Server's DONE tokens), plus the JDBC rules
 * mssql-jdbc is not needed for (JDBC 4.3 §13.1.2.1 execute, §14.1 batches, §13.6 generated keys).
 */
class StatementResultsIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = JdbcServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void table() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      s.execute("IF OBJECT_ID('dbo.t') IS NOT NULL DROP TABLE dbo.t");
      s.execute("CREATE TABLE dbo.t (id int IDENTITY(1,1) PRIMARY KEY, v int NOT NULL UNIQUE)");
    }
  }

  private static Connection mssqlJdbc() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlserver://127.0.0.1:" + server.port() + ";encrypt=false;user=sa;password=pw");
  }

  /** Walks every result as JDBC's javadoc for Statement.execute says, int columns only. */
  private static List<String> walk(Statement s, boolean first) throws SQLException {
    List<String> seen = new ArrayList<>();
    boolean isSet = first;
    while (true) {
      if (isSet) {
        List<Integer> rows = new ArrayList<>();
        try (ResultSet rs = s.getResultSet()) {
          while (rs.next()) {
            rows.add(rs.getInt(1));
          }
        }
        seen.add("rows " + rows);
      } else {
        int n = s.getUpdateCount();
        if (n == -1) {
          return seen;
        }
        seen.add("count " + n);
      }
      isSet = s.getMoreResults();
    }
  }

  private static List<String> run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return walk(s, s.execute(sql));
    }
  }

  @Test
  void updateCountsAndResultSetsComeInTheOrderMssqlJdbcReports() throws SQLException {
    String sql =
        "INSERT INTO dbo.t (v) VALUES (1);"
            + " INSERT INTO dbo.t (v) VALUES (2), (3);"
            + " SELECT v FROM dbo.t ORDER BY v;"
            + " UPDATE dbo.t SET v = v + 10 WHERE v > 1;"
            + " SELECT v FROM dbo.t WHERE v < 0;"
            + " DELETE FROM dbo.t WHERE v = 12";
    List<String> ours;
    try (Connection c = JdbcServer.connect(server)) {
      ours = run(c, sql);
    }
    table();
    List<String> theirs;
    try (Connection c = mssqlJdbc()) {
      theirs = run(c, sql);
    }
    assertThat(theirs)
        .containsExactly("count 1", "count 2", "rows [1, 2, 3]", "count 2", "rows []", "count 1");
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void nocountAndDdlGiveNoCounts() throws SQLException {
    String sql = "SET NOCOUNT ON; INSERT INTO dbo.t (v) VALUES (7); SELECT v FROM dbo.t";
    List<String> ours;
    try (Connection c = JdbcServer.connect(server)) {
      ours = run(c, sql);
    }
    table();
    List<String> theirs;
    try (Connection c = mssqlJdbc()) {
      theirs = run(c, sql);
    }
    assertThat(ours).isEqualTo(theirs).containsExactly("rows [7]");
  }

  @Test
  void executeQueryAndExecuteUpdateFollowJdbc() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO dbo.t (v) VALUES (1), (2)")).isEqualTo(2);
      assertThat(s.executeUpdate("CREATE TABLE dbo.u (a int)")).isZero(); // JDBC: 0 for DDL
      s.executeUpdate("DROP TABLE dbo.u");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dbo.t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
        assertThat(rs.next()).isFalse();
      }
      assertThatThrownBy(() -> s.executeQuery("UPDATE dbo.t SET v = v"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("did not return a result set");
      assertThatThrownBy(() -> s.executeUpdate("SELECT v FROM dbo.t"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("returned a result set");
    }
  }

  @Test
  void aSecondStatementReadsTheFirstOnesRowsIntoMemoryFirst() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        Statement a = c.createStatement();
        Statement b = c.createStatement()) {
      a.executeUpdate("INSERT INTO dbo.t (v) VALUES (1), (2), (3), (4)");
      ResultSet rs = a.executeQuery("SELECT v FROM dbo.t ORDER BY v; SELECT 99");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(b.executeUpdate("INSERT INTO dbo.t (v) VALUES (5)")).isEqualTo(1);
      List<Integer> rest = new ArrayList<>();
      while (rs.next()) {
        rest.add(rs.getInt(1));
      }
      assertThat(rest).containsExactly(2, 3, 4);
      assertThat(a.getMoreResults()).isTrue();
      try (ResultSet second = a.getResultSet()) {
        assertThat(second.next()).isTrue();
        assertThat(second.getInt(1)).isEqualTo(99);
      }
      assertThat(a.getMoreResults()).isFalse();
      assertThat(a.getUpdateCount()).isEqualTo(-1);
    }
  }

  @Test
  void preparedMarkersInsideLiteralsAndCommentsAreText() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO dbo.t (v) SELECT ? WHERE '?' = '?' /* ? */ -- ?\n AND ? > 0")) {
      p.setInt(1, 41);
      p.setObject(2, "1", java.sql.JDBCType.INTEGER); // JDBC 4.2's SQLType form, text to int
      assertThat(p.executeUpdate()).isEqualTo(1);
      assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(2);
    }
    try (Connection c = JdbcServer.connect(server);
        PreparedStatement q = c.prepareStatement("SELECT v FROM dbo.t WHERE v = ?")) {
      q.setInt(1, 41);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("V")).isEqualTo(41); // labels are case-insensitive (JDBC)
      }
      q.clearParameters();
      assertThatThrownBy(q::executeQuery)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("parameter 1 of 1 is not set");
    }
  }

  @Test
  void preparedBatchesGiveOneCountPerSetAndStopAtAFailure() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        PreparedStatement p = c.prepareStatement("INSERT INTO dbo.t (v) VALUES (?)")) {
      for (int i = 1; i <= 500; i++) {
        p.setInt(1, i);
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      assertThat(counts).hasSize(500).containsOnly(1);
      p.setInt(1, 1000);
      p.addBatch();
      p.setInt(1, 3); // duplicate: UNIQUE (v)
      p.addBatch();
      assertThatThrownBy(p::executeBatch)
          .isInstanceOf(BatchUpdateException.class)
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(2627));
    }
  }

  /** A Statement batch: counts, DDL, a failure in the middle; what happened, as text. */
  private static List<String> statementBatch(Connection c) throws SQLException {
    List<String> seen = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      s.addBatch("INSERT INTO dbo.t (v) VALUES (1)");
      s.addBatch("INSERT INTO dbo.t (v) VALUES (2), (3)");
      s.addBatch("CREATE TABLE dbo.t2 (x int)");
      s.addBatch("DROP TABLE dbo.t2");
      s.addBatch("UPDATE dbo.t SET v = v + 100");
      seen.add("ok " + java.util.Arrays.toString(s.executeBatch()));
      s.addBatch("INSERT INTO dbo.t (v) VALUES (500)");
      s.addBatch("INSERT INTO dbo.t (v) VALUES (101)"); // duplicate: UNIQUE (v)
      s.addBatch("INSERT INTO dbo.t (v) VALUES (600)");
      try {
        s.executeBatch();
        seen.add("no exception");
      } catch (BatchUpdateException e) {
        seen.add(
            "failed " + java.util.Arrays.toString(e.getUpdateCounts()) + " " + e.getErrorCode());
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dbo.t")) {
        rs.next();
        seen.add("rows " + rs.getInt(1));
      }
      // a #temp table lives on across the batch's statements (the session's, not a call's)
      s.addBatch("CREATE TABLE #b (a int)");
      s.addBatch("INSERT INTO #b VALUES (1), (2)");
      seen.add("temp " + java.util.Arrays.toString(s.executeBatch()));
    }
    return seen;
  }

  /**
   * Statement.executeBatch as mssql-jdbc 13.6.2 runs it on the same server: DDL is SUCCESS_NO_INFO
   * (-2), a failed statement EXECUTE_FAILED (-3), and the statements after it run.
   */
  @Test
  void statementBatchesAsMssqlJdbc() throws SQLException {
    List<String> ours;
    try (Connection c = JdbcServer.connect(server)) {
      ours = statementBatch(c);
    }
    table();
    List<String> theirs;
    try (Connection c = mssqlJdbc()) {
      theirs = statementBatch(c);
    }
    assertThat(theirs)
        .containsExactly(
            "ok [1, 2, -2, -2, 3]", "failed [1, -3, 1] 2627", "rows 5", "temp [-2, 2]");
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void serverErrorsBecomeTheJdbcSubclassForTheirSqlState() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO dbo.t (v) VALUES (1)");
      assertThatThrownBy(() -> s.executeUpdate("INSERT INTO dbo.t (v) VALUES (1)"))
          .isInstanceOfSatisfying(
              SQLIntegrityConstraintViolationException.class,
              e -> {
                assertThat(e.getSQLState()).isEqualTo("23000");
                assertThat(e.getErrorCode()).isEqualTo(2627);
              });
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM dbo.no_such_table"))
          .isInstanceOfSatisfying(
              SQLSyntaxErrorException.class,
              e -> {
                assertThat(e.getSQLState()).isEqualTo("42S02");
                assertThat(e.getErrorCode()).isEqualTo(208);
              });
      assertThat(c.isValid(5)).isTrue(); // errors leave the connection usable
    }
  }

  @Test
  void aQueryTimeoutCancelsAndLeavesTheConnectionUsable() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      assertThatThrownBy(() -> s.execute("WAITFOR DELAY '00:00:10'"))
          .isInstanceOfSatisfying(
              SQLTimeoutException.class, e -> assertThat(e.getSQLState()).isEqualTo("HYT00"));
      s.setQueryTimeout(0);
      try (ResultSet rs = s.executeQuery("SELECT 5")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(5);
      }
    }
  }

  @Test
  void cancelFromAnotherThreadStopsTheStatement() throws Exception {
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicReference<Throwable> failure =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread runner =
          new Thread(
              () -> {
                try {
                  started.countDown();
                  s.execute("WAITFOR DELAY '00:00:30'");
                } catch (Throwable t) {
                  failure.set(t);
                }
              });
      runner.start();
      started.await();
      // cancel until the statement is in flight (cancel with nothing running does nothing)
      while (runner.isAlive()) {
        s.cancel();
        runner.join(50);
      }
      assertThat(failure.get())
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HY008"));
      try (ResultSet rs = s.executeQuery("SELECT 6")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(6);
      }
    }
  }

  @Test
  void transactionsCommitRollBackAndKeepSavepoints() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      assertThat(c.getAutoCommit()).isTrue();
      assertThatThrownBy(c::commit).isInstanceOf(SQLException.class);
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO dbo.t (v) VALUES (1)");
      java.sql.Savepoint sp = c.setSavepoint("after_one");
      s.executeUpdate("INSERT INTO dbo.t (v) VALUES (2)");
      c.rollback(sp);
      c.commit();
      s.executeUpdate("INSERT INTO dbo.t (v) VALUES (3)");
      c.rollback();
      c.setAutoCommit(true);
      try (ResultSet rs = s.executeQuery("SELECT v FROM dbo.t ORDER BY v")) {
        List<Integer> vs = new ArrayList<>();
        while (rs.next()) {
          vs.add(rs.getInt(1));
        }
        assertThat(vs).containsExactly(1);
      }
    }
  }

  @Test
  void maxRowsAndScrollInsensitiveResultSets() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        Statement s =
            c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
      s.executeUpdate("INSERT INTO dbo.t (v) VALUES (1), (2), (3), (4)");
      s.setMaxRows(3);
      try (ResultSet rs = s.executeQuery("SELECT v FROM dbo.t ORDER BY v")) {
        assertThat(rs.last()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(3);
        assertThat(rs.getRow()).isEqualTo(3);
        assertThat(rs.previous()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
        assertThat(rs.absolute(1)).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.absolute(-1)).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(3);
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isTrue();
      }
      assertThatThrownBy(
              () -> c.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY))
          .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
    }
  }

  @Test
  void unwrapGivesTheNativeConnection() throws SQLException {
    try (Connection c = JdbcServer.connect(server)) {
      io.jctds.Connection n = c.unwrap(io.jctds.Connection.class);
      assertThat(n.spid()).isPositive();
      assertThat(c.isWrapperFor(io.jctds.Connection.class)).isTrue();
      c.close();
      assertThat(c.isValid(1)).isFalse();
      assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
    }
  }
}
