package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10's measuring sink master.dbo.jctds_bench_sink through Microsoft's JDBC driver (mssql-jdbc
 * 13.6.2): a PreparedStatement batch (sp_prepexec/sp_execute or sp_executesql RPCs) and
 * SQLServerBulkCopy (INSERT BULK and a BulkLoadBCP message) deliver rows; SELECT COUNT(*) counts
 * what the server received, no row is kept. Each test's server is its own, so counts are exact.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MssqlJdbcBenchSinkIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = Interop.start(b -> b.encryption(EncryptionPolicy.OFF));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Connection connect() throws SQLException {
    return Interop.mssqlJdbc(server, "master", "");
  }

  private static long count(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM jctds_bench_sink")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void preparedBatchAndBulkCopyAreCounted() throws SQLException {
    try (Connection c = connect()) {
      long before = count(c);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO jctds_bench_sink (id, big, name, created, amount, ratio, flag, guid)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < 250; i++) {
          ps.setInt(1, i);
          ps.setLong(2, i * 1_000_000_000L);
          ps.setString(3, "row " + i);
          ps.setTimestamp(4, Timestamp.valueOf("2007-05-08 12:35:29.1234567"));
          ps.setBigDecimal(5, new BigDecimal("12.5000"));
          ps.setDouble(6, 0.5);
          ps.setBoolean(7, i % 2 == 0);
          ps.setObject(8, UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF").toString());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      assertThat(count(c)).isEqualTo(before + 250);
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT 1 AS id, CAST(2 AS bigint) AS big, N'a' AS name, CAST('2001-01-01' AS"
                      + " datetime2(7)) AS created, CAST(1.5 AS decimal(18,4)) AS amount, CAST(0.25"
                      + " AS float) AS ratio, CAST(1 AS bit) AS flag, NEWID() AS guid UNION ALL"
                      + " SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL UNION ALL SELECT 3, 4,"
                      + " N'c', NULL, NULL, NULL, NULL, NULL");
          Connection target = connect();
          SQLServerBulkCopy bulk = new SQLServerBulkCopy(target)) {
        bulk.setDestinationTableName("jctds_bench_sink");
        bulk.writeToServer(rs);
      }
      assertThat(count(c)).isEqualTo(before + 253);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM jctds_bench_sink")) {
        assertThat(rs.next()).isFalse(); // nothing is kept
      }
    }
  }

  /**
   * A too-long nvarchar(50) fails as for a real table (SQL Server's error 2628) and no row counts.
   */
  @Test
  void aValueTooLongForItsColumnFailsTheBatch() throws SQLException {
    try (Connection c = connect()) {
      long before = count(c);
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO jctds_bench_sink (id, name) VALUES (?, ?)")) {
        ps.setInt(1, 1);
        ps.setString(2, "x".repeat(51));
        ps.addBatch();
        assertThatThrownBy(ps::executeBatch)
            .isInstanceOf(BatchUpdateException.class)
            .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(2628));
      }
      assertThat(count(c)).isEqualTo(before);
    }
  }
}
