package io.jctds.protocol.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A ROW and an NBCROW written byte by byte from [MS-TDS] (2.2.7.19 ROW, 2.2.7.13 NBCROW and the
 * data type definitions of 2.2.5.5.1, 2.2.5.2.3 PLP and 2.2.5.5.4 sql_variant), decoded to the
 * values Microsoft documents for them: datetimeoffset's example value 2007-05-08 12:35:29.1234567
 * +12:15, datetime's maximum 9999-12-31 23:59:59.997, decimal(38)'s maximum 10^38 - 1, money's
 * maximum 922,337,203,685,477.5807, uniqueidentifier's example 6F9619FF-8B86-D011-B42D-00C04FC964FF
 * (wire order: the first three groups little-endian), code page 1252's 0x80 (the euro sign),
 * UTF-8's C5 BC ('ż').
 */
class RowBytesTest {
  private static final Collation UTF8 = Collation.LATIN1_GENERAL_100_CI_AS_SC_UTF8;
  private static final Collation CP1252 = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  private static final ColMetadata MD =
      new ColMetadata(
          List.of(
              col("dto", TypeInfo.datetimeOffset(7)),
              col("dt", TypeInfo.fixed(TdsType.DATETIME)),
              col("dec", TypeInfo.decimal(38, 0)),
              col("m", TypeInfo.fixed(TdsType.MONEY)),
              col("g", TypeInfo.guid()),
              col("vmax", TypeInfo.varchar(TypeInfo.MAX, UTF8)),
              col("v", TypeInfo.varchar(10, CP1252)),
              col("sv", TypeInfo.variant()),
              col("bmax", TypeInfo.varbinary(TypeInfo.MAX))));

  private static ColMetadata.Column col(String name, TypeInfo t) {
    return ColMetadata.Column.of(name, t, ColMetadata.FLAG_NULLABLE);
  }

  private static final String ROW =
      "D1"
          // datetimeoffset(7): length 10; UTC time 00:20:29.1234567 in 100 ns units (5 bytes),
          // UTC days since 0001-01-01 (3 bytes: 732803), offset +735 minutes
          + " 0A 075B9DDC02 832E0B DF02"
          // datetime: days since 1900-01-01 (2958463), 1/300 s ticks (25919999 = one day - 1)
          + " 7F242D00 FF818B01"
          // decimal(38,0): length 17, sign 1 (positive), 10^38 - 1 as 16 bytes little-endian
          + " 11 01 FFFFFFFF3F228A097AC4865AA84C3B4B"
          // money: high 4 bytes then low 4 bytes of 2^63 - 1 ten-thousandths
          + " FFFFFF7F FFFFFFFF"
          // uniqueidentifier: length 16
          + " 10 FF19966F 868B 11D0 B42D00C04FC964FF"
          // varchar(max) UTF-8: PLP unknown length, chunks "C5BC" and "61", terminator
          + " FEFFFFFFFFFFFFFF 02000000 C5BC 01000000 61 00000000"
          // varchar(10) CP1252: length 1, 0x80
          + " 0100 80"
          // sql_variant: length 6, base type INT4 (0x38), no property bytes, 42
          + " 06000000 38 00 2A000000"
          // varbinary(max): PLP known length 3, chunks "CA" and "FEBA", terminator
          + " 0300000000000000 01000000 CA 02000000 FEBA 00000000";

  /** NBCROW: a 2-byte null bitmap with the nine columns' bits set, no values. */
  private static final String NBC_NULLS = "D2 FF01";

  private static final String DONE = "FD 10 00 C1 00 02 00 00 00 00 00 00 00";

