package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.TdsType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Result metadata says what SQL Server would, and every type round-trips through a table. Sources:
 * "Constants (Transact-SQL)" (literal types), "Data types (Transact-SQL)" and the per-type pages
 * (ranges, storage), "Precision, scale, and length (Transact-SQL)" (decimal results), "datetime
 * (Transact-SQL)" (rounding to .000, .003, .007), [MS-TDS] 2.2.5.4 (wire types).
 */
class TypesTest extends EngineTest {

  private String type(String sql) {
    return ok(sql).results().get(0).column(0).typeInfo().sqlName();
  }

  @Test
  void literalsAreTypedAsSqlServerTypesThem() {
    // "Constants": integer constants are int; larger ones decimal; a decimal point makes
    // numeric(p,s); an exponent makes float; $ money; 'x' varchar(n); N'x' nvarchar(n); 0x
    // varbinary
    assertThat(type("SELECT 1")).isEqualTo("int");
    assertThat(type("SELECT 2147483648")).isEqualTo("numeric(10,0)");
    assertThat(type("SELECT 1.50")).isEqualTo("numeric(3,2)");
    assertThat(type("SELECT 0.5")).isEqualTo("numeric(1,1)");
    assertThat(type("SELECT 1e0")).isEqualTo("float");
    assertThat(type("SELECT $12.50")).isEqualTo("money");
    assertThat(type("SELECT 'abc'")).isEqualTo("varchar(3)");
    assertThat(type("SELECT N'abcd'")).isEqualTo("nvarchar(4)");
    assertThat(type("SELECT 0x0102")).isEqualTo("varbinary(2)");
    assertThat(type("SELECT NULL")).isEqualTo("int");
  }

  @Test
  void aThirtyOneDigitLiteralIsADecimalAndOnlyPast38DigitsAnError() {
    // issue 16's fuzz finding: SQL Server returns the value (decimal(31,0)); past 38 digits 1007
    assertThat(scalar("SELECT -5555555555555555555555555555500"))
        .isEqualTo(new BigDecimal("-5555555555555555555555555555500"));
    assertThat(type("SELECT -5555555555555555555555555555500")).isEqualTo("numeric(31,0)");
    assertThat(error("SELECT 123456789012345678901234567890123456789")).isEqualTo(1007);
  }

  @Test
  void arithmeticFollowsPrecedenceAndDecimalRules() {
    // "/ (Divide)": integer division truncates
    assertThat(scalar("SELECT 10 / 3")).isEqualTo(3);
    assertThat(scalar("SELECT -7 / 2")).isEqualTo(-3);
    // "Precision, scale, and length": e1 / e2 has scale max(6, s1 + p2 + 1)
    assertThat(type("SELECT 10.0 / 3")).isEqualTo("numeric(14,12)");
    assertThat(scalar("SELECT 10.0 / 3")).isEqualTo(new BigDecimal("3.333333333333"));
    // e1 * e2: p1 + p2 + 1, s1 + s2
    assertThat(type("SELECT 1.5 * 2.25")).isEqualTo("numeric(6,3)");
    // "Data type precedence": int + varchar converts the varchar
    assertThat(scalar("SELECT 1 + '2'")).isEqualTo(3);
    assertThat(type("SELECT CAST(1 AS tinyint) + CAST(1 AS bigint)")).isEqualTo("bigint");
    assertThat(scalar("SELECT 'a' + 'b'")).isEqualTo("ab");
    assertThat(type("SELECT 'ab' + N'cde'")).isEqualTo("nvarchar(5)");
  }

  @Test
  void errorsOfConversionAndArithmetic() {
    // "Database engine errors": 245 conversion, 8134 divide by zero, 8115 overflow, 220 tinyint
    assertThat(error("SELECT CAST('abc' AS int)")).isEqualTo(245);
    assertThat(error("SELECT 1 + 'x'")).isEqualTo(245);
    assertThat(error("SELECT 1 / 0")).isEqualTo(8134);
    assertThat(error("SELECT 2147483647 + 1")).isEqualTo(8115);
    assertThat(error("SELECT CAST(300 AS tinyint)")).isEqualTo(220);
    assertThat(error("SELECT CAST('x' AS decimal(5,2))")).isEqualTo(8114);
  }

