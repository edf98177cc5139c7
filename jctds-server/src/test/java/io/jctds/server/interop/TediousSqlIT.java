package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.Tedious.Step;
import io.jctds.server.interop.Tedious.Steps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * tedious (19.x, TDS 7.4) running T-SQL against the embedded server through {@code execSql} and its
 * transaction requests: every type with the COLMETADATA type tedious decodes, a batch's results and
 * messages with their line numbers, errors, transactions (SQL and TM requests), two sessions and
 * SQL Server's comparison rules. tedious's JavaScript values (recorded): int types as numbers,
 * bigint as a string, decimal, numeric, money, real and float as doubles, binary as a Buffer, date
 * and time types as Dates in UTC (time on 1970-01-01) with {@code nanosecondsDelta} for what the
 * millisecond cannot hold.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TediousSqlIT {
  private static Tedious tedious;
  private static TdsServer server;

  @BeforeAll
  static void start() {
    tedious = Tedious.find();
    server = Interop.start(EncryptionPolicy.OFF);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static List<Step> run(Steps steps) {
    return tedious.run(server, null, steps);
  }

  private static List<String> column(List<JsonNode> columns, String field) {
    List<String> values = new ArrayList<>();
    columns.forEach(c -> values.add(c.path(field).isMissingNode() ? null : c.get(field).asText()));
    return values;
  }

  @Test
  void everyTypeWithItsTdsType() {
    Step step = run(new Steps().sql(EveryType.batch("types_tedious"))).get(0);
    assertThat(step.error()).isNull();
    List<JsonNode> columns = new ArrayList<>();
    step.results().get(0).forEach(columns::add);
    // [MS-TDS] 2.2.5.4: nullable fixed-length columns travel as INTN, BITN, FLTN, DECIMALN /
    // NUMERICN, MONEYN and DATETIMN; the others as their own types (tedious's names)
    assertThat(column(columns, "type"))
        .containsExactly(
            "IntN",
            "BitN",
            "IntN",
            "IntN",
            "IntN",
            "IntN",
            "FloatN",
            "FloatN",
            "DecimalN",
            "NumericN",
            "MoneyN",
            "MoneyN",
            "Char",
            "VarChar",
            "VarChar",
            "NChar",
            "NVarChar",
            "NVarChar",
            "Text",
            "NText",
            "Binary",
            "VarBinary",
            "VarBinary",
            "Image",
            "Date",
            "Time",
            "DateTimeN",
            "DateTimeN",
            "DateTimeN",
            "DateTimeN",
            "DateTime2",
            "DateTimeOffset",
            "UniqueIdentifier",
            "Xml",
            "Variant");
    // lengths: INTN 1/2/4/8 bytes for tinyint..bigint, FLTN 4/8, MONEYN 8/4, DATETIMN 8/4
    // ("int, bigint...", "float and real", "money and smallmoney", "datetime",
    // "smalldatetime": storage sizes); decimal(38,0) 17 bytes and numeric(10,5) 9 ("decimal
    // and numeric": precision 29-38 and 10-19); char(10) 10 bytes, nchar(5) and nvarchar(10)
    // two per character; (max) 0xFFFF ([MS-TDS] 2.2.5.4.3: USHORTMAXLEN marks PLP); text and
    // image 2^31-1, ntext 2^30-1 characters of 2 bytes ("ntext, text, and image");
    // uniqueidentifier 16; sql_variant 8016 ("sql_variant (Transact-SQL)": at most 8,016 bytes)
    assertThat(column(columns, "dataLength"))
        .containsExactly(
            "4",
            "1",
            "1",
            "2",
            "4",
            "8",
            "4",
            "8",
            "17",
            "9",
            "8",
            "4",
            "10",
            "10",
            "65535",
            "10",
            "20",
            "65535",
            "2147483647",
            "2147483646",
            "4",
            "10",
            "65535",
            "2147483647",
            null,
            null,
            "8",
            "8",
            "4",
            "4",
            null,
            null,
            "16",
            null,
            "8016");
    assertThat(
            List.of(columns.get(8).get("precision").asInt(), columns.get(8).get("scale").asInt()))
        .containsExactly(38, 0);
    assertThat(
            List.of(columns.get(9).get("precision").asInt(), columns.get(9).get("scale").asInt()))
        .containsExactly(10, 5);
    // time(7), datetime2(7) and datetimeoffset(7) carry their scale ([MS-TDS] 2.2.5.4.2)
    assertThat(List.of(25, 30, 31))
        .extracting(i -> columns.get(i).get("scale").asInt())
        .containsExactly(7, 7, 7);

    List<List<Object>> rows = step.rows();
    // EveryType's rows 1 and 2 in tedious's JavaScript values
    assertThat(rows.get(0))
        .containsExactly(
            1L,
            true,
            255L,
            32767L,
            2147483647L,
            "9223372036854775807",
            (double) 3.40E+38f,
            1.79E+308,
            Double.parseDouble("99999999999999999999999999999999999999"),
            12345.67891,
            Double.parseDouble("922337203685477.5807"),
            214748.3647,
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
            "9999-12-31T00:00:00.000Z",
            "1970-01-01T23:59:59.999Z +9999 ticks",
            "9999-12-31T23:59:59.997Z",
            "1998-01-02T00:00:00.000Z",
            "2079-06-06T23:59:00.000Z",
            "2000-05-08T12:36:00.000Z",
            "9999-12-31T23:59:59.999Z +9999 ticks",
            "2007-05-08T00:20:29.123Z +4567 ticks", // 12:35:29.1234567 +12:15 in UTC
            "6F9619FF-8B86-D011-B42D-00C04FC964FF",
            "<a>ż</a>",
            42L);
    assertThat(rows.get(1))
        .containsExactly(
            2L,
            false,
            0L,
            -32768L,
            -2147483648L,
            "-9223372036854775808",
            (double) -1.18E-38f,
            -2.23E-308,
            -Double.parseDouble("99999999999999999999999999999999999999"),
            -0.00001,
            Double.parseDouble("-922337203685477.5808"),
            -214748.3648,
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
            "0001-01-01T00:00:00.000Z",
            "1970-01-01T00:00:00.000Z +0 ticks",
            "1753-01-01T00:00:00.000Z",
            "1998-01-01T23:59:59.993Z",
            "1900-01-01T00:00:00.000Z",
            "2000-05-08T12:35:00.000Z",
            "0001-01-01T00:00:00.000Z +0 ticks",
            "0001-01-01T14:00:00.000Z +0 ticks", // 00:00 at -14:00 in UTC
            "00000000-0000-0000-0000-000000000000",
            "<b/>",
            "abc");
    List<Object> nulls = new ArrayList<>(Collections.nCopies(EveryType.COLUMNS.size() + 1, null));
    nulls.set(0, 3L);
    assertThat(rows.get(2)).containsExactlyElementsOf(nulls);
  }

  @Test
  void atTds71TheNewTypesComeAsTextTypes() {
    Step step =
        tedious
            .run(
                server,
                "7_1",
                new Steps()
                    .sql(
                        EveryType.create("types_tedious_71")
                            + "SELECT c_date, c_time, c_datetime2, c_datetimeoffset, c_varchar_max,"
                            + " c_nvarchar_max, c_varbinary_max, c_xml FROM types_tedious_71"
                            + " WHERE id = 2"))
            .get(0);
    List<JsonNode> columns = new ArrayList<>();
    step.results().get(0).forEach(columns::add);
    // "Backward compatibility for down-level clients" ("datetimeoffset (Transact-SQL)"):
    // nvarchar in the default literal format, 10, 16, 27 and 34 characters at scale 7; below
    // TDS 7.2 the (max) types as text, ntext and image ("Using Large-Value Data Types") and xml
    // as ntext
    assertThat(column(columns, "type"))
        .containsExactly(
            "NVarChar", "NVarChar", "NVarChar", "NVarChar", "Text", "NText", "Image", "NText");
    assertThat(column(columns, "dataLength").subList(0, 4)).containsExactly("20", "32", "54", "68");
    assertThat(step.rows())
        .containsExactly(
            List.of(
                "0001-01-01",
                "00:00:00.0000000",
                "0001-01-01 00:00:00.0000000",
                "0001-01-01 00:00:00.0000000 -14:00",
                "",
                "",
                "",
                "<b/>"));
  }

  @Test
  void aBatchReportsResultsAndMessagesInOrderWithTheirLines() {
    Step step =
        run(new Steps()
                .sql(
                    "SELECT 1 AS a\nPRINT 'hello'\nSELECT 'x' AS b, 2 AS c\n"
                        + "RAISERROR('warn %d', 10, 3, 5)\nRAISERROR('bad %s', 16, 2, 'thing')\n"
                        + "SELECT 3 AS d"))
            .get(0);
    // a severity-16 RAISERROR fails its statement, the batch goes on ("RAISERROR")
    assertThat(step.rows()).containsExactly(List.of(1L), List.of("x", 2L), List.of(3L));
    assertThat(step.results()).hasSize(3);
    // "RAISERROR": number 50000 for a msg_str, the state given, severity 10 informational; the
    // line within the batch ([MS-TDS] 2.2.7.10 and 2.2.7.13: LineNumber)
    List<JsonNode> infos = step.messages("info");
    assertThat(infos).extracting(m -> m.get("message").asText()).containsExactly("hello", "warn 5");
    assertThat(infos).extracting(m -> m.get("lineNumber").asInt()).containsExactly(2, 4);
    JsonNode warn = infos.get(1);
    assertThat(
            List.of(
                warn.get("number").asInt(), warn.get("class").asInt(), warn.get("state").asInt()))
        .containsExactly(50000, 10, 3);
    JsonNode bad = step.messages("error").get(0);
    assertThat(
            List.of(
                bad.get("number").asInt(),
                bad.get("class").asInt(),
                bad.get("state").asInt(),
                bad.get("lineNumber").asInt()))
        .containsExactly(50000, 16, 2, 5);
    assertThat(bad.get("message").asText()).isEqualTo("bad thing");
    // tedious ends the request with the last error it saw
    assertThat(step.error().get("number").asInt()).isEqualTo(50000);
  }

  @Test
  void errorsCarrySqlServersNumbersSeveritiesAndMessages() {
    List<Step> steps =
        run(
            new Steps()
                .sql(
                    "CREATE TABLE err_parent (id int CONSTRAINT pk_err_parent PRIMARY KEY,"
                        + " name varchar(5) NOT NULL)\n"
                        + "CREATE TABLE err_child (p int CONSTRAINT fk_err_child FOREIGN KEY"
                        + " REFERENCES err_parent(id))\nINSERT INTO err_parent VALUES (1, 'a')")
                .sql("SELECT * FROM no_such_table")
                .sql("SELECT nope FROM err_parent")
                .sql("INSERT INTO err_parent VALUES (1, 'b')")
                .sql("INSERT INTO err_parent (id) VALUES (2)")
                .sql("INSERT INTO err_child VALUES (5)")
                .sql("SELECT 1 / 0")
                .sql("SELECT CAST('abc' AS int)")
                .sql("SELECT COUNT(*) FROM err_parent"));
    assertThat(steps.get(0).error()).isNull();
    // "Database engine events and errors": number, severity (tedious's "class") and text
    List<String> seen = new ArrayList<>();
    for (Step s : steps.subList(1, 8)) {
      JsonNode e = s.messages("error").get(0);
      seen.add(
          e.get("number").asInt() + " " + e.get("class").asInt() + " " + e.get("message").asText());
    }
    assertThat(seen)
        .containsExactly(
            "208 16 Invalid object name 'no_such_table'.",
            "207 16 Invalid column name 'nope'.",
            seen.get(2), // 2627: checked below as a prefix
            "515 16 Cannot insert the value NULL into column 'name', table"
                + " 'master.dbo.err_parent'; column does not allow nulls. INSERT fails.",
            "547 16 The INSERT statement conflicted with the FOREIGN KEY constraint"
                + " \"fk_err_child\". The conflict occurred in database \"master\", table"
                + " \"dbo.err_parent\", column 'id'.",
            "8134 16 Divide by zero error encountered.",
            "245 16 Conversion failed when converting the varchar value 'abc' to data type int.");
    assertThat(seen.get(2))
        .startsWith(
            "2627 14 Violation of PRIMARY KEY constraint 'pk_err_parent'. Cannot insert duplicate"
                + " key in object 'dbo.err_parent'.");
    assertThat(steps.get(8).rows()).containsExactly(List.of(1L));
  }

  @Test
  void transactionsBySqlAndByTransactionManagerRequests() {
    List<Step> steps =
        run(
            new Steps()
                .sql("BEGIN TRAN\nCREATE TABLE tx_sql (n int)\nINSERT INTO tx_sql VALUES (1)")
                .sql("SELECT @@TRANCOUNT")
                .sql("ROLLBACK")
                .sql("SELECT * FROM tx_sql")
                .tx(0, "begin")
                .sql("CREATE TABLE tx_tm (n int)\nINSERT INTO tx_tm VALUES (1)\nSELECT @@TRANCOUNT")
                .tx(0, "rollback")
                .sql("SELECT * FROM tx_tm")
                .tx(0, "begin")
                .sql("CREATE TABLE tx_kept (n int)\nINSERT INTO tx_kept VALUES (1), (2)")
                .tx(0, "commit")
                .sql("SELECT COUNT(*), @@TRANCOUNT FROM tx_kept"));
    // "BEGIN TRANSACTION" / "@@TRANCOUNT": one open transaction; "ROLLBACK TRANSACTION"
    // undoes the CREATE TABLE too, so the table is unknown afterwards (208)
    assertThat(steps.get(1).rows()).containsExactly(List.of(1L));
    assertThat(steps.get(3).errorNumbers()).containsExactly(208);
    // the same through tedious's beginTransaction/rollbackTransaction ([MS-TDS] 2.2.6.9
    // transaction manager requests)
    assertThat(steps.get(4).error()).isNull();
    assertThat(steps.get(5).rows()).containsExactly(List.of(1L));
    assertThat(steps.get(6).error()).isNull();
    assertThat(steps.get(7).errorNumbers()).containsExactly(208);
    assertThat(steps.get(10).error()).isNull();
    assertThat(steps.get(11).rows()).containsExactly(List.of(2L, 0L));
  }

  @Test
  void aSecondSessionSeesCommittedRowsOnly() {
    List<Step> steps =
        run(
            new Steps()
                .sql(0, "CREATE TABLE shared_rows (n int)\nINSERT INTO shared_rows VALUES (1)")
                .sql(0, "BEGIN TRAN\nINSERT INTO shared_rows VALUES (2)")
                .sql(1, "SELECT COUNT(*) FROM shared_rows")
                .sql(0, "COMMIT")
                .sql(1, "SELECT COUNT(*) FROM shared_rows"));
    // read committed, answered from the last committed version (as SQL Server does with
    // READ_COMMITTED_SNAPSHOT ON, "SET TRANSACTION ISOLATION LEVEL")
    assertThat(steps.get(2).rows()).containsExactly(List.of(1L));
    assertThat(steps.get(4).rows()).containsExactly(List.of(2L));
  }

  @Test
  void trailingSpacesAndUniqueidentifierOrder() {
    List<Step> steps =
        run(
            new Steps()
                .sql("SELECT CASE WHEN 'x' = 'x ' THEN 1 ELSE 0 END")
                .sql(
                    "CREATE TABLE pad_keys (k varchar(10) CONSTRAINT pk_pad_keys PRIMARY KEY)\n"
                        + "INSERT INTO pad_keys VALUES ('x')")
                .sql("INSERT INTO pad_keys VALUES ('x ')")
                .sql(
                    "CREATE TABLE pad_groups (v varchar(10))\n"
                        + "INSERT INTO pad_groups VALUES ('a'), ('a '), ('a  '), ('b')\n"
                        + "SELECT COUNT(*) FROM pad_groups GROUP BY v ORDER BY 1")
                .sql(
                    "CREATE TABLE guid_order (g uniqueidentifier)\n"
                        + "INSERT INTO guid_order VALUES ('00000000-0000-0000-0000-010000000000'),"
                        + " ('01000000-0000-0000-0000-000000000000'),"
                        + " ('00000000-0000-0001-0000-000000000000'),"
                        + " ('00000000-0100-0000-0000-000000000000'),"
                        + " ('00000000-0000-0000-0100-000000000000')\n"
                        + "SELECT g FROM guid_order ORDER BY g"));
    // KB 316626: ANSI padding in =, in keys (2627) and in GROUP BY
    assertThat(steps.get(0).rows()).containsExactly(List.of(1L));
    assertThat(steps.get(2).errorNumbers()).containsExactly(2627);
    assertThat(steps.get(3).rows()).containsExactly(List.of(1L), List.of(3L));
    // "Comparing GUID and uniqueidentifier values": bytes 10-15 first, then 8-9, 6-7, 4-5, 0-3
    assertThat(steps.get(4).rows())
        .extracting(r -> r.get(0))
        .containsExactly(
            "01000000-0000-0000-0000-000000000000",
            "00000000-0100-0000-0000-000000000000",
            "00000000-0000-0001-0000-000000000000",
            "00000000-0000-0000-0100-000000000000",
            "00000000-0000-0000-0000-010000000000");
  }
}
