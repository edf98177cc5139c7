package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.protocol.token.Done;
import java.nio.charset.StandardCharsets;

/**
 * Any batch text, however broken, runs through the T-SQL engine without an exception: it yields
 * results or SQL Server-style errors, every error is followed by a DONE with the error bit, and
 * rows only follow a COLMETADATA.
 */
class SqlFrontFuzzTest extends EngineTest {
  @FuzzTest(maxDuration = "60s")
  void execute(byte[] data) {
    String sql = new String(data, StandardCharsets.UTF_8);
    RecordingSink sink = run(sql);
    boolean inResult = false;
    boolean errorPending = false;
    for (RecordingSink.Event e : sink.events) {
      if (e instanceof RecordingSink.Columns) {
        inResult = true;
      } else if (e instanceof RecordingSink.RowValues) {
        assertThat(inResult).as("row without COLMETADATA in %s", sql).isTrue();
      } else if (e instanceof RecordingSink.DoneEvent d) {
        if (errorPending) {
          assertThat(d.status() & Done.STATUS_ERROR).as(sql).isNotZero();
        }
        errorPending = false;
        inResult = false;
      } else if (e instanceof RecordingSink.Message m && m.message().error()) {
        assertThat(m.message().number()).isPositive();
        assertThat(m.message().message()).isNotBlank();
        errorPending = true;
      }
    }
    assertThat(errorPending).as("error without DONE in %s", sql).isFalse();
  }
}
