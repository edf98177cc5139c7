package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.sql.EngineSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Procedures and functions of a file store survive a restart (jctds server --data). */
class RoutineRestartTest {
  @TempDir Path dir;

  private static RecordingSink run(TsqlEngine engine, String sql) {
    TestSession tds = new TestSession();
    EngineSession session = engine.open(tds);
    try {
      RecordingSink sink = new RecordingSink(tds.version);
      session.execute(sql, sink);
      assertThat(sink.errors()).as(sql).isEmpty();
      return sink;
    } finally {
      session.close();
    }
  }

  @Test
  void routinesAreKeptAcrossARestart() {
    TsqlEngine first = new TsqlEngine(dir, List.of(), System.getLogger("routine-restart"));
    try {
      run(first, "CREATE PROCEDURE dbo.greet @who varchar(10) AS SELECT 'hi ' + @who");
      run(first, "CREATE FUNCTION dbo.twice(@n int) RETURNS int AS BEGIN RETURN 2 * @n END");
    } finally {
      first.close();
    }
    TsqlEngine second = new TsqlEngine(dir, List.of(), System.getLogger("routine-restart"));
    try {
      // "CREATE PROCEDURE (Transact-SQL)": a procedure is a database object, stored until dropped
      assertThat(run(second, "EXEC master.dbo.greet 'you'").rows())
          .containsExactly(List.of("hi you"));
      assertThat(run(second, "SELECT master.dbo.twice(21)").rows()).containsExactly(List.of(42));
      assertThat(
              run(
                      second,
                      "SELECT name, type FROM sys.objects WHERE name <> 'jctds_bench_sink' ORDER BY name")
                  .rows()) // master also holds the measuring sink (docs/bulk.md)
          .containsExactly(List.of("greet", "P "), List.of("twice", "FN"));
    } finally {
      second.close();
    }
  }
}
