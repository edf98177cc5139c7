package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ColMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SET FMTONLY ON ("SET FMTONLY (Transact-SQL)": returns only metadata to the client, "without
 * actually running the query"; "No rows are processed or sent to the client because of the request
 * when SET FMTONLY is turned ON"): each SELECT answers its COLMETADATA without rows, with the
 * declared type of each column (the types of a table of every type); data changes and DDL change
 * nothing; it holds inside sp_executesql; SET FMTONLY OFF ends it. SET TEXTSIZE ("SET TEXTSIZE
 * (Transact-SQL)") cuts varchar(max), nvarchar(max) and varbinary(max) values alike.
 */
class FmtOnlyTest extends EngineTest {
  /** One column of every type, as declared (COLMETADATA reports the declared type). */
  private static final List<String> TYPES =
      List.of(
          "bit",
          "tinyint",
          "smallint",
          "int",
          "bigint",
          "real",
          "float",
          "decimal(38,0)",
          "numeric(10,5)",
          "money",
          "smallmoney",
          "char(10)",
          "varchar(10)",
          "varchar(max)",
          "nchar(5)",
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

  private static String everyType(String table) {
    StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (id int");
    for (int i = 0; i < TYPES.size(); i++) {
      ddl.append(", c").append(i).append(' ').append(TYPES.get(i));
    }
    return ddl.append(")\nINSERT INTO ").append(table).append(" (id) VALUES (1)").toString();
  }

  @Test
  void everySelectAnswersItsMetadataWithoutRows() {
    ok(everyType("fmt_types"));
    RecordingSink s =
        ok(
            "SET FMTONLY ON\nSELECT * FROM fmt_types\nSELECT id AS a, 'x' AS b FROM fmt_types\n"
                + "SET FMTONLY OFF");
    assertThat(s.rows()).isEmpty();
    assertThat(s.results()).hasSize(2);
    ColMetadata md = s.results().get(0);
    assertThat(md.size()).isEqualTo(TYPES.size() + 1);
    for (int i = 0; i < TYPES.size(); i++) {
      assertThat(md.column(i + 1).typeInfo().sqlName()).as("c" + i).isEqualTo(TYPES.get(i));
    }
    assertThat(s.results().get(1).columns())
        .extracting(ColMetadata.Column::name)
        .containsExactly("a", "b");
    // OFF again: the rows come back
    assertThat(ok("SELECT id FROM fmt_types").rows()).containsExactly(List.of(1));
  }

  @Test
  void dataChangesAndDdlChangeNothing() {
    ok("CREATE TABLE fmt_kept (n int)\nINSERT INTO fmt_kept VALUES (1)");
    RecordingSink s =
        ok(
            "SET FMTONLY ON\nINSERT INTO fmt_kept VALUES (2)\nUPDATE fmt_kept SET n = 3\n"
                + "DELETE FROM fmt_kept\nCREATE TABLE fmt_never (n int)\n"
                + "SELECT n INTO fmt_never_either FROM fmt_kept\n"
                + "DELETE FROM fmt_kept OUTPUT deleted.n\nSET FMTONLY OFF");
    assertThat(s.rows()).isEmpty();
    assertThat(s.results()).hasSize(1); // the OUTPUT clause's columns
    assertThat(ok("SELECT n FROM fmt_kept").rows()).containsExactly(List.of(1));
    assertThat(error("SELECT * FROM fmt_never")).isEqualTo(208);
    assertThat(error("SELECT * FROM fmt_never_either")).isEqualTo(208);
  }

  @Test
  void itHoldsInsideSpExecuteSql() {
    ok("CREATE TABLE fmt_dyn (n int)\nINSERT INTO fmt_dyn VALUES (7)");
    RecordingSink s =
        ok(
            "SET FMTONLY ON\nEXEC sp_executesql N'SELECT n FROM fmt_dyn WHERE n = @p',"
                + " N'@p int', @p = 7\nSET FMTONLY OFF");
    assertThat(s.rows()).isEmpty();
    assertThat(s.results()).singleElement().satisfies(md -> assertThat(md.size()).isEqualTo(1));
  }

  @Test
  void textSizeCutsEveryLargeValueType() {
    ok(
        "CREATE TABLE big_values (a varchar(max), b nvarchar(max), c varbinary(max))\n"
            + "INSERT INTO big_values VALUES (REPLICATE(CAST('x' AS varchar(max)), 100),"
            + " REPLICATE(CAST(N'y' AS nvarchar(max)), 100),"
            + " CAST(REPLICATE(CAST('z' AS varchar(max)), 100) AS varbinary(max)))");
    List<Object> row = ok("SET TEXTSIZE 10\nSELECT a, b, c FROM big_values").rows().get(0);
    assertThat(row.get(0)).isEqualTo("x".repeat(10));
    assertThat(row.get(1)).isEqualTo("y".repeat(5)); // 10 bytes of UCS-2
    assertThat((byte[]) row.get(2)).isEqualTo("z".repeat(10).getBytes());
    ok("SET TEXTSIZE 0");
  }
}
