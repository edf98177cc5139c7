package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.sql.EngineSession;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * What fuzzing the parser and translator found, each now answered as SQL Server answers (sources:
 * "CAST and CONVERT", "REPLICATE", "SPACE", "money and smallmoney", "COMMIT TRANSACTION" — a
 * disconnect rolls the open transaction back — all on learn.microsoft.com).
 */
class FuzzFindingsTest extends EngineTest {

  @Test
  void aDisconnectRollsBackTheTransactionsDdl() {
    EngineSession other = engine.open(new TestSession(60));
    other.execute(
        "BEGIN TRAN\nCREATE TABLE left_open (a int)\nINSERT INTO left_open VALUES (1)",
        new RecordingSink());
    other.close();
    assertThat(error("SELECT * FROM left_open")).isEqualTo(208);
    EngineSession implicit = engine.open(new TestSession(61));
    implicit.execute(
        "SET IMPLICIT_TRANSACTIONS ON\nCREATE TABLE implicit_open (a int)", new RecordingSink());
    implicit.close();
    assertThat(error("SELECT * FROM implicit_open")).isEqualTo(208);
  }

  @Test
  void numbersTooLargeForTheirPlaceAreSyntaxErrors() {
    assertThat(error("CREATE TABLE big_identity (id int IDENTITY(1,99999999999999999999))"))
        .isEqualTo(102);
    assertThat(error("SELECT 1 OPTION (MAXRECURSION 1.0)")).isEqualTo(102);
    assertThat(error("SELECT 1 OPTION (MAXRECURSION 99999999999)")).isEqualTo(310);
    assertThat(error("SELECT MIN(*)")).isEqualTo(102);
  }

  @Test
  void hugeOrOddStringsAreErrorsOrCutNeverACrash() {
    assertThat(error("SELECT CHAR(REPLICATE('x', 5000))")).isEqualTo(245);
    assertThat(scalar("SELECT LEN(SPACE(2147483647))")).isEqualTo(0); // LEN ignores spaces
    assertThat(scalar("SELECT DATALENGTH(SPACE(2147483647))")).isEqualTo(8000);
    assertThat(scalar("SELECT LEN(REPLICATE(32767, 32767))")).isEqualTo(8000);
    assertThat(scalar("SELECT LEN(REPLICATE('x', 8001))")).isEqualTo(8000);
    assertThat(scalar("SELECT LEN(REPLICATE(N'x', 5000))")).isEqualTo(4000);
    assertThat(scalar("SELECT LEN(REPLICATE(CAST('x' AS varchar(max)), 9000))")).isEqualTo(9000L);
    assertThat(error("SELECT LEN(REPLICATE(CAST('x' AS varchar(max)), 2147483647))"))
        .isEqualTo(40517);
  }

  @Test
  void datetimeoffsetStringsWithMinutesOnly() {
    assertThat(scalar("SELECT CAST('2020-01-02 03:04 +08:00' AS datetimeoffset)"))
        .isEqualTo(OffsetDateTime.parse("2020-01-02T03:04+08:00"));
    assertThat(scalar("SELECT CAST('2020-01-02 00:00:00 +08:00' AS datetimeoffset)"))
        .isEqualTo(OffsetDateTime.parse("2020-01-02T00:00+08:00"));
  }

  @Test
  void moneyLimitsAndOverflow() {
    assertThat(scalar("SELECT CAST(-214748.3648 AS smallmoney)"))
        .isEqualTo(new BigDecimal("-214748.3648"));
    assertThat(scalar("SELECT CAST(-922337203685477.5808 AS money)"))
        .isEqualTo(new BigDecimal("-922337203685477.5808"));
    assertThat(error("SELECT CAST(922337203685477.5807 AS money) * 2")).isEqualTo(8115);
  }

  @Test
  void binaryConvertsToIntegers() {
    assertThat(scalar("SELECT CAST(0x01 AS int)")).isEqualTo(1);
    assertThat(scalar("SELECT CAST(0xFFFF AS smallint)")).isEqualTo((short) -1);
    assertThat(scalar("SELECT CAST(0xFFFF AS int)")).isEqualTo(65535);
    assertThat(scalar("SELECT CAST(0xFFFFFFFF AS int)")).isEqualTo(-1);
  }

  @Test
  void unclosedIdentifiersAndUpdateOutputOfBothSides() {
    assertThat(error("SELECT [abc FROM t")).isEqualTo(105);
    ok("CREATE TABLE both_sides (a int)\nINSERT INTO both_sides VALUES (1)");
    assertThat(
            run("UPDATE both_sides SET a = 2 OUTPUT deleted.a, inserted.a")
                .errors()
                .get(0)
                .message())
        .contains("OUTPUT of both INSERTED and DELETED");
  }
}
