package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.server.SessionInfo;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

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
   * Fails unless {@code server} serves a TDS 8.0 login (mssql-jdbc, {@code encrypt=strict},
   * validating the certificate with {@link Interop#authority()}): a check that a server which
   * refused another client is still healthy.
   */
  static void assertServesStrictClients(TdsServer server, Path dir) throws SQLException {
    char[] password = "changeit".toCharArray();
    Path store =
        Interop.trustStore(
            Interop.authority().certificate(), dir.resolve("strict-ca.p12"), password);
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    String url =
        "jdbc:sqlserver://127.0.0.1:"
            + server.port()
            + ";databaseName=master;encrypt=strict;hostNameInCertificate=localhost;trustStore="
            + store
            + ";trustStorePassword="
            + new String(password)
            + ";trustStoreType=PKCS12;loginTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS;
    try (Connection c = new SQLServerDriver().connect(url, p)) {
      assertThat(connectionRow(c)).isEqualTo(ConnectionRow.ENCRYPTED);
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
