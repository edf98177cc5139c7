package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ColMetadata;
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
}
