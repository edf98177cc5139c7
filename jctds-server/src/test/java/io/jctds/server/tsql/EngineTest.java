package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.sql.EngineSession;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of engine tests: one in-memory engine per test class, a fresh session per test, and helpers
 * that run a batch and look at what it reported.
 */
abstract class EngineTest {
  static TsqlEngine engine;
  TestSession tds;
  EngineSession session;

  @BeforeAll
  static void openEngine() {
    engine = new TsqlEngine(null, List.of("sales"), System.getLogger("engine-test"));
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void openSession() {
    tds = new TestSession();
    session = engine.open(tds);
  }

  @AfterEach
  void closeSession() {
    session.close();
  }

  RecordingSink run(String sql) {
    RecordingSink sink = new RecordingSink(tds.version);
    session.execute(sql, sink);
    return sink;
  }

  /** Runs {@code sql}, expecting no error. */
  RecordingSink ok(String sql) {
    RecordingSink s = run(sql);
    assertThat(s.errors()).as(sql).isEmpty();
    return s;
  }

  Object scalar(String sql) {
    RecordingSink s = ok(sql);
    assertThat(s.rows()).as(sql).hasSize(1);
    return s.rows().get(0).get(0);
  }

  /** The first error's number. */
  int error(String sql) {
    RecordingSink s = run(sql);
    assertThat(s.errors()).as(sql).isNotEmpty();
    return s.errors().get(0).number();
  }
}
