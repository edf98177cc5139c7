package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.Precondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code jctds bcp} run in-process against the embedded server (no TLS, ephemeral port). */
class BcpCommandIT {
  @RegisterExtension
  static final Precondition ENVIRONMENT =
      Precondition.unsetEnvironment("TDSVER", "TDSPORT", "TDSHOST");

  static final String USER = "bcpuser";
  static final String PASSWORD = "Bcp-Secret-1";

  /**
   * Values whose freebcp {@code -c} form FreeTDS 1.3.17 documents by what it wrote in
   * jctds-server's FreeBcpIT (bcp.c _bcp_convert_out): decimal as written, binary in lower-case
   * hex, datetime/date/time as yyyy-mm-dd hh:mm:ss.fff (time on 1900-01-01, truncated to
   * milliseconds), uniqueidentifier in upper case, an empty string as one NUL byte, NULL as
   * nothing.
   */
  static final String CREATE =
      "CREATE TABLE bcp_t (id int, v varchar(10), n nvarchar(10), d decimal(10,5), b bit,"
          + " bin varbinary(10), dt datetime, da date, tm time(7), g uniqueidentifier);"
          + " INSERT INTO bcp_t VALUES (1, 'abc', N'żółw', 12345.67891, 1, 0x01020304,"
          + " '1998-01-02 00:00:00', '9999-12-31', '23:59:59.9999999',"
          + " '6F9619FF-8B86-D011-B42D-00C04FC964FF'),"
          + " (2, '', N'', -0.00001, 0, 0xCAFE, '2007-05-08 12:35:29.123', '2000-05-08',"
          + " '00:00:00', '00000000-0000-0000-0000-000000000000'),"
          + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)";

  static final List<String> EXPECTED =
      List.of(
          "1|abc|żółw|12345.67891|1|01020304|1998-01-02 00:00:00.000|9999-12-31 00:00:00.000"
              + "|1900-01-01 23:59:59.999|6F9619FF-8B86-D011-B42D-00C04FC964FF",
          "2|\0|\0|-0.00001|0|cafe|2007-05-08 12:35:29.123|2000-05-08 00:00:00.000"
              + "|1900-01-01 00:00:00.000|00000000-0000-0000-0000-000000000000",
          "3|||||||||");

  private static TdsServer server;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user(USER, PASSWORD)
            .build()
            .start();
    CliRun created = cli("sql", "-e", CREATE);
    assertThat(created.code()).as(created.err()).isZero();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static CliRun cli(String command, String... extra) {
    String[] base = {
      command, "-H", "127.0.0.1", "-p", Integer.toString(server.port()), "-U", USER, "-P", PASSWORD
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  static List<String> lines(Path file) throws Exception {
    return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
  }

  @Test
  void outWritesFreebcpsCharacterForm() throws Exception {
    Path file = dir.resolve("out.txt");
    CliRun r = cli("bcp", "bcp_t", "out", file.toString(), "-c", "-t", "|");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("3 rows copied.").contains("rows per sec.");
    assertThat(lines(file)).containsExactly(EXPECTED.get(0), EXPECTED.get(1), EXPECTED.get(2), "");
  }

  @Test
  void queryoutWithFirstLastAndTerminators() throws Exception {
    Path file = dir.resolve("queryout.txt");
    CliRun r =
        cli(
            "bcp",
            "SELECT id, v FROM bcp_t ORDER BY id",
            "queryout",
            file.toString(),
            "-c",
            "-F",
            "2",
            "-L",
            "3",
            "-r",
            "~\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("2 rows copied.");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("2\t\0~\n3\t~\n");
  }

  @Test
  void anSqlErrorExitsWithOne() {
    CliRun r = cli("bcp", "no_such_table", "out", dir.resolve("x.txt").toString(), "-c");
    assertThat(r.code()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(r.err()).contains("no_such_table");
  }

  @Test
  void aWrongDirectionIsAUsageError() {
    CliRun r = cli("bcp", "bcp_t", "sideways", dir.resolve("y.txt").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE_CONFIG_OR_CONNECTION);
  }

  /**
   * out, then in into an empty table of the same columns, then out again: the same bytes (the first
   * file's values are checked against freebcp's forms above).
   */
  @Test
  void inLoadsWhatOutWrote() throws Exception {
    CliRun created = cli("sql", "-e", "SELECT * INTO bcp_copy FROM bcp_t WHERE 1 = 0");
    assertThat(created.code()).as(created.err()).isZero();
    Path file = dir.resolve("round.txt");
    assertThat(cli("bcp", "bcp_t", "out", file.toString(), "-c").code()).isZero();
    CliRun in = cli("bcp", "bcp_copy", "in", file.toString(), "-c", "-b", "2", "-h", "TABLOCK");
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.err()).contains("3 rows copied.");
    Path back = dir.resolve("round-back.txt");
    CliRun out = cli("bcp", "SELECT * FROM bcp_copy ORDER BY id", "queryout", back.toString());
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(Files.readString(back, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * A record with too few fields (line 2) and one whose int does not convert (line 4) go to the -e
   * file with their line numbers; the other lines are loaded, and the exit status is 1.
   */
  @Test
  void malformedLinesAreRejectedWithTheirNumbers() throws Exception {
    CliRun created = cli("sql", "-e", "CREATE TABLE bcp_small (id int, name varchar(10))");
    assertThat(created.code()).as(created.err()).isZero();
    Path file =
        Files.writeString(
            dir.resolve("bad.txt"), "1,one\n2\n3,three\nfour,4\n5,five\n", StandardCharsets.UTF_8);
    Path errors = dir.resolve("bad.err");
    CliRun in =
        cli("bcp", "bcp_small", "in", file.toString(), "-c", "-t", ",", "-e", errors.toString());
    assertThat(in.code()).as(in.err()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(in.err()).contains("2 rows rejected.").contains("3 rows copied.");
    List<String> reported = lines(errors);
    assertThat(reported.get(0)).startsWith("#@ Row 2: 1 fields, the table has 2 columns");
    assertThat(reported.get(1)).isEqualTo("2");
    assertThat(reported.get(2)).startsWith("#@ Row 4: column 1 [id]: 'four' is not a valid int");
    assertThat(reported.get(3)).isEqualTo("four,4");
    Path back = dir.resolve("small-back.txt");
    CliRun out = cli("bcp", "SELECT * FROM bcp_small ORDER BY id", "queryout", back.toString());
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(Files.readString(back, StandardCharsets.UTF_8))
        .isEqualTo("1\tone\n3\tthree\n5\tfive\n");
  }

  /**
   * -m N stops the load at the N-th rejected row, as freebcp 1.3.17 does (run against the embedded
   * server: with -m 2 on this file it wrote rows 2 and 4 to its -e file and stopped at row 4): exit
   * 1, a message naming the row, the count and the limit; the current batch (here the only one) is
   * not loaded. freebcp kept rows 1 and 2; jctds discards the batch (docs/bulk.md).
   */
  @Test
  void theMaxErrorsthRejectionStops() throws Exception {
    CliRun created = cli("sql", "-e", "CREATE TABLE bcp_max (id int)");
    assertThat(created.code()).as(created.err()).isZero();
    Path file = Files.writeString(dir.resolve("max.txt"), "1\nx\n2\ny\n3\nz\n4\n");
    Path errors = dir.resolve("max.err");
    CliRun in =
        cli("bcp", "bcp_max", "in", file.toString(), "-c", "-m", "2", "-e", errors.toString());
    assertThat(in.code()).as(in.err()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(in.err())
        .contains("stopped at row 4: 2 rows rejected, -m allows 2 (this one: column 1 [id]: 'y'")
        .contains("the rows of the current batch were not loaded");
    assertThat(lines(errors)).hasSize(5).element(2).asString().startsWith("#@ Row 4: ");
    CliRun count = cli("sql", "-e", "SELECT COUNT(*) AS n FROM bcp_max");
    assertThat(count.out().lines().toList()).contains("0");
    // below the limit the load goes on: 3 rejections, -m 4
    CliRun more = cli("bcp", "bcp_max", "in", file.toString(), "-c", "-m", "4");
    assertThat(more.code()).as(more.err()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(more.err()).contains("3 rows rejected.").contains("4 rows copied.");
  }

  /**
   * A value longer than its column's declared size is rejected before it is sent, with its row,
   * column and size: varchar(n) holds n bytes (n characters in a single-byte code page),
   * nvarchar(n) n byte-pairs, varbinary(n) n bytes ("char and varchar", "nchar and nvarchar",
   * "binary and varbinary (Transact-SQL)"); SQL Server would refuse it with error 2628 and the
   * whole batch. The other rows are loaded.
   */
  @Test
  void aValueTooLongForItsColumnIsRejectedWithItsRowAndColumn() throws Exception {
    CliRun created =
        cli(
            "sql",
            "-e",
            "CREATE TABLE bcp_long (id int, v varchar(3), n nvarchar(2), b varbinary(2))");
    assertThat(created.code()).as(created.err()).isZero();
    Path file =
        Files.writeString(
            dir.resolve("long.txt"),
            "1,abc,xy,0102\n2,abcd,x,01\n3,ab,xyz,01\n4,a,x,010203\n5,ok,żó,ff\n",
            StandardCharsets.UTF_8);
    Path errors = dir.resolve("long.err");
    CliRun in =
        cli("bcp", "bcp_long", "in", file.toString(), "-c", "-t", ",", "-e", errors.toString());
    assertThat(in.code()).as(in.err()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(in.err()).contains("3 rows rejected.").contains("2 rows copied.");
    assertThat(lines(errors))
        .containsExactly(
            "#@ Row 2: column 2 [v]: 'abcd' is 4 characters, longer than varchar(3) @#",
            "2,abcd,x,01",
            "#@ Row 3: column 3 [n]: 'xyz' is 3 characters, longer than nvarchar(2) @#",
            "3,ab,xyz,01",
            "#@ Row 4: column 4 [b]: 3 bytes, longer than varbinary(2) @#",
            "4,a,x,010203",
            "");
    CliRun check = cli("sql", "-e", "SELECT id FROM bcp_long ORDER BY id");
    assertThat(check.out().lines().toList())
        .as(check.err())
        .contains("1", "5")
        .doesNotContain("2", "3", "4");
  }

  /**
   * --format csv: RFC 4180 (CRLF row ends, quotes doubled inside quotes) with a header line; the
   * NULL and empty string told apart (empty unquoted field, {@code ""}); in reads it back.
   */
  @Test
  void csvOutAndIn() throws Exception {
    CliRun created =
        cli(
            "sql",
            "-e",
            "CREATE TABLE bcp_csv (id int, s nvarchar(20), b varbinary(4));"
                + " INSERT INTO bcp_csv VALUES (1, N'a,\"b\"', 0xCAFE), (2, N'', NULL),"
                + " (3, NULL, 0x);"
                + " SELECT * INTO bcp_csv2 FROM bcp_csv WHERE 1 = 0");
    assertThat(created.code()).as(created.err()).isZero();
    Path file = dir.resolve("t.csv");
    CliRun out =
        cli(
            "bcp",
            "SELECT * FROM bcp_csv ORDER BY id",
            "queryout",
            file.toString(),
            "--format",
            "csv");
    assertThat(out.code()).as(out.err()).isZero();
    // RFC 4180 section 2: CRLF, fields with comma or quote enclosed in quotes, a quote doubled
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "\"id\",\"s\",\"b\"\r\n\"1\",\"a,\"\"b\"\"\",\"cafe\"\r\n"
                + "\"2\",\"\",\r\n\"3\",,\"\"\r\n");
    CliRun in = cli("bcp", "bcp_csv2", "in", file.toString(), "--format", "csv");
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.err()).contains("3 rows copied.");
    CliRun check =
        cli(
            "sql",
            "-e",
            "SELECT COUNT(*) AS n FROM bcp_csv2 a JOIN bcp_csv b ON a.id = b.id"
                + " AND (a.s = b.s OR a.s IS NULL AND b.s IS NULL)"
                + " AND (a.b = b.b OR a.b IS NULL AND b.b IS NULL)");
    assertThat(check.out().lines().toList()).as(check.err()).contains("3");
  }

  /** -L before the last row stops reading; the rows left unread do not disturb the exit. */
  @Test
  void lastStopsEarly() throws Exception {
    Path file = dir.resolve("first.txt");
    CliRun r =
        cli("bcp", "SELECT id FROM bcp_t ORDER BY id", "queryout", file.toString(), "-L", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("1 rows copied.");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("1\n");
  }

  /**
   * Standard error is not a terminal here: a plain line every 1000 rows in FreeTDS's words
   * (freebcp.c "%d rows sent to SQL Server.", sybdb.h SYBEKBCO "rows successfully bulk-copied to
   * host-file."), counting all rows so far, before the summary.
   */
  @Test
  void plainProgressLinesEveryThousandRows() throws Exception {
    CliRun created = cli("sql", "-e", "CREATE TABLE bcp_many (id int)");
    assertThat(created.code()).as(created.err()).isZero();
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 2500; i++) {
      text.append(i).append('\n');
    }
    Path file = Files.writeString(dir.resolve("many.txt"), text, StandardCharsets.UTF_8);
    CliRun in = cli("bcp", "bcp_many", "in", file.toString(), "-c");
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.err())
        .startsWith(
            "1000 rows sent to SQL Server.\n2000 rows sent to SQL Server.\n\n2500 rows copied.\n");
    Path back = dir.resolve("many-back.txt");
    CliRun out = cli("bcp", "SELECT id FROM bcp_many ORDER BY id", "queryout", back.toString());
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(out.err())
        .startsWith(
            "1000 rows successfully bulk-copied to host-file.\n"
                + "2000 rows successfully bulk-copied to host-file.\n\n2500 rows copied.\n");
    assertThat(Files.readString(back, StandardCharsets.UTF_8)).isEqualTo(text.toString());
  }

  /**
   * A file that cannot be read on (a CSV record breaking RFC 4180 section 2: a character after a
   * closing quote; bytes that are not UTF-8) ends the load with exit 1, the record it stopped after
   * and the parser's reason; the batch is discarded and the table is untouched.
   */
  @Test
  void aMalformedFileStopsWithWhereAndWhy() throws Exception {
    CliRun created = cli("sql", "-e", "CREATE TABLE bcp_bad (id int, s varchar(5))");
    assertThat(created.code()).as(created.err()).isZero();
    Path csv =
        Files.writeString(
            dir.resolve("bad.csv"),
            "\"id\",\"s\"\r\n\"1\",\"a\"\r\n\"2\"x,\"b\"\r\n\"3\",\"c\"\r\n");
    CliRun in = cli("bcp", "bcp_bad", "in", csv.toString(), "--format", "csv");
    assertThat(in.code()).as(in.err()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(in.err())
        .contains("cannot read the data file after record 1: ")
        .contains("line: 3")
        .contains("the rows of the current batch were not loaded")
        .doesNotContain("connection");
    Path latin = dir.resolve("latin1.txt");
    Files.write(latin, new byte[] {'1', '\t', 'a', '\n', '2', '\t', (byte) 0xE9, '\n'});
    CliRun text = cli("bcp", "bcp_bad", "in", latin.toString(), "-c");
    assertThat(text.code()).as(text.err()).isEqualTo(ExitCodes.SERVER_ERROR);
    // the decoder reads ahead, so the record named is where reading stood, not the bad line
    assertThat(text.err())
        .contains("cannot read the data file after record ")
        .contains("is not UTF-8");
    CliRun count = cli("sql", "-e", "SELECT COUNT(*) AS n FROM bcp_bad");
    assertThat(count.out().lines().toList()).as(count.err()).contains("0");
  }

  /**
   * A rejected CSV record is named by its record number and the line it starts on (RFC 4180 section
   * 2 rule 6: a quoted field may hold line breaks, so the two differ) and written to the -e file in
   * CSV, as --format csv writes it (NULL empty, every other value quoted).
   */
  @Test
  void csvRejectionsNameRecordAndLine() throws Exception {
    CliRun created = cli("sql", "-e", "CREATE TABLE bcp_csvbad (id int, s nvarchar(20))");
    assertThat(created.code()).as(created.err()).isZero();
    Path csv =
        Files.writeString(
            dir.resolve("rej.csv"),
            "id,s\r\n1,\"two\r\nlines\"\r\nx,\"b,c\"\r\n3,\"\"\r\n4\r\n",
            StandardCharsets.UTF_8);
    Path errors = dir.resolve("rej-csv.err");
    CliRun in =
        cli("bcp", "bcp_csvbad", "in", csv.toString(), "--format", "csv", "-e", errors.toString());
    assertThat(in.code()).as(in.err()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(in.err()).contains("2 rows rejected.").contains("2 rows copied.");
    assertThat(lines(errors))
        .containsExactly(
            "#@ Row 2, line 4: column 1 [id]: 'x' is not a valid int value @#",
            "\"x\",\"b,c\"",
            "#@ Row 4, line 6: 1 fields, the table has 2 columns @#",
            "\"4\"",
            "");
  }
}
