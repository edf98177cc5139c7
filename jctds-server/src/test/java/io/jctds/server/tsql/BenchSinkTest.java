package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 10's measuring sink, master.dbo.jctds_bench_sink: it takes rows as a table with its columns
 * would (the same type checks and errors), keeps none, and COUNT(*) answers how many rows it
 * received. The error numbers are SQL Server's (its error list: 2628 "String or binary data would
 * be truncated in table ..., column ...", SQL Server 2019's message, 245 "Conversion failed when
 * converting the varchar value ... to data type int", 241 "Conversion failed when converting date
 * and/or time from character string"), and the same as a table declared with the sink's columns
 * gives.
 */
class BenchSinkTest extends EngineTest {
  private long count() {
    return ((Number) scalar("SELECT COUNT(*) FROM master.dbo.jctds_bench_sink")).longValue();
  }

  @Test
  void insertValuesAreCountedAndNotKept() {
    long before = count();
    RecordingSink s =
        ok(
            "INSERT INTO master.dbo.jctds_bench_sink (id, big, name, created, amount, ratio, flag,"
                + " guid) VALUES (1, 9223372036854775807, N'żółw', '2007-05-08 12:35:29.1234567',"
                + " 12.5, 0.5, 1, '6F9619FF-8B86-D011-B42D-00C04FC964FF'), (2, NULL, NULL, NULL,"
                + " NULL, NULL, NULL, NULL)");
    assertThat(s.rows()).isEmpty();
    assertThat(count()).isEqualTo(before + 2);
    assertThat(ok("SELECT id FROM master.dbo.jctds_bench_sink").rows()).isEmpty();
  }

  @Test
  void parameterisedInsertsAreCounted() {
    long before = count();
    for (int i = 0; i < 3; i++) {
      ok(
          "EXEC sp_executesql N'INSERT INTO master.dbo.jctds_bench_sink (id, name, amount) VALUES"
              + " (@p0, @p1, @p2)', N'@p0 int, @p1 nvarchar(50), @p2 decimal(18,4)', @p0 = "
              + i
              + ", @p1 = N'x', @p2 = 1.25");
    }
    assertThat(count()).isEqualTo(before + 3);
  }

  @Test
  void valuesAreCheckedAgainstTheColumnTypes() {
    long before = count();
    String[][] cases = {
      {"name", "N'" + "x".repeat(51) + "'", "2628"},
      {"id", "'abc'", "245"},
      {"created", "'not a date'", "241"}
    };
    ok(
        "CREATE TABLE sink_twin (id int, big bigint, name nvarchar(50), created datetime2(7),"
            + " amount decimal(18,4), ratio float, flag bit, guid uniqueidentifier)");
    for (String[] c : cases) {
      String values = " (" + c[0] + ") VALUES (" + c[1] + ")";
      int expected = Integer.parseInt(c[2]);
      assertThat(error("INSERT INTO master.dbo.jctds_bench_sink" + values)).isEqualTo(expected);
      assertThat(error("INSERT INTO sink_twin" + values)).isEqualTo(expected);
    }
    assertThat(count()).isEqualTo(before);
  }
}
