package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameterised INSERTs into master.dbo.jctds_bench_sink take the server's fast path (values
 * checked against the sink's columns by their declared types and counted, without H2) from real
 * peers: mssql-jdbc 13.6.2's PreparedStatement batch (sp_prepexec / sp_execute) and jTDS 1.3.1's
 * (prepareSQL 3, its default: sp_prepare / sp_execute; prepareSQL 2: sp_executesql). Error numbers
 * are SQL Server's ("Database engine events and errors": 2628 "String or binary data would be
 * truncated in table '%.*ls', column '%.*ls'. Truncated value: '%.*ls'.", 8115 "Arithmetic overflow
 * error converting %ls to data type %ls.", 8169 "Conversion failed when converting from a character
 * string to uniqueidentifier."); each bad value also goes into a plain table with the sink's
 * columns (H2's path), which must refuse it with the same number.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BenchSinkInsertIT {
  private static final String TWIN = "insert_twin";
  private static TdsServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = Interop.start(b -> b.encryption(EncryptionPolicy.OFF));
    try (Connection c = mssql();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE "
              + TWIN
              + " (id int, big bigint, name nvarchar(50), created datetime2(7), amount"
              + " decimal(18,4), ratio float, flag bit, guid uniqueidentifier)");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Connection mssql() throws SQLException {
    return Interop.mssqlJdbc(server, "master", "");
  }

  private static Connection jtds(String prepareSql) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    String url =
        "jdbc:jtds:sqlserver://127.0.0.1:"
            + server.port()
            + "/master;tds=8.0;ssl=off;prepareSQL="
            + prepareSql
            + ";socketTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS;
    return new net.sourceforge.jtds.jdbc.Driver().connect(url, p);
  }

  private static long count() throws SQLException {
    try (Connection c = mssql();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM jctds_bench_sink")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every column, as the benchmark's clients send a row. */
  private static void fill(PreparedStatement ps, int i) throws SQLException {
    ps.setInt(1, i);
    ps.setLong(2, i * 1_000_003L);
    ps.setString(3, "name " + i);
    ps.setTimestamp(4, Timestamp.valueOf("2026-01-01 00:00:01.0000001"));
    ps.setBigDecimal(5, BigDecimal.valueOf(i * 12_345L, 4));
    ps.setDouble(6, i / 7.0);
    ps.setBoolean(7, (i & 1) == 1);
    ps.setString(8, "6F9619FF-8B86-D011-B42D-00C04FC964FF");
  }

  private static final String INSERT =
      " (id, big, name, created, amount, ratio, flag, guid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  @ParameterizedTest
  @ValueSource(strings = {"mssql-jdbc", "3", "2"})
  void batchesAreCounted(String client) throws SQLException {
    long before = count();
    try (Connection c = client.equals("mssql-jdbc") ? mssql() : jtds(client);
        PreparedStatement ps = c.prepareStatement("INSERT INTO jctds_bench_sink" + INSERT)) {
      for (int i = 1; i <= 300; i++) {
        fill(ps, i);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      assertThat(counts).hasSize(300).containsOnly(1);
    }
    assertThat(count()).isEqualTo(before + 300);
  }

  /**
   * The bad value in the batch's third of four rows: mssql-jdbc sends the batch as one request of
   * four RPCs, each its own statement in autocommit; the error ends only its RPC, and the driver
   * reports the rows it ran as the JDBC batch contract gives (1, 1, EXECUTE_FAILED, 1): three
   * count.
   */
  private static void refused(int column, Object bad, int number) throws SQLException {
    for (String table : new String[] {"jctds_bench_sink", TWIN}) {
      long before = count();
      try (Connection c = mssql();
          PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + INSERT)) {
        for (int i = 1; i <= 4; i++) {
          fill(ps, i);
          if (i == 3) {
            ps.setObject(column, bad);
          }
          ps.addBatch();
        }
        assertThatThrownBy(ps::executeBatch)
            .as(table)
            .isInstanceOf(BatchUpdateException.class)
            .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(number))
            .satisfies(
                e ->
                    assertThat(((BatchUpdateException) e).getUpdateCounts())
                        .containsExactly(1, 1, Statement.EXECUTE_FAILED, 1));
      }
      if (!table.equals(TWIN)) {
        assertThat(count()).isEqualTo(before + 3);
      }
    }
  }

  @Test
  void aNameOver50CharactersIs2628() throws SQLException {
    refused(3, "x".repeat(51), 2628);
  }

  @Test
  void anIdOutsideIntIs8115() throws SQLException {
    refused(1, 2_147_483_648L, 8115);
  }

  @Test
  void anAmountOver14IntegerDigitsIs8115() throws SQLException {
    refused(5, new BigDecimal("100000000000000"), 8115);
  }

  @Test
  void aGuidStringThatIsNoGuidIs8169() throws SQLException {
    // ("uniqueidentifier (Transact-SQL)": the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)
    refused(8, "6F9619FF-8B86-D011-B42D-00C04FC964FG", 8169);
  }

  /** One statement of two rows, the second bad: the statement fails whole, no row counts. */
  @ParameterizedTest
  @ValueSource(strings = {"mssql-jdbc", "2"})
  void aMultiRowInsertWithABadRowCountsNothing(String client) throws SQLException {
    long before = count();
    try (Connection c = client.equals("mssql-jdbc") ? mssql() : jtds(client);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO jctds_bench_sink (id, name) VALUES (?, ?), (?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, "x".repeat(50));
      ps.setInt(3, 2);
      ps.setString(4, "y".repeat(51));
      assertThatThrownBy(ps::executeUpdate)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(2628));
    }
    assertThat(count()).isEqualTo(before);
  }
}
