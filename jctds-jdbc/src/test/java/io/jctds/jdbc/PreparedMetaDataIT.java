package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PreparedStatement's ParameterMetaData and its ResultSetMetaData before the first execution, as
 * the server describes the statement (sp_describe_undeclared_parameters,
 * sp_describe_first_result_set), compared with what mssql-jdbc 13.6.2 reports for the same
 * statement on the same server.
 */
class PreparedMetaDataIT {
  private static TdsServer server;
  private static final String QUERY =
      "SELECT id, name, price, born FROM dbo.item WHERE id = ? AND name = ? AND price > ?";

  @BeforeAll
  static void start() throws SQLException {
    server = JdbcServer.start();
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE dbo.item (id int PRIMARY KEY, name nvarchar(40) NOT NULL,"
              + " price decimal(10,2), born datetime2(3))");
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

  private static List<String> describe(Connection c) throws SQLException {
    List<String> seen = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(QUERY)) {
      ParameterMetaData pm = p.getParameterMetaData();
      seen.add("params " + pm.getParameterCount());
      for (int i = 1; i <= pm.getParameterCount(); i++) {
        seen.add(
            "param "
                + i
                + " "
                + pm.getParameterType(i)
                + " "
                + pm.getParameterTypeName(i)
                + " "
                + pm.getPrecision(i)
                + " "
                + pm.getScale(i));
      }
      ResultSetMetaData rm = p.getMetaData();
      for (int i = 1; i <= rm.getColumnCount(); i++) {
        seen.add(
            "column "
                + rm.getColumnName(i)
                + " "
                + rm.getColumnType(i)
                + " "
                + rm.getColumnTypeName(i)); // nullability: see the next test
      }
    }
    return seen;
  }

  @Test
  void parameterAndResultMetadataMatchMssqlJdbc() throws SQLException {
    List<String> ours;
    try (Connection c = JdbcServer.connect(server)) {
      ours = describe(c);
    }
    List<String> theirs;
    try (Connection c = mssqlJdbc()) {
      theirs = describe(c);
    }
    assertThat(theirs).hasSize(1 + 3 + 4);
    assertThat(ours).isEqualTo(theirs);
  }

  /**
   * Nullability follows the DDL (id PRIMARY KEY and name NOT NULL: columnNoNulls), as
   * sp_describe_first_result_set's is_nullable says. A difference from mssql-jdbc 13.6.2, which
   * reports columnNullable for every column before the first execution.
   */
  @Test
  void nullabilityBeforeExecutionFollowsTheDdl() throws SQLException {
    try (Connection c = JdbcServer.connect(server);
        PreparedStatement p = c.prepareStatement(QUERY)) {
      ResultSetMetaData rm = p.getMetaData();
      assertThat(rm.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(rm.isNullable(2)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(rm.isNullable(3)).isEqualTo(ResultSetMetaData.columnNullable);
      assertThat(rm.isNullable(4)).isEqualTo(ResultSetMetaData.columnNullable);
    }
  }
}
