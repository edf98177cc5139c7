package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.FreeTds.Run;
import io.jctds.server.interop.FreeTds.Section;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's FreeTDS 1.3.17 {@code tsql} and {@code bsqldb} (TDS 7.4, no TLS) running T-SQL against
 * the embedded server. The expected output is what these tools print for values whose SQL Server
 * representation is documented (EveryType's sources), recorded here: tsql converts every column to
 * text itself (dates with FreeTDS's default format {@code "%b %e %Y %I:%M%p"}, STD_DATETIME_FMT in
 * src/tds/config.c, as no locales.conf is installed), bsqldb through db-lib (datetime to the
 * millisecond). bsqldb 1.3.17 has no printable size for date, time, datetime2, datetimeoffset,
 * uniqueidentifier and sql_variant columns ("type N not supported, sorry"), and writes longer
 * values than its column widths (21 for numeric, 12 for money, 11 for float and real) past its
 * buffers, so its query casts or leaves out those columns.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FreeTdsSqlIT {
  /** The server name the INFO and ERROR tokens carry ([MS-TDS] 2.2.7.10: ServerName). */
  private static final String SERVER_NAME = "JCTDSTEST";

  @TempDir static Path tmp;

  private static FreeTds freetds;
  private static TdsServer server;

  @BeforeAll
  static void start() {
    freetds = FreeTds.in(tmp);
    server = Interop.start(b -> b.encryption(EncryptionPolicy.OFF).serverName(SERVER_NAME));
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

  private static Run tsql(String sql) {
    Run run = freetds.tsql(section(), Interop.PASSWORD, sql);
    assertThat(run.process().exitCode()).as(run.describe()).isZero();
    return run;
  }

  /** Standard output as lines of tab-separated values (tsql -o q, bsqldb -t '\t'). */
  private static List<List<String>> lines(Run run) {
    List<List<String>> lines = new ArrayList<>();
    run.process().stdout().lines().forEach(l -> lines.add(Arrays.asList(l.split("\t", -1))));
    return lines;
  }

  private static final Pattern TSQL_MESSAGE =
      Pattern.compile(
          "Msg (\\d+) \\(severity (\\d+), state \\d+\\) from (\\S+) Line (\\d+):\n\t\"(.*)\"\n");

  /**
   * tsql's messages other than number 0 ("Msg N (severity S, state T) from SERVER Line L:" and the
   * quoted text, tsql_handle_message) as "N S from SERVER Line L: text", without the state.
   */
  private static List<String> tsqlMessages(Run run) {
    List<String> messages = new ArrayList<>();
    Matcher m = TSQL_MESSAGE.matcher(run.process().stderr());
    while (m.find()) {
      messages.add(
          m.group(1)
              + " "
              + m.group(2)
              + " from "
              + m.group(3)
              + " Line "
              + m.group(4)
              + ": "
              + m.group(5));
    }
    return messages;
  }

  private static List<String> nullsAfter(String id, int columns) {
    List<String> row = new ArrayList<>(Collections.nCopies(columns, "NULL"));
    row.set(0, id);
    return row;
  }

  @Test
  void tsqlPrintsEveryType() {
    Run run = tsql(EveryType.batch("types_tsql"));
    List<List<String>> lines = lines(run);
    assertThat(lines).as(run.describe()).hasSize(4);
    assertThat(lines.get(0)).startsWith("id", "c_bit").endsWith("c_xml", "c_sql_variant");
    // EveryType's rows 1 and 2 as tsql prints them (recorded); real and float as FreeTDS
    // formats the 4- and 8-byte binary values, times on 1900-01-01, datetimeoffset in its own
    // offset, minutes only (STD_DATETIME_FMT)
    assertThat(lines.get(1))
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
            "Dec 31 9999 12:00AM",
            "Jan  1 1900 11:59PM",
            "Dec 31 9999 11:59PM",
            "Jan  2 1998 12:00AM",
            "Jun  6 2079 11:59PM",
            "May  8 2000 12:36PM",
            "Dec 31 9999 11:59PM",
            "May  8 2007 12:35PM",
            "6F9619FF-8B86-D011-B42D-00C04FC964FF",
            "<a>ż</a>",
            "42");
    assertThat(lines.get(2))
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
            "",
            "",
            " ".repeat(5),
            "",
            "",
            "",
            "",
            "01000000",
            "",
            "",
            "00",
            "Jan  1 1 12:00AM",
            "Jan  1 1900 12:00AM",
            "Jan  1 1753 12:00AM",
            "Jan  1 1998 11:59PM",
            "Jan  1 1900 12:00AM",
            "May  8 2000 12:35PM",
            "Jan  1 1 12:00AM",
            "Jan  1 1 12:00AM",
            "00000000-0000-0000-0000-000000000000",
            "<b/>",
            "abc");
    assertThat(lines.get(3)).containsExactlyElementsOf(nullsAfter("3", 35));
  }

  @Test
  void tsqlAtTds72GetsTheNewDateAndTimeTypesAsText() {
    Section v72 = Section.of("jctds72", server.host(), server.port(), "tds version", "7.2");
    Run run =
        freetds.tsql(
            v72,
            Interop.PASSWORD,
            EveryType.create("types_tsql_72")
                + "SELECT c_date, c_time, c_datetime2, c_datetimeoffset FROM types_tsql_72"
                + " ORDER BY id");
    assertThat(run.process().exitCode()).as(run.describe()).isZero();
    // below TDS 7.3 the server sends them as nvarchar in the "Default string literal format
    // passed to down-level client" ("datetimeoffset (Transact-SQL)"), which tsql prints as is
    assertThat(lines(run))
        .containsExactly(
            List.of("c_date", "c_time", "c_datetime2", "c_datetimeoffset"),
            List.of(
                "9999-12-31",
                "23:59:59.9999999",
                "9999-12-31 23:59:59.9999999",
                "2007-05-08 12:35:29.1234567 +12:15"),
            List.of(
                "0001-01-01",
                "00:00:00.0000000",
                "0001-01-01 00:00:00.0000000",
                "0001-01-01 00:00:00.0000000 -14:00"),
            List.of("NULL", "NULL", "NULL", "NULL"));
  }

  @Test
  void bsqldbPrintsEveryTypeItCanAndTheRestCastToVarchar() {
    // CAST of date, time, datetime2 and datetimeoffset to varchar uses style 121, "the default
    // for time, date, datetime2, and datetimeoffset" ("CAST and CONVERT"), with the digits of
    // the type's scale; uniqueidentifier converts to its 36-character form
    String select =
        "SELECT id, c_bit, c_tinyint, c_smallint, c_int, c_bigint, c_numeric, c_smallmoney,"
            + " c_char, c_varchar, c_nchar, c_nvarchar, c_text, c_ntext, c_binary, c_varbinary,"
            + " c_image, CAST(c_date AS varchar(10)) AS c_date, CAST(c_time AS varchar(16)) AS"
            + " c_time, c_datetime, c_datetime_rounded, c_smalldatetime, c_smalldatetime_rounded,"
            + " CAST(c_datetime2 AS varchar(27)) AS c_datetime2,"
            + " CAST(c_datetimeoffset AS varchar(34)) AS c_datetimeoffset,"
            + " CAST(c_uniqueidentifier AS varchar(36)) AS c_uniqueidentifier, c_xml,"
            + " CAST(c_sql_variant AS varchar(10)) AS c_sql_variant FROM types_bsqldb ORDER BY id";
    Run run =
        freetds.bsqldb(
            section(), Interop.PASSWORD, EveryType.create("types_bsqldb") + select, "-t", "\\t");
    assertThat(run.process().exitCode()).as(run.describe()).isZero();
    List<List<String>> lines = lines(run);
    assertThat(lines).as(run.describe()).hasSize(3);
    // recorded: db-lib's string binding drops trailing blanks; text, ntext, image and binary
    // columns are printed raw (binary as 0x...), an empty one as NULL; datetime as
    // "mon dd yyyy hh:mi:ss:mmmAM", which shows the 1/300 s rounding (.997, .993)
    assertThat(lines.get(0))
        .containsExactly(
            "1",
            "1",
            "255",
            "32767",
            "2147483647",
            "9223372036854775807",
            "12345.67891",
            "214748.3647",
            "abc",
            "abcdefghij",
            "żółw",
            "𝄞𝄞𝄞𝄞𝄞",
            "text",
            "ntext ż",
            "0x01020304",
            "0x00112233445566778899",
            "0xcafe",
            "9999-12-31",
            "23:59:59.9999999",
            "Dec 31 9999 11:59:59:997PM",
            "Jan  2 1998 12:00:00:000AM",
            "Jun  6 2079 11:59:00:000PM",
            "May  8 2000 12:36:00:000PM",
            "9999-12-31 23:59:59.9999999",
            "2007-05-08 12:35:29.1234567 +12:15",
            "6F9619FF-8B86-D011-B42D-00C04FC964FF",
            "<a>ż</a>",
            "42");
    assertThat(lines.get(1))
        .containsExactly(
            "2",
            "0",
            "0",
            "-32768",
            "-2147483648",
            "-9223372036854775808",
            "-0.00001",
            "-214748.3648",
            "",
            "",
            "",
            "",
            "NULL",
            "NULL",
            "0x01000000",
            "NULL",
            "0x00",
            "0001-01-01",
            "00:00:00.0000000",
            "Jan  1 1753 12:00:00:000AM",
            "Jan  1 1998 11:59:59:993PM",
            "Jan  1 1900 12:00:00:000AM",
            "May  8 2000 12:35:00:000PM",
            "0001-01-01 00:00:00.0000000",
            "0001-01-01 00:00:00.0000000 -14:00",
            "00000000-0000-0000-0000-000000000000",
            "<b/>",
            "abc");
    assertThat(lines.get(2)).containsExactlyElementsOf(nullsAfter("3", 28));
  }

  private static final String MESSAGES_BATCH =
      "SELECT 1 AS a\nPRINT 'hello'\nSELECT 'x' AS b, 2 AS c\n"
          + "RAISERROR('warn %d', 10, 3, 5)\nRAISERROR('bad %s', 16, 2, 'thing')\nSELECT 3 AS d";

  @Test
  void tsqlPrintsEveryResultAndMessage() {
    Run run = tsql(MESSAGES_BATCH);
    // a severity-16 RAISERROR fails its statement, not the batch ("RAISERROR")
    assertThat(lines(run))
        .containsExactly(
            List.of("a"),
            List.of("1"),
            List.of("b", "c"),
            List.of("x", "2"),
            List.of("d"),
            List.of("3"));
    // tsql prints a message numbered 0 as its text and others as "Msg N (severity S, state T)
    // from SERVER Line L" (tsql_handle_message); "RAISERROR": 50000 for a msg_str, the given
    // severity and state, the line in the batch
    assertThat(run.process().stderr())
        .isEqualTo(
            "hello\n"
                + "Msg 50000 (severity 10, state 3) from "
                + SERVER_NAME
                + " Line 4:\n\t\"warn 5\"\n"
                + "Msg 50000 (severity 16, state 2) from "
                + SERVER_NAME
                + " Line 5:\n\t\"bad thing\"\n");
  }

  @Test
  void bsqldbStopsAtTheFirstErrorAboveSeverityTen() {
    Run run = freetds.bsqldb(section(), Interop.PASSWORD, MESSAGES_BATCH, "-t", "\\t");
    // bsqldb's msg_handler prints "Msg N, Level S, State T", "Server 'X', Line L" and exits
    // with the severity when it is above 10: so the exit code is RAISERROR's severity, 16
    assertThat(run.process().exitCode()).as(run.describe()).isEqualTo(16);
    assertThat(lines(run)).containsExactly(List.of("1"), List.of("x", "2"));
    assertThat(run.process().stderr())
        .contains("hello\n")
        .contains("Msg 50000, Level 10, State 3\nServer '" + SERVER_NAME + "', Line 4\n\twarn 5\n")
        .contains(
            "Msg 50000, Level 16, State 2\nServer '" + SERVER_NAME + "', Line 5\n\tbad thing\n");
  }

  @Test
  void errorsCarrySqlServersNumbersSeveritiesAndMessages() {
    Run run =
        tsql(
            "CREATE TABLE err_parent (id int CONSTRAINT pk_err_parent PRIMARY KEY,"
                + " name varchar(5) NOT NULL)\n"
                + "CREATE TABLE err_child (p int CONSTRAINT fk_err_child FOREIGN KEY"
                + " REFERENCES err_parent(id))\nINSERT INTO err_parent VALUES (1, 'a')\ngo\n"
                + "SELECT * FROM no_such_table\ngo\nSELECT nope FROM err_parent\ngo\n"
                + "INSERT INTO err_parent VALUES (1, 'b')\ngo\n"
                + "INSERT INTO err_parent (id) VALUES (2)\ngo\nINSERT INTO err_child VALUES (5)\ngo\n"
                + "SELECT 1 / 0\ngo\nSELECT CAST('abc' AS int)\ngo\nSELECT COUNT(*) FROM err_parent");
    // "Database engine events and errors": number, severity and text (the state is not
    // documented and not compared), each on line 1 of its batch
    String from = " from " + SERVER_NAME + " Line 1: ";
    assertThat(tsqlMessages(run))
        .containsExactly(
            "208 16" + from + "Invalid object name 'no_such_table'.",
            "207 16" + from + "Invalid column name 'nope'.",
            tsqlMessages(run).get(2), // 2627, compared below as the documented prefix
            "515 16"
                + from
                + "Cannot insert the value NULL into column 'name', table"
                + " 'master.dbo.err_parent'; column does not allow nulls. INSERT fails.",
            "547 16"
                + from
                + "The INSERT statement conflicted with the FOREIGN KEY constraint"
                + " \"fk_err_child\". The conflict occurred in database \"master\", table"
                + " \"dbo.err_parent\", column 'id'.",
            "8134 16" + from + "Divide by zero error encountered.",
            "245 16"
                + from
                + "Conversion failed when converting the varchar value 'abc' to data"
                + " type int.");
    assertThat(tsqlMessages(run).get(2))
        .startsWith(
            "2627 14"
                + from
                + "Violation of PRIMARY KEY constraint 'pk_err_parent'. Cannot insert duplicate"
                + " key in object 'dbo.err_parent'.");
    assertThat(run.messages()).containsExactly(207, 208, 245, 515, 547, 2627, 8134);
    assertThat(lines(run)).endsWith(List.of("1"));
  }

  @Test
  void rolledBackDdlIsGoneAndCommittedDdlStays() {
    Run run =
        tsql(
            "BEGIN TRAN\nCREATE TABLE tx_gone (n int)\nINSERT INTO tx_gone VALUES (1)\n"
                + "SELECT @@TRANCOUNT AS open_tx\nROLLBACK\ngo\nSELECT * FROM tx_gone\ngo\n"
                + "BEGIN TRAN\nCREATE TABLE tx_kept (n int)\nINSERT INTO tx_kept VALUES (1), (2)\n"
                + "COMMIT\ngo\nSELECT COUNT(*) AS kept, @@TRANCOUNT AS open_tx FROM tx_kept");
    // "ROLLBACK TRANSACTION" undoes the CREATE TABLE (208 afterwards); COMMIT keeps it
    assertThat(lines(run))
        .containsExactly(
            List.of("open_tx"), List.of("1"), List.of("kept", "open_tx"), List.of("2", "0"));
    assertThat(run.messages()).containsExactly(208);
  }

  @Test
  void tsqlSeesAnotherSessionsCommittedRowsOnly() throws SQLException {
    tsql("CREATE TABLE shared_rows (n int)\nINSERT INTO shared_rows VALUES (1)");
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    try (Connection writer =
        new com.microsoft.sqlserver.jdbc.SQLServerDriver()
            .connect(
                "jdbc:sqlserver://127.0.0.1:" + server.port() + ";encrypt=false;loginTimeout=20",
                p)) {
      writer.setAutoCommit(false);
      Jdbc.run(writer, "INSERT INTO shared_rows VALUES (2)");
      // read committed from the last committed version (as SQL Server does with
      // READ_COMMITTED_SNAPSHOT ON, "SET TRANSACTION ISOLATION LEVEL")
      assertThat(lines(tsql("SELECT COUNT(*) AS n FROM shared_rows")))
          .containsExactly(List.of("n"), List.of("1"));
      writer.commit();
      assertThat(lines(tsql("SELECT COUNT(*) AS n FROM shared_rows")))
          .containsExactly(List.of("n"), List.of("2"));
    }
  }

  @Test
  void trailingSpacesAndUniqueidentifierOrder() {
    Run run =
        tsql(
            "SELECT CASE WHEN 'x' = 'x ' THEN 1 ELSE 0 END AS padded\n"
                + "CREATE TABLE pad_keys (k varchar(10) CONSTRAINT pk_pad_keys PRIMARY KEY)\n"
                + "INSERT INTO pad_keys VALUES ('x')\nINSERT INTO pad_keys VALUES ('x ')\n"
                + "CREATE TABLE pad_groups (v varchar(10))\n"
                + "INSERT INTO pad_groups VALUES ('a'), ('a '), ('a  '), ('b')\n"
                + "SELECT COUNT(*) AS n FROM pad_groups GROUP BY v ORDER BY 1\n"
                + "CREATE TABLE guid_order (g uniqueidentifier)\n"
                + "INSERT INTO guid_order VALUES ('00000000-0000-0000-0000-010000000000'),"
                + " ('01000000-0000-0000-0000-000000000000'),"
                + " ('00000000-0000-0001-0000-000000000000'),"
                + " ('00000000-0100-0000-0000-000000000000'),"
                + " ('00000000-0000-0000-0100-000000000000')\n"
                + "SELECT g FROM guid_order ORDER BY g");
    // KB 316626 (ANSI padding in =, keys and GROUP BY) and "Comparing GUID and
    // uniqueidentifier values" (bytes 10-15 first, then 8-9, 6-7, 4-5, 0-3)
    assertThat(lines(run))
        .containsExactly(
            List.of("padded"),
            List.of("1"),
            List.of("n"),
            List.of("1"),
            List.of("3"),
            List.of("g"),
            List.of("01000000-0000-0000-0000-000000000000"),
            List.of("00000000-0100-0000-0000-000000000000"),
            List.of("00000000-0000-0001-0000-000000000000"),
            List.of("00000000-0000-0000-0100-000000000000"),
            List.of("00000000-0000-0000-0000-010000000000"));
    assertThat(run.messages()).containsExactly(2627);
  }
}
