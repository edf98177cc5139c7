package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SQL Server type read through {@link Cursor} from the embedded server at TDS 7.4 and at the
 * down-level versions 7.2 and 7.1: one row of each type's maximum (or longest) literal, one of its
 * minimum (or empty) literal, one of NULLs. The literals and the values they stand for come from
 * Microsoft's "Data types (Transact-SQL)" pages (the ranges of int, bigint, smallint and tinyint;
 * float and real; decimal and numeric; money and smallmoney; date; time; datetime, with its
 * rounding table: .999 is stored as the next day's 00:00:00.000, .992 as .993; smalldatetime,
 * 29.998 seconds round down and 29.999 up; datetime2; datetimeoffset's example value;
 * uniqueidentifier's example value), the same literals jctds-server's EveryType interop tests check
 * against mssql-jdbc, jTDS, tedious and FreeTDS. The down-level text forms are those of "Backward
 * compatibility for down-level clients" on the date and time pages.
 */
class EveryTypeRowsIT {
  private static TdsServer server;
  @TempDir static Path dir;

  /** name, declared type, row-1 literal, row-2 literal, row-1 value, row-2 value. */
  private record Col(String name, String type, String max, String min, Object vMax, Object vMin) {}

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  private static final List<Col> COLS =
      List.of(
          new Col("c_bit", "bit", "1", "0", true, false),
          new Col("c_tinyint", "tinyint", "255", "0", (short) 255, (short) 0),
          new Col("c_smallint", "smallint", "32767", "-32768", (short) 32767, (short) -32768),
          new Col(
              "c_int", "int", "2147483647", "-2147483648", Integer.MAX_VALUE, Integer.MIN_VALUE),
          new Col(
              "c_bigint",
              "bigint",
              "9223372036854775807",
              "-9223372036854775808",
              Long.MAX_VALUE,
              Long.MIN_VALUE),
          new Col("c_real", "real", "3.40E+38", "-1.18E-38", 3.40E+38f, -1.18E-38f),
          new Col("c_float", "float", "1.79E+308", "-2.23E-308", 1.79E+308, -2.23E-308),
          new Col(
              "c_decimal",
              "decimal(38,0)",
              "99999999999999999999999999999999999999",
              "-99999999999999999999999999999999999999",
              new BigDecimal("99999999999999999999999999999999999999"),
              new BigDecimal("-99999999999999999999999999999999999999")),
          new Col(
              "c_numeric",
              "numeric(10,5)",
              "12345.67891",
              "-0.00001",
              new BigDecimal("12345.67891"),
              new BigDecimal("-0.00001")),
          new Col(
              "c_money",
              "money",
              "922337203685477.5807",
              "-922337203685477.5808",
              new BigDecimal("922337203685477.5807"),
              new BigDecimal("-922337203685477.5808")),
          new Col(
              "c_smallmoney",
              "smallmoney",
              "214748.3647",
              "-214748.3648",
              new BigDecimal("214748.3647"),
              new BigDecimal("-214748.3648")),
          new Col("c_char", "char(10)", "'abc'", "''", "abc       ", "          "),
          new Col("c_varchar", "varchar(10)", "'abcdefghij'", "''", "abcdefghij", ""),
          new Col(
              "c_varchar_max",
              "varchar(max)",
              "REPLICATE(CAST('x' AS varchar(max)), 10000)",
              "''",
              "x".repeat(10_000),
              ""),
          new Col("c_nchar", "nchar(5)", "N'żółw'", "N''", "żółw ", "     "),
          new Col("c_nvarchar", "nvarchar(10)", "N'𝄞𝄞𝄞𝄞𝄞'", "N''", "𝄞𝄞𝄞𝄞𝄞", ""),
          new Col(
              "c_nvarchar_max",
              "nvarchar(max)",
              "REPLICATE(CAST(N'ż' AS nvarchar(max)), 5000)",
              "N''",
              "ż".repeat(5000),
              ""),
          new Col("c_text", "text", "'text'", "''", "text", ""),
          new Col("c_ntext", "ntext", "N'ntext ż'", "N''", "ntext ż", ""),
          new Col("c_binary", "binary(4)", "0x01020304", "0x01", hex("01020304"), hex("01000000")),
          new Col(
              "c_varbinary",
              "varbinary(10)",
              "0x00112233445566778899",
              "0x",
              hex("00112233445566778899"),
              new byte[0]),
          new Col(
              "c_varbinary_max",
              "varbinary(max)",
              "CAST(REPLICATE(CAST('ab' AS varchar(max)), 5000) AS varbinary(max))",
              "0x",
              hex("6162".repeat(5000)),
              new byte[0]),
          new Col("c_image", "image", "0xCAFE", "0x00", hex("CAFE"), hex("00")),
          new Col(
              "c_date",
              "date",
              "'9999-12-31'",
              "'0001-01-01'",
              LocalDate.of(9999, 12, 31),
              LocalDate.of(1, 1, 1)),
          new Col(
              "c_time",
              "time(7)",
              "'23:59:59.9999999'",
              "'00:00:00'",
              LocalTime.of(23, 59, 59, 999_999_900),
              LocalTime.MIN),
          new Col(
              "c_datetime",
              "datetime",
              "'9999-12-31 23:59:59.997'",
              "'1753-01-01 00:00:00'",
              LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000),
              LocalDateTime.of(1753, 1, 1, 0, 0)),
          new Col(
              "c_datetime_rounded",
              "datetime",
              "'1998-01-01 23:59:59.999'",
              "'1998-01-01 23:59:59.992'",
              LocalDateTime.of(1998, 1, 2, 0, 0),
              LocalDateTime.of(1998, 1, 1, 23, 59, 59, 993_000_000)),
          new Col(
              "c_smalldatetime",
              "smalldatetime",
              "'2079-06-06 23:59:00'",
              "'1900-01-01 00:00:00'",
              LocalDateTime.of(2079, 6, 6, 23, 59),
              LocalDateTime.of(1900, 1, 1, 0, 0)),
          new Col(
              "c_smalldatetime_rounded",
              "smalldatetime",
              "'2000-05-08 12:35:29.999'",
              "'2000-05-08 12:35:29.998'",
              LocalDateTime.of(2000, 5, 8, 12, 36),
              LocalDateTime.of(2000, 5, 8, 12, 35)),
          new Col(
              "c_datetime2",
              "datetime2(7)",
              "'9999-12-31 23:59:59.9999999'",
              "'0001-01-01 00:00:00'",
              LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
              LocalDateTime.of(1, 1, 1, 0, 0)),
          new Col(
              "c_datetimeoffset",
              "datetimeoffset(7)",
              "'2007-05-08 12:35:29.1234567 +12:15'",
              "'0001-01-01 00:00:00 -14:00'",
              OffsetDateTime.parse("2007-05-08T12:35:29.1234567+12:15"),
              OffsetDateTime.parse("0001-01-01T00:00-14:00")),
          new Col(
              "c_uniqueidentifier",
              "uniqueidentifier",
              "'6F9619FF-8B86-D011-B42D-00C04FC964FF'",
              "'00000000-0000-0000-0000-000000000000'",
              UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
              new UUID(0, 0)),
          new Col("c_xml", "xml", "N'<a>ż</a>'", "N'<b/>'", "<a>ż</a>", "<b/>"),
          new Col(
              "c_sql_variant",
              "sql_variant",
              "CAST(42 AS int)",
              "CAST(N'abc' AS nvarchar(10))",
              42,
              "abc"));

  /** The text a down-level client receives for the date and time types (7.1 and 7.2). */
  private static final Map<String, List<String>> DOWN_LEVEL =
      Map.of(
          "c_date", List.of("9999-12-31", "0001-01-01"),
          "c_time", List.of("23:59:59.9999999", "00:00:00.0000000"),
          "c_datetime2", List.of("9999-12-31 23:59:59.9999999", "0001-01-01 00:00:00.0000000"),
          "c_datetimeoffset",
              List.of("2007-05-08 12:35:29.1234567 +12:15", "0001-01-01 00:00:00.0000000 -14:00"));

  @BeforeAll
  static void start() throws IOException {
    server = TdsServer.builder().port(0).encryption(EncryptionPolicy.OFF).user("sa", "pw").build();
    server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Connection connect(String version) {
    try {
      Path file =
          Files.writeString(
              dir.resolve("freetds-" + version + ".conf"),
              "[s]\nhost = 127.0.0.1\nport = "
                  + server.port()
                  + "\ntds version = "
                  + version
                  + "\n");
      ConfigResolver r =
          ConfigResolver.builder()
              .file(file)
              .environment(Map.of())
              .userHome(null)
              .systemFiles(List.of())
              .build();
      return Jctds.connect(
          "s",
          ConnectOptions.builder()
              .user("sa")
              .password("pw")
              .loginTimeout(10)
              .configResolver(r)
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String batch(String table) {
    return "CREATE TABLE "
        + table
        + " (id int PRIMARY KEY, "
        + COLS.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "))
        + ")\nINSERT INTO "
        + table
        + " VALUES (1, "
        + COLS.stream().map(Col::max).collect(Collectors.joining(", "))
        + ")\nINSERT INTO "
        + table
        + " VALUES (2, "
        + COLS.stream().map(Col::min).collect(Collectors.joining(", "))
        + ")\nINSERT INTO "
        + table
        + " (id) VALUES (3)\nSELECT * FROM "
        + table
        + " ORDER BY id";
  }

  private static boolean downLevelDate(String version, String column) {
    return !version.equals("7.4") && DOWN_LEVEL.containsKey(column);
  }

  @ParameterizedTest(name = "TDS {0}")
  @ValueSource(strings = {"7.4", "7.2", "7.1"})
  void everyTypeReadsAsItsJavaValue(String version) {
    try (Connection c = connect(version);
        Cursor cursor = c.cursor()) {
      assertThat(c.tdsVersion()).isEqualTo(version);
      cursor.execute(batch("rows_every_" + version.replace('.', '_')));
      RowList rows = cursor.fetchAll();
      assertThat(rows).hasSize(3);
      assertThat(rows.description()).hasSize(COLS.size() + 1);
      for (int r = 0; r < 2; r++) {
        Row row = rows.get(r);
        assertThat(row.getInt("id")).isEqualTo(r + 1);
        for (Col col : COLS) {
          Object expected = r == 0 ? col.vMax() : col.vMin();
          String at = version + " row " + (r + 1) + " " + col.name();
          if (downLevelDate(version, col.name())) {
            assertThat(row.get(col.name())).as(at).isEqualTo(DOWN_LEVEL.get(col.name()).get(r));
            assertThat(row.getObject(col.name(), expected.getClass())).as(at).isEqualTo(expected);
          } else {
            assertThat(row.get(col.name())).as(at).isEqualTo(expected);
          }
        }
      }
      Row nulls = rows.get(2);
      for (Col col : COLS) {
        assertThat(nulls.get(col.name())).as(col.name()).isNull();
        assertThat(nulls.isNull(col.name())).isTrue();
        assertThat(nulls.getObject(col.name(), String.class)).isNull();
      }
    }
  }

  @ParameterizedTest(name = "TDS {0}")
  @ValueSource(strings = {"7.4", "7.1"})
  void largeValuesStreamAsTheyWereStored(String version) throws IOException {
    try (Connection c = connect(version);
        Cursor cursor = c.cursor()) {
      cursor.execute(batch("rows_stream_" + version.replace('.', '_')));
      Row row = cursor.fetchOne();
      try (Reader r = row.getReader("c_nvarchar_max")) {
        assertThat(read(r)).isEqualTo("ż".repeat(5000));
      }
      try (Reader r = row.getReader("c_varchar_max")) {
        assertThat(read(r)).isEqualTo("x".repeat(10_000));
      }
      try (Reader r = row.getReader("c_ntext")) {
        assertThat(read(r)).isEqualTo("ntext ż");
      }
      try (InputStream in = row.getInputStream("c_varbinary_max")) {
        assertThat(in.readAllBytes()).isEqualTo(hex("6162".repeat(5000)));
      }
      try (InputStream in = row.getInputStream("c_image")) {
        assertThat(in.readAllBytes()).isEqualTo(hex("CAFE"));
      }
      assertThat(cursor.fetchOne().getReader("c_varchar_max")).isNotNull();
      assertThat(cursor.fetchOne().getInputStream("c_varbinary_max")).isNull();
    }
  }

  private static String read(Reader r) throws IOException {
    StringWriter w = new StringWriter();
    r.transferTo(w);
    return w.toString();
  }

  @Test
  void utf8CollationVarcharAndTypedGetters() {
    try (Connection c = connect("7.4");
        Cursor cursor = c.cursor()) {
      // a _UTF8 collation's varchar goes out as UTF-8 to a client that acknowledged UTF8_SUPPORT
      // ("Collation and Unicode support": UTF-8 is available for char and varchar with _UTF8)
      cursor.execute(
          "CREATE TABLE rows_utf8 (v varchar(20) COLLATE Latin1_General_100_CI_AS_SC_UTF8)\n"
              + "INSERT INTO rows_utf8 VALUES (N'żółw €')\n"
              + "SELECT v, CAST(255 AS tinyint) AS t, CAST(1.5 AS real) AS r,"
              + " CAST(12.3456 AS money) AS m, CAST(1 AS bit) AS b FROM rows_utf8");
      Row row = cursor.fetchOne();
      assertThat(row.get("v")).isEqualTo("żółw €");
      assertThat(row.getShort("t")).isEqualTo((short) 255);
      assertThat(row.getInt("t")).isEqualTo(255);
      assertThat(row.getFloat("r")).isEqualTo(1.5f);
      assertThat(row.getBigDecimal("m")).isEqualTo(new BigDecimal("12.3456"));
      assertThat(row.getBoolean("b")).isTrue();
      assertThat(row.getObject("b", int.class)).isEqualTo(1);
    }
  }

  @Test
  void descriptionFollowsDbApi() {
    try (Connection c = connect("7.4");
        Cursor cursor = c.cursor()) {
      cursor.execute(
          "SELECT CAST(1 AS int) AS i, CAST(2.5 AS decimal(18,2)) AS d, N'x' AS n,"
              + " CAST('2024-01-02' AS datetime2(3)) AS dt, CAST(NULL AS varbinary(max)) AS b");
      List<Column> d = cursor.description();
      // [MS-TDS] 2.2.5.4.2: INTN 0x26, DECIMALN 0x6A / NUMERICN 0x6C, NVARCHAR 0xE7,
      // DATETIME2N 0x2A, BIGVARBINARY 0xA5; display sizes by the ODBC "Display Size" rules
      assertThat(d.get(0))
          .extracting(Column::typeCode, Column::displaySize, Column::internalSize)
          .containsExactly(0x26, 11, 4);
      assertThat(d.get(1))
          .extracting(Column::typeName, Column::displaySize, Column::precision, Column::scale)
          .containsExactly("decimal(18,2)", 20, 18, 2);
      assertThat(d.get(2))
          .extracting(Column::typeCode, Column::displaySize, Column::internalSize)
          .containsExactly(0xE7, 1, 2);
      assertThat(d.get(3))
          .extracting(Column::typeCode, Column::displaySize, Column::scale)
          .containsExactly(0x2A, 23, 3);
      assertThat(d.get(4))
          .extracting(Column::typeCode, Column::displaySize, Column::internalSize)
          .containsExactly(0xA5, 0, -1);
      assertThat(d.get(4).nullable()).isTrue();
    }
  }

  @Test
  void rowToStringAndRowListDescription() {
    try (Connection c = connect("7.4");
        Cursor cursor = c.cursor()) {
      cursor.execute("SELECT 42, 'hello' AS greeting; SELECT 1 AS a, 2 AS b UNION ALL SELECT 3, 4");
      RowList first = cursor.fetchAll();
      // the form for SELECT 42, 'hello' AS greeting
      assertThat(first.get(0)).hasToString("Row[42, greeting=hello]");
      assertThat(cursor.nextSet()).isTrue();
      RowList some = cursor.fetchMany(1);
      assertThat(some).hasSize(1);
      assertThat(some.description()).extracting(Column::name).containsExactly("a", "b");
      assertThat(first.description()).extracting(Column::name).containsExactly("", "greeting");
      assertThat(cursor.fetchMany(5)).extracting(r -> r.getInt("B")).containsExactly(4);
      assertThat(cursor.fetchMany(5)).isEmpty();
    }
  }
}
