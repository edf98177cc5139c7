package io.jctds.server.interop;

import static io.jctds.server.interop.Jdbc.rows;
import static io.jctds.server.interop.Jdbc.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stored procedures and scalar functions through real clients: mssql-jdbc 13.6.2 (CallableStatement
 * {@code {? = call ...}} with a return value, an OUTPUT parameter and a result set; a Statement
 * running EXEC, read with getUpdateCount / getMoreResults; a procedure's error with its procedure
 * name) and tedious 19 (callProcedure, an RPC by name, with its returnValue and doneProc events;
 * execSql of an EXEC, whose statements end with DONEINPROC and the EXEC with DONEPROC and the
 * return status). The expected token sequences are [MS-TDS] 2.2.7.7 / 2.2.7.8 and SQL Server 2025's
 * own (captured in mirek/bitsql harness/corpus/proc/nested-exec-tokens). The calls of a procedure
 * with a result set, an OUTPUT parameter and a return status run without TLS and over TLS
 * (mssql-jdbc and tedious in TDS 8.0 strict, jTDS with ssl=require).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProceduresIT {
  private static TdsServer server;

  /** A server requiring TLS (EncryptionPolicy.ON): the same routines, reached over TLS. */
  private static TdsServer tls;

  private static String trustStore;

  private static Path ca;

  /** What order 1's lines add up to: 2 x 3.50 + 1 x 12.25. */
  private static final BigDecimal ORDER_1 = new BigDecimal("19.25");

  @BeforeAll
  static void start() throws SQLException, IOException {
    server = Interop.start(EncryptionPolicy.OFF);
    tls = Interop.start(EncryptionPolicy.ON);
    Path dir = Files.createTempDirectory("procedures-it");
    ca = Interop.writePem(Interop.authority().certificate(), dir.resolve("ca.pem"));
    Path store =
        Interop.trustStore(
            Interop.authority().certificate(), dir.resolve("ca.p12"), "changeit".toCharArray());
    trustStore =
        "encrypt=strict;hostNameInCertificate=localhost;trustStore="
            + store
            + ";trustStorePassword=changeit;trustStoreType=PKCS12;";
    for (boolean secure : new boolean[] {false, true}) {
      createRoutines(secure);
    }
  }

  private static void createRoutines(boolean secure) throws SQLException {
    try (Connection c = connect(secure)) {
      run(
          c,
          "CREATE TABLE dbo.lines (order_id int, item varchar(10), qty int, price decimal(10,2))");
      run(
          c,
          "INSERT dbo.lines VALUES (1, 'apple', 2, 3.50), (1, 'melon', 1, 12.25),"
              + " (2, 'pear', 4, 1.00)");
      run(
          c,
          "CREATE PROCEDURE dbo.order_total @id int, @total decimal(10,2) OUTPUT AS\n"
              + "SELECT item, qty FROM dbo.lines WHERE order_id = @id ORDER BY item\n"
              + "SELECT @total = SUM(qty * price) FROM dbo.lines WHERE order_id = @id\n"
              + "RETURN 7");
      run(
          c,
          "CREATE PROCEDURE dbo.bump @id int AS\n"
              + "UPDATE dbo.lines SET qty = qty + 1 WHERE order_id = @id\n"
              + "SELECT COUNT(*) AS n FROM dbo.lines WHERE order_id = @id");
      run(c, "CREATE PROCEDURE dbo.fails AS\nSELECT 1 AS one\nRAISERROR('broken %d', 16, 1, 5)");
      run(
          c,
          "CREATE FUNCTION dbo.line_total(@qty int, @price decimal(10,2)) RETURNS decimal(12,2)"
              + " AS BEGIN RETURN @qty * @price END");
    }
  }

  @AfterAll
  static void stop() {
    for (TdsServer s : new TdsServer[] {server, tls}) {
      if (s != null) {
        s.close();
      }
    }
  }

  private static Connection connect() throws SQLException {
    return connect(false);
  }

  /** mssql-jdbc without TLS, or in TDS 8.0 (strict) against the TLS server. */
  private static Connection connect(boolean secure) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    return new SQLServerDriver()
        .connect(
            "jdbc:sqlserver://127.0.0.1:"
                + (secure ? tls : server).port()
                + ";databaseName=master;"
                + (secure ? trustStore : "encrypt=false;")
                + "loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS
                + ";socketTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS * 1000,
            p);
  }

  // ---- mssql-jdbc ----

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void callableStatementReadsTheResultSetTheOutputAndTheReturnValue(boolean secure)
      throws SQLException {
    try (Connection c = connect(secure);
        CallableStatement cs = c.prepareCall("{? = call dbo.order_total(?, ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setInt(2, 1);
      cs.registerOutParameter(3, Types.DECIMAL, 2);
      // "Using a stored procedure with a return status" / "with output parameters" (mssql-jdbc):
      // the result set first, then the return value and OUTPUT parameters
      assertThat(cs.execute()).isTrue();
      List<List<Object>> items = new ArrayList<>();
      try (ResultSet rs = cs.getResultSet()) {
        while (rs.next()) {
          items.add(List.of(rs.getString(1), rs.getInt(2)));
        }
      }
      assertThat(items).containsExactly(List.of("apple", 2), List.of("melon", 1));
      assertThat(cs.getInt(1)).isEqualTo(7);
      assertThat(cs.getBigDecimal(3)).isEqualByComparingTo(ORDER_1);
    }
  }

  @Test
  void statementExecGivesTheUpdateCountThenTheResultSet() throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      // the UPDATE's DONEINPROC (count 2, order 1's two lines) is the first result, the
      // SELECT's rows the second; the DONEPROC ends the results (mssql-jdbc returns every update
      // count of a stored procedure to Statement.execute)
      assertThat(st.execute("EXEC dbo.bump 1")).isFalse();
      assertThat(st.getUpdateCount()).isEqualTo(2);
      assertThat(st.getMoreResults()).isTrue();
      try (ResultSet rs = st.getResultSet()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
      assertThat(st.getMoreResults()).isFalse();
      assertThat(st.getUpdateCount()).isEqualTo(-1);
      run(c, "UPDATE dbo.lines SET qty = qty - 1 WHERE order_id = 1");
    }
  }

  @Test
  void aProceduresErrorNamesTheProcedure() throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      // [MS-TDS] 2.2.7.10 ERROR: ProcName and LineNumber say where the error was raised
      assertThatThrownBy(
              () -> {
                st.execute("EXEC dbo.fails");
                while (st.getMoreResults() || st.getUpdateCount() != -1) {
                  // read every result up to the error
                }
              })
          .isInstanceOfSatisfying(
              SQLServerException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(50000);
                assertThat(e.getSQLServerError().getProcedureName()).isEqualTo("fails");
                assertThat(e.getSQLServerError().getLineNumber()).isEqualTo(3);
                assertThat(e.getMessage()).isEqualTo("broken 5");
              });
    }
  }

  @Test
  void aScalarFunctionInAQuery() throws SQLException {
    try (Connection c = connect()) {
      assertThat(
              rows(
                  c,
                  "SELECT item, dbo.line_total(qty, price) FROM dbo.lines WHERE order_id = 1"
                      + " ORDER BY item"))
          .containsExactly(
              List.of("apple", new BigDecimal("7.00")), List.of("melon", new BigDecimal("12.25")));
    }
  }

  // ---- jTDS ----

  private static Connection jtds(String options) throws SQLException {
    return jtds(server, options);
  }

  private static Connection jtds(TdsServer target, String options) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    return new net.sourceforge.jtds.jdbc.Driver()
        .connect(
            "jdbc:jtds:sqlserver://127.0.0.1:"
                + target.port()
                + "/master;tds=8.0;ssl="
                + (target == tls ? "require" : "off")
                + ";loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS
                + ";socketTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS
                + options,
            p);
  }

  @Test
  void jtdsPreparesWithTemporaryProcedures() throws SQLException {
    // jTDS's prepareSQL=1 ("jTDS FAQ", connection properties): each PreparedStatement becomes a
    // temporary stored procedure (CREATE PROC #jtds...) called by RPC
    try (Connection c = jtds(";prepareSQL=1");
        java.sql.PreparedStatement ps =
            c.prepareStatement("SELECT item FROM dbo.lines WHERE order_id = ? ORDER BY item")) {
      List<String> items = new ArrayList<>();
      for (int order : new int[] {1, 2}) {
        ps.setInt(1, order);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(rs.getString(1));
          }
        }
      }
      assertThat(items).containsExactly("apple", "melon", "pear");
      // the temporary procedure jTDS made, private to its session ("CREATE PROCEDURE": #name)
      assertThat(Jdbc.scalar(c, "SELECT OBJECT_ID('tempdb..#jtds000001')")).isNotNull();
    }
  }

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void jtdsCallableStatement(boolean secure) throws SQLException {
    // ssl=require: jTDS encrypts the whole session (jTDS FAQ, "ssl" property)
    try (Connection c = jtds(secure ? tls : server, "");
        CallableStatement cs = c.prepareCall("{? = call dbo.order_total(?, ?)}")) {
      cs.registerOutParameter(1, Types.INTEGER);
      cs.setInt(2, 1);
      cs.registerOutParameter(3, Types.DECIMAL, 2);
      assertThat(cs.execute()).isTrue();
      int rows = 0;
      try (ResultSet rs = cs.getResultSet()) {
        while (rs.next()) {
          rows++;
        }
      }
      while (cs.getMoreResults() || cs.getUpdateCount() != -1) {
        // jTDS reads the output parameters after every result
      }
      assertThat(rows).isEqualTo(2);
      assertThat(cs.getInt(1)).isEqualTo(7);
      assertThat(cs.getBigDecimal(3)).isEqualByComparingTo(ORDER_1);
    }
  }

  // ---- tedious ----

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void tediousCallProcedureGetsTheOutputAndTheReturnStatus(boolean secure) {
    Tedious tedious = Tedious.find();
    Tedious.Step step =
        tedious
            .run(
                secure ? tls : server,
                null,
                new Tedious.Steps()
                    .proc(
                        "dbo.order_total",
                        Tedious.Param.in("id", "Int", 1),
                        Tedious.Param.outDecimal("total", 10, 2)),
                secure
                    ? o -> o.put("encrypt", "strict").put("caFile", ca.toString())
                    : o -> o.put("encrypt", false))
            .get(0);
    assertThat(step.error()).isNull();
    assertThat(step.rows()).containsExactly(List.of("apple", 2L), List.of("melon", 1L));
    // RETURNVALUE then DONEPROC with the RETURNSTATUS (tedious: 'returnValue', 'doneProc')
    JsonNode output = step.all("returnValue").get(0);
    assertThat(output.get("name").asText()).isEqualTo("total");
    assertThat(output.get("value").asDouble()).isEqualTo(19.25);
    List<JsonNode> doneProc = step.all("doneProc");
    assertThat(doneProc).hasSize(1);
    assertThat(doneProc.get(0).get("returnStatus").asInt()).isEqualTo(7);
  }

  @Test
  void tediousExecInABatchEndsWithDoneProc() {
    Tedious tedious = Tedious.find();
    List<Tedious.Step> steps =
        tedious.run(
            server,
            null,
            new Tedious.Steps()
                .batch("EXEC dbo.order_total 2, NULL")
                .sql("EXEC dbo.order_total 2, NULL"));
    // a SQL batch (execSqlBatch): the procedure's statements (RETURN 7 too) end with
    // DONEINPROC, the EXEC with RETURNSTATUS and DONEPROC
    Tedious.Step batch = steps.get(0);
    assertThat(batch.error()).isNull();
    assertThat(batch.kinds())
        .containsExactly("columns", "row", "doneInProc", "doneInProc", "doneInProc", "doneProc");
    assertThat(batch.all("doneProc").get(0).get("returnStatus").asInt()).isEqualTo(7);
    // execSql is an RPC of sp_executesql: the EXEC inside its text is nested, ending with
    // DONEINPROC alone; sp_executesql's own RETURNSTATUS 0 and DONEPROC end the call
    Tedious.Step rpc = steps.get(1);
    assertThat(rpc.error()).isNull();
    assertThat(rpc.kinds())
        .containsExactly(
            "columns", "row", "doneInProc", "doneInProc", "doneInProc", "doneInProc", "doneProc");
    assertThat(rpc.all("doneProc").get(0).get("returnStatus").asInt()).isZero();
  }
}