  @Test
  void everyTypeRoundTripsThroughATable() {
    ok(
        "CREATE TABLE every (c_bit bit, c_tiny tinyint, c_small smallint, c_int int,"
            + " c_big bigint, c_real real, c_float float, c_dec decimal(38,10), c_num numeric(5,2),"
            + " c_money money, c_smallmoney smallmoney, c_char char(5), c_varchar varchar(10),"
            + " c_vmax varchar(max), c_nchar nchar(3), c_nvarchar nvarchar(10), c_nmax nvarchar(max),"
            + " c_text text, c_ntext ntext, c_bin binary(4), c_varbin varbinary(10),"
            + " c_vbmax varbinary(max), c_image image, c_date date, c_time time(7),"
            + " c_datetime datetime, c_smalldt smalldatetime, c_dt2 datetime2(7),"
            + " c_dto datetimeoffset(7), c_guid uniqueidentifier, c_xml xml, c_variant sql_variant)");
    ok(
        "INSERT INTO every VALUES (1, 255, -32768, -2147483648, 9223372036854775807, 1.5,"
            + " -1.79E+308, 1234567890123456789012345678.0123456789, 999.99,"
            + " 922337203685477.5807, -214748.3648, 'ab', 'hello', REPLICATE(CAST('x' AS varchar(max)), 9000), N'é',"
            + " N'𝄞 clef', REPLICATE(CAST(N'ż' AS nvarchar(max)), 5000), 'text', N'ntext', 0x01, 0x0A0B, 0xFF, 0x00,"
            + " '0001-01-01', '23:59:59.9999999', '2024-02-29 12:34:56.789',"
            + " '2079-06-06 23:59', '9999-12-31 23:59:59.9999999',"
            + " '2024-05-01 10:00:00.1234567 +05:30', '6F9619FF-8B86-D011-B42D-00C04FC964FF',"
            + " '<a>x</a>', CAST(42 AS int))");
    List<Object> r = ok("SELECT * FROM every").rows().get(0);
    ColMetadata md = ok("SELECT * FROM every").results().get(0);
    List<String> names = md.columns().stream().map(c -> c.typeInfo().sqlName()).toList();
    assertThat(names)
        .containsExactly(
            "bit",
            "tinyint",
            "smallint",
            "int",
            "bigint",
            "real",
            "float",
            "decimal(38,10)",
            "numeric(5,2)",
            "money",
            "smallmoney",
            "char(5)",
            "varchar(10)",
            "varchar(max)",
            "nchar(3)",
            "nvarchar(10)",
            "nvarchar(max)",
            "text",
            "ntext",
            "binary(4)",
            "varbinary(10)",
            "varbinary(max)",
            "image",
            "date",
            "time(7)",
            "datetime",
            "smalldatetime",
            "datetime2(7)",
            "datetimeoffset(7)",
            "uniqueidentifier",
            "xml",
            "sql_variant");
    assertThat(r.get(0)).isEqualTo(true);
    assertThat(r.get(1)).isEqualTo((short) 255);
    assertThat(r.get(3)).isEqualTo(Integer.MIN_VALUE);
    assertThat(r.get(4)).isEqualTo(Long.MAX_VALUE);
    assertThat(r.get(5)).isEqualTo(1.5f);
    assertThat(r.get(6)).isEqualTo(-1.79E+308);
    assertThat(r.get(7)).isEqualTo(new BigDecimal("1234567890123456789012345678.0123456789"));
    assertThat(r.get(9)).isEqualTo(new BigDecimal("922337203685477.5807"));
    assertThat(r.get(10)).isEqualTo(new BigDecimal("-214748.3648"));
    assertThat(r.get(11)).isEqualTo("ab   "); // char(n) is padded ("char and varchar")
    assertThat((String) r.get(13)).hasSize(9000);
    assertThat(r.get(14)).isEqualTo("é  ");
    assertThat(r.get(15)).isEqualTo("𝄞 clef");
    assertThat((String) r.get(16)).hasSize(5000);
    assertThat(r.get(19)).isEqualTo(new byte[] {1, 0, 0, 0}); // binary(n) pads with 0x00
    assertThat(r.get(23)).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(r.get(24)).isEqualTo(LocalTime.of(23, 59, 59, 999_999_900));
    assertThat(r.get(25)).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 790_000_000));
    assertThat(r.get(26)).isEqualTo(LocalDateTime.of(2079, 6, 6, 23, 59));
    assertThat(r.get(27)).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900));
    assertThat(r.get(28)).isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00.1234567+05:30"));
    assertThat(r.get(29)).isEqualTo(UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"));
    assertThat(r.get(30)).isEqualTo("<a>x</a>");
    assertThat(r.get(31)).isEqualTo(42);
  }

  @Test
  void datetimeRoundsToThreeHundredthsOfASecond() {
    // "datetime": rounded to increments of .000, .003, or .007 seconds
    assertThat(scalar("SELECT CAST('2024-01-01 00:00:00.001' AS datetime)"))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0));
    assertThat(scalar("SELECT CAST('2024-01-01 00:00:00.002' AS datetime)"))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 3_000_000));
    assertThat(scalar("SELECT CAST('2024-01-01 00:00:00.005' AS datetime)"))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 7_000_000));
    // "smalldatetime": 29.998 seconds or less round down, 29.999 or more up
    assertThat(scalar("SELECT CAST('2024-01-01 10:00:29.998' AS smalldatetime)"))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
    assertThat(scalar("SELECT CAST('2024-01-01 10:00:29.999' AS smalldatetime)"))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 1));
  }

  @Test
  void sqlVariantKeepsItsBaseType() {
    ok("CREATE TABLE v (x sql_variant)");
    ok(
        "INSERT INTO v VALUES (CAST(1 AS int)), (CAST(N'abc' AS nvarchar(10))),"
            + " (CAST(1.5 AS decimal(5,2))), (CAST('2024-01-01' AS date))");
    List<List<Object>> rows = ok("SELECT x FROM v").rows();
    assertThat(rows)
        .extracting(row -> row.get(0))
        .containsExactly(1, "abc", new BigDecimal("1.50"), LocalDate.of(2024, 1, 1));
    // "SQL_VARIANT_PROPERTY": BaseType
    assertThat(ok("SELECT CAST(SQL_VARIANT_PROPERTY(x, 'BaseType') AS nvarchar(20)) FROM v").rows())
        .extracting(row -> row.get(0))
        .containsExactly("int", "nvarchar", "decimal", "date");
  }

  @Test
  void downLevelClientsGetTextAndNvarchar() {
    tds.version = TdsVersion.V7_1;
    // [MS-TDS] 2.2.5.4.3 and "Backward compatibility for down-level clients": below TDS 7.3 the
    // new date/time types go out as nvarchar, below 7.2 (max) types as text/ntext/image
    ColMetadata md =
        ok("SELECT CAST('2024-05-01 10:00:00.1234567' AS datetime2(7)),"
                + " CAST('2024-05-01' AS date), CAST(N'x' AS nvarchar(max)), CAST('x' AS varchar(max)),"
                + " CAST(0x01 AS varbinary(max))")
            .results()
            .get(0);
    assertThat(md.columns())
        .extracting(c -> c.typeInfo().type())
        .containsExactly(
            TdsType.NVARCHAR, TdsType.NVARCHAR, TdsType.NTEXT, TdsType.TEXT, TdsType.IMAGE);
    assertThat(md.column(0).typeInfo().maxLength()).isEqualTo(2 * 27);
    List<Object> row =
        ok("SELECT CAST('2024-05-01 10:00:00.1234567' AS datetime2(7)),"
                + " CAST('2024-05-01' AS date)")
            .rows()
            .get(0);
    assertThat(row).containsExactly("2024-05-01 10:00:00.1234567", "2024-05-01");
  }

  @Test
  void varcharLiteralsAreInTheCodePage() {
    // "Constants": a character string constant without N is converted to the database's code
    // page (SQL_Latin1_General_CP1_CI_AS: windows-1252), which has é but not ł
    assertThat(scalar("SELECT 'é ł'")).isEqualTo("é ?");
    assertThat(scalar("SELECT N'é ł'")).isEqualTo("é ł");
  }

  @Test
  void utf8CollationsGoOutAsUtf8OnlyToClientsThatSupportIt() {
    ok("CREATE TABLE u (x varchar(20) COLLATE Latin1_General_100_CI_AS_SC_UTF8)");
    ok("INSERT INTO u VALUES (N'żółw')");
    assertThat(ok("SELECT x FROM u").results().get(0).column(0).typeInfo().collation().isUtf8())
        .isFalse();
    tds.utf8 = true;
    ColMetadata md = ok("SELECT x FROM u").results().get(0);
    assertThat(md.column(0).typeInfo().collation().isUtf8()).isTrue();
    assertThat(scalar("SELECT x FROM u")).isEqualTo("żółw");
  }

  @Test
  void doublePrecisionIsFloat53() {
    // "Data type synonyms (Transact-SQL)": double precision is a synonym of float, i.e. float(53);
    ok("CREATE TABLE dbl (d DOUBLE PRECISION NOT NULL, e double precision)");
    ok("INSERT INTO dbl VALUES (0.1, 1e308)");
    assertThat(type("SELECT d FROM dbl")).isEqualTo("float");
    assertThat(scalar("SELECT d FROM dbl")).isEqualTo(0.1);
    assertThat(scalar("SELECT e FROM dbl")).isEqualTo(1e308);
    assertThat(type("SELECT CAST(1 AS double precision)")).isEqualTo("float");
  }
}
