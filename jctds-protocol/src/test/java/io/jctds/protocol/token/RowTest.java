package io.jctds.protocol.token;

import static io.jctds.protocol.Bytes.buf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.ConversionException;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowTest {
  private static final Collation C = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  private static ColMetadata wide() {
    List<ColMetadata.Column> cols = new ArrayList<>();
    TypeInfo[] types = {
      TypeInfo.intN(8),
      TypeInfo.bitN(),
      TypeInfo.fltN(8),
      TypeInfo.decimal(38, 6),
      TypeInfo.moneyN(8),
      TypeInfo.date(),
      TypeInfo.time(7),
      TypeInfo.datetime2(7),
      TypeInfo.datetimeOffset(7),
      TypeInfo.guid(),
      TypeInfo.varchar(100, C),
      TypeInfo.nvarchar(TypeInfo.MAX, C),
      TypeInfo.varbinary(TypeInfo.MAX),
      TypeInfo.xml(),
      TypeInfo.longText(TdsType.NTEXT, 0x3FFFFFFF, C),
      TypeInfo.variant()
    };
    for (int i = 0; i < types.length; i++) {
      cols.add(ColMetadata.Column.of("c" + i, types[i], ColMetadata.FLAG_NULLABLE));
    }
    return new ColMetadata(cols);
  }

  private static Object[] values() {
    return new Object[] {
      -5L,
      true,
      2.25,
      new BigDecimal("-123.456789"),
      new BigDecimal("9.9900"),
      LocalDate.of(2024, 2, 29),
      LocalTime.of(13, 14, 15, 123_456_700),
      LocalDateTime.of(1, 1, 1, 0, 0),
      OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-8)),
      UUID.fromString("01234567-89ab-cdef-0123-456789abcdef"),
      "café",
      "ünïcødé ".repeat(2000),
      new byte[] {0, 1, 2},
      "<a>1</a>",
      "ntext",
      77L
    };
  }

  private static List<Token> decode(byte[] wire) {
    return new TokenDecoder(TdsVersion.V7_4).decodeAll(buf(wire));
  }

  @Test
  void everyTypeInARowAndAnNbcRow() {
    ColMetadata md = wide();
    Object[] v = values();
    Object[] withNulls = v.clone();
    for (int i = 0; i < withNulls.length; i += 2) {
      withNulls[i] = null;
    }
    BufferWriter w = new BufferWriter();
    md.encode(w, TdsVersion.V7_4);
    Row.write(w, md, v);
    Row.writeNbc(w, md, withNulls);
    Row.writeNbc(w, md, v);
    List<Token> tokens = decode(w.toByteArray());
    Row row = (Row) tokens.get(1);
    Row nbc = (Row) tokens.get(2);
    Row nbcFull = (Row) tokens.get(3);
    assertThat(row.type()).isEqualTo(TokenType.ROW);
    assertThat(nbc.type()).isEqualTo(TokenType.NBCROW);
    assertThat(Arrays.deepToString(row.toArray())).isEqualTo(Arrays.deepToString(v));
    assertThat(Arrays.deepToString(nbcFull.toArray())).isEqualTo(Arrays.deepToString(v));
    assertThat(Arrays.deepToString(nbc.toArray())).isEqualTo(Arrays.deepToString(withNulls));
    assertThat(nbc.isNull(0)).isTrue();
    assertThat(nbc.isNull(1)).isFalse();
    assertThat(row.getLong(0)).isEqualTo(-5);
    assertThat(row.getBoolean(1)).isTrue();
    assertThat(row.getDouble(2)).isEqualTo(2.25);
    assertThat(row.getDate(7)).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(row.getTime(8)).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(row.getUuid(9)).isEqualTo(v[9]);
    assertThat(row.getString(11)).hasSize(16000);
    assertThat(row.getBytes(12)).containsExactly(0, 1, 2);
    assertThat(row.getDateTime(5)).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
    assertThat(row.getOffsetDateTime(8)).isEqualTo(v[8]);
    assertThat(row.getLong(15)).isEqualTo(77);
    assertThat(nbc.getLong(0)).isZero();
    assertThatThrownBy(() -> row.getUuid(0)).isInstanceOf(ConversionException.class);
    // raw re-emission is byte-exact
    BufferWriter again = new BufferWriter();
    row.encode(again, TdsVersion.V7_4);
    nbc.encode(again, TdsVersion.V7_4);
    BufferWriter orig = new BufferWriter();
    Row.write(orig, md, v);
    Row.writeNbc(orig, md, withNulls);
    assertThat(again.toByteArray()).isEqualTo(orig.toByteArray());
  }

  @Test
  void aDetachedRowSurvivesTheBufferBeingOverwritten() {
    ColMetadata md = TokenSamples.metadata();
    BufferWriter w = new BufferWriter();
    md.encode(w, TdsVersion.V7_4);
    Row.write(w, md, 1, "Ann", BigDecimal.ONE, LocalDateTime.of(2000, 1, 1, 0, 0), "note");
    byte[] wire = w.toByteArray();
    ByteBuffer b = buf(wire);
    TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
    d.next(b);
    Row row = (Row) d.next(b);
    Row kept = row.detach();
    assertThat(kept).isEqualTo(row);
    Arrays.fill(wire, (byte) 0);
    assertThat(kept.getString(1)).isEqualTo("Ann");
    assertThat(kept.getString(4)).isEqualTo("note");
    assertThat(kept.getInt(0)).isEqualTo(1);
    assertThat(row.getInt(0)).isZero(); // the raw row sees the overwritten bytes
  }

  @Test
  void rowArityIsChecked() {
    assertThatThrownBy(() -> Row.of(TokenSamples.metadata(), 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 values for 5 columns");
  }

  @Test
  void tds71ColumnMetadataUsesShortUserTypesAndOnePartTableNames() {
    ColMetadata md = TokenSamples.metadata();
    byte[] w71 = Bytes.encode(w -> md.encode(w, TdsVersion.V7_1));
    byte[] w72 = Bytes.encode(w -> md.encode(w, TdsVersion.V7_2));
    assertThat(w72.length - w71.length).isEqualTo(5 * 2 + 1); // user types + NumParts
    assertThat(new TokenDecoder(TdsVersion.V7_1).decodeAll(buf(w71))).containsExactly(md);
    ColMetadata none = (ColMetadata) decode(Bytes.hex("81 FF FF")).get(0);
    assertThat(none).isSameAs(ColMetadata.NONE);
  }
}
