package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed (max) values: mssql-jdbc 13.6.2's SQLServerBulkCopy (from a ResultSet, which it reads as
 * streams for (max) columns and sends with TDSWriter.writeReader / writeNonUnicodeReader /
 * writeStream) and our bulkInsert of Reader and InputStream values send the same BulkLoadBCP
 * payload byte for byte through {@link BulkRelay}: PLP_UNKNOWN_LEN, chunks of 32000 bytes
 * (nvarchar, varbinary) or 8000 characters (varchar), a shorter last chunk, the terminator. The
 * values are longer than two chunks.
 */
class MssqlJdbcBulkStreamBytesIT {
  private static TdsServer server;
  @TempDir static Path dir;

  private static final String NM = "ab∑".repeat(13_334); // 80004 bytes as UTF-16LE
  private static final String VM = "cé".repeat(10_000); // 20000 characters, code page 1252
  private static final byte[] BM = "xyz".repeat(23_334).getBytes(); // 70002 bytes

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
      String cols = "(id int, nm nvarchar(max), vm varchar(max), bm varbinary(max))";
      c.cursor().execute("CREATE TABLE dest " + cols);
      c.cursor().execute("CREATE TABLE src " + cols);
      c.cursor().execute("INSERT INTO src VALUES (:0, :1, :2, :3)", 1, NM, VM, BM);
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

  @Test
  void streamedValuesAreChunkedAsMssqlJdbcChunksThem() throws Exception {
    List<Object> row =
        Arrays.asList(1, new StringReader(NM), new StringReader(VM), new ByteArrayInputStream(BM));
    assertThat(ours(row)).isEqualTo(theirs());
  }

  @Test
  void stringAndBytesValuesOfMaxColumnsAreChunkedTheSameWay() throws Exception {
    assertThat(ours(Arrays.asList(1, NM, VM, BM))).isEqualTo(theirs());
  }

  /** mssql-jdbc's BulkLoadBCP payload, hex. */
  private static String theirs() throws Exception {
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
      theirs = relay.bulkLoads().get(0);
    }
    return HexFormat.of().formatHex(theirs);
  }

  /** Our BulkLoadBCP payload for {@code row}, hex. */
  private static String ours(List<Object> row) throws Exception {
    byte[] ours;
    try (BulkRelay relay = new BulkRelay(server.port());
        Connection c = connect(relay.port())) {
      c.bulkInsert("dest", List.of(row), BulkOptions.builder().autoEncode(true).build());
      ours = relay.bulkLoads().get(0);
    }
    assertThat(ours.length).isGreaterThan(170_000);
    return HexFormat.of().formatHex(ours);
  }
}
