package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * mssql-jdbc 13.6.2 with {@code useBulkCopyForBatchInsert=true} (Microsoft's "Using bulk copy API
 * for batch insert operation"): a PreparedStatement batch INSERT is sent as a bulk copy. The driver
 * asks for the table's columns with {@code sp_executesql N'SET FMTONLY ON SELECT * FROM t '} and
 * keeps only the columns whose COLMETADATA usUpdateable is not 0 (ReadOnly, [MS-TDS] 2.2.7.4); SQL
 * Server marks a table's plain columns Read/Write (the flags 0x0005 that SQL Server's bcp copies
 * into the [MS-TDS] 4.12 Bulk Load example). The rows must read back (a normal table) or be counted
 * (jctds_bench_sink), and SQLServerBulkCopy.writeToServer must have run (its FINER entry log), not
 * the driver's fallback to a plain batch.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MssqlJdbcBatchBulkIT {
  private static final int ROWS = 1000;
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
    return Interop.mssqlJdbc(server, "master", ";useBulkCopyForBatchInsert=true");
  }

  /** Counts SQLServerBulkCopy.writeToServer entries while it is installed. */
  private static final class BulkCopies extends Handler implements AutoCloseable {
    private final Logger logger =
        Logger.getLogger("com.microsoft.sqlserver.jdbc.SQLServerBulkCopy");
    private final Level was = logger.getLevel();
    private final List<String> entries = new ArrayList<>();

    BulkCopies() {
      setLevel(Level.ALL);
      logger.setLevel(Level.FINER);
      logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
      if ("writeToServer".equals(r.getSourceMethodName()) && r.getMessage().startsWith("ENTRY")) {
        entries.add(r.getMessage());
      }
    }

    synchronized int count() {
      return entries.size();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
      logger.setLevel(was);
    }
  }

  @Test
  void aBatchIntoATableIsBulkCopiedAndReadsBack() throws SQLException {
    try (Connection c = connect();
        BulkCopies copies = new BulkCopies()) {
      Jdbc.run(c, "CREATE TABLE bbi (id int PRIMARY KEY, name nvarchar(50), amount decimal(18,4))");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO bbi (id, name, amount) VALUES (?, ?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          ps.setInt(1, i);
          ps.setString(2, "row " + i);
          ps.setBigDecimal(3, new BigDecimal(i).movePointLeft(2));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      assertThat(copies.count()).isEqualTo(1);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, name, amount FROM bbi ORDER BY id")) {
        int n = 0;
        while (rs.next()) {
          assertThat(rs.getInt(1)).isEqualTo(n);
          assertThat(rs.getString(2)).isEqualTo("row " + n);
          assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(new BigDecimal(n).movePointLeft(2));
          n++;
        }
        assertThat(n).isEqualTo(ROWS);
      }
    }
  }

  @Test
  void aBatchIntoTheSinkIsBulkCopiedAndCounted() throws SQLException {
    try (Connection c = connect();
        BulkCopies copies = new BulkCopies()) {
      long before = count(c);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO jctds_bench_sink (id, big, name, created, amount, ratio, flag, guid)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          ps.setInt(1, i);
          ps.setLong(2, i * 1_000_000_000L);
          ps.setString(3, "row " + i);
          ps.setTimestamp(4, Timestamp.valueOf("2007-05-08 12:35:29.1234567"));
          ps.setBigDecimal(5, new BigDecimal("12.5000"));
          ps.setDouble(6, 0.5);
          ps.setBoolean(7, i % 2 == 0);
          ps.setString(8, new UUID(0, i).toString());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      assertThat(copies.count()).isEqualTo(1);
      assertThat(count(c) - before).isEqualTo(ROWS);
    }
  }

  private static long count(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM jctds_bench_sink")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
