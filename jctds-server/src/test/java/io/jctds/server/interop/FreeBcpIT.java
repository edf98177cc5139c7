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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's FreeTDS 1.3.17 {@code freebcp ... out -c} of a table of every type (EveryType's rows),
 * compared with the values inserted. freebcp learns the columns with {@code SET FMTONLY ON select *
 * from T SET FMTONLY OFF} (src/tds/bulk.c, tds_bcp_init), then reads {@code select * from T}.
 *
 * <p>The character format (freebcp(1): {@code -c}, field terminator tab, row terminator newline)
 * holds each value as FreeTDS converts it to text (src/dblib/bcp.c, _bcp_convert_out): NULL as an
 * empty field; an empty value of a variable-length type as one NUL byte; date and time types with
 * {@code FREEBCP_DATEFMT}, by default {@code "%Y-%m-%d %H:%M:%S.%z"} to the millisecond (a date at
 * midnight, a time on 1900-01-01, a datetimeoffset in its own offset, year 1 as "1", as strftime
 * and tsql print them); every other type through tds_convert, which prints the same text tsql does
 * (FreeTdsSqlIT's recorded lines: real and float in FreeTDS's digits, binary as lower-case hex,
 * char padded). freebcp sets TEXTSIZE to its {@code -T} (4096 unless given), which cuts (max),
 * text, ntext and image values ("SET TEXTSIZE"). sql_variant is left out: freebcp 1.3.17 reads a
 * sql_variant column's data as a text value and fails with "Requested data conversion does not
 * exist" (_bcp_convert_out treats any column with a 4-byte length as a blob).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FreeBcpIT {
  @RegisterExtension
  static final Precondition FREEBCP =
      FreeTds.INSTALLED.and(
          Precondition.executable(
              "freebcp", "apt-get install freetds-bin (Debian's FreeTDS 1.3.17)"));

  @TempDir static Path tmp;

  private static FreeTds freetds;
  private static TdsServer server;

  @BeforeAll
  static void start() {
    freetds = FreeTds.in(tmp);
    server = Interop.start(b -> b.encryption(EncryptionPolicy.OFF));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Section section() {
    return Section.of("jctds", server.host(), server.port(), "tds version", "7.4");
  }

  private static final List<EveryType.Column> COLUMNS =
      EveryType.COLUMNS.stream().filter(c -> !c.name().equals("c_sql_variant")).toList();

  /** EveryType's table without sql_variant: CREATE, rows 1 (maxima), 2 (minima), 3 (NULLs). */
  private static void create(String table) {
    String sql =
        "CREATE TABLE "
            + table
            + " (id int PRIMARY KEY, "
            + COLUMNS.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "))
            + ")\nINSERT INTO "
            + table
            + " VALUES (1, "
            + COLUMNS.stream().map(EveryType.Column::max).collect(Collectors.joining(", "))
            + ")\nINSERT INTO "
            + table
            + " VALUES (2, "
            + COLUMNS.stream().map(EveryType.Column::min).collect(Collectors.joining(", "))
            + ")\nINSERT INTO "
            + table
            + " (id) VALUES (3)";
    Run run = freetds.tsql(section(), Interop.PASSWORD, sql);
    assertThat(run.process().exitCode()).as(run.describe()).isZero();
    assertThat(run.process().stderr()).as(run.describe()).isEmpty();
  }

  private static String out(String table, String file, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("-c"));
    args.addAll(List.of(options));
    Run run =
        freetds.freebcp(
            section(),
            Interop.PASSWORD,
            "master.dbo." + table,
            "out",
            file,
            args.toArray(String[]::new));
    assertThat(run.process().exitCode()).as(run.describe()).isZero();
    assertThat(run.process().stdout()).as(run.describe()).contains("3 rows copied.");
    return Files.readString(tmp.resolve(file), StandardCharsets.UTF_8);
  }

  private static final String NUL = "\0";

  private static final List<String> MAXIMA =
      List.of(
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
          "x".repeat(10_000),
          "żółw ",
          "𝄞𝄞𝄞𝄞𝄞",
          "ż".repeat(5000),
          "text",
          "ntext ż",
          "01020304",
          "00112233445566778899",
          "6162".repeat(5000),
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

  private static final List<String> MINIMA =
      List.of(
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
          NUL,
          NUL,
          " ".repeat(5),
          NUL,
          NUL,
          NUL,
          NUL,
          "01000000",
          NUL,
          NUL,
          "00",
          "1-01-01 00:00:00.000",
          "1900-01-01 00:00:00.000",
          "1753-01-01 00:00:00.000",
          "1998-01-01 23:59:59.993",
          "1900-01-01 00:00:00.000",
          "2000-05-08 12:35:00.000",
          "1-01-01 00:00:00.000",
          "1-01-01 00:00:00.000",
          "00000000-0000-0000-0000-000000000000",
          "<b/>");

  private static String line(List<String> fields) {
    return String.join("\t", fields) + "\n";
  }

  @Test
  void outWritesEveryValueAsInserted() throws IOException {
    create("bcp_types");
    String file = out("bcp_types", "bcp_types.txt", "-T", "20000");
    List<String> nulls = new ArrayList<>(Collections.nCopies(COLUMNS.size() + 1, ""));
    nulls.set(0, "3");
    assertThat(file).isEqualTo(line(MAXIMA) + line(MINIMA) + line(nulls));
  }

  @Test
  void outCutsLargeValuesAtItsTextSize() throws IOException {
    create("bcp_cut");
    // freebcp's default -T 4096 becomes SET TEXTSIZE 4096: 4096 bytes of varchar(max),
    // nvarchar(max) (2048 characters) and varbinary(max) (8192 hex digits)
    List<String> first = List.of(out("bcp_cut", "bcp_cut.txt").split("\n")[0].split("\t", -1));
    assertThat(first.get(EveryType.column("c_varchar_max") - 1)).isEqualTo("x".repeat(4096));
    assertThat(first.get(EveryType.column("c_nvarchar_max") - 1)).isEqualTo("ż".repeat(2048));
    assertThat(first.get(EveryType.column("c_varbinary_max") - 1)).isEqualTo("6162".repeat(2048));
  }
}
