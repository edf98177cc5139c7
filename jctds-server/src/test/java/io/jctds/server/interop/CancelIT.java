package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.Tedious.Step;
import io.jctds.server.interop.Tedious.Steps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cancelling through real clients, with TLS and without: mssql-jdbc 13.6.2 (Statement.cancel() from
 * another thread during a WAITFOR, a procedure and a long SELECT, Statement.setQueryTimeout) and
 * tedious 19 (Connection.cancel()) and jTDS 1.3.1 (Statement.cancel() during a WAITFOR, ssl=off and
 * ssl=require). The outcome is what each client reports for a cancel the server acknowledged —
 * mssql-jdbc: SQLState HY008 with "The query was canceled." or "The query has timed out." (its
 * SQLServerResource strings R_queryCanceled, R_queryTimedOut); tedious: code ECANCEL, "Canceled."
 * (its SentAttention state) — then a working query on the same connection, with the transaction
 * begun before the cancel still open (SQL Server leaves it open). Each WAITFOR would run a minute:
 * the timeout of each test (45 s, generous for a run of a second or two) turns a server that does
 * not stop it into a failure.
 */
@Timeout(value = 45, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancelIT {
  private static final char[] STORE_PASSWORD = "changeit".toCharArray();
  private static final String WAIT = "WAITFOR DELAY '00:01:00'";

  /** 10^8 rows of four columns, streamed as they are produced. */
  private static final String CROSS_JOIN =
      "SELECT a.n, b.n, c.n, d.n FROM #d a, #d b, #d c, #d d, #d e, #d f, #d g, #d h";

  private static final String DIGITS =
      "CREATE TABLE #d (n int)\nINSERT INTO #d VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)";

  @TempDir static Path tmp;

  private static TdsServer plain;
  private static TdsServer required;
  private static String trustStore;
  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

  /** How mssql-jdbc carries the session. */
  enum JdbcCarrier {
    /** No TLS at all (the server's policy is OFF). */
    PLAIN,
    /** TDS 7.4 inside TLS ({@code encrypt=true}). */
    TLS,
    /** TDS 8.0, TLS first ({@code encrypt=strict}). */
    STRICT
  }

  @BeforeAll
  static void start() {
    plain = Interop.start(EncryptionPolicy.OFF);
    required = Interop.start(EncryptionPolicy.REQUIRED);
    Path store =
        Interop.trustStore(
            Interop.authority().certificate(), tmp.resolve("ca.p12"), STORE_PASSWORD);
    trustStore =
        "trustStore="
            + store
            + ";trustStorePassword="
            + new String(STORE_PASSWORD)
            + ";trustStoreType=PKCS12;hostNameInCertificate=localhost;";
  }

  @AfterAll
  static void stop() {
    EXECUTOR.shutdownNow();
    for (TdsServer s : new TdsServer[] {plain, required}) {
      if (s != null) {
        s.close();
      }
    }
  }

  private static TdsServer server(JdbcCarrier carrier) {
    return carrier == JdbcCarrier.PLAIN ? plain : required;
  }

  private static Connection connect(JdbcCarrier carrier) throws SQLException {
    String settings =
        switch (carrier) {
          case PLAIN -> "encrypt=false;";
          case TLS -> "encrypt=true;trustServerCertificate=true;";
          case STRICT -> "encrypt=strict;" + trustStore;
        };
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    return new SQLServerDriver()
        .connect(
            "jdbc:sqlserver://127.0.0.1:"
                + server(carrier).port()
                + ";databaseName=master;loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS
                + ";"
                + settings,
            p);
  }

  /** TDS packets the server has read from this connection's session. */
  private static long reads(TdsServer server, int spid) {
    return server.sessions().stream()
        .filter(s -> s.spid() == spid)
        .findFirst()
        .orElseThrow()
        .numReads();
  }

  /**
   * Runs {@code sql} on another thread and returns once the server has read it (so a cancel from
   * now on reaches a running request, or one about to run).
   */
  private static Future<SQLException> executeElsewhere(
      TdsServer server, Connection c, Statement s, String sql) throws SQLException {
    int spid = Jdbc.serverSide(server, c).spid();
    long before = reads(server, spid);
    Future<SQLException> f =
        EXECUTOR.submit(
            () -> {
              try {
                s.execute(sql);
                return null;
              } catch (SQLException e) {
                return e;
              }
            });
    while (reads(server, spid) == before && !f.isDone()) {
      Thread.onSpinWait();
    }
    return f;
  }

  private static void assertCancelled(SQLException e, String message) {
    assertThat((Object) e).as("the statement should have been cancelled").isNotNull();
    assertThat(e.getSQLState()).as(e.toString()).isEqualTo("HY008");
    assertThat(e.getMessage()).isEqualTo(message);
  }

  @ParameterizedTest
  @EnumSource(JdbcCarrier.class)
  void mssqlJdbcCancelsAWaitForAndTheTransactionStaysOpen(JdbcCarrier carrier)
      throws SQLException, InterruptedException, ExecutionException {
    try (Connection c = connect(carrier);
        Statement s = c.createStatement()) {
      Jdbc.run(c, "BEGIN TRAN");
      Future<SQLException> running = executeElsewhere(server(carrier), c, s, WAIT);
      s.cancel();
      assertCancelled(running.get(), "The query was canceled.");
      assertThat(Jdbc.scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(1);
      Jdbc.run(c, "ROLLBACK");
      assertThat(Jdbc.scalar(c, "SELECT 42")).isEqualTo(42);
    }
  }

  @ParameterizedTest
  @EnumSource(JdbcCarrier.class)
  void mssqlJdbcCancelsAProcedure(JdbcCarrier carrier) throws Exception {
    try (Connection c = connect(carrier);
        Statement s = c.createStatement()) {
      Jdbc.run(
          c, "CREATE OR ALTER PROCEDURE dbo.slow_" + carrier + " AS\n" + WAIT + "\nSELECT 1 AS n");
      Future<SQLException> running =
          executeElsewhere(server(carrier), c, s, "EXEC dbo.slow_" + carrier);
      s.cancel();
      assertCancelled(running.get(), "The query was canceled.");
      // the session is back at the top level: no procedure left running, nesting level 0
      assertThat(Jdbc.scalar(c, "SELECT @@NESTLEVEL")).isEqualTo(0);
    }
  }

  @ParameterizedTest
  @EnumSource(JdbcCarrier.class)
  void mssqlJdbcCancelsALongSelect(JdbcCarrier carrier) throws Exception {
    try (Connection c = connect(carrier);
        Statement s = c.createStatement()) {
      Jdbc.run(c, DIGITS);
      ResultSet rs = s.executeQuery(CROSS_JOIN);
      assertThat(rs.next()).isTrue(); // the server is streaming
      EXECUTOR
          .submit(
              () -> {
                s.cancel(); // Statement.cancel() from another thread
                return null;
              })
          .get();
      assertThatThrownBy(
              () -> {
                while (rs.next()) {
                  // the rows already on their way, then the cancel
                }
              })
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertCancelled(e, "The query was canceled."));
      assertThat(Jdbc.scalar(c, "SELECT COUNT(*) FROM #d")).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @EnumSource(JdbcCarrier.class)
  void mssqlJdbcQueryTimeout(JdbcCarrier carrier) throws SQLException {
    try (Connection c = connect(carrier);
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      assertThatThrownBy(() -> s.execute(WAIT))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertCancelled(e, "The query has timed out."));
      assertThat(Jdbc.scalar(c, "SELECT 43")).isEqualTo(43);
    }
  }

  private static Connection jtds(boolean ssl) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    return new net.sourceforge.jtds.jdbc.Driver()
        .connect(
            "jdbc:jtds:sqlserver://127.0.0.1:"
                + (ssl ? required : plain).port()
                + "/master;tds=8.0;ssl="
                + (ssl ? "require" : "off")
                + ";loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS,
            p);
  }

  @ParameterizedTest(name = "ssl: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void jtdsCancelsAWaitForAndTheTransactionStaysOpen(boolean ssl) throws Exception {
    try (Connection c = jtds(ssl);
        Statement s = c.createStatement()) {
      Jdbc.run(c, "BEGIN TRAN");
      Future<SQLException> running = executeElsewhere(ssl ? required : plain, c, s, WAIT);
      // jTDS sends ATTENTION (TdsCore.cancel) only once its socket owns the response: a cancel
      // that comes earlier does nothing, so it is repeated until the statement ends
      while (!running.isDone()) {
        s.cancel();
        try {
          running.get(100, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
          // not cancelled yet
        }
      }
      SQLException e = running.get();
      // SQL Server 2005 and later end a cancelled response with DONE(ERROR) and acknowledge the
      // ATTENTION in a message of its own (mssql-jdbc's TDSCommand.onResponseEOM): jTDS's
      // TdsCore reports a DONE with the error bit and no ERROR as "error.generic.unspecified"
      // (HY000), then the DONE with the attention bit after its own cancel as
      // "error.generic.cancelled" (HY008), chained to it when it read the acknowledgement before
      // execute returned (jTDS's cancel() marks the cancel pending only after it sent the
      // ATTENTION: a quick server's DONE(ERROR) may end the response first)
      assertThat((Object) e).as("the statement should have been cancelled").isNotNull();
      List<String> states = new java.util.ArrayList<>();
      for (SQLException x = e; x != null; x = x.getNextException()) {
        states.add(x.getSQLState());
      }
      assertThat(states).as(e.toString()).startsWith("HY000").isSubsetOf("HY000", "HY008");
      assertThat(Jdbc.scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(1);
      Jdbc.run(c, "ROLLBACK");
      assertThat(Jdbc.scalar(c, "SELECT 44")).isEqualTo(44);
    }
  }

  /** What tedious reports for a request it cancelled. */
  private static void assertTediousCancelled(Step step) {
    assertThat(step.error()).as("the request should have been cancelled").isNotNull();
    assertThat(step.error().get("code").asText()).isEqualTo("ECANCEL");
    assertThat(step.error().get("message").asText()).isEqualTo("Canceled.");
  }

  @ParameterizedTest(name = "encrypt: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void tediousCancelsAWaitForAndALongSelect(boolean encrypt) {
    Tedious tedious = Tedious.find();
    List<Step> steps =
        tedious.run(
            encrypt ? required : plain,
            null,
            encrypt,
            new Steps()
                .tx(0, "begin")
                .cancelledSql(0, "RAISERROR('waiting', 0, 1) WITH NOWAIT\n" + WAIT)
                .sql(0, "SELECT @@TRANCOUNT")
                .tx(0, "rollback")
                .batch(0, DIGITS) // a temporary table of the session, not of an sp_executesql
                .cancelledSql(0, "RAISERROR('streaming', 0, 1) WITH NOWAIT\n" + CROSS_JOIN)
                .sql(0, "SELECT COUNT(*) FROM #d"));
    assertThat(steps.get(0).error()).isNull();
    assertTediousCancelled(steps.get(1));
    assertThat(steps.get(2).rows()).containsExactly(List.of(1L));
    assertThat(steps.get(3).error()).isNull();
    assertTediousCancelled(steps.get(5));
    assertThat(steps.get(6).rows()).containsExactly(List.of(10L));
  }
}
