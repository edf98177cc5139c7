package io.jctds.protocol.token;

import static io.jctds.protocol.Bytes.buf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The row scan by per-result-set layout ({@link RowLayout}) and row reuse ({@link
 * TokenDecoder#reuseRows}). The bytes are written by hand from [MS-TDS] 2.2.7.4 COLMETADATA (7.2+:
 * ULONG user type, USHORT flags, TYPE_INFO, B_VARCHAR name), 2.2.7.19 ROW, 2.2.7.13 NBCROW and
 * 2.2.5.5.1 (INTN, GUID, BITN, DATETIME2N and DECIMALN hold a one-byte length, 0 = NULL).
 */
class RowScanTest {
  /** a intn(4), b uniqueidentifier, c bitn, d datetime2(7), e varbinary(255) (legacy BYTELEN). */
  static final String METADATA =
      "81 05 00"
          + " 00 00 00 00 01 00 26 04 01 61 00"
          + " 00 00 00 00 01 00 24 10 01 62 00"
          + " 00 00 00 00 01 00 68 01 01 63 00"
          + " 00 00 00 00 01 00 2A 07 01 64 00"
          + " 00 00 00 00 01 00 25 FF 01 65 00";

  /**
   * 42; 6F9619FF-8B86-D011-B42D-00C04FC964FF (the uniqueidentifier of Microsoft's T-SQL docs),
   * stored Data1-Data3 little-endian ([MS-DTYP] 2.3.4.2); 1; 0001-01-02 00:00:00.0000001 (5 bytes
   * of 100 ns ticks, then 3 bytes of days since 0001-01-01); 80 bytes of 0xAB.
   */
  static final String ROW =
      "D1 04 2A 00 00 00"
          + " 10 FF 19 96 6F 86 8B 11 D0 B4 2D 00 C0 4F C9 64 FF"
          + " 01 01"
          + " 08 01 00 00 00 00 01 00 00"
          + " 50"
          + " AB".repeat(80);

  static final String NULL_ROW = "D1 00 00 00 00 00";

  /** NBCROW: bitmap 0x1D = columns a, c, d, e NULL; b as in ROW. */
  static final String NBC_ROW = "D2 1D 10 FF 19 96 6F 86 8B 11 D0 B4 2D 00 C0 4F C9 64 FF";

  private static final UUID GUID = UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF");

  private static void assertFirstRow(Row r) {
    assertThat(r.getInt(0)).isEqualTo(42);
    assertThat(r.getUuid(1)).isEqualTo(GUID);
    assertThat(r.getBoolean(2)).isTrue();
    assertThat(r.getDateTime(3)).isEqualTo(LocalDateTime.of(1, 1, 2, 0, 0, 0, 100));
    assertThat(r.length(4)).isEqualTo(80);
    assertThat(r.getBytes(4)).containsOnly((byte) 0xAB);
  }

  @Test
  void scansEveryColumnOfARow() {
    TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
    ByteBuffer in = buf(METADATA + ROW + NULL_ROW + NBC_ROW);
    assertThat(d.next(in)).isInstanceOf(ColMetadata.class);
    Row r = (Row) d.next(in);
    assertFirstRow(r);
    assertThat(r.offset(0)).isEqualTo(hexLength(METADATA) + 2); // after D1 and the length byte
    Row nulls = (Row) d.next(in);
    for (int i = 0; i < 5; i++) {
      assertThat(nulls.isNull(i)).as("column %d", i).isTrue();
    }
    Row nbc = (Row) d.next(in);
    assertThat(nbc.isNull(0)).isTrue();
    assertThat(nbc.getUuid(1)).isEqualTo(GUID);
    assertThat(nbc.isNull(2) && nbc.isNull(3) && nbc.isNull(4)).isTrue();
    assertThat(in.hasRemaining()).isFalse();
    assertFirstRow(r); // without reuse, every row is its own
  }

  private static int hexLength(String hex) {
    return hex.replace(" ", "").length() / 2;
  }

  @Test
  void aReusingDecoderOverwritesOneRowAndDetachedCopiesSurvive() {
    TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
    d.reuseRows(true);
    assertThat(d.reusesRows()).isTrue();
    ByteBuffer in =
        buf(
            METADATA
                + ROW
                + NULL_ROW
                + "81 01 00 00 00 00 00 01 00 26 04 01 78 00"
                + "D1 04 07 00 00 00");
    d.next(in);
    Row first = (Row) d.next(in);
    assertFirstRow(first);
    Row kept = first.detach();
    Row second = (Row) d.next(in);
    assertThat(second).isSameAs(first);
    assertThat(second.isNull(0)).isTrue();
    assertFirstRow(kept);
    d.next(in); // one column now
    Row third = (Row) d.next(in);
    assertThat(third).isSameAs(first);
    assertThat(third.size()).isEqualTo(1);
    assertThat(third.metadata().column(0).name()).isEqualTo("x");
    assertThat(third.getInt(0)).isEqualTo(7);
  }

  @Test
  void aDirectBufferAndAnArraySliceScanAlike() {
    byte[] bytes = Bytes.hex(METADATA + ROW + NULL_ROW + NBC_ROW);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes).flip();
    byte[] padded = new byte[bytes.length + 7];
    System.arraycopy(bytes, 0, padded, 7, bytes.length);
    ByteBuffer slice = ByteBuffer.wrap(padded).position(7).slice().order(ByteOrder.LITTLE_ENDIAN);
    for (ByteBuffer in : List.of(direct, slice)) {
      TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
      d.next(in);
      assertFirstRow((Row) d.next(in));
      assertThat(((Row) d.next(in)).isNull(4)).isTrue();
      Row nbc = (Row) d.next(in);
      assertThat(nbc.isNull(0)).isTrue();
      assertThat(nbc.getUuid(1)).isEqualTo(GUID);
      assertThat(in.hasRemaining()).isFalse();
    }
  }

  /** Every cut of the row (inside a length or a value) waits for more bytes and consumes none. */
  @Test
  void everyPrefixOfARowNeedsMoreBytes() {
    byte[] all = Bytes.hex(METADATA + ROW + NBC_ROW);
    int rowStart = hexLength(METADATA);
    for (int cut = rowStart + 1; cut < all.length; cut++) {
      if (cut == rowStart + hexLength(ROW)) {
        continue; // a whole ROW, then nothing of the NBCROW
      }
      TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
      ByteBuffer in = buf(Arrays.copyOf(all, cut));
      d.next(in);
      if (cut > rowStart + hexLength(ROW)) {
        assertThat(d.next(in)).isInstanceOf(Row.class);
      }
      int at = in.position();
      assertThat(d.next(in)).as("cut at %d", cut).isNull();
      assertThat(d.missing()).as("cut at %d", cut).isPositive();
      assertThat(in.position()).isEqualTo(at);
    }
  }

  @Test
  void rejectsOneByteLengthsTheTypeCannotHave() {
    String intn4 = "81 01 00 00 00 00 00 01 00 26 04 01 61 00";
    String intn8 = "81 01 00 00 00 00 00 01 00 26 08 01 61 00";
    String guid = "81 01 00 00 00 00 00 01 00 24 10 01 61 00";
    String bitn = "81 01 00 00 00 00 00 01 00 68 01 01 61 00";
    String dt2 = "81 01 00 00 00 00 00 01 00 2A 07 01 61 00";
    String dec = "81 01 00 00 00 00 00 01 00 6A 11 26 04 01 61 00"; // decimal(38,4): 17 bytes
    rejected(intn4 + " D1 03 01 02 03", "int", 3);
    rejected(intn4 + " D1 08" + " 01".repeat(8), "int", 8);
    rejected(guid + " D1 0F" + " 01".repeat(15), "uniqueidentifier", 15);
    rejected(bitn + " D1 02 01 00", "bit", 2);
    rejected(dt2 + " D1 07" + " 00".repeat(7), "datetime2", 7);
    rejected(dec + " D1 12" + " 01".repeat(18), "decimal", 18);
    rejected(dec + " D1 C8" + " 01".repeat(200), "decimal", 200);
    // accepted: a smaller integer in an intn(8) column ([MS-TDS] 2.2.5.5.1.1: INTN 1, 2, 4 or 8)
    assertThat(single(intn8 + " D1 02 05 01").getLong(0)).isEqualTo(0x0105);
  }

  @Test
  void aLegacyVarbinaryTakesAnyOneByteLength() {
    String varbinary = "81 01 00 00 00 00 00 01 00 25 FF 01 61 00";
    Row r = single(varbinary + " D1 C8" + " 5A".repeat(200));
    assertThat(r.length(0)).isEqualTo(200);
  }

  @Test
  void aTruncatedNbcRowBitmapAsksForTheBitmap() {
    String nine = "81 09 00" + " 00 00 00 00 01 00 26 04 01 61 00".repeat(9);
    TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
    ByteBuffer in = buf(nine + " D2 FF");
    d.next(in);
    int at = in.position();
    assertThat(d.next(in)).isNull();
    assertThat(d.missing()).isEqualTo(1); // 9 columns: a 2-byte bitmap, 1 byte present
    assertThat(in.position()).isEqualTo(at);
  }

  private static Row single(String hex) {
    TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
    ByteBuffer in = buf(hex);
    d.next(in);
    return (Row) d.next(in);
  }

  private static void rejected(String hex, String sqlName, int len) {
    assertThatThrownBy(() -> single(hex))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining(sqlName)
        .hasMessageContaining("cannot be " + len + " bytes long");
  }
}
