package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.Tedious.Step;
import io.jctds.server.interop.Tedious.Steps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bulk loads into master.dbo.jctds_bench_sink take the server's fast path (rows checked against the
 * sink's columns and counted without H2) from real peers: tedious 19's newBulkLoad (INSERT BULK
 * with the columns and types the caller gives, in the caller's order, values sent unchecked) and
 * mssql-jdbc 13.6.2's SQLServerBulkCopy (INSERT BULK with the destination's types). Error numbers
 * are SQL Server's ("Database engine events and errors": 2628 "String or binary data would be
 * truncated in table '%.*ls', column '%.*ls'. Truncated value: '%.*ls'.", 8115 "Arithmetic overflow
 * error converting %ls to data type %ls."); each bad message is also sent into a plain table with
 * the sink's columns, which must refuse it with the same number. A refused message counts none of
 * its rows (a bulk message is one batch: SQL Server keeps all its rows or none).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BenchSinkBulkIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SINK = "master.dbo.jctds_bench_sink";
  private static final String TWIN = "sink_twin";
  private static Tedious tedious;
  private static TdsServer server;

  @BeforeAll
  static void start() throws SQLException {
    tedious = Tedious.find();
    server = Interop.start(EncryptionPolicy.OFF);
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE "
              + TWIN
              + " (id int, big bigint, name nvarchar(50), created datetime2(7), amount"
              + " decimal(18,4), ratio float, flag bit, guid uniqueidentifier)");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Connection connect() throws SQLException {
    return Interop.mssqlJdbc(server, "master", "");
  }

  private static long count() throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + SINK)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Columns "name:Type[:length | :precision:scale]" for tedious's addColumn. */
  private static ArrayNode columns(String... specs) {
    ArrayNode cols = JSON.createArrayNode();
    for (String spec : specs) {
      String[] p = spec.split(":");
      ObjectNode c = cols.addObject().put("name", p[0]).put("type", p[1]);
      if (p.length == 3) {
        c.put("length", Integer.parseInt(p[2]));
      } else if (p.length == 4) {
        c.put("precision", Integer.parseInt(p[2])).put("scale", Integer.parseInt(p[3]));
      }
    }
    return cols;
  }

  private static ArrayNode rows(Object[]... rows) {
    ArrayNode out = JSON.createArrayNode();
    for (Object[] r : rows) {
      ArrayNode row = out.addArray();
      for (Object v : r) {
        row.add(JSON.valueToTree(v));
      }
    }
    return out;
  }

  private static Step bulk(String table, ArrayNode columns, ArrayNode rows) {
    List<Step> steps = tedious.run(server, null, new Steps().bulk(table, columns, rows, null));
    return steps.get(0);
  }

  /**
   * The message goes to the sink and to the twin table: both refuse it with {@code number}, and the
   * sink counts none of its rows, also those before the bad one.
   */
  private static void refused(ArrayNode columns, ArrayNode rows, int number) throws SQLException {
    long before = count();
    Step sink = bulk("jctds_bench_sink", columns, rows);
    assertThat(sink.errorNumbers()).as("sink").contains(number);
    assertThat(sink.all("bulk").get(0).isNull()).isTrue();
    Step twin = bulk(TWIN, columns, rows);
    assertThat(twin.errorNumbers()).as("twin table: %s", twin.messages("error")).contains(number);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void tediousRowsAreCountedInTheOrderAndSubsetItAnnounces() throws SQLException {
    long before = count();
    ArrayNode cols =
        columns("guid:UniqueIdentifier", "name:NVarChar:50", "id:Int", "amount:Decimal:18:4");
    ArrayNode rows =
        rows(
            new Object[] {"6F9619FF-8B86-D011-B42D-00C04FC964FF", "x".repeat(50), 1, 12.5},
            new Object[] {null, null, null, null},
            new Object[] {null, "żółw", 2147483647, -99999999999999.0});
    Step step = bulk("jctds_bench_sink", cols, rows);
    assertThat(step.error()).isNull();
    assertThat(step.all("bulk").get(0).asInt()).isEqualTo(3);
    assertThat(count()).isEqualTo(before + 3);
  }

  /** A name of 51 characters in the second row, the name announced first (before id). */
  @Test
  void aNameOver50CharactersIs2628() throws SQLException {
    refused(
        columns("name:NVarChar:60", "id:Int"),
        rows(new Object[] {"x".repeat(50), 1}, new Object[] {"y".repeat(51), 2}),
        2628);
  }

  /** 10^14 has 15 integer digits; decimal(18,4) allows 14. As decimal(18,4) and (38,4). */
  @Test
  void anAmountOver14IntegerDigitsIs8115() throws SQLException {
    for (String type : new String[] {"amount:Decimal:18:4", "amount:Decimal:38:4"}) {
      refused(
          columns("id:Int", type),
          rows(new Object[] {1, 99999999999999.0}, new Object[] {2, 100000000000000.0}),
          8115);
    }
  }

  /** 2^31 sent as a bigint into id int. */
  @Test
  void aBigintOutsideIntIntoIdIs8115() throws SQLException {
    refused(
        columns("id:BigInt", "big:BigInt"),
        rows(new Object[] {"2147483647", "1"}, new Object[] {"2147483648", "1"}),
        8115);
  }

  /**
   * A uniqueidentifier sent as text (as SQLServerBulkCopy sends one): "uniqueidentifier
   * (Transact-SQL)" gives the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx and converts its example
   * 0E984725-C51C-4BF4-9960-E1C80E27ABA0wrong by cutting it to 36 characters; a string that is no
   * GUID is 8169 "Conversion failed when converting from a character string to uniqueidentifier."
   * (H2's path for a plain table refuses the cut example too, so there is no twin here.)
   */
  @Test
  void aGuidTextIsCheckedAsSqlServerConvertsIt() throws SQLException {
    long before = count();
    ArrayNode cols = columns("guid:VarChar:50", "id:Int");
    Step ok =
        bulk(
            "jctds_bench_sink",
            cols,
            rows(
                new Object[] {"6F9619FF-8B86-D011-B42D-00C04FC964FF", 1},
                new Object[] {"0E984725-C51C-4BF4-9960-E1C80E27ABA0wrong", 2}));
    assertThat(ok.error()).isNull();
    assertThat(count()).isEqualTo(before + 2);
    Step bad =
        bulk(
            "jctds_bench_sink",
            cols,
            rows(
                new Object[] {"6F9619FF-8B86-D011-B42D-00C04FC964FF", 1},
                new Object[] {"6F9619FF-8B86-D011-B42D-00C04FC964FG", 3}));
    assertThat(bad.errorNumbers()).contains(8169);
    assertThat(count()).isEqualTo(before + 2);
  }

  /**
   * A datetime2 sent as text (mssql-jdbc's batch turned bulk copy sends created as varchar(27)):
   * the ISO form and any other form SQL Server parses ("datetime2 (Transact-SQL)", supported string
   * literal formats) count; 2026-02-29 is no date: 241 "Conversion failed when converting date
   * and/or time from character string.", also for the twin table.
   */
  @Test
  void aDateTextIsCheckedAsADatetime2() throws SQLException {
    long before = count();
    ArrayNode cols = columns("created:VarChar:30", "id:Int");
    Step ok =
        bulk(
            "jctds_bench_sink",
            cols,
            rows(
                new Object[] {"2024-02-29 12:00:00.1234567", 1},
                new Object[] {"9999-12-31 23:59:59", 2},
                new Object[] {"2024-05-01T12:34:56", 3}));
    assertThat(ok.error()).isNull();
    assertThat(count()).isEqualTo(before + 3);
    refused(
        cols,
        rows(new Object[] {"2024-02-29 12:00:00", 1}, new Object[] {"2026-02-29 00:00:00", 2}),
        241);
  }

  /**
   * mssql-jdbc's useBulkCopyForBatchInsert turns a PreparedStatement batch into INSERT BULK and one
   * BulkLoadBCP message (its documentation: "Using bulk copy API for batch insert operation").
   */
  @Test
  void mssqlJdbcBatchAsBulkCopyIsCounted() throws SQLException {
    long before = count();
    try (Connection c = Interop.mssqlJdbc(server, "master", ";useBulkCopyForBatchInsert=true");
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO jctds_bench_sink (id, big, name, created, amount, ratio, flag, guid)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= 400; i++) {
        ps.setInt(1, i);
        ps.setLong(2, i * 1_000_003L);
        ps.setString(3, "name " + i);
        ps.setTimestamp(4, java.sql.Timestamp.valueOf("2026-01-01 00:00:01.0000001"));
        ps.setBigDecimal(5, java.math.BigDecimal.valueOf(i * 12_345L, 4));
        ps.setDouble(6, i / 7.0);
        ps.setBoolean(7, (i & 1) == 1);
        ps.setObject(8, java.util.UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    assertThat(count()).isEqualTo(before + 400);
  }

  /**
   * SQLServerBulkCopy announces the destination's columns and types ("select top 0 * from" the
   * destination): every row of a jctds_bench_rows result counts, also through a column mapping.
   */
  @Test
  void mssqlJdbcBulkCopyIsCounted() throws SQLException {
    long before = count();
    try (Connection source = connect();
        Statement st = source.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM jctds_bench_rows(5000)");
        Connection target = connect();
        SQLServerBulkCopy bulk = new SQLServerBulkCopy(target)) {
      bulk.setDestinationTableName(SINK);
      bulk.writeToServer(rs);
    }
    assertThat(count()).isEqualTo(before + 5000);
    try (Connection source = connect();
        Statement st = source.createStatement();
        ResultSet rs = st.executeQuery("SELECT name, id FROM jctds_bench_rows(700)");
        Connection target = connect();
        SQLServerBulkCopy bulk = new SQLServerBulkCopy(target)) {
      bulk.setDestinationTableName("jctds_bench_sink");
      bulk.addColumnMapping("name", "name");
      bulk.addColumnMapping("id", "id");
      bulk.writeToServer(rs);
    }
    assertThat(count()).isEqualTo(before + 5700);
  }
}
