package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ColMetadata;
import org.junit.jupiter.api.Test;

/**
 * [MS-TDS] 2.2.7.4 COLMETADATA, Flags: fIdentity (0x0010) is set when the column is an identity
 * column. SQL Server sets it for a selected IDENTITY column, not for other columns nor for an
 * expression over one (a computed value is no identity column).
 */
class IdentityFlagTest extends EngineTest {
  @Test
  void anIdentityColumnIsFlaggedAndOthersAreNot() {
    ok("CREATE TABLE idflag (id int IDENTITY(1,1) PRIMARY KEY, n int, s nvarchar(10))");
    RecordingSink s = ok("SELECT id, n, s, id + 1 AS e FROM idflag");
    ColMetadata md = s.results().get(0);
    assertThat(md.column(0).isIdentity()).isTrue();
    assertThat(md.column(1).isIdentity()).isFalse();
    assertThat(md.column(2).isIdentity()).isFalse();
    assertThat(md.column(3).isIdentity()).isFalse();
  }

  /**
   * "SET IDENTITY_INSERT (Transact-SQL)": if the value inserted is larger than the current identity
   * value for the table, SQL Server uses the inserted value as the current identity value.
   */
  @Test
  void anExplicitIdentityValueMovesTheIdentityPastIt() {
    ok("CREATE TABLE idmove (id int IDENTITY(1,1) PRIMARY KEY, n int)");
    ok("SET IDENTITY_INSERT idmove ON\nINSERT INTO idmove (id, n) VALUES (50, 1)");
    ok("SET IDENTITY_INSERT idmove OFF\nINSERT INTO idmove (n) VALUES (2)");
    RecordingSink s = ok("SELECT id FROM idmove WHERE n = 2");
    assertThat(s.rows().get(0).get(0)).isEqualTo(51);
  }
}
