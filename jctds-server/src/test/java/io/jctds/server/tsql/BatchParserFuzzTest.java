package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.server.sql.SqlException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any text given to the batch splitter and parser ({@link BatchParser#parse}) either becomes
 * statements or is refused with SQL Server's kind of error: a {@link SqlException} with a positive
 * message number and a message. Anything else escaping — an IndexOutOfBounds, a NullPointer, a
 * StackOverflowError on deep nesting — is a finding.
 */
class BatchParserFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parse(byte[] data) {
    String sql = new String(data, StandardCharsets.UTF_8);
    List<Stmt> statements;
    try {
      statements = BatchParser.parse(sql);
    } catch (SqlException e) {
      assertThat(e.number()).as("error number for %s", sql).isPositive();
      assertThat(e.getMessage()).as("message for %s", sql).isNotBlank();
      return;
    }
    assertThat(statements).as(sql).doesNotContainNull();
  }
}
