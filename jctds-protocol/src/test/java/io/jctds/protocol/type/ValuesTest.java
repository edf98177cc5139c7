package io.jctds.protocol.type;

import static io.jctds.protocol.Bytes.buf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsTruncatedException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static final Collation C = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  /** A written value: its bytes, and the packed location the scanner found. */
  private record Cell(TypeInfo t, ByteBuffer b, long packed) {
    int off() {
      return ValueScanner.offset(packed);
    }

    int len() {
      return ValueScanner.length(packed);
    }

    Object object() {
      return Values.getObject(t, b, off(), len());
    }
  }

  private static Cell cell(TypeInfo t, Object v) {
    BufferWriter w = new BufferWriter();
    ValueWriter.write(w, t, v);
    byte[] wire = w.toByteArray();
    ByteBuffer b = buf(wire);
    long packed = ValueScanner.scan(t, b);
    assertThat(b.hasRemaining()).as("scanner consumed all of %s", t).isFalse();
    Bytes.assertEveryPrefixFails(wire, x -> ValueScanner.scan(t, x));
    return new Cell(t, buf(wire), packed);
  }

  private static String wire(TypeInfo t, Object v) {
    return Bytes.toHex(Bytes.encode(w -> ValueWriter.write(w, t, v)));
  }

  @Test
  void integers() {
    assertThat(wire(TypeInfo.intN(4), 1)).isEqualTo("04 01 00 00 00");
    assertThat(wire(TypeInfo.fixed(TdsType.INT2), -2)).isEqualTo("FE FF");
    assertThat(wire(TypeInfo.intN(1), 255)).isEqualTo("01 FF");
    assertThat(cell(TypeInfo.intN(1), 255).object()).isEqualTo((short) 255);
    assertThat(cell(TypeInfo.intN(2), -300).object()).isEqualTo((short) -300);
    assertThat(cell(TypeInfo.intN(4), Integer.MIN_VALUE).object()).isEqualTo(Integer.MIN_VALUE);
    Cell big = cell(TypeInfo.fixed(TdsType.INT8), Long.MAX_VALUE);
    assertThat(Values.getLong(big.t(), big.b(), big.off(), big.len())).isEqualTo(Long.MAX_VALUE);
    assertThat(Values.getString(big.t(), big.b(), big.off(), big.len()))
        .isEqualTo("9223372036854775807");
    assertThatThrownBy(() -> wire(TypeInfo.intN(1), 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tinyint");
    assertThatThrownBy(() -> wire(TypeInfo.intN(4), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullsForEveryKind() {
    assertThat(wire(TypeInfo.intN(4), null)).isEqualTo("00");
    assertThat(wire(TypeInfo.nvarchar(10, C), null)).isEqualTo("FF FF");
    assertThat(wire(TypeInfo.nvarchar(TypeInfo.MAX, C), null)).isEqualTo("FF FF FF FF FF FF FF FF");
    assertThat(wire(TypeInfo.longText(TdsType.TEXT, 100, C), null)).isEqualTo("00");
    assertThat(wire(TypeInfo.variant(), null)).isEqualTo("00 00 00 00");
    for (TypeInfo t : TypeInfoTest.samples()) {
      if (t.type().isFixed() && t.type() != TdsType.NULL) {
        assertThatThrownBy(() -> wire(t, null)).isInstanceOf(IllegalArgumentException.class);
        continue;
      }
      Cell c = cell(t, null);
      assertThat(c.len()).as(t.sqlName()).isEqualTo(-1);
      assertThat(c.object()).isNull();
      assertThat(Values.getLong(t, c.b(), c.off(), c.len())).isZero();
      assertThat(Values.getString(t, c.b(), c.off(), c.len())).isNull();
    }
  }

  @Test
  void bitAndFloats() {
    assertThat(cell(TypeInfo.bitN(), true).object()).isEqualTo(true);
    assertThat(wire(TypeInfo.fixed(TdsType.BIT), false)).isEqualTo("00");
    assertThat(cell(TypeInfo.fltN(8), Math.PI).object()).isEqualTo(Math.PI);
    assertThat(cell(TypeInfo.fltN(4), 1.5f).object()).isEqualTo(1.5f);
    assertThat(wire(TypeInfo.fixed(TdsType.FLT8), 1.0)).isEqualTo("00 00 00 00 00 00 F0 3F");
    Cell f = cell(TypeInfo.fltN(8), 42.9);
    assertThat(Values.getLong(f.t(), f.b(), f.off(), f.len())).isEqualTo(42);
  }

  @Test
  void decimals() {
    assertThat(wire(TypeInfo.decimal(5, 2), new BigDecimal("123.45")))
        .isEqualTo("05 01 39 30 00 00");
    assertThat(wire(TypeInfo.decimal(5, 2), new BigDecimal("-1"))).isEqualTo("05 00 64 00 00 00");
    BigDecimal max = new BigDecimal("9".repeat(38));
    assertThat(cell(TypeInfo.numeric(38, 0), max).object()).isEqualTo(max);
    BigDecimal neg = new BigDecimal("-12345678901234567890.123456");
    assertThat(cell(TypeInfo.decimal(28, 6), neg).object()).isEqualTo(neg);
    assertThat(cell(TypeInfo.decimal(19, 4), new BigDecimal("922337203685477.5807")).object())
        .isEqualTo(new BigDecimal("922337203685477.5807"));
    assertThat(cell(TypeInfo.decimal(10, 2), 7L).object()).isEqualTo(new BigDecimal("7.00"));
    assertThatThrownBy(() -> wire(TypeInfo.decimal(5, 2), new BigDecimal("1234.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decimal(5,2)");
  }

  @Test
  void money() {
    assertThat(wire(TypeInfo.fixed(TdsType.MONEY), BigDecimal.ONE))
        .isEqualTo("00 00 00 00 10 27 00 00");
    assertThat(wire(TypeInfo.fixed(TdsType.MONEY), BigDecimal.ONE.negate()))
        .isEqualTo("FF FF FF FF F0 D8 FF FF");
    BigDecimal v = new BigDecimal("-922337203685477.5808");
    assertThat(cell(TypeInfo.moneyN(8), v).object()).isEqualTo(v);
    assertThat(cell(TypeInfo.moneyN(4), new BigDecimal("214748.3647")).object())
        .isEqualTo(new BigDecimal("214748.3647"));
    assertThatThrownBy(() -> wire(TypeInfo.moneyN(4), new BigDecimal("214748.3648")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void legacyDatetimes() {
    TypeInfo dt = TypeInfo.fixed(TdsType.DATETIME);
    assertThat(wire(dt, LocalDateTime.of(2000, 1, 1, 12, 0))).isEqualTo("AC 8E 00 00 00 C1 C5 00");
    assertThat(wire(dt, LocalDateTime.of(1753, 1, 1, 0, 0))).isEqualTo("46 2E FF FF 00 00 00 00");
    ByteBuffer oneTick = buf("00 00 00 00 01 00 00 00");
    assertThat(DateTimeCodec.decodeDateTime(oneTick, 0))
        .isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0, 0, 3_000_000));
    assertThat(DateTimeCodec.decodeDateTime(buf("00 00 00 00 02 00 00 00"), 0).getNano())
        .isEqualTo(7_000_000);
    LocalDateTime t = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 997_000_000);
    assertThat(cell(TypeInfo.datetimeN(8), t).object()).isEqualTo(t);
    assertThat(cell(dt, LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_000_000)).object())
        .isEqualTo(LocalDateTime.of(2024, 3, 1, 0, 0));
    TypeInfo small = TypeInfo.datetimeN(4);
    assertThat(cell(small, LocalDateTime.of(2079, 6, 6, 23, 59)).object())
        .isEqualTo(LocalDateTime.of(2079, 6, 6, 23, 59));
    assertThat(cell(small, LocalDateTime.of(2020, 1, 1, 10, 0, 30)).object())
        .isEqualTo(LocalDateTime.of(2020, 1, 1, 10, 1));
    assertThatThrownBy(() -> wire(dt, LocalDateTime.of(1752, 12, 31, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newDateTimeTypes() {
    assertThat(wire(TypeInfo.date(), LocalDate.of(2000, 1, 1))).isEqualTo("03 07 24 0B");
    assertThat(wire(TypeInfo.date(), LocalDate.of(1, 1, 1))).isEqualTo("03 00 00 00");
    assertThat(wire(TypeInfo.time(7), LocalTime.of(12, 34, 56, 123_456_700)))
        .isEqualTo("05 87 EE 97 76 69");
    assertThat(
            wire(
                TypeInfo.datetimeOffset(0),
                OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, ZoneOffset.ofHours(2))))
        .isEqualTo("08 80 70 00 80 46 0B 78 00");
    for (int scale = 0; scale <= 7; scale++) {
      LocalTime lt =
          LocalTime.of(23, 59, 59).withNano(scale == 0 ? 0 : 100 * (int) Math.pow(10, 7 - scale));
      assertThat(cell(TypeInfo.time(scale), lt).object()).as("time(%d)", scale).isEqualTo(lt);
      LocalDateTime ldt = LocalDate.of(9999, 12, 31).atTime(lt);
      assertThat(cell(TypeInfo.datetime2(scale), ldt).object()).isEqualTo(ldt);
      OffsetDateTime odt = ldt.minusYears(5000).atOffset(ZoneOffset.ofHoursMinutes(-5, -30));
      Cell c = cell(TypeInfo.datetimeOffset(scale), odt);
      assertThat(c.object()).isEqualTo(odt);
      assertThat(Values.getDateTime(c.t(), c.b(), c.off(), c.len()))
          .isEqualTo(odt.toLocalDateTime());
    }
    Cell rounded =
        cell(TypeInfo.datetime2(0), LocalDateTime.of(2020, 12, 31, 23, 59, 59, 600_000_000));
    assertThat(rounded.object()).isEqualTo(LocalDateTime.of(2021, 1, 1, 0, 0));
    Cell d = cell(TypeInfo.date(), LocalDate.of(2024, 2, 29));
    assertThat(Values.getDateTime(d.t(), d.b(), d.off(), d.len()))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
    assertThatThrownBy(() -> Values.getOffsetDateTime(d.t(), d.b(), d.off(), d.len()))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("date");
  }

  @Test
  void guidIsMixedEndian() {
    UUID u = UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF");
    assertThat(wire(TypeInfo.guid(), u))
        .isEqualTo("10 FF 19 96 6F 86 8B 11 D0 B4 2D 00 C0 4F C9 64 FF");
    Cell c = cell(TypeInfo.guid(), u);
    assertThat(c.object()).isEqualTo(u);
    assertThat(Values.getString(c.t(), c.b(), c.off(), c.len()))
        .isEqualTo("6F9619FF-8B86-D011-B42D-00C04FC964FF");
  }

  @Test
  void strings() {
    assertThat(wire(TypeInfo.nvarchar(10, C), "hé")).isEqualTo("04 00 68 00 E9 00");
    // U+1F600 is the surrogate pair D83D DE00 in UTF-16 (RFC 2781), little-endian per code unit
    assertThat(wire(TypeInfo.nvarchar(10, C), "a\uD83D\uDE00"))
        .isEqualTo("06 00 61 00 3D D8 00 DE");
    // a lone surrogate is malformed UTF-16: String.getBytes puts the charset's replacement, U+FFFD
    assertThat(wire(TypeInfo.nvarchar(10, C), "a\uD83D")).isEqualTo("04 00 61 00 FD FF");
    assertThat(wire(TypeInfo.varchar(10, C), "hé€")).isEqualTo("03 00 68 E9 80");
    assertThat(cell(TypeInfo.varchar(10, C), "hé€").object()).isEqualTo("hé€");
    assertThat(cell(TypeInfo.nvarchar(10, C), "日本語").object()).isEqualTo("日本語");
    assertThat(cell(TypeInfo.nchar(4, C), "ab").object()).isEqualTo("ab  ");
    assertThat(cell(TypeInfo.charType(4, C), "ab").object()).isEqualTo("ab  ");
    Collation cyr = new Collation(0x0419, 1, 0, 0);
    assertThat(cell(TypeInfo.varchar(20, cyr), "Привет").object()).isEqualTo("Привет");
    Collation utf8 = Collation.LATIN1_GENERAL_100_CI_AS_SC_UTF8;
    assertThat(cell(TypeInfo.varchar(20, utf8), "日本").object()).isEqualTo("日本");
    assertThat(cell(TypeInfo.longText(TdsType.NTEXT, 0x3FFFFFFF, C), "long text").object())
        .isEqualTo("long text");
    Cell n = cell(TypeInfo.nvarchar(10, C), " 42 ");
    assertThat(Values.getLong(n.t(), n.b(), n.off(), n.len())).isEqualTo(42);
    Cell bad = cell(TypeInfo.nvarchar(10, C), "x");
    assertThatThrownBy(() -> Values.getLong(bad.t(), bad.b(), bad.off(), bad.len()))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("\"x\"");
    assertThatThrownBy(() -> wire(TypeInfo.nvarchar(2, C), "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nvarchar(2)");
  }

  @Test
  void plpValuesAreChunked() {
    String big = "x".repeat(20_000);
    Cell c = cell(TypeInfo.nvarchar(TypeInfo.MAX, C), big);
    assertThat(c.object()).isEqualTo(big);
    assertThat(PlpCodec.dataLength(c.b(), c.off(), c.len())).isEqualTo(40_000);
    assertThat(cell(TypeInfo.varbinary(TypeInfo.MAX), new byte[0]).object()).isEqualTo(new byte[0]);
    assertThat(wire(TypeInfo.varbinary(TypeInfo.MAX), new byte[] {7}))
        .isEqualTo("01 00 00 00 00 00 00 00 01 00 00 00 07 00 00 00 00");
    // several chunks with an unknown total length, as SQL Server streams them
    ByteBuffer multi =
        buf("FE FF FF FF FF FF FF FF 02 00 00 00 61 00 04 00 00 00 62 00 63 00 00 00 00 00");
    long p = ValueScanner.scan(TypeInfo.nvarchar(TypeInfo.MAX, C), multi);
    assertThat(
            Values.getString(
                TypeInfo.nvarchar(TypeInfo.MAX, C),
                multi,
                ValueScanner.offset(p),
                ValueScanner.length(p)))
        .isEqualTo("abc");
    assertThatThrownBy(
            () ->
                ValueScanner.scan(
                    TypeInfo.varbinary(TypeInfo.MAX),
                    buf("05 00 00 00 00 00 00 00 01 00 00 00 07 00 00 00 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("declares 5 bytes but its chunks hold 1");
    assertThatThrownBy(
            () ->
                ValueScanner.scan(
                    TypeInfo.varbinary(TypeInfo.MAX), buf("FE FF FF FF FF FF FF FF 00 00 00 10")))
        .isInstanceOf(TdsTruncatedException.class);
  }

  @Test
  void binary() {
    assertThat(cell(TypeInfo.varbinary(10), new byte[] {1, 2}).object())
        .isEqualTo(new byte[] {1, 2});
    assertThat(cell(TypeInfo.binary(4), new byte[] {1}).object())
        .isEqualTo(new byte[] {1, 0, 0, 0});
    Cell c = cell(TypeInfo.varbinary(10), new byte[] {(byte) 0xAB, 0x01});
    assertThat(Values.getString(c.t(), c.b(), c.off(), c.len())).isEqualTo("AB01");
    assertThat(cell(TypeInfo.longText(TdsType.IMAGE, 0x7FFFFFFF, null), new byte[] {9}).object())
        .isEqualTo(new byte[] {9});
    assertThatThrownBy(() -> Values.getLong(c.t(), c.b(), c.off(), c.len()))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("varbinary(10)");
  }

  @Test
  void sqlVariantCarriesItsBaseType() {
    Object[] values = {
      42,
      42L,
      (short) 7,
      true,
      2.5,
      1.25f,
      new BigDecimal("123.456"),
      UUID.randomUUID(),
      LocalDate.of(2024, 1, 2),
      LocalTime.of(1, 2, 3),
      LocalDateTime.of(2024, 1, 2, 3, 4, 5),
      OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(9)),
      new byte[] {1, 2, 3},
      "hello"
    };
    for (Object v : values) {
      Object back = cell(TypeInfo.variant(), v).object();
      assertThat(back).as("%s", v).isEqualTo(v);
    }
    Cell i = cell(TypeInfo.variant(), 42);
    assertThat(Values.getLong(i.t(), i.b(), i.off(), i.len())).isEqualTo(42);
    assertThat(Values.getString(i.t(), i.b(), i.off(), i.len())).isEqualTo("42");
    ByteBuffer badBase = buf("04 00 00 00 01 00 00 00");
    long p = ValueScanner.scan(TypeInfo.variant(), badBase);
    assertThatThrownBy(
            () ->
                Values.getObject(
                    TypeInfo.variant(), badBase, ValueScanner.offset(p), ValueScanner.length(p)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("sql_variant");
  }

  @Test
  void scannerRejectsLengthsThatDoNotSuitTheType() {
    assertThatThrownBy(() -> ValueScanner.scan(TypeInfo.intN(4), buf("03 01 02 03")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("int value cannot be 3 bytes");
    assertThatThrownBy(() -> ValueScanner.scan(TypeInfo.datetime2(7), buf("05 00 00 00 00 00")))
        .isInstanceOf(TdsProtocolException.class);
    assertThatThrownBy(() -> ValueScanner.scan(TypeInfo.guid(), buf("04 00 00 00 00")))
        .isInstanceOf(TdsProtocolException.class);
  }

  @Test
  void randomBytesScanAndReadAsAValueOrAProtocolError() {
    Random r = new Random(4);
    for (TypeInfo t : TypeInfoTest.samples()) {
      for (int i = 0; i < 300; i++) {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        if (b.length > 0 && r.nextBoolean()) {
          b[0] = (byte) r.nextInt(20);
        }
        try {
          ByteBuffer in = buf(b);
          long p = ValueScanner.scan(t, in);
          Values.getObject(t, in, ValueScanner.offset(p), ValueScanner.length(p));
          Values.getString(t, in, ValueScanner.offset(p), ValueScanner.length(p));
        } catch (TdsProtocolException expected) {
          // fine
        }
      }
    }
  }
}
