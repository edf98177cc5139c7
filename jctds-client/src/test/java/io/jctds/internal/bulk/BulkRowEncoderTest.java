package io.jctds.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.BulkOptions;
import io.jctds.DataError;
import io.jctds.ProgrammingError;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing the sent columns and encoding rows, with expected bytes from cited sources. */
class BulkRowEncoderTest {
  private static final Collation CP1252 = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  /** id int identity, v varchar(10) (code page 1252), c computed, ts timestamp. */
  private static final ColMetadata TABLE =
      new ColMetadata(
          List.of(
              ColMetadata.Column.of("id", TypeInfo.fixed(TdsType.INT4), 0x0010),
              ColMetadata.Column.of("v", TypeInfo.varchar(10, CP1252), 0x0009),
              ColMetadata.Column.of(
                  "c", TypeInfo.intN(4), ColMetadata.FLAG_COMPUTED | ColMetadata.FLAG_NULLABLE),
              new ColMetadata.Column(80, 0x0008, TypeInfo.binary(8), List.of(), "ts")));

  private static String row(BulkRowEncoder e, Object row) {
    BufferWriter w = new BufferWriter();
    e.writeRow(w, row, 1);
    return HexFormat.of().formatHex(w.toByteArray());
  }

  @Test
  void computedAndTimestampColumnsAreNeverSentAndIdentityOnlyWithKeepIdentity() {
    BulkTable plain = BulkTable.of("t", TABLE, BulkOptions.DEFAULTS);
    assertThat(plain.names()).containsExactly("v");
    assertThat(plain.arity()).isEqualTo(2); // id and v: positional rows hold the identity too
    BulkTable keep = BulkTable.of("t", TABLE, BulkOptions.builder().keepIdentity(true).build());
    assertThat(keep.names()).containsExactly("id", "v");
    assertThat(keep.insertBulk(BulkOptions.builder().keepIdentity(true).build()))
        .isEqualTo("INSERT BULK t ([id] int, [v] nvarchar(10)) WITH (KEEP_IDENTITY)");
  }

  @Test
  void autoEncodeSendsTheCodePageBytesAndRejectsWhatItLacks() {
    BulkOptions o = BulkOptions.builder().autoEncode(true).build();
    BulkRowEncoder e = new BulkRowEncoder(BulkTable.of("t", TABLE, o));
    // Windows-1252 code chart (Microsoft, "Code Page 1252"): é is 0xE9; ROW token 0xD1, then a
    // USHORTLEN length of 4 ([MS-TDS] 2.2.5.2.2)
    assertThat(row(e, Arrays.asList(99, "café"))).isEqualTo("d10400636166e9");
    // ł (U+0142) is not in code page 1252
    assertThatThrownBy(() -> row(e, Arrays.asList(1, "łódź")))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("row 1, column [v]")
        .hasMessageContaining("1252");
  }

  @Test
  void withoutAutoEncodeVarcharIsSentAsNvarchar() {
    BulkRowEncoder e = new BulkRowEncoder(BulkTable.of("t", TABLE, BulkOptions.DEFAULTS));
    // UTF-16LE of "ł" is 42 01 (Unicode U+0142), length 2
    assertThat(row(e, new Object[] {null, "ł"})).isEqualTo("d102004201");
  }

  @Test
  void mapRowsByNameWithMissingKeysAsNullAndUnknownKeysRejected() {
    BulkRowEncoder e = new BulkRowEncoder(BulkTable.of("t", TABLE, BulkOptions.DEFAULTS));
    // a NULL of a USHORTLEN type is the length 0xFFFF ([MS-TDS] 2.2.4.2.1.3)
    assertThat(row(e, Map.of())).isEqualTo("d1ffff");
    Map<String, Object> typo = new HashMap<>();
    typo.put("vv", "x");
    assertThatThrownBy(() -> row(e, typo))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("vv");
  }

  @Test
  void aRowOfTheWrongShapeOrAValueTooLongIsDataError() {
    BulkRowEncoder e = new BulkRowEncoder(BulkTable.of("t", TABLE, BulkOptions.DEFAULTS));
    assertThatThrownBy(() -> row(e, List.of("only one")))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("has 1 values but the table has 2");
    assertThatThrownBy(() -> row(e, "not a row")).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> row(e, Arrays.asList(1, "x".repeat(11))))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("column [v]");
  }

  @Test
  void orderNamesAColumnOfTheTable() {
    BulkOptions o = BulkOptions.builder().order("nope").build();
    assertThatThrownBy(() -> BulkTable.of("t", TABLE, o)).isInstanceOf(ProgrammingError.class);
    BulkOptions bad = BulkOptions.builder().order("v sideways").build();
    assertThatThrownBy(() -> BulkTable.of("t", TABLE, bad).insertBulk(bad))
        .isInstanceOf(ProgrammingError.class);
  }
}
