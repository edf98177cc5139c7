package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.TdsServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cursor behaviour against the embedded server. Expected row counts follow T-SQL semantics (an
 * INSERT of n rows, an UPDATE of the rows it matched and a SELECT of the rows it returned each
 * report n in their DONE token, [MS-TDS] 2.2.7.6 DONE_COUNT); rowcount, rownumber and arraysize as
 * PEP 249 and k-cTDS's docs define them (arraysize defaults to 1).
 */
class CursorFlowIT {
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
  void rowCountsHoldEveryStatementsCountInOrder() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute(
          "CREATE TABLE #t (a int); INSERT INTO #t VALUES (1), (2), (3);"
              + " UPDATE #t SET a = a + 1 WHERE a > 1; SELECT a FROM #t WHERE a = 4");
      assertThat(c.rowCount()).isEqualTo(2); // the UPDATE, the SELECT's count is not read yet
      assertThat(c.fetchAll()).hasSize(1);
      assertThat(c.rowCount()).isEqualTo(1);
      assertThat(c.rowCounts()).containsExactly(3, 2, 1);
      assertThat(c.nextSet()).isFalse();
      c.execute("SELECT 1");
      assertThat(c.rowCounts()).isEmpty();
      assertThat(c.rowCount()).isEqualTo(-1);
    }
  }

  @Test
  void rowNumberArraySizeIterationAndStream() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      assertThat(c.arraySize()).isEqualTo(1);
      c.execute("SELECT v FROM (VALUES (1), (2), (3), (4), (5)) AS t(v) ORDER BY v; SELECT 9");
      assertThat(c.rowNumber()).isZero();
      assertThat(c.fetchMany()).hasSize(1);
      c.arraySize(2);
      assertThat(c.fetchMany()).extracting(r -> r.getInt(0)).containsExactly(2, 3);
      assertThat(c.rowNumber()).isEqualTo(3);
      int sum = 0;
      for (Row r : c) {
        sum += r.getInt(0);
      }
      assertThat(sum).isEqualTo(9);
      assertThat(c.nextSet()).isTrue();
      assertThat(c.rowNumber()).isZero();
      assertThat(c.stream().map(r -> r.getInt(0)).toList()).isEqualTo(List.of(9));
      assertThat(c.nextSet()).isFalse();
      assertThat(c.rowNumber()).isEqualTo(-1);
      assertThatThrownBy(() -> c.arraySize(0)).isInstanceOf(InterfaceError.class);
    }
  }

  @Test
  void newExecuteDiscardsUnreadResultsAndEmptyResultSetsArePositioned() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute("SELECT 1; SELECT 2");
      c.execute("SELECT v FROM (VALUES (1)) AS t(v) WHERE v = 0; SELECT 3");
      assertThat(c.description()).hasSize(1);
      assertThat(c.fetchOne()).isNull();
      assertThat(c.rowCount()).isZero();
      assertThat(c.nextSet()).isTrue();
      assertThat(c.fetchOne().getInt(0)).isEqualTo(3);
      assertThat(c.spid()).isEqualTo(conn.spid());
      assertThat(c.connection()).isSameAs(conn);
    }
  }
}
