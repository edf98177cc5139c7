package io.jctds.internal.params;

import static io.jctds.internal.params.ParamEncoderTest.TDS71;
import static io.jctds.internal.params.ParamEncoderTest.TDS74;
import static io.jctds.internal.params.ParamEncoderTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.DataError;
import io.jctds.InterfaceError;
import io.jctds.ProgrammingError;
import io.jctds.SqlBigInt;
import io.jctds.SqlBinary;
import io.jctds.SqlChar;
import io.jctds.SqlDate;
import io.jctds.SqlDateTime;
import io.jctds.SqlDecimal;
import io.jctds.SqlInt;
import io.jctds.SqlMoney;
import io.jctds.SqlNChar;
import io.jctds.SqlNVarChar;
import io.jctds.SqlSmallInt;
import io.jctds.SqlTinyInt;
import io.jctds.SqlValue;
import io.jctds.SqlVarBinary;
import io.jctds.SqlVarChar;
import io.jctds.SqlVariant;
import io.jctds.SqlXml;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.Collation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The Sql* wrappers. Ranges are SQL Server's ("int, bigint, smallint, and tinyint", "money and
 * smallmoney", "datetime", "decimal and numeric" in the T-SQL reference); code page bytes are those
 * of Windows code page 1252 (é = 0xE9; ł is not in it) and UTF-8; value layouts as in {@link
 * ParamEncoderTest}.
 */
class WrapperEncoderTest {
  private static final EncodeContext UTF8 =
      new EncodeContext(TdsVersion.V7_4, Collation.LATIN1_GENERAL_100_CI_AS_SC_UTF8);

  private static Encoded enc(Object v) {
    return ParamEncoder.encode(v, TDS74);
  }

