package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
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

  /** The text without COLLATE clauses, in upper case, with single spaces and none before , or ). */
  private static String normalized(String sql) {
    return sql.replaceAll("(?i) COLLATE [A-Za-z0-9_]+", "")
        .replace("[dest]", "dest")
        .replace(", ", ",")
        .toUpperCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .replace(" ,", ",")
        .replace(",", ", ")
        .replace(" )", ")")
        .trim();
  }
}
