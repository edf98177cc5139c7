package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ColMetadata;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Engine bugs that real clients showed (the interop ITs in {@code io.jctds.server.interop}), each
 * pinned here with what the peer reported and what SQL Server does.
 */
class PeerFindingsTest extends EngineTest {

  @Test
  void textNtextAndImageColumnsCarryATableNameOfAtLeastOnePart() {
    // mssql-jdbc 13.6.2 read COLMETADATA with NumParts 0 as "The TDS protocol stream is not
    // valid"; [MS-TDS] 2.2.7.4 defines TableName = NumParts 1*PartName (TDS 7.2 and later)
    ok("CREATE TABLE legacy_lobs (t text, n ntext, i image)");
    ColMetadata md = ok("SELECT t, n, i, CAST('x' AS text) FROM legacy_lobs").results().get(0);
    assertThat(md.columns())
        .extracting(ColMetadata.Column::tableName)
        .containsExactly(
            List.of("dbo", "legacy_lobs"),
            List.of("dbo", "legacy_lobs"),
            List.of("dbo", "legacy_lobs"),
            List.of(""));
    assertThat(ok("SELECT CAST(1 AS int)").results().get(0).column(0).tableName()).isEmpty();
  }

  @Test
  void unicodeLiteralsGoIntoXmlColumnsWhole() {
    // mssql-jdbc got "internal error in the jctds SQL engine" (a NullPointerException) for
    // INSERT of N'...' into an xml column: the code-page narrowing
    // of varchar targets was applied to xml, which has no collation ([MS-TDS] 2.2.5.4.3: XMLTYPE
    // carries no COLLATION) and keeps any Unicode text ("xml (Transact-SQL)")
    ok("CREATE TABLE xml_doc (x xml)");
    ok("INSERT INTO xml_doc VALUES (N'<a>ż 𝄞</a>')");
    assertThat(scalar("SELECT x FROM xml_doc")).isEqualTo("<a>ż 𝄞</a>");
  }

  @Test
  void datetimeoffsetLiteralsWithWholeMinutesAndAnyOffset() {
    // mssql-jdbc got error 241 for CAST('2000-01-01 00:00:00 -14:00' AS datetimeoffset) (a time
    // with zero seconds and an offset other than +00:00); "datetimeoffset (Transact-SQL)":
    // offsets -14:00 through +14:00, seconds 00 to 59
    assertThat(scalar("SELECT CAST('2000-01-01 00:00:00 -14:00' AS datetimeoffset(7))"))
        .isEqualTo(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-14)));
    assertThat(scalar("SELECT CAST('0001-01-01 00:00:00 -14:00' AS datetimeoffset(7))"))
        .isEqualTo(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-14)));
    assertThat(scalar("SELECT CAST('2000-01-01 10:30 +14:00' AS datetimeoffset(7))"))
        .isEqualTo(OffsetDateTime.of(2000, 1, 1, 10, 30, 0, 0, ZoneOffset.ofHours(14)));
  }

  @Test
  void aDuplicateKeyInARowWithALongValueIsError2627() {
    // FreeTDS tsql saw "Unexpected EOF from the server": a PRIMARY KEY violation in a row that
    // held a 10,000-character value overflowed the stack of the session thread while the H2
    // message was read. SQL Server reports 2627 ("Database engine events and errors")
    ok("CREATE TABLE long_row (id int PRIMARY KEY, v varchar(max))");
    ok("INSERT INTO long_row VALUES (1, REPLICATE(CAST('x' AS varchar(max)), 10000))");
    RecordingSink s =
        run("INSERT INTO long_row VALUES (1, REPLICATE(CAST('x' AS varchar(max)), 10000))");
    assertThat(s.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.number()).isEqualTo(2627);
              assertThat(e.message()).endsWith("The duplicate key value is (1).");
            });
  }
}
