package io.jctds.internal.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.DataError;
import io.jctds.InterfaceError;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Java values as parameters. Expected bytes follow [MS-TDS]: 2.2.5.2.2 (USHORTLEN values, 0xFFFF is
 * NULL, 0 an empty value), 2.2.5.2.3 (PLP: 8-byte total length, chunks, a zero terminator),
 * 2.2.5.5.1.5 (decimal: sign byte 1 = positive, then the unscaled value little-endian), 2.2.5.5.1.8
 * (time: 10^-scale second units since midnight, 5 bytes at scale 7; date: 3-byte days since
 * 0001-01-01; datetimeoffset: UTC time and date, then the offset in minutes); the type names are
 * SQL Server's ("Data types (Transact-SQL)"): nvarchar(n) holds n ≤ 4000 UTF-16 units, varbinary(n)
 * n ≤ 8000 bytes, decimal at most 38 digits.
 */
class ParamEncoderTest {
  static final EncodeContext TDS74 =
      new EncodeContext(TdsVersion.V7_4, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
  static final EncodeContext TDS72 =
      new EncodeContext(TdsVersion.V7_2, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
  static final EncodeContext TDS71 =
      new EncodeContext(TdsVersion.V7_1, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static Encoded enc(Object v) {
    return ParamEncoder.encode(v, TDS74);
  }

  @Test
  void anEmptyStringStaysEmptyNotNull() {
    Encoded e = enc("");
    assertThat(e.declaration()).isEqualTo("nvarchar(4000)");
    assertThat(hex(e.value())).isEqualTo("0000");
    assertThat(hex(enc(null).value())).isEqualTo("ffff");
  }

  @Test
  void stringsLongerThan4000UnitsAreNVarCharMax() {
    assertThat(enc("x".repeat(4000)).declaration()).isEqualTo("nvarchar(4000)");
    Encoded e = enc("ab".repeat(2001));
    assertThat(e.declaration()).isEqualTo("nvarchar(max)");
    // PLP: total length 8004, one chunk of 8004 bytes, terminator
    assertThat(hex(e.value())).startsWith("441f000000000000" + "441f0000" + "61006200");
    assertThat(hex(e.value())).endsWith("00000000").hasSize(2 * (8 + 4 + 8004 + 4));
    assertThat(enc(new char[] {'h', 'i'}).value()).isEqualTo(enc("hi").value());
  }

  @Test
  void bytesAreVarBinary8000OrMax() {
    assertThat(enc(new byte[8000]).declaration()).isEqualTo("varbinary(8000)");
    assertThat(enc(new byte[8001]).declaration()).isEqualTo("varbinary(max)");
    ByteBuffer b = ByteBuffer.wrap(new byte[] {9, 1, 2, 3});
    b.position(1);
    assertThat(hex(enc(b).value())).isEqualTo("0300010203");
    assertThat(b.position()).isEqualTo(1);
    assertThat(hex(enc(new byte[0]).value())).isEqualTo("0000");
  }

  @Test
  void integersAndFloats() {
    assertThat(enc((byte) -1).declaration()).isEqualTo("smallint");
    assertThat(hex(enc((byte) -1).value())).isEqualTo("02ffff");
    assertThat(hex(enc((short) 258).value())).isEqualTo("020201");
    assertThat(enc(1).declaration()).isEqualTo("int");
    assertThat(enc(1L).declaration()).isEqualTo("bigint");
    assertThat(hex(enc(false).value())).isEqualTo("0100");
    // real 1.5f = 0x3FC00000 (IEEE 754 single)
    assertThat(enc(1.5f).declaration()).isEqualTo("real");
    assertThat(hex(enc(1.5f).value())).isEqualTo("040000c03f");
    assertThat(enc(1.5d).declaration()).isEqualTo("float");
  }

  @Test
  void nanAndInfinityAreDataErrors() {
    assertThatThrownBy(() -> enc(Double.NaN))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> enc(Float.NEGATIVE_INFINITY)).isInstanceOf(DataError.class);
  }

  @Test
  void bigDecimalKeepsItsScaleNormalisesNegativeScaleAndTakesScientificNotation() {
    Encoded e = enc(new BigDecimal("1E+5"));
    assertThat(e.declaration()).isEqualTo("decimal(38,0)");
    // 100000 = 0x0186A0: 17 bits, 3 magnitude bytes (bitLength / 8 + 1, as mssql-jdbc sends)
    assertThat(hex(e.value())).isEqualTo("0401a08601");
    Encoded s = enc(new BigDecimal("-1.5E-3"));
    assertThat(s.declaration()).isEqualTo("decimal(38,4)");
    assertThat(hex(s.value())).isEqualTo("02000f"); // negative, unscaled 15 (mssql-jdbc: 02000f)
    Encoded big = enc(new BigDecimal("9".repeat(38)));
    assertThat(big.declaration()).isEqualTo("decimal(38,0)");
    // length byte 0x11 (sign + 16 magnitude bytes: 10^38 - 1 needs 127 bits)
    assertThat(big.value()).hasSize(18).startsWith((byte) 0x11, (byte) 1);
    Encoded small = enc(new BigDecimal("0.000001"));
    assertThat(small.declaration()).isEqualTo("decimal(38,6)");
    // 255 has 8 bits: its two's complement form needs a leading zero byte
    assertThat(hex(enc(new BigDecimal("255")).value())).isEqualTo("0301ff00");
    assertThat(hex(enc(BigDecimal.ZERO).value())).isEqualTo("020100");
  }

  @Test
  void moreThan38DigitsIsADataError() {
    assertThatThrownBy(() -> enc(new BigDecimal("9".repeat(39))))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("more than 38 digits");
    assertThatThrownBy(() -> enc(new BigDecimal("1E-39"))).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> enc(BigInteger.TEN.pow(38))).isInstanceOf(DataError.class);
    assertThat(enc(BigInteger.TEN.pow(37)).declaration()).isEqualTo("decimal(38,0)");
  }

  @Test
  void dateAndTimeTypes() {
    Encoded d = enc(LocalDate.of(1, 1, 2));
    assertThat(d.declaration()).isEqualTo("date");
    assertThat(hex(d.value())).isEqualTo("03010000"); // one day after 0001-01-01
    Encoded t = enc(LocalTime.of(0, 0, 1));
    assertThat(t.declaration()).isEqualTo("time(7)");
    assertThat(hex(t.value())).isEqualTo("058096980000"); // 10^7 units = 0x989680
    assertThat(enc(LocalDateTime.of(2000, 1, 1, 0, 0)).declaration()).isEqualTo("datetime2(7)");
    OffsetDateTime o = OffsetDateTime.of(1, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1));
    Encoded off = enc(o);
    assertThat(off.declaration()).isEqualTo("datetimeoffset(7)");
    // UTC 0001-01-01 00:00, offset +60 minutes
    assertThat(hex(off.value())).isEqualTo("0a" + "0000000000" + "000000" + "3c00");
    OffsetDateTime summer = OffsetDateTime.of(2020, 7, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
    assertThat(enc(summer.atZoneSameInstant(ZoneId.of("Europe/Paris"))).value())
        .isEqualTo(enc(summer).value());
    Encoded i = enc(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(hex(i.value())).isEqualTo("0a" + "0000000000" + "000000" + "0000");
  }

  @Test
  void belowTds73DateAndTimeValuesAreNVarCharLiterals() {
    OffsetDateTime o =
        OffsetDateTime.of(2007, 5, 8, 12, 35, 29, 123_456_700, ZoneOffset.ofHours(2));
    Encoded e = ParamEncoder.encode(o, TDS72);
    assertThat(e.declaration()).isEqualTo("nvarchar(4000)");
    assertThat(e.typeInfo().type()).isEqualTo(TdsType.NVARCHAR);
    assertThat(e.value())
        .isEqualTo(ParamEncoder.encode("2007-05-08T12:35:29.1234567+02:00", TDS72).value());
    assertThat(ParamEncoder.encode(LocalDate.of(2024, 2, 29), TDS71).value())
        .isEqualTo(ParamEncoder.encode("2024-02-29", TDS71).value());
    assertThat(ParamEncoder.encode(LocalTime.of(23, 59, 59, 999_999_999), TDS71).value())
        .isEqualTo(ParamEncoder.encode("23:59:59.9999999", TDS71).value());
    assertThat(
            ParamEncoder.encode(LocalDateTime.of(2000, 1, 2, 3, 4, 5, 500_000_000), TDS71).value())
        .isEqualTo(ParamEncoder.encode("2000-01-02T03:04:05.5", TDS71).value());
    assertThat(ParamEncoder.encode(Instant.parse("2000-01-01T00:00:00Z"), TDS71).value())
        .isEqualTo(ParamEncoder.encode("2000-01-01T00:00:00+00:00", TDS71).value());
    OffsetDateTime odd = o.withOffsetSameLocal(ZoneOffset.ofHoursMinutesSeconds(1, 0, 30));
    assertThatThrownBy(() -> ParamEncoder.encode(odd, TDS71)).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> ParamEncoder.encode(odd, TDS74)).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> ParamEncoder.encode(LocalDate.of(10000, 1, 1), TDS71))
        .isInstanceOf(DataError.class);
  }

