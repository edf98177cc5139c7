package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.FreeTds.Run;
import io.jctds.server.interop.FreeTds.Section;
import io.jctds.testkit.Precondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FreeTDS 1.3.17's {@code freebcp table out file -c}: it asks for the columns with {@code SET
 * FMTONLY ON select * from table SET FMTONLY OFF}, then selects the rows and writes each value in
 * character form (src/dblib/bcp.c, _bcp_exec_out and _bcp_convert_out). Without TLS and with full
 * TLS ({@code encryption = require} and the CA in {@code ca file}: FreeTDS 1.3 has no TDS 8.0).
 *
 * <p>The table holds EveryType's columns but sql_variant: freebcp 1.3.17 cannot write one on any
 * server (_bcp_convert_out reads a variant column's data as a blob's text and hands it to
 * tds_convert as a TDSVARIANT: error 20053, "Requested data conversion does not exist").
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FreeBcpIT {
  @RegisterExtension
  static final Precondition FREEBCP =
      FreeTds.INSTALLED.and(Precondition.executable("freebcp", "apt-get install freetds-bin"));

  private static final String TABLE = "bcp_every_type";

  @TempDir static Path dir;
  private static TdsServer server;
  private static FreeTds freetds;
  private static Path ca;

  @BeforeAll
  static void start() {
    server = Interop.start(EncryptionPolicy.ON);
    freetds = FreeTds.in(dir);
    ca = Interop.writePem(Interop.authority().certificate(), dir.resolve("ca.pem"));
    String create =
        EveryType.create(TABLE)
            .replace(", c_sql_variant sql_variant", "")
            .replace(", CAST(42 AS int))", ")")
            .replace(", CAST(N'abc' AS nvarchar(10)))", ")");
    Run created = freetds.tsql(plain(), Interop.PASSWORD, create);
    assertThat(created.process().exitCode()).as(created.describe()).isZero();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Section plain() {
    return Section.of("jctds", server.host(), server.port(), "tds version", "7.4");
  }

  private static Section tls() {
    return Section.of(
        "jctds_tls",
        server.host(),
        server.port(),
        "tds version",
        "7.4",
        "encryption",
        "require",
        "ca file",
        ca.toString());
  }

  /**
   * freebcp in (bulk.c: INSERT BULK, then a BulkLoadBCP message of COLMETADATA and ROW tokens) of
   * the file freebcp out wrote, into an empty table of the same columns; freebcp out of that table
   * must write the same file byte for byte (the expected rows are those of {@link
   * #outWritesEachValueAsInserted}, checked there against Microsoft's documented values).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void inLoadsWhatOutWrote(boolean encrypted) throws IOException {
    Section section = encrypted ? tls() : plain();
    // FreeTDS 1.3.17's bulk.c cannot describe an xml column in INSERT BULK ("unrecognized
    // server datatype 241"), so this table leaves it out too
    String from = "bcp_in_source_" + encrypted;
    String target = "bcp_in_target_" + encrypted;
    String create =
        withoutXml(EveryType.create(from))
            + withoutXml(EveryType.create(target)).lines().findFirst().orElseThrow();
    Run created = freetds.tsql(section, Interop.PASSWORD, create);
    assertThat(created.process().exitCode()).as(created.describe()).isZero();
    String source = "in-source-" + encrypted + ".txt";
    Run out =
        freetds.freebcp(
            section, Interop.PASSWORD, "master.dbo." + from, "out", source, "-c", "-t", "|");
    assertThat(out.process().exitCode()).as(out.describe()).isZero();
    Run in =
        freetds.freebcp(
            section, Interop.PASSWORD, "master.dbo." + target, "in", source, "-c", "-t", "|");
    assertThat(in.process().exitCode()).as(in.describe()).isZero();
    assertThat(in.process().stdout()).contains("3 rows copied.");
    String back = "in-back-" + encrypted + ".txt";
    Run again =
        freetds.freebcp(
            section, Interop.PASSWORD, "master.dbo." + target, "out", back, "-c", "-t", "|");
    assertThat(again.process().exitCode()).as(again.describe()).isZero();
    // freebcp out writes year 1 as "1-01-01" (%Y without padding) and freebcp in reads a year
    // below 50 as 20xx (FreeTDS src/tds/convert.c, store_year): the file freebcp wrote for
    // EveryType's year-1 minimums comes back as 2001; everything else byte for byte
    String expected =
        Files.readString(dir.resolve(source), StandardCharsets.UTF_8)
            .replace("|1-01-01 00:00:00.000", "|2001-01-01 00:00:00.000");
    assertThat(Files.readString(dir.resolve(back), StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  private static String withoutXml(String create) {
    return create
        .replace(", c_xml xml, c_sql_variant sql_variant", "")
        .replace(", N'<a>ż</a>', CAST(42 AS int))", ")")
        .replace(", N'<b/>', CAST(N'abc' AS nvarchar(10)))", ")");
  }

  /** bcp.c: an empty string is written as one NUL byte (a NULL as nothing). */
  private static final String EMPTY = "\0";

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void outWritesEachValueAsInserted(boolean encrypted) throws IOException {
    String file = "out-" + encrypted + ".txt";
    Run out =
        freetds.freebcp(
            encrypted ? tls() : plain(),
            Interop.PASSWORD,
            "master.dbo." + TABLE,
            "out",
            file,
            "-c",
            "-t",
            "|");
    assertThat(out.process().exitCode()).as(out.describe()).isZero();
    assertThat(out.process().stdout()).contains("3 rows copied.");
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readString(dir.resolve(file), StandardCharsets.UTF_8).split("\n")) {
      rows.add(Arrays.asList(line.split("\\|", -1)));
    }
    assertThat(rows).hasSize(3);
    // EveryType's rows 1 and 2 in freebcp's character form, (max) values cut at 4096 bytes
    // (freebcp.c sends "set textsize 4096", its default; "SET TEXTSIZE": varchar(max),
    // nvarchar(max), varbinary(max), text, ntext and image); numbers as FreeTDS converts them to
    // text (as tsql prints them: FreeTdsSqlIT), binary in hex, date and time types in bcp.c's
    // FREEBCP_DATEFMT default "%Y-%m-%d %H:%M:%S.%z" (milliseconds; time on 1900-01-01,
    // datetimeoffset in its own local time), after SQL Server's rounding ("datetime",
    // "smalldatetime")
    assertThat(rows.get(0))
        .containsExactly(
            "1",
            "1",
            "255",
            "32767",
            "2147483647",
            "9223372036854775807",
            "3.39999995e+38",
            "1.79e+308",
            "99999999999999999999999999999999999999",
            "12345.67891",
            "922337203685477.5807",
            "214748.3647",
            "abc       ",
            "abcdefghij",
            "x".repeat(4096),
            "żółw ",
            "𝄞𝄞𝄞𝄞𝄞",
            "ż".repeat(2048), // 4096 bytes of UTF-16
            "text",
            "ntext ż",
            "01020304",
            "00112233445566778899",
            "6162".repeat(2048),
            "cafe",
            "9999-12-31 00:00:00.000",
            "1900-01-01 23:59:59.999",
            "9999-12-31 23:59:59.997",
            "1998-01-02 00:00:00.000",
            "2079-06-06 23:59:00.000",
            "2000-05-08 12:36:00.000",
            "9999-12-31 23:59:59.999",
            "2007-05-08 12:35:29.123",
            "6F9619FF-8B86-D011-B42D-00C04FC964FF",
            "<a>ż</a>");
    assertThat(rows.get(1))
        .containsExactly(
            "2",
            "0",
            "0",
            "-32768",
            "-2147483648",
            "-9223372036854775808",
            "-1.17999995e-38",
            "-2.2300000000000001e-308",
            "-99999999999999999999999999999999999999",
            "-0.00001",
            "-922337203685477.5808",
            "-214748.3648",
            " ".repeat(10),
            EMPTY,
            EMPTY,
            " ".repeat(5),
            EMPTY,
            EMPTY,
            EMPTY,
            EMPTY,
            "01000000",
            EMPTY,
            EMPTY,
            "00",
            "1-01-01 00:00:00.000", // %Y of year 1 without padding
            "1900-01-01 00:00:00.000",
            "1753-01-01 00:00:00.000",
            "1998-01-01 23:59:59.993",
            "1900-01-01 00:00:00.000",
            "2000-05-08 12:35:00.000",
            "1-01-01 00:00:00.000",
            "1-01-01 00:00:00.000",
            "00000000-0000-0000-0000-000000000000",
            "<b/>");
    List<String> nulls = new ArrayList<>(Collections.nCopies(EveryType.COLUMNS.size(), ""));
    nulls.set(0, "3");
    assertThat(rows.get(2)).containsExactlyElementsOf(nulls);
  }
}
