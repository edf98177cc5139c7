package io.jctds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.TdsServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apache Spark 4.2 (local[4]) over jctds-jdbc and {@link JctdsDialect} against the embedded server
 * (issue 13): a partitioned read of 200,000 rows on 4 connections, aggregations whose values follow
 * from the rows' formulas (README, "jctds_bench_rows"), and an append of the 200,000 rows into a
 * table Spark creates with the dialect's types.
 */
class SparkIT {
  private static final int N = 200_000;
  private static TdsServer server;
  private static SparkSession spark;
  private static String url;

  @BeforeAll
  static void start() throws IOException, SQLException {
    server = TdsServer.builder().port(0).user("sa", "pw").build().start();
    url = "jdbc:jctds://127.0.0.1:" + server.port() + ";encryption=off";
    try (Connection c = DriverManager.getConnection(url, "sa", "pw");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE spark_src (id int NOT NULL PRIMARY KEY, big bigint, name nvarchar(50),"
              + " created datetime2(7), amount decimal(18,4), ratio float, flag bit)");
      s.execute(
          "INSERT INTO spark_src SELECT id, big, name, created, amount, ratio, flag"
              + " FROM jctds_bench_rows("
              + N
              + ")");
      s.execute("CREATE TABLE spark_conns (spid int NOT NULL)");
    }
    spark =
        SparkSession.builder()
            .master("local[4]")
            .appName("jctds SparkIT")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  private static Properties props() {
    Properties p = new Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", "pw");
    p.setProperty("driver", "io.jctds.jdbc.JctdsDriver");
    return p;
  }

  @Test
  void dialectIsFoundThroughServiceLoader() {
    // META-INF/services/org.apache.spark.sql.jdbc.JdbcDialect, no registerDialect call
    assertThat(JdbcDialects.get(url)).isInstanceOf(JctdsDialect.class);
  }

  @Test
  void partitionedReadAggregatesAndAppend() throws SQLException {
    Properties p = props();
    // Spark runs sessionInitStatement on every connection it opens, once per partition
    p.setProperty("sessionInitStatement", "INSERT INTO spark_conns (spid) VALUES (@@SPID)");
    Dataset<Row> df = spark.read().jdbc(url, "spark_src", "id", 1, N + 1, 4, p);

    assertThat(df.rdd().getNumPartitions()).isEqualTo(4);
    assertThat(df.count()).isEqualTo(N);
    // count() ran the 4 partitions as 4 tasks, each opening its own connection (local[4]: up to 4
    // at once); each ran sessionInitStatement once
    List<Integer> spids = query("SELECT spid FROM spark_conns");
    assertThat(spids).hasSize(4).doesNotHaveDuplicates();
    Row sums =
        df.agg(
                functions.sum("id"),
                functions.sum("big"),
                functions.sum("amount"),
                functions.max("name"),
                functions.min("created"),
                functions.max("created"))
            .first();
    long sumId = (long) N * (N + 1) / 2; // 20,000,100,000
    assertThat(sums.getLong(0)).isEqualTo(sumId);
    assertThat(sums.getLong(1)).isEqualTo(sumId * 1_000_003L);
    assertThat(sums.getDecimal(2))
        .isEqualByComparingTo(new BigDecimal("1.2345").multiply(BigDecimal.valueOf(sumId)));
    assertThat(sums.getString(3)).isEqualTo("name 99999"); // the greatest string
    // created = 2026-01-01 + x s + x * 100 ns; Spark's TimestampType holds microseconds, so
    // x = 1 reads as 00:00:01 (100 ns dropped) and x = 200,000 as 07:33:20.020000 (exact)
    assertThat(sums.getTimestamp(4).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0, 1));
    assertThat(sums.getTimestamp(5).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2026, 1, 3, 7, 33, 20, 20_000_000));
    List<Row> byFlag = df.groupBy("flag").count().orderBy("flag").collectAsList();
    assertThat(byFlag).hasSize(2);
    assertThat(byFlag.get(0).getBoolean(0)).isFalse();
    assertThat(byFlag.get(0).getLong(1)).isEqualTo(N / 2);
    assertThat(byFlag.get(1).getLong(1)).isEqualTo(N / 2);
    // the ratio column: x / 7.0 for x = 7 is exactly 1
    assertThat(df.filter("id = 7").select("ratio").first().getDouble(0)).isEqualTo(1.0);

    df.write().mode(SaveMode.Append).jdbc(url, "spark_copy", props());
    assertThat(query("SELECT COUNT(*) FROM spark_copy")).containsExactly(N);
    String checksum =
        "SELECT CAST(SUM(CAST(id AS bigint)) AS nvarchar(40)) + '/' + CAST(SUM(big) AS nvarchar(40))"
            + " + '/' + CAST(SUM(amount) AS nvarchar(40)) + '/' + CAST(SUM(CAST(flag AS int)) AS"
            + " nvarchar(40)) + '/' + CAST(SUM(LEN(name)) AS nvarchar(40)) FROM ";
    assertThat(strings(checksum + "spark_copy")).isEqualTo(strings(checksum + "spark_src"));
  }

  @Test
  void limitGoesAsTopAndOverwriteTruncates() throws SQLException {
    // Spark's JDBC catalog (DataSource V2) pushes a limit down: the dialect's builder sends
    // SELECT TOP (3) ... (T-SQL has no LIMIT); spark.read().jdbc (V1) never pushes limits
    String catalog = "spark.sql.catalog.jctds";
    spark
        .conf()
        .set(catalog, "org.apache.spark.sql.execution.datasources.v2.jdbc.JDBCTableCatalog");
    spark.conf().set(catalog + ".url", url);
    spark.conf().set(catalog + ".driver", "io.jctds.jdbc.JctdsDriver");
    spark.conf().set(catalog + ".user", "sa");
    spark.conf().set(catalog + ".password", "pw");
    Dataset<Row> three = spark.table("jctds.dbo.spark_src").orderBy("id").limit(3);
    assertThat(three.queryExecution().executedPlan().toString()).contains("LIMIT 3");
    assertThat(three.collectAsList()).extracting(r -> r.getInt(0)).containsExactly(1, 2, 3);

    Dataset<Row> df = spark.read().jdbc(url, "spark_src", props());

    Dataset<Row> few = df.filter("id <= 10");
    few.write().mode(SaveMode.Overwrite).jdbc(url, "spark_small", props());
    assertThat(query("SELECT COUNT(*) FROM spark_small")).containsExactly(10);
    Properties truncate = props();
    truncate.setProperty("truncate", "true");
    df.filter("id <= 5").write().mode(SaveMode.Overwrite).jdbc(url, "spark_small", truncate);
    assertThat(query("SELECT COUNT(*) FROM spark_small")).containsExactly(5);
  }

  private static List<Integer> query(String sql) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "pw");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "pw");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
