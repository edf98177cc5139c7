package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.sql.SqlException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INSERT BULK as the bulk-copy clients write it: FreeTDS 1.3.17 (bulk.c, recorded in a TDSDUMP of
 * freebcp in: {@code insert bulk master.dbo.t ([id] INT, [c_bit] BIT, ...)}), mssql-jdbc 13.6.2
 * (SQLServerBulkCopy: bracketed names, COLLATE after character types, hints in {@code with (...)}
 * such as {@code ROWS_PER_BATCH = 2}) and tedious 19 (bulk-load.ts: {@code insert bulk t (...)}
 * with {@code WITH (KEEP_NULLS, TABLOCK)}); the hint names are those of the T-SQL reference's BULK
 * INSERT.
 */
class BulkStatementTest {
  @Test
  void freeTdsStatement() {
    BulkStatement s =
        BulkStatement.parse(
            "insert bulk master.dbo.bcp_in_target_false ([id] INT, [c_bit] BIT, [c_decimal]"
                + " DECIMAL(38,0), [c_varchar_max] VARCHAR(MAX))");
    assertThat(s.table()).containsExactly("master", "dbo", "bcp_in_target_false");
    assertThat(s.columns())
        .containsExactly(
            new BulkStatement.Declared("id", "INT"),
            new BulkStatement.Declared("c_bit", "BIT"),
            new BulkStatement.Declared("c_decimal", "DECIMAL(38,0)"),
            new BulkStatement.Declared("c_varchar_max", "VARCHAR(MAX)"));
    assertThat(s.keepNulls()).isFalse();
  }

  @Test
  void mssqlJdbcStatementWithCollationsAndHints() {
    BulkStatement s =
        BulkStatement.parse(
            "INSERT BULK [bcp_batches] ([id] int, [name] nvarchar(20) COLLATE"
                + " SQL_Latin1_General_CP1_CI_AS ) with (KEEP_NULLS, ROWS_PER_BATCH = 2, TABLOCK,"
                + " ORDER([id] ASC), CHECK_CONSTRAINTS, FIRE_TRIGGERS, KILOBYTES_PER_BATCH = 10,"
                + " KEEP_IDENTITY)");
    assertThat(s.table()).containsExactly("bcp_batches");
    assertThat(s.columns()).extracting(BulkStatement.Declared::name).containsExactly("id", "name");
    assertThat(s.columns().get(1).type())
        .isEqualTo("nvarchar(20) COLLATE SQL_Latin1_General_CP1_CI_AS");
    assertThat(s.keepNulls()).isTrue();
    assertThat(s.keepIdentity()).isTrue();
  }

  @Test
  void recognisesOnlyInsertBulk() {
    assertThat(BulkStatement.matches("  insert  bulk t (a int)")).isTrue();
    assertThat(BulkStatement.matches("INSERT INTO bulk VALUES (1)")).isFalse();
    assertThat(BulkStatement.matches("INSERT bulk_t VALUES (1)")).isFalse();
  }

  @Test
  void anUnknownHintOrTrailingTextIsASyntaxError() {
    // SQL Server's error 102 "Incorrect syntax near '%.*ls'."
    assertThatThrownBy(() -> BulkStatement.parse("INSERT BULK t (a int) WITH (NOLOCK)"))
        .isInstanceOf(SqlException.class)
        .extracting(e -> ((SqlException) e).number())
        .isEqualTo(102);
    assertThatThrownBy(() -> BulkStatement.parse("INSERT BULK t (a int) garbage"))
        .isInstanceOf(SqlException.class)
        .extracting(e -> ((SqlException) e).number())
        .isEqualTo(102);
    assertThat(BulkStatement.parse("INSERT BULK t").columns()).isEqualTo(List.of());
  }
}