  @Test
  void belowTds72LongValuesAreNTextAndImage() {
    Encoded s = ParamEncoder.encode("x".repeat(4001), TDS71);
    assertThat(s.declaration()).isEqualTo("ntext");
    // text/ntext/image RPC values: a 4-byte length and the bytes (no text pointer)
    assertThat(hex(s.value())).startsWith("421f0000" + "7800");
    Encoded b = ParamEncoder.encode(new ByteArrayInputStream(new byte[] {1, 2}), TDS71);
    assertThat(b.declaration()).isEqualTo("image");
    assertThat(b.stream()).isNull();
    assertThat(hex(b.value())).isEqualTo("020000000102");
  }

  @Test
  void streamsAreStreamedFromTds72() {
    Encoded b = enc(new ByteArrayInputStream(new byte[] {1, 2}));
    assertThat(b.declaration()).isEqualTo("varbinary(max)");
    assertThat(b.stream()).isNotNull();
    assertThat(b.value()).isEmpty();
    byte[] sent = PeerParameterBytesTest.roundTrip(b.parameter("", false)).value();
    assertThat(hex(sent)).isEqualTo("feffffffffffffff" + "02000000" + "0102" + "00000000");
  }

  @Test
  void typedNullsByJavaClass() {
    assertThat(ParamEncoder.encodeNull(Integer.class, TDS74).declaration()).isEqualTo("int");
    assertThat(hex(ParamEncoder.encodeNull(Integer.class, TDS74).value())).isEqualTo("00");
    assertThat(ParamEncoder.encodeNull(String.class, TDS74).declaration())
        .isEqualTo("nvarchar(4000)");
    assertThat(ParamEncoder.encodeNull(BigDecimal.class, TDS74).declaration())
        .isEqualTo("decimal(38,10)");
    assertThat(ParamEncoder.encodeNull(LocalDate.class, TDS71).declaration())
        .isEqualTo("nvarchar(4000)");
    assertThatThrownBy(() -> ParamEncoder.encodeNull(Thread.class, TDS74))
        .isInstanceOf(InterfaceError.class)
        .hasMessageContaining("java.lang.Thread");
  }

  @Test
  void typedNullParameterIsANullOfItsClassesType() {
    Encoded d = ParamEncoder.encode(new TypedNull(Double.class), TDS74);
    assertThat(d.declaration()).isEqualTo("float");
    assertThat(hex(d.value())).isEqualTo("00");
    assertThat(ParamEncoder.encode(new TypedNull(Boolean.class), TDS74).declaration())
        .isEqualTo("bit");
    assertThatThrownBy(() -> ParamEncoder.encode(new TypedNull(Thread.class), TDS74))
        .isInstanceOf(InterfaceError.class);
  }

  @Test
  void anUnsupportedTypeIsAnInterfaceErrorNamingTheClass() {
    assertThatThrownBy(() -> enc(new java.util.Date()))
        .isInstanceOf(InterfaceError.class)
        .hasMessageContaining("java.util.Date");
  }
}