  @Test
  void varCharEncodesToTheCollationsCodePage() {
    Encoded e = enc(new SqlVarChar("café"));
    assertThat(e.declaration()).isEqualTo("varchar(8000)");
    assertThat(e.typeInfo().collation()).isEqualTo(Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
    assertThat(hex(e.value())).isEqualTo("0400636166e9");
    assertThat(hex(ParamEncoder.encode(new SqlVarChar("łó"), UTF8).value()))
        .isEqualTo("0400c582c3b3");
    assertThat(enc(new SqlVarChar("x".repeat(8001))).declaration()).isEqualTo("varchar(max)");
    assertThat(enc(new SqlVarChar("ab", 10)).declaration()).isEqualTo("varchar(10)");
    assertThat(enc(new SqlVarChar("ab", SqlValue.MAX)).declaration()).isEqualTo("varchar(max)");
  }

  @Test
  void aCharacterTheCodePageLacksIsADataErrorNamingIt() {
    assertThatThrownBy(() -> enc(new SqlVarChar("łódź")))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("'ł' (U+0142) at index 0")
        .hasMessageContaining("code page 1252");
    assertThatThrownBy(() -> enc(new SqlChar("ok😀")))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("U+1F600");
  }

  @Test
  void aValueLongerThanItsSizeIsADataError() {
    assertThatThrownBy(() -> enc(new SqlVarChar("abc", 2)))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("varchar(2)")
        .hasMessageContaining("the value has 3 bytes");
    assertThatThrownBy(() -> enc(new SqlNVarChar("abc", 2))).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> enc(new SqlVarBinary(new byte[3], 2))).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> enc(new SqlBinary(new byte[3], 2))).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> enc(new SqlNChar("x".repeat(4001)))).isInstanceOf(DataError.class);
    // é is two bytes in UTF-8: 3 characters, 4 bytes
    assertThatThrownBy(() -> ParamEncoder.encode(new SqlVarChar("éab", 3), UTF8))
        .isInstanceOf(DataError.class);
  }

  @Test
  void sizesSqlServerLacksAreProgrammingErrors() {
    assertThatThrownBy(() -> new SqlVarChar("a", 8001)).isInstanceOf(ProgrammingError.class);
    assertThatThrownBy(() -> new SqlNVarChar("a", 4001)).isInstanceOf(ProgrammingError.class);
    assertThatThrownBy(() -> SqlChar.nullOf(SqlValue.MAX)).isInstanceOf(ProgrammingError.class);
    assertThatThrownBy(() -> SqlBinary.nullOf(0)).isInstanceOf(ProgrammingError.class);
    assertThatThrownBy(() -> new SqlDecimal(BigDecimal.ONE, 39, 0))
        .isInstanceOf(ProgrammingError.class);
    assertThatThrownBy(() -> SqlDecimal.nullOf(5, 6)).isInstanceOf(ProgrammingError.class);
  }

  @Test
  void fixedLengthTypes() {
    Encoded c = enc(new SqlChar("ab", 4));
    assertThat(c.declaration()).isEqualTo("char(4)");
    assertThat(hex(c.value())).isEqualTo("040061622020"); // padded with spaces
    assertThat(enc(new SqlChar("abc")).declaration()).isEqualTo("char(3)");
    Encoded n = enc(new SqlNChar("ab"));
    assertThat(n.declaration()).isEqualTo("nchar(2)");
    assertThat(hex(n.value())).isEqualTo("040061006200");
    assertThat(enc(new SqlBinary(new byte[] {1}, 3)).declaration()).isEqualTo("binary(3)");
    assertThat(hex(enc(new SqlBinary(new byte[] {1}, 3)).value())).isEqualTo("0300010000");
    assertThat(enc(new SqlNVarChar("ab")).declaration()).isEqualTo("nvarchar(4000)");
    assertThat(enc(new SqlNVarChar("ab", 2)).declaration()).isEqualTo("nvarchar(2)");
  }

  @Test
  void integerRanges() {
    assertThatThrownBy(() -> new SqlTinyInt(300))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("300 is out of range for tinyint (0..255)");
    assertThatThrownBy(() -> new SqlTinyInt(-1)).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> new SqlSmallInt(32768)).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> new SqlInt(2147483648L)).isInstanceOf(DataError.class);
    assertThat(hex(enc(new SqlTinyInt(255)).value())).isEqualTo("01ff");
    assertThat(enc(new SqlTinyInt(255)).declaration()).isEqualTo("tinyint");
    assertThat(hex(enc(new SqlSmallInt(-32768)).value())).isEqualTo("020080");
    assertThat(hex(enc(new SqlInt(-1)).value())).isEqualTo("04ffffffff");
    assertThat(hex(enc(new SqlBigInt(1)).value())).isEqualTo("080100000000000000");
  }

  @Test
  void decimalRoundsHalfUpToItsScaleAndRefusesTooManyDigits() {
    Encoded d = enc(new SqlDecimal(new BigDecimal("1.235"), 5, 2));
    assertThat(d.declaration()).isEqualTo("decimal(5,2)");
    assertThat(hex(d.value())).isEqualTo("05017c000000"); // 1.24 -> 124
    assertThatThrownBy(() -> new SqlDecimal(new BigDecimal("123.456"), 4, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("decimal(4,2)");
    assertThatThrownBy(() -> new SqlDecimal(new BigDecimal("99.995"), 4, 2))
        .isInstanceOf(DataError.class); // rounds to 100.00
  }

  @Test
  void moneyDateTimeAndDate() {
    // money: 8 bytes, high 4 then low 4, units of 1/10000 ([MS-TDS] 2.2.5.5.1.4)
    assertThat(hex(enc(new SqlMoney(new BigDecimal("-0.0001"))).value()))
        .isEqualTo("08ffffffffffffffff");
    assertThatThrownBy(() -> new SqlMoney(new BigDecimal("922337203685477.5808")))
        .isInstanceOf(DataError.class);
    // datetime 1900-01-01 00:00:01: day 0, 300 ticks ([MS-TDS] 2.2.5.5.1.8)
    Encoded dt = enc(new SqlDateTime(LocalDateTime.of(1900, 1, 1, 0, 0, 1)));
    assertThat(dt.declaration()).isEqualTo("datetime");
    assertThat(hex(dt.value())).isEqualTo("08000000002c010000");
    assertThatThrownBy(() -> new SqlDateTime(LocalDateTime.of(1752, 12, 31, 0, 0)))
        .isInstanceOf(DataError.class);
    assertThat(enc(new SqlDate(LocalDate.of(1, 1, 1))).declaration()).isEqualTo("date");
    assertThat(ParamEncoder.encode(new SqlDate(LocalDate.of(2001, 2, 3)), TDS71).value())
        .isEqualTo(ParamEncoder.encode("2001-02-03", TDS71).value());
  }

  @Test
  void xmlAndVariant() {
    Encoded x = enc(new SqlXml("<a/>"));
    assertThat(x.declaration()).isEqualTo("xml");
    assertThat(hex(x.value()))
        .isEqualTo("0800000000000000" + "08000000" + "3c0061002f003e00" + "00000000");
    Encoded v = enc(new SqlVariant(42));
    assertThat(v.declaration()).isEqualTo("sql_variant");
    // sql_variant: 4-byte length, base type INT4 (0x38), no properties, the int ([MS-TDS]
    // 2.2.5.5.4)
    assertThat(hex(v.value())).isEqualTo("06000000" + "3800" + "2a000000");
    assertThatThrownBy(() -> enc(new SqlVariant(new StringBuilder("x"))))
        .isInstanceOf(InterfaceError.class)
        .hasMessageContaining("java.lang.StringBuilder");
  }

  @Test
  void typedNullsKeepTheirTypes() {
    Encoded v = enc(SqlVarChar.nullOf(10));
    assertThat(v.declaration()).isEqualTo("varchar(10)");
    assertThat(hex(v.value())).isEqualTo("ffff");
    assertThat(enc(SqlVarBinary.nullOf(SqlValue.MAX)).declaration()).isEqualTo("varbinary(max)");
    assertThat(hex(enc(SqlVarBinary.nullOf(SqlValue.MAX)).value())).isEqualTo("ffffffffffffffff");
    assertThat(enc(SqlDecimal.nullOf(10, 2)).declaration()).isEqualTo("decimal(10,2)");
    assertThat(hex(enc(SqlDecimal.nullOf(10, 2)).value())).isEqualTo("00");
    assertThat(enc(SqlChar.nullOf(3)).declaration()).isEqualTo("char(3)");
    assertThat(enc(SqlTinyInt.nullOf()).declaration()).isEqualTo("tinyint");
    assertThat(hex(enc(SqlXml.nullOf()).value())).isEqualTo("ffffffffffffffff");
    assertThat(hex(enc(SqlVariant.nullOf()).value())).isEqualTo("00000000");
    assertThat(hex(enc(SqlMoney.nullOf()).value())).isEqualTo("00");
    assertThat(enc(SqlDate.nullOf()).declaration()).isEqualTo("date");
    assertThat(SqlInt.nullOf().isNull()).isTrue();
    assertThat(SqlVarChar.nullOf(10))
        .isEqualTo(SqlVarChar.nullOf(10))
        .hasToString("SqlVarChar(10)[NULL]");
  }

  @Test
  void belowTds72AMaxWrapperIsADataError() {
    assertThatThrownBy(() -> ParamEncoder.encode(new SqlNVarChar("a", SqlValue.MAX), TDS71))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("7.1");
    // unsized long values: text, ntext, image (a 4-byte length, then the bytes)
    Encoded text = ParamEncoder.encode(new SqlVarChar("x".repeat(8001)), TDS71);
    assertThat(text.declaration()).isEqualTo("text");
    assertThat(hex(text.value())).startsWith("411f0000" + "7878");
    assertThat(ParamEncoder.encode(new SqlNVarChar("x".repeat(4001)), TDS71).declaration())
        .isEqualTo("ntext");
    assertThat(ParamEncoder.encode(new SqlVarBinary(new byte[8001]), TDS71).declaration())
        .isEqualTo("image");
    assertThat(ParamEncoder.encode(new SqlVarBinary(new byte[8000]), TDS71).declaration())
        .isEqualTo("varbinary(8000)");
  }
}
