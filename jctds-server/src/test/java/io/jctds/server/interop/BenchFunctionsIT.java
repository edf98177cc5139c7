package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jctds_bench_rows(N) and jctds_bench_blobs(N, SIZE) read by real clients and checked against the
 * formulas README documents (computed here independently: java.time, BigDecimal, UUID), through the
 * streamed path (a plain {@code SELECT *}) and through H2 (any other query) alike.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BenchFunctionsIT {
  private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);
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
    return Interop.mssqlJdbc(server, "tempdb", "");
  }

  /** Checks every row against README's formulas; returns how many rows there were. */
  private static long checkRows(ResultSet rs) throws SQLException {
    long x = 0;
    while (rs.next()) {
      x++;
      assertThat(rs.getInt("id")).isEqualTo(x);
      assertThat(rs.getLong("big")).isEqualTo(x * 1_000_003L);
      assertThat(rs.getString("name")).isEqualTo("name " + x);
      assertThat(rs.getObject("created", LocalDateTime.class))
          .isEqualTo(BASE.plusSeconds(x).plusNanos(x * 100));
      assertThat(rs.getBigDecimal("amount"))
          .isEqualTo(new BigDecimal("1.2345").multiply(BigDecimal.valueOf(x)));
      assertThat(rs.getDouble("ratio")).isEqualTo(x / 7.0);
      assertThat(rs.getBoolean("flag")).isEqualTo(x % 2 == 1);
      assertThat(UUID.fromString(rs.getString("guid"))).isEqualTo(new UUID(x, ~x));
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM jctds_bench_rows(3000)", // streamed
        "SELECT * FROM master.dbo.jctds_bench_rows(3000)", // streamed
        "SELECT * FROM jctds_bench_rows(3000) WHERE id > 0", // through H2
        "SELECT id, big, name, created, amount, ratio, flag, guid FROM jctds_bench_rows(1500 * 2)"
      })
  void everyValueFollowsTheFormula(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(8);
      String[] types = new String[8];
      for (int i = 0; i < 8; i++) {
        types[i] = md.getColumnTypeName(i + 1);
      }
      assertThat(types)
          .containsExactly(
              "int",
              "bigint",
              "nvarchar",
              "datetime2",
              "decimal",
              "float",
              "bit",
              "uniqueidentifier");
      assertThat(md.getPrecision(5)).isEqualTo(18);
      assertThat(md.getScale(5)).isEqualTo(4);
      assertThat(md.getScale(4)).isEqualTo(7);
      assertThat(md.getPrecision(3)).isEqualTo(50);
      assertThat(checkRows(rs)).isEqualTo(3000);
    }
  }

  @Test
  void theCountIsAParameterOfAPreparedStatement() throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM jctds_bench_rows(?)")) {
      ps.setInt(1, 1234);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(checkRows(rs)).isEqualTo(1234);
      }
      ps.setInt(1, 0);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void aggregatesGoThroughH2() throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*), SUM(CAST(id AS bigint)), MAX(name) FROM jctds_bench_rows(10000)")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(10000);
      assertThat(rs.getLong(2)).isEqualTo(10000L * 10001 / 2);
      assertThat(rs.getString(3)).isEqualTo("name 9999"); // string order
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM jctds_bench_blobs(300, 2000)",
        "SELECT * FROM jctds_bench_blobs(300, 2000) WHERE id > 0"
      })
  void blobBytesFollowTheFormula(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("varbinary");
      assertThat(rs.getMetaData().getPrecision(2)).isEqualTo(2000);
      int x = 0;
      while (rs.next()) {
        x++;
        assertThat(rs.getInt(1)).isEqualTo(x);
        byte[] data = rs.getBytes(2);
        assertThat(data).hasSize(2000);
        for (int k = 0; k < data.length; k++) {
          assertThat(data[k] & 0xFF).isEqualTo((x + k) % 256);
        }
      }
      assertThat(x).isEqualTo(300);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM jctds_bench_blobs(3, 0)",
        "SELECT * FROM jctds_bench_blobs(3, 8001)",
        "SELECT * FROM jctds_bench_blobs(3, 8001) WHERE id > 0"
      })
  void aBlobSizeOutsideVarbinaryIsAnError(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("SIZE must be a constant between 1 and 8000");
      try (ResultSet rs = st.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void aBillionRowsCanBeCancelled() throws Exception {
    try (Connection c = connect()) {
      Statement st = c.createStatement();
      ResultSet rs = st.executeQuery("SELECT * FROM jctds_bench_rows(1000000000)");
      assertThat(rs.next()).isTrue();
      st.cancel(); // the server stops streaming: without that this test would outlast its timeout
      assertThatThrownBy(
              () -> {
                while (rs.next()) {
                  // drained until the cancel shows
                }
              })
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("canceled");
      try (Statement again = c.createStatement();
          ResultSet one = again.executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
      }
    }
  }

  @Test
  void jtdsSpeakingTds71GetsDatetime2AsNvarcharFromTheStreamedPath() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    String url =
        "jdbc:jtds:sqlserver://127.0.0.1:"
            + server.port()
            + "/master;tds=8.0;ssl=off;loginTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS
            + ";socketTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS;
    try (Connection c = new net.sourceforge.jtds.jdbc.Driver().connect(url, p);
        Statement st = c.createStatement();
        // 200,000 ids: the created values cross two day boundaries
        ResultSet rs = st.executeQuery("SELECT * FROM jctds_bench_rows(200000)")) {
      long x = 0;
      while (rs.next()) {
        x++;
        assertThat(rs.getInt("id")).isEqualTo(x);
        assertThat(rs.getLong("big")).isEqualTo(x * 1_000_003L);
        assertThat(rs.getString("name")).isEqualTo("name " + x);
        assertThat(rs.getBigDecimal("amount"))
            .isEqualTo(new BigDecimal("1.2345").multiply(BigDecimal.valueOf(x)));
        assertThat(rs.getDouble("ratio")).isEqualTo(x / 7.0);
        assertThat(rs.getBoolean("flag")).isEqualTo(x % 2 == 1);
        assertThat(rs.getString("guid")).isEqualToIgnoringCase(new UUID(x, ~x).toString());
        // TDS 7.1 has no datetime2: SQL Server sends it as nvarchar, ODBC canonical form
        assertThat(rs.getString("created"))
            .isEqualTo(
                BASE.plusSeconds(x)
                    .plusNanos(x * 100)
                    .format(
                        java.time.format.DateTimeFormatter.ofPattern(
                            "yyyy-MM-dd HH:mm:ss.SSSSSSS")));
      }
      assertThat(x).isEqualTo(200_000);
      assertThat(rs.getMetaData().getColumnTypeName(4)).isEqualTo("nvarchar");
    }
  }
}
