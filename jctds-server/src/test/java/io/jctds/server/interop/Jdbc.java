package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.SessionInfo;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the in-process JDBC clients (mssql-jdbc, jTDS) share: the query and the server's view. */
final class Jdbc {
  private Jdbc() {}

  /** Runs {@link Interop#QUERY} and returns its only row. */
  static ConnectionRow connectionRow(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(Interop.QUERY)) {
      assertThat(rs.next()).as("a row for this session").isTrue();
      ConnectionRow row =
          ConnectionRow.of(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
      assertThat(rs.next()).as("exactly one row for this session").isFalse();
      return row;
    }
  }

  /**
   * The server's own snapshot of the session behind {@code c} (found by {@code @@SPID}), so a test
   * can check that what the client was told matches what the server did.
   */
  static SessionInfo serverSide(TdsServer server, Connection c) throws SQLException {
    int spid;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@SPID")) {
      assertThat(rs.next()).isTrue();
      spid = rs.getInt(1);
    }
    return server.sessions().stream()
        .filter(i -> i.spid() == spid)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the server has no session " + spid));
  }

  /** Runs a batch whose results are not read. */
  static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the first row of {@code sql}'s result. */
  static Object scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getObject(1);
    }
  }

  /** Every row of {@code sql}'s result, through getObject. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
