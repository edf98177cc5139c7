package io.jctds.protocol.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.type.TdsType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BulkLoadBCP message FreeTDS 1.3.17's {@code freebcp in -c} sent (TDS 7.4) for a table of
 * jctds-server's EveryType columns without xml and sql_variant (recorded from the server side in
 * FreeBcpIT's inLoadsWhatOutWrote): the expected values are that table's documented literals
 * (Microsoft's "Data types (Transact-SQL)" ranges), the column names its CREATE TABLE's.
 */
class BulkColMetadataTest {
  private static ByteBuffer capture() throws IOException {
    try (InputStream in =
        BulkColMetadataTest.class.getResourceAsStream("freebcp-1.3.17-every-type.bin")) {
      return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  @Test
  void decodesFreeTdsColumnsWithTheirOnePartTableName() throws IOException {
    ColMetadata md = BulkColMetadata.decode(capture(), TdsVersion.V7_4);
    assertThat(md.size()).isEqualTo(33); // id and 32 of EveryType's 34 columns
    assertThat(md.column(0).name()).isEqualTo("id");
    assertThat(md.column(1).name()).isEqualTo("c_bit");
    int text = md.indexOf("c_text");
    assertThat(md.column(text).typeInfo().type()).isEqualTo(TdsType.TEXT);
    // bulk.c writes bcpinfo->tablename, the name freebcp was given, as one US_VARCHAR
    assertThat(md.column(text).tableName()).containsExactly("master.dbo.bcp_in_target_false");
    assertThat(md.column(md.indexOf("c_image")).tableName())
        .containsExactly("master.dbo.bcp_in_target_false");
  }

  @Test
  void theRowsFollowingItDecodeToTheLoadedValues() throws IOException {
    ByteBuffer in = capture();
    TokenDecoder decoder = new TokenDecoder(TdsVersion.V7_4);
    ColMetadata md = BulkColMetadata.decode(in, TdsVersion.V7_4);
    decoder.metadata(md);
    List<Row> rows = new ArrayList<>();
    Token t;
    while ((t = decoder.next(in)) instanceof Row r) {
      rows.add(r.detach());
    }
    // FreeTDS ends the message after the last row (bulk.c's tds_bcp_done only flushes it): no DONE
    assertThat(t).isNull();
    assertThat(in.hasRemaining()).isFalse();
    assertThat(rows).hasSize(3);
    Row max = rows.get(0);
    assertThat(max.getInt(0)).isEqualTo(1);
    assertThat(max.getLong(md.indexOf("c_bigint"))).isEqualTo(Long.MAX_VALUE);
    assertThat(max.getBigDecimal(md.indexOf("c_money")))
        .isEqualByComparingTo(new BigDecimal("922337203685477.5807"));
    assertThat(max.getString(md.indexOf("c_nvarchar"))).isEqualTo("𝄞𝄞𝄞𝄞𝄞");
    assertThat(max.getString(md.indexOf("c_text"))).isEqualTo("text");
    assertThat(rows.get(2).isNull(md.indexOf("c_text"))).isTrue();
  }

  @Test
  void aServerColMetadataWithNumPartsIsNotABulkOne() {
    // a text column in a response's COLMETADATA (TDS 7.2+: NumParts 1, then the part): read as
    // a bulk load's, the NumParts byte and the part's length make a different name
    byte[] token = {
      (byte) 0x81,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0x23,
      0x10,
      0,
      0,
      0,
      0x09,
      0x04,
      (byte) 0xD0,
      0,
      0x34,
      1,
      1,
      0,
      't',
      0,
      1,
      'c',
      0
    };
    assertThatThrownBy(
            () ->
                BulkColMetadata.decode(
                    ByteBuffer.wrap(token).order(ByteOrder.LITTLE_ENDIAN), TdsVersion.V7_4))
        .isInstanceOf(TdsProtocolException.class);
  }
}
