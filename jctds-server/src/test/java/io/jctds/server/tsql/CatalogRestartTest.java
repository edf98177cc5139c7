package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.sql.EngineSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog views of a file store, which keeps them across restarts. */
class CatalogRestartTest {
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
  void viewsWorkAfterARestart() {
    TsqlEngine first = new TsqlEngine(dir, List.of(), System.getLogger("catalog-restart"));
    try {
      run(first, "CREATE TABLE dbo.kept (id int CONSTRAINT pk_kept PRIMARY KEY)");
      run(first, "SELECT name FROM sys.objects");
    } finally {
      first.close();
    }
    TsqlEngine second = new TsqlEngine(dir, List.of(), System.getLogger("catalog-restart"));
    try {
      // master also holds the measuring sink jctds_bench_sink (docs/bulk.md), left out here
      RecordingSink s =
          run(
              second,
              "SELECT name, type FROM sys.objects WHERE name <> 'jctds_bench_sink' ORDER BY name");
      // "sys.objects (Transact-SQL)": the table (U) and its primary key (PK), as before the restart
      assertThat(s.rows()).containsExactly(List.of("kept", "U "), List.of("pk_kept", "PK"));
      // "sys.columns (Transact-SQL)": a view not used before the restart is made when first used
      assertThat(
              run(second, "SELECT name FROM sys.columns WHERE object_id = OBJECT_ID('dbo.kept')")
                  .rows())
          .containsExactly(List.of("id"));
    } finally {
      second.close();
    }
  }
}
