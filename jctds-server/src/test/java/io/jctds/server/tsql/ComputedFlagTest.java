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

  private static boolean computed(ColMetadata.Column c) {
    return (c.flags() & ColMetadata.FLAG_COMPUTED) != 0;
  }
}
