package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.sourceforge.jtds.jdbc.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jTDS 1.3.1 (TDS 7.1) through RPC: PreparedStatement parameters of every type with each of its
 * prepareSQL modes (jTDS's FAQ and URL format: 3 = sp_prepare / sp_execute, the default; 2 =
 * sp_executesql), CallableStatement with an OUTPUT parameter and the return status, transactions
 * with a savepoint, errors with their numbers. Each proof runs without TLS ({@code ssl=off}) and
 * with full TLS ({@code ssl=require}, jTDS's strongest mode) against a server with policy on.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JtdsRpcIT {
  private static final RpcTrace TRACE = new RpcTrace();
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = Interop.start(b -> b.encryption(EncryptionPolicy.ON).logger(TRACE));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Connection connect(String ssl, int prepareSql) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    // useLOBs=false: text, ntext and image read as String and byte[] (jTDS's URL format page)
    return new Driver()
        .connect(
            "jdbc:jtds:sqlserver://127.0.0.1:"
                + server.port()
                + "/master;tds=8.0;useLOBs=false;ssl="
                + ssl
                + ";prepareSQL="
                + prepareSql
                + ";loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS
                + ";socketTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS,
            p);
  }

  private static final DateTimeFormatter DATETIME2 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSS");
  private static final DateTimeFormatter DTO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSS xxx");

  /**
   * Binds a value as a TDS 7.1 client does: date, time, datetime2 and datetimeoffset (types TDS 7.1
   * does not have) as their string literals ("Backward compatibility for down-level clients"),
   * uniqueidentifier as its text, datetime and smalldatetime as java.sql.Timestamp, the others with
   * setObject.
   */
  private static void bind(PreparedStatement ps, int i, EveryType.Column c, Object v)
      throws SQLException {
    if (v == null) {
      int type = MssqlJdbcRpcIT.jdbcType(c.type().replaceAll("\\(.*", ""));
      // JDBC 3 types only: jTDS has no NVARCHAR, nor datetimeoffset
      boolean text = type == Types.NVARCHAR || type == microsoft.sql.Types.DATETIMEOFFSET;
      ps.setNull(i, text ? Types.VARCHAR : type);
    } else if (v instanceof LocalDate d) {
      ps.setString(i, d.toString());
    } else if (v instanceof LocalTime t) {
      ps.setString(i, t.format(DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS")));
    } else if (v instanceof OffsetDateTime o) {
      ps.setString(i, DTO.format(o));
    } else if (v instanceof LocalDateTime dt) {
      if (c.type().startsWith("datetime2")) {
        ps.setString(i, DATETIME2.format(dt));
      } else {
        ps.setTimestamp(i, Timestamp.valueOf(dt));
      }
    } else if (v instanceof UUID u) {
      ps.setString(i, u.toString());
    } else {
      ps.setObject(i, v);
    }
  }

  /** Every row of {@code table} by id, through getString (jTDS's text of each value). */
  private static List<List<String>> read(Connection c, String table) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(EveryType.select(table))) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "require"})
  void everyTypeThroughParametersReadsBackAsInserted(String ssl) throws SQLException {
    String literal = "rpc_jtds_literal_" + ssl;
    String params = "rpc_jtds_params_" + ssl;
    try (Connection c = connect(ssl, 3)) {
      Jdbc.run(c, EveryType.create(literal) + EveryTypeValues.create(params));
      try (PreparedStatement ps = c.prepareStatement(EveryTypeValues.insert(params))) {
        for (int row = 1; row <= 3; row++) {
          ps.setInt(1, row);
          for (int i = 0; i < EveryType.COLUMNS.size(); i++) {
            EveryType.Column col = EveryType.COLUMNS.get(i);
            bind(ps, i + 2, col, EveryTypeValues.of(col, row));
          }
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }
      }
      List<List<String>> expected = read(c, literal);
      List<List<String>> actual = read(c, params);
      assertThat(actual).hasSize(3);
      for (int r = 0; r < 3; r++) {
        for (int i = 0; i < expected.get(r).size(); i++) {
          assertThat(actual.get(r).get(i))
              .as("row %d column %d", r + 1, i + 1)
              .isEqualTo(expected.get(r).get(i));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "require"})
  void commitRollbackAndSavepoint(String ssl) throws SQLException {
    String t = "rpc_jtds_tx_" + ssl;
    try (Connection c = connect(ssl, 3)) {
      Jdbc.run(c, "CREATE TABLE " + t + " (n int)");
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t + " VALUES (?)")) {
        ps.setInt(1, 1);
        ps.executeUpdate();
        c.rollback();
        ps.setInt(1, 2);
        ps.executeUpdate();
        Savepoint sp = c.setSavepoint("jtds_sp");
        ps.setInt(1, 3);
        ps.executeUpdate();
        c.rollback(sp); // "SAVE TRANSACTION": only what followed the savepoint is undone
        ps.setInt(1, 4);
        ps.executeUpdate();
        c.commit();
      }
      c.setAutoCommit(true);
      assertThat(Jdbc.rows(c, "SELECT n FROM " + t + " ORDER BY n"))
          .containsExactly(List.of(2), List.of(4));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "require"})
  void anErrorArrivesWithItsNumber(String ssl) throws SQLException {
    try (Connection c = connect(ssl, 3);
        PreparedStatement ps = c.prepareStatement("SELECT * FROM no_such_table WHERE a = ?")) {
      ps.setInt(1, 1);
      // "Database engine events and errors": 208, Invalid object name
      assertThatThrownBy(ps::executeQuery)
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(208);
                assertThat(e.getMessage()).isEqualTo("Invalid object name 'no_such_table'.");
              });
      assertThat(Jdbc.scalar(c, "SELECT 1")).isEqualTo(1);
    }
  }

  private static int spid(Connection c) throws SQLException {
    return ((Number) Jdbc.scalar(c, "SELECT @@SPID")).intValue();
  }

  private List<String> runThreeTimes(Connection c) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1 AS n, ? AS s")) {
      for (int i = 1; i <= 3; i++) {
        ps.setInt(1, i);
        ps.setString(2, "s" + i);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          values.add(rs.getInt(1) + rs.getString(2));
        }
      }
    }
    return values;
  }

  @Test
  void prepareSql3PreparesOnceAndExecutesByHandle() throws SQLException {
    try (Connection c = connect("off", 3)) {
      int spid = spid(c);
      int before = TRACE.calls(spid).size();
      assertThat(runThreeTimes(c)).containsExactly("2s1", "3s2", "4s3");
      assertThat(TRACE.procedures(spid, before))
          .containsExactly("sp_prepare", "sp_execute", "sp_execute", "sp_execute");
    }
  }

  @Test
  void prepareSql2UsesSpExecuteSql() throws SQLException {
    try (Connection c = connect("off", 2)) {
      int spid = spid(c);
      int before = TRACE.calls(spid).size();
      assertThat(runThreeTimes(c)).containsExactly("2s1", "3s2", "4s3");
      assertThat(TRACE.procedures(spid, before))
          .containsExactly("sp_executesql", "sp_executesql", "sp_executesql");
    }
  }

  @Test
  void callableStatementGetsOutputAndReturnStatus() throws SQLException {
    // sp_executesql through {? = call ...}: "sp_executesql" returns 0 and sets its OUTPUT
    try (Connection c = connect("off", 3);
        CallableStatement cs = c.prepareCall("{? = call sp_executesql(?, ?, ?, ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, "SET @o = @i * 3");
      cs.setString(3, "@i int, @o int OUTPUT");
      cs.setInt(4, 14);
      cs.registerOutParameter(5, Types.INTEGER);
      cs.execute();
      assertThat(cs.getInt(5)).isEqualTo(42);
      assertThat(cs.getInt(1)).isZero();
    }
  }
}
