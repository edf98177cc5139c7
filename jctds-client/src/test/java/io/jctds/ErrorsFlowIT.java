package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.TdsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where errors surface and what they carry, against the embedded server. Error numbers, severities
 * and states are SQL Server's as Microsoft documents them ("Database engine events and errors":
 * 8134 "Divide by zero error encountered." severity 16; 208 "Invalid object name" severity 16; 2627
 * "Violation of %ls constraint" severity 14); RAISERROR and PRINT semantics from the T-SQL
 * reference (severity 10 or lower is informational, PRINT is severity 0).
 */
class ErrorsFlowIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = FlowServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void failedMiddleStatementRaisesFromNextSetAndLaterResultsStayReadable() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute("SELECT 1; SELECT 1/0; SELECT 3");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(1);
      assertThat(c.fetchOne()).isNull();
      assertThatThrownBy(c::nextSet)
          .isInstanceOfSatisfying(
              DataError.class,
              e -> {
                assertThat(e.number()).isEqualTo(8134);
                assertThat(e.severity()).isEqualTo(16);
                assertThat(e.line()).isEqualTo(1);
                assertThat(e.messages()).extracting(SqlServerMessage::number).contains(8134);
              });
      assertThat(c.description()).isEmpty();
      assertThat(c.nextSet()).isTrue();
      assertThat(c.fetchOne().getInt(0)).isEqualTo(3);
      assertThat(c.nextSet()).isFalse();
    }
  }

  @Test
  void failedFirstStatementRaisesFromExecuteAndTheNextResultFollows() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      assertThatThrownBy(() -> c.execute("SELECT 1/0; SELECT 2"))
          .isInstanceOfSatisfying(DataError.class, e -> assertThat(e.number()).isEqualTo(8134));
      assertThat(c.nextSet()).isTrue();
      assertThat(c.fetchOne().getInt(0)).isEqualTo(2);
      // an unknown object aborts the batch in SQL Server (a compile error): nothing follows
      assertThatThrownBy(() -> c.execute("SELECT * FROM no_such_table; SELECT 2"))
          .isInstanceOfSatisfying(
              ProgrammingError.class, e -> assertThat(e.number()).isEqualTo(208));
      assertThat(c.nextSet()).isFalse();
    }
  }

  @Test
  void exceptionCarriesAllMessagesOfTheRequestInOrder() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute("CREATE TABLE #k (id int PRIMARY KEY)");
      assertThatThrownBy(
              () ->
                  c.execute("PRINT 'before'; INSERT INTO #k VALUES (1); INSERT INTO #k VALUES (1)"))
          .isInstanceOfSatisfying(
              IntegrityError.class,
              e -> {
                assertThat(e.number()).isEqualTo(2627);
                assertThat(e.severity()).isEqualTo(14);
                assertThat(e.messages())
                    .extracting(SqlServerMessage::text)
                    .first()
                    .isEqualTo("before");
                assertThat(e.messages())
                    .last()
                    .extracting(SqlServerMessage::number)
                    .isEqualTo(2627);
              });
      // execute positions past the failed statement: the response is read to its end
      assertThat(c.rowCounts()).containsExactly(1);
      assertThat(conn.messages()).extracting(SqlServerMessage::text).containsExactly("before");
    }
  }

  @Test
  void lowSeverityRaiserrorStaysAMessageAndAWarning() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute("PRINT 'one'; RAISERROR('two', 10, 1); SELECT 5");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(5);
      assertThat(conn.messages()).extracting(SqlServerMessage::text).containsExactly("one", "two");
      assertThat(conn.messages()).extracting(SqlServerMessage::severity).containsExactly(0, 10);
      assertThat(conn.warnings()).hasSize(1);
      assertThat(conn.warnings().get(0).serverMessage().orElseThrow().text()).isEqualTo("two");
    }
  }

  @Test
  void failingRowExpressionRaisesAndTheNextStatementStillRuns() {
    // the embedded server computes a result before sending it, so the error comes before any row
    // (SQL Server may send rows first: then the fetch that reaches the error raises it)
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      assertThatThrownBy(
              () ->
                  c.execute(
                      "SELECT 10 / v FROM (VALUES (1, 1), (2, 0)) AS t(k, v) ORDER BY k;"
                          + " SELECT 'after'"))
          .isInstanceOfSatisfying(DataError.class, e -> assertThat(e.number()).isEqualTo(8134));
      assertThat(c.nextSet()).isTrue();
      assertThat(c.fetchOne().getString(0)).isEqualTo("after");
    }
  }
}