  private static byte[] stream() {
    BufferWriter w = new BufferWriter();
    MD.encode(w, TdsVersion.V7_4);
    w.bytes(Bytes.hex(ROW + NBC_NULLS + DONE));
    return w.toByteArray();
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void everyColumnDecodesToTheDocumentedValue() throws IOException {
    List<Token> tokens = new TokenDecoder(TdsVersion.V7_4).decodeAll(le(stream()));
    assertThat(tokens).hasSize(4);
    Row r = (Row) tokens.get(1);
    assertThat(r.getObject(0)).isEqualTo(OffsetDateTime.parse("2007-05-08T12:35:29.1234567+12:15"));
    assertThat(r.getObject(1)).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000));
    assertThat(r.getObject(2)).isEqualTo(new BigDecimal("9".repeat(38)));
    assertThat(r.getObject(3)).isEqualTo(new BigDecimal("922337203685477.5807"));
    assertThat(r.getObject(4)).isEqualTo(UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"));
    assertThat(r.getObject(5)).isEqualTo("ża");
    assertThat(r.getObject(6)).isEqualTo("€");
    assertThat(r.getObject(7)).isEqualTo(42);
    assertThat(r.getObject(8)).isEqualTo(Bytes.hex("CAFEBA"));
    try (Reader in = chars(r, 5)) {
      StringWriter s = new StringWriter();
      in.transferTo(s);
      assertThat(s.toString()).isEqualTo("ża");
    }
    try (InputStream in = bytes(r, 8)) {
      assertThat(in.read()).isEqualTo(0xCA);
      byte[] two = new byte[8];
      assertThat(in.read(two, 0, 8)).isEqualTo(2);
      assertThat(Arrays.copyOf(two, 2)).isEqualTo(Bytes.hex("FEBA"));
      assertThat(in.read()).isEqualTo(-1);
    }
    Row nulls = (Row) tokens.get(2);
    for (int i = 0; i < MD.size(); i++) {
      assertThat(nulls.isNull(i)).isTrue();
      assertThat(nulls.getObject(i)).isNull();
      assertThat(bytesOrNull(nulls, i)).isNull();
    }
    assertThat(((Done) tokens.get(3)).rowCount()).isEqualTo(2);
  }

  private static InputStream bytesOrNull(Row r, int i) {
    TypeInfo t = r.metadata().column(i).typeInfo();
    return t.family() == TypeInfo.Family.BINARY || t.family() == TypeInfo.Family.CHAR
        ? bytes(r, i)
        : null;
  }

  private static InputStream bytes(Row r, int i) {
    return ValueStreams.bytes(
        r.metadata().column(i).typeInfo(), r.buffer(), r.offset(i), r.length(i));
  }

  private static Reader chars(Row r, int i) {
    return ValueStreams.chars(
        r.metadata().column(i).typeInfo(), r.buffer(), r.offset(i), r.length(i));
  }

  @Test
  void everyTruncatedPrefixAsksForMoreBytes() {
    byte[] all = stream();
    int mdLength = all.length - Bytes.hex(ROW + NBC_NULLS + DONE).length;
    for (int n = mdLength; n < all.length; n++) {
      TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
      ByteBuffer b = le(Arrays.copyOf(all, n));
      List<Token> got = new ArrayList<>();
      Token t;
      int before = b.position();
      while ((t = d.next(b)) != null) {
        got.add(t);
        before = b.position();
      }
      assertThat(b.position()).as("prefix %d", n).isEqualTo(before);
      assertThat(d.missing()).as("prefix %d", n).isPositive();
      assertThat(got.size()).as("prefix %d", n).isLessThan(4);
    }
  }

  @Test
  void randomShortReadsGiveTheSameTokens() {
    byte[] all = stream();
    List<Token> expected = new TokenDecoder(TdsVersion.V7_4).decodeAll(le(all));
    Random random = new Random(20261206);
    for (int round = 0; round < 200; round++) {
      TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
      ByteBuffer window = le(new byte[all.length]);
      window.limit(0);
      List<Token> got = new ArrayList<>();
      for (int fed = 0; fed < all.length; ) {
        int n = Math.min(1 + random.nextInt(9), all.length - fed);
        window.limit(fed + n);
        window.duplicate().position(fed).put(all, fed, n);
        fed += n;
        Token t;
        while ((t = d.next(window)) != null) {
          got.add(t);
        }
      }
      assertThat(got).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void plpChunksThatOverrunOrNeverEndAreProtocolErrors() {
    TypeInfo t = TypeInfo.varbinary(TypeInfo.MAX);
    // a chunk announcing 5 bytes where 2 remain, and chunks without the zero terminator
    ByteBuffer overrun = le(Bytes.hex("05000000 CAFE"));
    assertThatThrownBy(() -> ValueStreams.bytes(t, overrun, 0, 6).readAllBytes())
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("overruns");
    ByteBuffer open = le(Bytes.hex("02000000 CAFE"));
    assertThatThrownBy(() -> ValueStreams.bytes(t, open, 0, 6).readAllBytes())
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("not terminated");
  }
}
