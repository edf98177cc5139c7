package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.TdsServer;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CallableStatement (JDBC 4.3 §13.3): IN, OUT and INOUT parameters, the RETURN status of {@code {?
 * = call ...}}, a result set before the OUT values, named parameters. Each call also runs through
 * mssql-jdbc 13.6.2 against the same server, which must read the same values.
 */
class CallableStatementIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = JdbcServer.start();
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE PROCEDURE dbo.addp @a int, @b int, @sum int OUTPUT, @io int OUTPUT AS\n"
              + "SELECT @a AS a UNION ALL SELECT @b\n"
              + "SET @sum = @a + @b\n"
              + "SET @io = @io * 2\n"
              + "RETURN 7");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Connection mssqlJdbc() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlserver://127.0.0.1:" + server.port() + ";encrypt=false;user=sa;password=pw");
  }

  /** rows of the result set, then status, sum, io. */
  private static List<Integer> positional(Connection c) throws SQLException {
    List<Integer> seen = new ArrayList<>();
    try (CallableStatement cs = c.prepareCall("{? = call dbo.addp(?, ?, ?, ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setInt(2, 3);
      cs.setInt(3, 4);
      cs.registerOutParameter(4, Types.INTEGER);
      cs.setInt(5, 10);
      cs.registerOutParameter(5, Types.INTEGER);
      assertThat(cs.execute()).isTrue();
      try (ResultSet rs = cs.getResultSet()) {
        while (rs.next()) {
          seen.add(rs.getInt(1));
        }
      }
      while (cs.getMoreResults() || cs.getUpdateCount() != -1) {
        // the rest of the response
      }
      seen.add(cs.getInt(1));
      seen.add(cs.getInt(4));
      seen.add(cs.getInt(5));
      assertThat(cs.wasNull()).isFalse();
    }
    return seen;
  }

  private static List<Integer> named(Connection c) throws SQLException {
    List<Integer> seen = new ArrayList<>();
    try (CallableStatement cs = c.prepareCall("{call dbo.addp(?, ?, ?, ?)}")) {
      cs.setInt(1, 1);
      cs.setInt(2, 2);
      cs.registerOutParameter(3, Types.INTEGER);
      cs.setInt(4, 5);
      cs.registerOutParameter(4, Types.INTEGER);
      cs.execute();
      seen.add(cs.getInt(3));
      seen.add(cs.getInt(4));
    }
    return seen;
  }

  @Test
  void outInoutAndReturnStatusMatchMssqlJdbc() throws SQLException {
    List<Integer> ours;
    List<Integer> theirs;
    try (Connection c = JdbcServer.connect(server)) {
      ours = positional(c);
    }
    try (Connection c = mssqlJdbc()) {
      theirs = positional(c);
    }
    // the procedure's T-SQL: rows 3 and 4, RETURN 7, 3 + 4, 10 * 2
    assertThat(theirs).containsExactly(3, 4, 7, 7, 20);
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void outValuesReadBeforeTheRowsReadAhead() throws SQLException {
    List<Integer> ours;
    try (Connection c = JdbcServer.connect(server)) {
      ours = named(c);
    }
    List<Integer> theirs;
    try (Connection c = mssqlJdbc()) {
      theirs = named(c);
    }
    assertThat(theirs).containsExactly(3, 10);
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void namedParameters() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        CallableStatement cs = c.prepareCall("{call dbo.addp}")) {
      cs.setInt("a", 20);
      cs.setInt("@b", 22);
      cs.registerOutParameter("sum", java.sql.JDBCType.INTEGER); // JDBC 4.2's SQLType form
      cs.setInt("io", 4);
      cs.registerOutParameter("io", Types.INTEGER);
      cs.execute();
      assertThat(cs.getInt("sum")).isEqualTo(42);
      assertThat(cs.getInt("io")).isEqualTo(8);
    }
  }

  @Test
  void anUnregisteredParameterIsNoOutput() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        CallableStatement cs = c.prepareCall("{call dbo.addp(?, ?, ?, ?)}")) {
      cs.setInt(1, 1);
      cs.setInt(2, 2);
      cs.registerOutParameter(3, Types.INTEGER);
      cs.setInt(4, 5);
      cs.execute();
      assertThatThrownBy(() -> cs.getInt(1))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("not an OUT parameter");
      assertThatThrownBy(() -> c.prepareCall("SELECT 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("{call");
    }
  }
}
