package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Microsoft's JDBC driver (mssql-jdbc 13.6.2) through RPC: PreparedStatement parameters of every
 * type (sp_executesql, then sp_prepexec and sp_execute), executeBatch (several RPCs in one
 * request), transactions with savepoints, errors with their numbers. Each proof runs in plain TDS
 * 7.4 (a server with encryption off, {@code encrypt=false}) and in TDS 8.0 (TLS first, {@code
 * encrypt=strict}, the certificate validated: the driver's strongest mode). The driver's calls are
 * those of its SQLServerPreparedStatement (sp_executesql on the first execution, sp_prepexec on the
 * second, sp_execute after: its enablePrepareOnFirstPreparedStatementCall default false), seen in
 * the server's RPC trace.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MssqlJdbcRpcIT {
  /** How the driver reaches the server. */
  enum Mode {
    PLAIN,
    STRICT
  }

  private static final RpcTrace TRACE = new RpcTrace();
  private static TdsServer plain;
  private static TdsServer tls;
  private static String trustStore;

  @BeforeAll
  static void start() throws Exception {
    plain = Interop.start(b -> b.encryption(EncryptionPolicy.OFF).logger(TRACE));
    tls = Interop.start(b -> b.encryption(EncryptionPolicy.ON).logger(TRACE));
    Path dir = Files.createTempDirectory("mssql-jdbc-rpc");
    char[] password = "changeit".toCharArray();
    Path store =
        Interop.trustStore(Interop.authority().certificate(), dir.resolve("ca.p12"), password);
    trustStore =
        "encrypt=strict;hostNameInCertificate=localhost;trustStore="
            + store
            + ";trustStorePassword=changeit;trustStoreType=PKCS12;";
  }

  @AfterAll
  static void stop() {
    for (TdsServer s : new TdsServer[] {plain, tls}) {
      if (s != null) {
        s.close();
      }
    }
  }

  static Connection connect(Mode mode) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    TdsServer server = mode == Mode.PLAIN ? plain : tls;
    String security = mode == Mode.PLAIN ? "encrypt=false;" : trustStore;
    // sendTimeAsDatetime=false: java.time.LocalTime goes as time(7), not datetime (the
    // driver's documented connection property)
    return new SQLServerDriver()
        .connect(
            "jdbc:sqlserver://127.0.0.1:"
                + server.port()
                + ";databaseName=master;"
                + security
                + "sendTimeAsDatetime=false;loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS,
            p);
  }

  static int spid(Connection c) throws SQLException {
    return ((Number) Jdbc.scalar(c, "SELECT @@SPID")).intValue();
  }

  /** Binds one of EveryType's values with the setter an application uses for its type. */
  private static void bind(PreparedStatement ps, int i, EveryType.Column c, Object v)
      throws SQLException {
    String type = c.type().replaceAll("\\(.*", "");
    if (v == null) {
      ps.setNull(i, jdbcType(type));
      return;
    }
    if (v instanceof OffsetDateTime o && o.getYear() < 1583) {
      // mssql-jdbc sends an OffsetDateTime through a Julian-Gregorian GregorianCalendar, two
      // days off in year 1 (its issues #2246, #2565): the text form reaches the server intact
      ps.setString(i, DTO.format(o));
      return;
    }
    ps.setObject(i, v); // the driver picks the parameter type from the Java type
  }

  private static final DateTimeFormatter DTO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSS xxx");

  static int jdbcType(String type) {
    return switch (type) {
      case "bit" -> Types.BIT;
      case "tinyint" -> Types.TINYINT;
      case "smallint" -> Types.SMALLINT;
      case "int" -> Types.INTEGER;
      case "bigint" -> Types.BIGINT;
      case "real" -> Types.REAL;
      case "float" -> Types.DOUBLE;
      case "decimal", "numeric", "money", "smallmoney" -> Types.DECIMAL;
      case "binary", "varbinary", "image" -> Types.VARBINARY;
      case "date" -> Types.DATE;
      case "time" -> Types.TIME;
      case "datetime", "smalldatetime", "datetime2" -> Types.TIMESTAMP;
      case "datetimeoffset" -> microsoft.sql.Types.DATETIMEOFFSET;
      case "uniqueidentifier" -> Types.CHAR;
      default -> Types.NVARCHAR;
    };
  }

  /** Every row of {@code table} by id, through getObject (binary as hex). */
  static List<List<Object>> read(Connection c, String table) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(EveryType.select(table))) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  // ---- the proofs, in both modes ----

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyTypeThroughParametersReadsBackAsInserted(Mode mode) throws SQLException {
    String literal = "rpc_jdbc_literal_" + mode;
    String params = "rpc_jdbc_params_" + mode;
    try (Connection c = connect(mode)) {
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
      // the maxima, minima and NULLs: each value as the batch's literal stored it
      List<List<Object>> expected = read(c, literal);
      List<List<Object>> actual = read(c, params);
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
  @EnumSource(Mode.class)
  void commitRollbackAndSavepoint(Mode mode) throws SQLException {
    String t = "rpc_jdbc_tx_" + mode;
    try (Connection c = connect(mode)) {
      Jdbc.run(c, "CREATE TABLE " + t + " (n int)");
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t + " VALUES (?)")) {
        ps.setInt(1, 1);
        ps.executeUpdate();
        c.rollback(); // "ROLLBACK TRANSACTION": the row is gone
        ps.setInt(1, 2);
        ps.executeUpdate();
        Savepoint sp = c.setSavepoint("sp1");
        ps.setInt(1, 3);
        ps.executeUpdate();
        c.rollback(sp); // "SAVE TRANSACTION": undoes what followed the savepoint only
        ps.setInt(1, 4);
        ps.executeUpdate();
        c.commit();
      }
      c.setAutoCommit(true);
      assertThat(Jdbc.rows(c, "SELECT n FROM " + t + " ORDER BY n"))
          .containsExactly(List.of(2), List.of(4));
      assertThat(Jdbc.scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anErrorArrivesWithItsNumberAndTheConnectionGoesOn(Mode mode) throws SQLException {
    try (Connection c = connect(mode)) {
      Jdbc.run(c, "CREATE TABLE rpc_jdbc_err_" + mode + " (id int PRIMARY KEY)");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO rpc_jdbc_err_" + mode + " VALUES (?)")) {
        ps.setInt(1, 1);
        ps.executeUpdate();
        // "Database engine events and errors": 2627, severity 14, the constraint named
        assertThatThrownBy(ps::executeUpdate)
            .isInstanceOfSatisfying(
                SQLServerException.class,
                e -> {
                  assertThat(e.getErrorCode()).isEqualTo(2627);
                  assertThat(e.getSQLServerError().getErrorSeverity()).isEqualTo(14);
                });
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM no_such_table WHERE a = ?")) {
        ps.setInt(1, 1);
        assertThatThrownBy(ps::executeQuery)
            .isInstanceOfSatisfying(
                SQLServerException.class,
                e -> {
                  assertThat(e.getErrorCode()).isEqualTo(208);
                  assertThat(e.getMessage()).isEqualTo("Invalid object name 'no_such_table'.");
                });
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1")) {
        ps.setInt(1, 41);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(42);
        }
      }
    }
  }

  // ---- what the driver does on top ----

  @Test
  void aPreparedStatementIsPreparedOnItsSecondRunAndExecutedByHandleAfter() throws SQLException {
    try (Connection c = connect(Mode.PLAIN)) {
      int spid = spid(c);
      int before = TRACE.calls(spid).size();
      List<Integer> results = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT ? * 2 AS twice, ? AS s")) {
        for (int i = 1; i <= 4; i++) {
          ps.setInt(1, i);
          ps.setString(2, "v" + i);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            results.add(rs.getInt(1));
            assertThat(rs.getString(2)).isEqualTo("v" + i);
          }
        }
      }
      assertThat(results).containsExactly(2, 4, 6, 8);
      assertThat(TRACE.procedures(spid, before))
          .containsExactly("sp_executesql", "sp_prepexec", "sp_execute", "sp_execute");
    }
  }

  @Test
  void executeBatchSendsSeveralCallsInOneRequest() throws SQLException {
    try (Connection c = connect(Mode.PLAIN)) {
      Jdbc.run(c, "CREATE TABLE rpc_jdbc_batch (n int, s nvarchar(10))");
      int spid = spid(c);
      int before = TRACE.calls(spid).size();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO rpc_jdbc_batch VALUES (?, ?)")) {
        for (int i = 1; i <= 5; i++) {
          ps.setInt(1, i);
          ps.setString(2, "row" + i);
          ps.addBatch();
        }
        // one update count per call, in order (JDBC 4.3, 14.1.4)
        assertThat(ps.executeBatch()).containsExactly(1, 1, 1, 1, 1);
      }
      List<RpcTrace.Call> calls = TRACE.calls(spid).subList(before, TRACE.calls(spid).size());
      // SQLServerPreparedStatement.doExecutePreparedStatementBatch: a call that needs a handle is
      // sent alone (sp_executesql first, as for any first execution, then sp_prepexec); once the
      // handle is known, the remaining entries go as sp_execute calls in one request
      assertThat(calls)
          .containsExactly(
              new RpcTrace.Call(spid, 1, 1, "sp_executesql"),
              new RpcTrace.Call(spid, 1, 1, "sp_prepexec"),
              new RpcTrace.Call(spid, 1, 3, "sp_execute"),
              new RpcTrace.Call(spid, 2, 3, "sp_execute"),
              new RpcTrace.Call(spid, 3, 3, "sp_execute"));
      assertThat(Jdbc.rows(c, "SELECT n, s FROM rpc_jdbc_batch ORDER BY n"))
          .containsExactly(
              List.of(1, "row1"),
              List.of(2, "row2"),
              List.of(3, "row3"),
              List.of(4, "row4"),
              List.of(5, "row5"));
    }
  }

  @Test
  void outputOfSpExecuteSqlThroughACallableStatement() throws SQLException {
    // sp_executesql is a system procedure: {call ...} reaches it with OUTPUT parameters
    // ("sp_executesql": "@param1 ... OUTPUT")
    try (Connection c = connect(Mode.PLAIN);
        var cs = c.prepareCall("{? = call sp_executesql(?, ?, ?, ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setString(2, "SET @o = @i * 3");
      cs.setString(3, "@i int, @o int OUTPUT");
      cs.setInt(4, 14);
      cs.registerOutParameter(5, Types.INTEGER);
      cs.execute();
      assertThat(cs.getInt(5)).isEqualTo(42);
      assertThat(cs.getInt(1)).isZero(); // "sp_executesql": 0 (success)
    }
  }
}
