package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.config.ConfigResolver;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The examples of k-cTDS's documentation (zillow.github.io/ctds: "Executing SQL Statements",
 * "Calling Stored Procedures", "Reading Results"), translated to Java and run against the embedded
 * server: execute with numeric and named parameters, executemany, callproc with a tuple and a dict
 * (outputs replaced), rows by index, name and as a map, nextset, messages (PRINT, RAISERROR at
 * severity 10 stays a message). Where jctds does more than k-cTDS (callProc keeps the result sets
 * readable and gives the RETURN status) the expected values follow the procedure's T-SQL.
 */
class KctdsExamplesIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = FlowServer.start();
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      cur.execute(
          "CREATE TABLE dbo.MyTable (Id int PRIMARY KEY, OtherId int, Name nvarchar(50),"
              + " Birthday date)");
      cur.execute(
          "CREATE PROCEDURE dbo.MyStoredProcedure @arg1 int, @arg2 int, @arg3 int OUTPUT,"
              + " @arg4 nvarchar(20) OUTPUT AS\n"
              + "SELECT @arg1 AS a, @arg2 AS b\n"
              + "SET @arg3 = @arg1 + @arg2\n"
              + "SET @arg4 = N'sum ' + CAST(@arg3 AS nvarchar(10))\n"
              + "RETURN 5");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Connection named() {
    ConfigResolver r =
        ConfigResolver.builder()
            .environment(Map.of())
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(Path.of("/nonexistent-jctds-interfaces"))
            .build();
    return Jctds.connect(
        "127.0.0.1",
        ConnectOptions.builder()
            .user("sa")
            .password("pw")
            .loginTimeout(10)
            .port(server.port())
            .paramstyle(ParamStyle.NAMED)
            .configResolver(r)
            .build());
  }

  @Test
  void executeAndExecuteManyWithNumericParameters() {
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      // "Executing SQL Statements": executemany of INSERT ... VALUES (:0, :1, :2, :3)
      long n =
          cur.executeMany(
              "INSERT INTO dbo.MyTable (Id, OtherId, Name, Birthday) VALUES (:0, :1, :2, :3)",
              List.of(
                  List.of(1, 2, "John Doe", LocalDate.of(2001, 1, 1)),
                  List.of(2000, 22, "Jane Doe", LocalDate.of(1974, 12, 11))));
      assertThat(n).isEqualTo(2);
      assertThat(cur.rowCount()).isEqualTo(2);
      cur.execute("SELECT * FROM dbo.MyTable WHERE Id = :0 AND OtherId = :1", 1, 2);
      Row row = cur.fetchOne();
      assertThat(row.get(2)).isEqualTo("John Doe");
      assertThat(row.get("name")).isEqualTo("John Doe"); // by name, any case
      assertThat(row.asMap())
          .containsEntry("Id", 1)
          .containsEntry("Birthday", LocalDate.of(2001, 1, 1));
      assertThat(cur.fetchOne()).isNull();
      cur.execute("DELETE FROM dbo.MyTable WHERE Id IN (:0, :1)", 1, 2000);
      assertThat(cur.rowCount()).isEqualTo(2);
    }
  }

  @Test
  void executeManyPipelinesManyCallsAndCountsThemAll() {
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      cur.execute("CREATE TABLE #many (n int, s nvarchar(max))");
      // 3000 small sets, then one whose string alone (1.2 MB in UTF-16) exceeds
      // MAX_REQUEST_BYTES: the calls go in several requests, each counted
      List<Object[]> sets = new ArrayList<>();
      IntStream.range(0, 3000).forEach(i -> sets.add(new Object[] {i, "row " + i}));
      sets.add(new Object[] {-1, "x".repeat(600_000)});
      assertThat(cur.executeMany("INSERT INTO #many VALUES (:0, :1)", sets)).isEqualTo(3001);
      cur.execute("SELECT COUNT(*), SUM(CAST(n AS bigint)), MAX(LEN(s)) FROM #many");
      Row r = cur.fetchOne();
      assertThat(r.getInt(0)).isEqualTo(3001);
      assertThat(r.getLong(1)).isEqualTo(2999L * 3000 / 2 - 1);
      assertThat(r.getLong(2)).isEqualTo(600_000);
    }
  }

  /** 30,000 sets of (n, text): several MAX_REQUEST_BYTES requests. */
  private static List<Object[]> manySets(int n) {
    List<Object[]> sets = new ArrayList<>();
    IntStream.range(0, n).forEach(i -> sets.add(new Object[] {i, "row " + i}));
    return sets;
  }

  @Test
  void aBadParameterSetWhileARequestRunsLeavesTheConnectionReady() {
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      cur.execute("CREATE TABLE #badset (n int, s nvarchar(50))");
      List<Object[]> sets = manySets(30_000);
      sets.add(new Object[] {-1, new Object()}); // no SQL type: fails while building its call
      assertThatThrownBy(() -> cur.executeMany("INSERT INTO #badset VALUES (:0, :1)", sets))
          .isInstanceOf(JctdsException.class);
      // the requests before it ran, in order, and the connection reads on
      cur.execute("SELECT COUNT(*), MIN(n), MAX(n) FROM #badset");
      Row r = cur.fetchOne();
      assertThat(r.getInt(0)).isPositive().isEqualTo(r.getInt(2) + 1);
      assertThat(r.getInt(1)).isZero();
    }
  }

  @Test
  void aFailingRequestStopsTheRequestsAfterIt() {
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      cur.execute("CREATE TABLE #dupset (n int PRIMARY KEY, s nvarchar(50))");
      List<Object[]> sets = manySets(30_000);
      sets.set(5, new Object[] {4, "duplicate"});
      // SQL Server error 2627: Violation of PRIMARY KEY constraint
      assertThatThrownBy(() -> cur.executeMany("INSERT INTO #dupset VALUES (:0, :1)", sets))
          .isInstanceOf(IntegrityError.class)
          .extracting(e -> ((JctdsException) e).number())
          .isEqualTo(2627);
      cur.execute("SELECT COUNT(*), MAX(n) FROM #dupset");
      Row r = cur.fetchOne();
      assertThat(r.getInt(0)).isLessThan(29_999); // the first request's other calls ran, no more
      assertThat(r.getInt(1)).isLessThan(29_999);
    }
  }

  @Test
  void namedParameters() {
    try (Connection c = named();
        Cursor cur = c.cursor()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("id", 7);
      p.put("name", "Named");
      cur.execute("SELECT :id AS id, :name AS name, ':id' AS literal", p);
      Row r = cur.fetchOne();
      assertThat(r.toList()).containsExactly(7, "Named", ":id");
      assertThatThrownBy(() -> cur.execute("SELECT :0", 1)).isInstanceOf(ProgrammingError.class);
    }
  }

  @Test
  void callProcWithATupleReplacesTheOutputsAndKeepsTheResultSetAndTheStatus() {
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      // "Calling Stored Procedures": outputs = cursor.callproc('MyStoredProcedure', (1, 3, ...))
      List<Object> outputs =
          cur.callProc(
              "dbo.MyStoredProcedure",
              1,
              3,
              Parameter.output(Integer.class),
              Parameter.output("initial value"));
      // the procedure's result set first, through the cursor (k-cTDS cannot do this)
      assertThat(cur.fetchAll()).extracting(Row::toList).containsExactly(List.of(1, 3));
      assertThat(outputs).containsExactly(1, 3, 4, "sum 4");
      assertThat(cur.returnStatus()).hasValue(5);
    }
  }

  @Test
  void callProcWithADict() {
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      Map<String, Object> in = new LinkedHashMap<>();
      in.put("@arg1", 1);
      in.put("@arg3", Parameter.output(Integer.class));
      in.put("@arg4", Parameter.output(String.class));
      in.put("@arg2", 3);
      Map<String, Object> outputs = cur.callProc("dbo.MyStoredProcedure", in);
      // reading an output first reads ahead past the result set (documented)
      assertThat(outputs)
          .containsEntry("@arg1", 1)
          .containsEntry("@arg2", 3)
          .containsEntry("@arg3", 4)
          .containsEntry("@arg4", "sum 4");
      assertThat(cur.returnStatus()).hasValue(5);
    }
  }

  @Test
  void nextSetAndMessages() {
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      // "Reading Results": nextset; PRINT and RAISERROR ... 10 are messages, not errors
      cur.execute(
          "SELECT 1 AS one; PRINT 'printed'; RAISERROR('informational', 10, 1);"
              + " SELECT :0 AS two",
          new BigDecimal("2.5"));
      assertThat(cur.fetchOne().get(0)).isEqualTo(1);
      assertThat(cur.nextSet()).isTrue();
      assertThat(cur.fetchOne().get("two")).isEqualTo(new BigDecimal("2.5"));
      assertThat(cur.nextSet()).isFalse();
      assertThat(c.messages())
          .extracting(SqlServerMessage::text)
          .containsExactly("printed", "informational");
    }
  }

  @Test
  void readmesTypedParametersExample() {
    try (Connection c = FlowServer.connect(server);
        Cursor cur = c.cursor()) {
      cur.execute("CREATE TABLE #legacy (code varchar(10), price decimal(10,2), flag tinyint)");
      cur.execute(
          "INSERT INTO #legacy (code, price, flag) VALUES (:0, :1, :2)",
          new SqlVarChar("Grüße", 10),
          new SqlDecimal(new BigDecimal("12.5"), 10, 2),
          SqlTinyInt.nullOf());
      cur.execute("SELECT code, price, flag, DATALENGTH(code) FROM #legacy");
      Row r = cur.fetchOne();
      // varchar in SQL_Latin1_General_CP1_CI_AS is code page 1252: five characters, five bytes
      assertThat(r.toList()).containsExactly("Grüße", new BigDecimal("12.50"), null, 5);
      // a character code page 1252 lacks is refused before anything is sent
      assertThatThrownBy(() -> cur.execute("SELECT :0", new SqlVarChar("\u017c\u00f3\u0142w", 10)))
          .isInstanceOf(DataError.class);
    }
  }

  @Test
  void readmesBulkCopyExample() {
    try (Connection conn = FlowServer.connect(server);
        Cursor cur = conn.cursor()) {
      cur.execute("CREATE TABLE dbo.people (id int, name nvarchar(20), born date)");
      long n =
          conn.bulkInsert(
              "dbo.people",
              java.util.stream.Stream.of(
                  List.of(1, "Ada", LocalDate.of(1815, 12, 10)),
                  List.of(2, "Alan", LocalDate.of(1912, 6, 23))),
              BulkOptions.builder().batchSize(10_000).tablock(true).build());
      assertThat(n).isEqualTo(2);
      conn.commit();
      cur.execute("SELECT id, name, born FROM dbo.people ORDER BY id");
      assertThat(cur.fetchAll())
          .extracting(Row::toList)
          .containsExactly(
              List.of(1, "Ada", LocalDate.of(1815, 12, 10)),
              List.of(2, "Alan", LocalDate.of(1912, 6, 23)));
    }
  }
}
