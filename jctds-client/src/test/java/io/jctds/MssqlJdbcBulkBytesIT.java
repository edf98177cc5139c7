package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import com.microsoft.sqlserver.jdbc.SQLServerSortOrder;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mssql-jdbc 13.6.2's SQLServerBulkCopy and our bulkInsert copy the same rows into the same table
 * through {@link BulkRelay}, which keeps the INSERT BULK text and the BulkLoadBCP payload each
 * sends (and answers the bulk part itself, so the embedded server need not support it). The
 * BulkLoadBCP payloads must be equal byte for byte; the INSERT BULK texts must name the same
 * columns and types (mssql-jdbc brackets the table name, upper-cases types, pads commas and adds
 * COLLATE). No uniqueidentifier column: mssql-jdbc declares one read from a ResultSet as CHAR(36)
 * (its source JDBC type), where we send the column's own type.
 */
class MssqlJdbcBulkBytesIT {
  private static TdsServer server;
  @TempDir static Path dir;

  private static final String COLUMNS =
      "(i int, b bigint, n nvarchar(20), v varchar(20), d decimal(10,2), f float, t bit,"
          + " x varbinary(10), dt datetime)";

  private static final String COLUMNS2 =
      "(ti tinyint, si smallint, r real, m money, sm smallmoney, ch char(5), nc nchar(5),"
          + " bn binary(4), da date, tm time(7), d2 datetime2(7), dto datetimeoffset(7),"
          + " sd smalldatetime, nm nvarchar(max), vm varchar(max), bm varbinary(max))";

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("sa", "pw")
            .build()
            .start();
    try (Connection c = connect(server.port())) {
      c.autocommit(true);
      c.cursor().execute("CREATE TABLE dest " + COLUMNS);
      c.cursor().execute("CREATE TABLE src " + COLUMNS);
      c.cursor().execute("CREATE TABLE dest2 " + COLUMNS2);
      c.cursor().execute("CREATE TABLE src2 " + COLUMNS2);
      c.cursor()
          .execute(
              "INSERT INTO src2 VALUES (5, -2, 2.5, 12.3456, -1.25, 'ab', N'éz', 0x0a0b,"
                  + " '2024-02-29', '12:34:56.1234567', '2024-02-29 12:34:56.1234567',"
                  + " '2024-02-29 12:34:56.1234567 +02:00', '2024-02-29 12:34:00',"
                  + " N'long ∑', 'long', 0x00ff)");
      c.cursor()
          .execute(
              "INSERT INTO src VALUES (7, -9000000000, N'grüße', 'café', 12.34, 1.5, 1,"
                  + " 0x0102ff, '2024-02-29 12:34:56.123'),"
                  + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Connection connect(int port) {
    TestWorld w = new TestWorld(dir);
    Path conf = w.conf(port, "encryption = off");
    return Jctds.connect("rogue", w.options(conf, "pw").build());
  }

  private static List<Object> ourRows() {
    return List.of(
        Arrays.asList(
            7,
            -9_000_000_000L,
            "grüße",
            "café",
            new BigDecimal("12.34"),
            1.5,
            true,
            new byte[] {1, 2, (byte) 0xff},
            LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_000_000)),
        Arrays.asList(new Object[9]));
  }

  @Test
  void ourBulkLoadMessageIsMssqlJdbcs() throws Exception {
    String theirText;
    byte[] theirs;
    try (BulkRelay relay = new BulkRelay(server.port())) {
      Properties p = new Properties();
      p.setProperty("user", "sa");
      p.setProperty("password", "pw");
      String url = "jdbc:sqlserver://127.0.0.1:" + relay.port() + ";encrypt=false";
      try (java.sql.Connection c = new SQLServerDriver().connect(url, p);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM src");
          SQLServerBulkCopy copy = new SQLServerBulkCopy(c)) {
        copy.setDestinationTableName("dest");
        copy.writeToServer(rs);
      }
      theirText = relay.insertBulks().get(0);
      theirs = relay.bulkLoads().get(0);
    }
    String ourText;
    byte[] ours;
    try (BulkRelay relay = new BulkRelay(server.port());
        Connection c = connect(relay.port())) {
      c.bulkInsert("dest", ourRows(), BulkOptions.builder().autoEncode(true).build());
      ourText = relay.insertBulks().get(0);
      ours = relay.bulkLoads().get(0);
    }
    assertThat(normalized(ourText)).isEqualTo(normalized(theirText));
    assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(theirs));
  }

  private static List<Object> ourRows2() {
    return List.<Object>of(
        Arrays.asList(
            (short) 5,
            (short) -2,
            2.5f,
            new BigDecimal("12.3456"),
            new BigDecimal("-1.25"),
            "ab",
            "éz",
            new byte[] {0x0a, 0x0b},
            LocalDate.of(2024, 2, 29),
            LocalTime.of(12, 34, 56, 123_456_700),
            LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_700),
            OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_700, ZoneOffset.ofHours(2)),
            LocalDateTime.of(2024, 2, 29, 12, 34),
            "long ∑",
            "long",
            new byte[] {0, (byte) 0xff}));
  }

  @Test
  void moreTypesAndTheHintsAreSentAsMssqlJdbcSendsThem() throws Exception {
    String theirText;
    byte[] theirs;
    try (BulkRelay relay = new BulkRelay(server.port())) {
      try (java.sql.Connection c = jdbc(relay.port());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM src2");
          SQLServerBulkCopy copy = new SQLServerBulkCopy(c)) {
        SQLServerBulkCopyOptions o = new SQLServerBulkCopyOptions();
        o.setTableLock(true);
        o.setCheckConstraints(true);
        o.setKeepNulls(true);
        o.setBatchSize(5);
        copy.setBulkCopyOptions(o);
        copy.addColumnOrderHint("ti", SQLServerSortOrder.DESCENDING);
        copy.addColumnOrderHint("si", SQLServerSortOrder.ASCENDING);
        copy.setDestinationTableName("dest2");
        copy.writeToServer(rs);
      }
      theirText = relay.insertBulks().get(0);
      theirs = relay.bulkLoads().get(0);
    }
    String ourText;
    byte[] ours;
    try (BulkRelay relay = new BulkRelay(server.port());
        Connection c = connect(relay.port())) {
      BulkOptions o =
          BulkOptions.builder()
              .autoEncode(true)
              .tablock(true)
              .checkConstraints(true)
              .keepNulls(true)
              .batchSize(5)
              .rowsPerBatch(5)
              .order("ti desc", "si")
              .build();
      c.bulkInsert("dest2", ourRows2(), o);
      ourText = relay.insertBulks().get(0);
      ours = relay.bulkLoads().get(0);
    }
    assertThat(normalized(ourText)).isEqualTo(normalized(theirText));
    assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(theirs));
  }

  private static java.sql.Connection jdbc(int port) throws Exception {
    Properties p = new Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", "pw");
    return new SQLServerDriver()
        .connect("jdbc:sqlserver://127.0.0.1:" + port + ";encrypt=false", p);
  }

  /** The text without COLLATE clauses, in upper case, with single spaces and none before , or ). */
  private static String normalized(String sql) {
    return sql.replaceAll("(?i) COLLATE [A-Za-z0-9_]+", "")
        .replaceFirst("\\[(dest2?)\\]", "$1")
        .replace(", ", ",")
        .toUpperCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .replace(" ,", ",")
        .replace(",", ", ")
        .replace(" )", ")")
        .trim();
  }
}
