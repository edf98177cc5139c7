package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ColMetadata;
import org.junit.jupiter.api.Test;

/**
 * [MS-TDS] 2.2.7.4 COLMETADATA, Flags: fComputed (0x0020) "is set if the column is a COMPUTED
 * column". SQL Server sets it on a selected computed column; FreeTDS's bcp (commit 7e5bc5b69,
 * src/tds/bulk.c) and mssql-jdbc's SQLServerBulkCopy leave such a column out of a bulk load by this
 * flag. An expression over a computed column is no computed column.
 */
class ComputedFlagTest extends EngineTest {
  @Test
  void aComputedColumnIsFlaggedAndOthersAreNot() {
    ok("CREATE TABLE cflag (id int IDENTITY(1,1) PRIMARY KEY, n int, twice AS n * 2)");
    ok("INSERT INTO cflag (n) VALUES (4)");
    RecordingSink s = ok("SELECT id, n, twice, twice + 1 AS e FROM cflag");
    ColMetadata md = s.results().get(0);
    assertThat(computed(md.column(0))).isFalse();
    assertThat(computed(md.column(1))).isFalse();
    assertThat(computed(md.column(2))).isTrue();
    assertThat(computed(md.column(3))).isFalse();
    assertThat(md.column(0).isIdentity()).isTrue();
    assertThat(md.column(2).isIdentity()).isFalse();
  }

  @Test
  void aStarAndAnAliasKeepTheFlag() {
    ok("CREATE TABLE cflag2 (n int, twice AS n * 2)");
    ColMetadata star = ok("SELECT * FROM cflag2").results().get(0);
    assertThat(computed(star.column(0))).isFalse();
    assertThat(computed(star.column(1))).isTrue();
    ColMetadata alias = ok("SELECT t.twice AS x FROM cflag2 t").results().get(0);
    assertThat(computed(alias.column(0))).isTrue();
  }

  /**
   * usUpdateable ([MS-TDS] 2.2.7.4, bits 0x000C): 1 (Read/Write, 0x0004) on a table's plain column,
   * as the flags 0x0005 SQL Server's bcp copied from SQL Server's metadata into the [MS-TDS] 4.12
   * Bulk Load example; 0 (ReadOnly) on identity, computed and expression columns, as
   * sp_describe_first_result_set's is_updateable. mssql-jdbc's bulk copy for batch insert leaves
   * out every ReadOnly column (SQLServerPreparedStatement.executeBatch).
   */
  @Test
  void plainTableColumnsAreReadWriteAndTheRestReadOnly() {
    ok("CREATE TABLE cflag3 (id int IDENTITY(1,1), n int NOT NULL, twice AS n * 2)");
    ColMetadata md = ok("SELECT id, n, twice, n + 1 AS e, 7 AS k FROM cflag3").results().get(0);
    assertThat(md.column(0).flags() & ColMetadata.FLAG_UPDATEABLE_MASK).isZero();
    assertThat(md.column(1).flags() & ColMetadata.FLAG_UPDATEABLE_MASK).isEqualTo(0x0004);
    assertThat(md.column(2).flags() & ColMetadata.FLAG_UPDATEABLE_MASK).isZero();
    assertThat(md.column(3).flags() & ColMetadata.FLAG_UPDATEABLE_MASK).isZero();
    assertThat(md.column(4).flags() & ColMetadata.FLAG_UPDATEABLE_MASK).isZero();
  }

  private static boolean computed(ColMetadata.Column c) {
    return (c.flags() & ColMetadata.FLAG_COMPUTED) != 0;
  }
}
