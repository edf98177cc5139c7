package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which fields of a bcp file are sent, as FreeTDS 1.3.17 decides for freebcp {@code in}: every
 * table column has a field, but src/tds/bulk.c (tds_bcp_start_insert_stmt,
 * tds7_bcp_send_colmetadata, tds_bcp_send_record) sends no timestamp column, no computed column,
 * and an identity column only with identity_insert on (freebcp -E).
 */
class BcpTargetTest {
  private static Column col(String name, String type) {
    return new Column(name, 0x26, type, 11, 4, 0, 0, true);
  }

  private static final List<Column> COLUMNS =
      List.of(col("id", "int"), col("a", "int"), col("c", "int"), col("ts", "binary(8)"));

  private static final List<BcpTarget.Kind> KINDS =
      List.of(
          new BcpTarget.Kind("ID", false, true, 56),
          new BcpTarget.Kind("a", false, false, 56),
          new BcpTarget.Kind("c", true, false, 56),
          new BcpTarget.Kind("ts", false, false, BcpTarget.TIMESTAMP_TYPE));

  @Test
  void computedTimestampAndIdentityFieldsAreNotSent() {
    BcpTarget t = BcpTarget.of(COLUMNS, KINDS, false);
    assertThat(t.sent()).containsExactly(false, true, false, false);
    assertThat(t.byName()).isTrue();
  }

  @Test
  void minusEKeepsTheIdentityField() {
    BcpTarget t = BcpTarget.of(COLUMNS, KINDS, true);
    assertThat(t.sent()).containsExactly(true, true, false, false);
  }

  /** A plain table: every field sent, rows by position (bulkInsert skips identity itself). */
  @Test
  void withoutComputedOrTimestampRowsArePositional() {
    BcpTarget t = BcpTarget.of(COLUMNS.subList(0, 2), KINDS.subList(0, 2), false);
    assertThat(t.byName()).isFalse();
    assertThat(t.sent()).containsExactly(false, true);
    assertThat(BcpTarget.of(COLUMNS, List.of(), false).sent()).containsOnly(true);
  }

  @Test
  void theDatabaseOfAThreePartName() {
    assertThat(BcpTarget.databasePart("shop.dbo.t")).isEqualTo("shop");
    assertThat(BcpTarget.databasePart("[my.db].dbo.[t.x]")).isEqualTo("[my.db]");
    assertThat(BcpTarget.databasePart("dbo.t")).isNull();
    assertThat(BcpTarget.databasePart("t")).isNull();
  }
}
