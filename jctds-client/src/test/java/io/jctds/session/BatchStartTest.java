package io.jctds.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statements T-SQL's "Batches" page says cannot share a batch with others: CREATE DEFAULT,
 * FUNCTION, PROCEDURE, RULE, SCHEMA, TRIGGER and VIEW (ALTER and CREATE OR ALTER of the
 * programmable ones likewise, "CREATE PROCEDURE" page: "must be the first statement in the batch").
 * A reset cannot prefix such a batch with SET statements.
 */
class BatchStartTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE PROCEDURE p AS SELECT 1",
        "create proc p as select 1",
        "  \n\tCREATE VIEW v AS SELECT 1",
        "-- a comment\nCREATE FUNCTION f() RETURNS INT AS BEGIN RETURN 1 END",
        "/* outer /* nested */ still */ CREATE TRIGGER t ON x AFTER INSERT AS SELECT 1",
        "ALTER PROCEDURE p AS SELECT 2",
        "CREATE OR ALTER VIEW v AS SELECT 1",
        "CREATE SCHEMA s",
        "CREATE DEFAULT d AS 0",
        "CREATE RULE r AS @x > 0",
        ";CREATE PROCEDURE p AS SELECT 1"
      })
  void mustComeFirst(String sql) {
    assertThat(BatchStart.mustComeFirst(sql)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "CREATE TABLE procedure_log (x INT)",
        "CREATE PROCEDURES",
        "SELECT 1; CREATE PROCEDURE p AS SELECT 1",
        "EXEC ('CREATE VIEW v AS SELECT 1')",
        "-- CREATE VIEW v\nSELECT 1",
        "/* unterminated CREATE VIEW",
        "ALTER TABLE t ADD c INT",
        ""
      })
  void mayFollowOtherStatements(String sql) {
    assertThat(BatchStart.mustComeFirst(sql)).isFalse();
  }
}
