package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Microsoft's JDBC driver (mssql-jdbc 13.6.2) SQLServerBulkCopy into the embedded server: it asks
 * for the destination's metadata, sends {@code INSERT BULK} and a BulkLoadBCP message ([MS-TDS]
 * 2.2.6.1) and reads the DONE's row count. The source rows are {@link EveryType}'s literals (values
 * from Microsoft's type documentation) inserted by plain INSERT; what the bulk copy wrote must read
 * back the same, value by value. sql_variant included: from a SQLServerResultSet the driver sends a
 * [MS-TDS] 2.2.5.5.4 sql_variant cell (SQLServerBulkCopy.writeSqlVariant), whose base type must
 * survive (SQL_VARIANT_PROPERTY(v, 'BaseType') as in the source).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MssqlJdbcBulkCopyIT {
  private static TdsServer plain;
  private static TdsServer tls;

  @BeforeAll
  static void start() {
    plain = Interop.start(b -> b.encryption(EncryptionPolicy.OFF));
    tls = Interop.start(b -> b.encryption(EncryptionPolicy.ON));
  }

  @AfterAll
  static void stop() {
    for (TdsServer s : new TdsServer[] {plain, tls}) {
      if (s != null) {
        s.close();
      }
    }
  }

  private static Connection connect(boolean encrypted) throws SQLException {
    TdsServer server = encrypted ? tls : plain;
    String url =
        "jdbc:sqlserver://127.0.0.1:"
            + server.port()
            + ";databaseName=master;user="
            + Interop.USER
            + ";password="
            + Interop.PASSWORD
            + (encrypted ? ";encrypt=true;trustServerCertificate=true" : ";encrypt=false")
            + ";sendTimeAsDatetime=false;loginTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS;
    return java.sql.DriverManager.getConnection(url);
  }

  private static final List<EveryType.Column> COLUMNS = EveryType.COLUMNS;

  private static String createTable(String name) {
    return "CREATE TABLE "
        + name
        + " (id int PRIMARY KEY, "
        + COLUMNS.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "))
        + ")";
  }

  private static String columnList() {
    return "id, " + COLUMNS.stream().map(EveryType.Column::name).collect(Collectors.joining(", "));
  }

  private static void createSource(Connection c, String name) throws SQLException {
    Jdbc.run(c, createTable(name));
    Jdbc.run(
        c,
        "INSERT INTO "
            + name
            + " VALUES (1, "
            + COLUMNS.stream().map(EveryType.Column::max).collect(Collectors.joining(", "))
            + ")");
    Jdbc.run(
        c,
        "INSERT INTO "
            + name
            + " VALUES (2, "
            + COLUMNS.stream().map(EveryType.Column::min).collect(Collectors.joining(", "))
            + ")");
    Jdbc.run(c, "INSERT INTO " + name + " (id) VALUES (3)");
  }

  /** Every row as text (byte arrays in hex), for a value-by-value comparison. */
  private static List<List<String>> read(Connection c, String table) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    for (List<Object> row :
        Jdbc.rows(c, "SELECT " + columnList() + " FROM " + table + " ORDER BY id")) {
      List<String> r = new ArrayList<>();
      for (Object v : row) {
        r.add(v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : String.valueOf(v));
      }
      out.add(r);
    }
    return out;
  }

  enum Mode {
    PLAIN,
    TLS
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void bulkCopyFromResultSetWritesEveryTypeAsInserted(Mode mode) throws SQLException {
    String src = "bcp_src_" + mode.name().toLowerCase();
    String dst = "bcp_dst_" + mode.name().toLowerCase();
    try (Connection c = connect(mode == Mode.TLS)) {
      createSource(c, src);
      Jdbc.run(c, createTable(dst));
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT " + columnList() + " FROM " + src);
          Connection target = connect(mode == Mode.TLS);
          SQLServerBulkCopy bulk = new SQLServerBulkCopy(target)) {
        bulk.setDestinationTableName(dst);
        bulk.writeToServer(rs);
      }
      assertThat(Jdbc.scalar(c, "SELECT COUNT(*) FROM " + dst)).isEqualTo(3);
      assertThat(read(c, dst)).isEqualTo(read(c, src));
      assertThat(baseTypes(c, dst)).isEqualTo(baseTypes(c, src)).contains(List.of("int"));
    }
  }

  private static List<List<Object>> baseTypes(Connection c, String table) throws SQLException {
    return Jdbc.rows(
        c,
        "SELECT CAST(SQL_VARIANT_PROPERTY(c_sql_variant, 'BaseType') AS nvarchar(30)) FROM "
            + table
            + " ORDER BY id");
  }

  @Test
  void aBatchSizeCommitsEachBatchAndTheSessionGoesOn() throws SQLException {
    try (Connection c = connect(false)) {
      Jdbc.run(c, "CREATE TABLE bcp_batches (id int PRIMARY KEY, name nvarchar(20) NOT NULL)");
      Jdbc.run(
          c,
          "CREATE TABLE bcp_batches_src (id int, name nvarchar(20));"
              + " INSERT INTO bcp_batches_src VALUES (1, N'a'), (2, N'b'), (3, N'c'), (4, NULL)");
      SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
      options.setBatchSize(2);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, name FROM bcp_batches_src ORDER BY id");
          Connection target = connect(false);
          SQLServerBulkCopy bulk = new SQLServerBulkCopy(target)) {
        bulk.setBulkCopyOptions(options);
        bulk.setDestinationTableName("bcp_batches");
        // a NULL into a NOT NULL column: SQL Server's error 515 (its error list: "Cannot
        // insert the value NULL into column ...")
        assertThatThrownBy(() -> bulk.writeToServer(rs))
            .isInstanceOf(SQLServerException.class)
            .satisfies(e -> assertThat(((SQLServerException) e).getErrorCode()).isEqualTo(515));
      }
      // the first batch (rows 1, 2) was committed; the second (3 and the bad row 4) is not
      // half-written: as bcp, what earlier batches committed stays committed
      assertThat(Jdbc.rows(c, "SELECT id FROM bcp_batches ORDER BY id"))
          .containsExactly(List.of(1), List.of(2));
      assertThat(Jdbc.scalar(c, "SELECT 1")).isEqualTo(1);
    }
  }

  /**
   * SQL Server's documented bulk-import defaults ("Keep nulls or use default values during bulk
   * import": without KEEP_NULLS an empty column takes its DEFAULT; "Keep identity values when bulk
   * importing data": without KEEP_IDENTITY the server assigns identity values and ignores those in
   * the data). The driver's keepIdentity adds the identity column to INSERT BULK and the rows (no
   * KEEP_IDENTITY hint: SQLServerBulkCopy leaves the column out otherwise, when the destination's
   * COLMETADATA flags it as identity); keepNulls sends KEEP_NULLS.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void keepNullsWithKeepIdentity(boolean keep) throws SQLException {
    String table = "bcp_keep_" + keep;
    try (Connection c = connect(false)) {
      Jdbc.run(
          c,
          "CREATE TABLE "
              + table
              + " (id int IDENTITY(1,1) PRIMARY KEY, n int DEFAULT 7, s nvarchar(10) DEFAULT"
              + " N'dflt')");
      SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
      options.setKeepNulls(keep);
      options.setKeepIdentity(true);
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT 100 AS id, CAST(NULL AS int) AS n, N'x' AS s UNION ALL SELECT 200, 5,"
                      + " NULL");
          Connection target = connect(false);
          SQLServerBulkCopy bulk = new SQLServerBulkCopy(target)) {
        bulk.setBulkCopyOptions(options);
        bulk.setDestinationTableName(table);
        bulk.writeToServer(rs);
      }
      List<List<Object>> rows = Jdbc.rows(c, "SELECT id, n, s FROM " + table + " ORDER BY id");
      if (keep) {
        assertThat(rows)
            .containsExactly(
                java.util.Arrays.asList(100, null, "x"), java.util.Arrays.asList(200, 5, null));
      } else {
        assertThat(rows).containsExactly(List.of(100, 7, "x"), List.of(200, 5, "dflt"));
      }
    }
  }

  /**
   * SQLServerBulkCSVFileRecord: the driver parses a CSV file with the column types the test gives
   * it and bulk copies the rows; they read back as the file holds them (a string as written, a
   * decimal at the column's scale 4, an ISO datetime2 literal, read in CONVERT style 121 as the
   * T-SQL reference's "CAST and CONVERT" gives it for datetime2: yyyy-mm-dd hh:mi:ss.fffffff).
   */
  @Test
  void bulkCopyFromACsvFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path csv = dir.resolve("rows.csv");
    java.nio.file.Files.writeString(
        csv,
        "1,żółw,12.5,2007-05-08 12:35:29.1234567\n2,abc,-0.0001,0001-01-01 00:00:00\n",
        java.nio.charset.StandardCharsets.UTF_8);
    try (Connection c = connect(false)) {
      Jdbc.run(
          c,
          "CREATE TABLE bcp_csv (id int PRIMARY KEY, name nvarchar(10), amount decimal(18,4),"
              + " created datetime2(7))");
      try (com.microsoft.sqlserver.jdbc.SQLServerBulkCSVFileRecord file =
              new com.microsoft.sqlserver.jdbc.SQLServerBulkCSVFileRecord(
                  csv.toString(), "UTF-8", ",", false);
          Connection target = connect(false);
          SQLServerBulkCopy bulk = new SQLServerBulkCopy(target)) {
        file.addColumnMetadata(1, "id", java.sql.Types.INTEGER, 0, 0);
        file.addColumnMetadata(2, "name", java.sql.Types.NVARCHAR, 10, 0);
        file.addColumnMetadata(3, "amount", java.sql.Types.DECIMAL, 18, 4);
        file.addColumnMetadata(4, "created", java.sql.Types.TIMESTAMP, 0, 7);
        bulk.setDestinationTableName("bcp_csv");
        bulk.writeToServer(file);
      }
      List<List<Object>> rows =
          Jdbc.rows(
              c,
              "SELECT id, name, CAST(amount AS varchar(30)), CONVERT(varchar(30), created, 121)"
                  + " FROM bcp_csv ORDER BY id");
      assertThat(rows)
          .containsExactly(
              List.of(1, "żółw", "12.5000", "2007-05-08 12:35:29.1234567"),
              List.of(2, "abc", "-0.0001", "0001-01-01 00:00:00.0000000"));
    }
  }

  /**
   * The destination's identity flag ([MS-TDS] 2.2.7.4 fIdentity) as mssql-jdbc reads it:
   * ResultSetMetaData.isAutoIncrement is true for the IDENTITY column only. Without keepIdentity
   * SQLServerBulkCopy leaves a flagged column out and the server generates the values ("Keep
   * identity values when bulk importing data": without KEEP_IDENTITY the server assigns them); with
   * it the values from the source stay, and the identity moves past them as after SET
   * IDENTITY_INSERT ("SET IDENTITY_INSERT (Transact-SQL)": a larger inserted value becomes the
   * current identity value), so a later INSERT takes the next one.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void identityValuesAreGeneratedUnlessKept(boolean keepIdentity) throws SQLException {
    String table = "bcp_identity_" + keepIdentity;
    try (Connection c = connect(false)) {
      Jdbc.run(c, "CREATE TABLE " + table + " (id int IDENTITY(1,1) PRIMARY KEY, n int)");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, n FROM " + table)) {
        assertThat(rs.getMetaData().isAutoIncrement(1)).isTrue();
        assertThat(rs.getMetaData().isAutoIncrement(2)).isFalse();
      }
      SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
      options.setKeepIdentity(keepIdentity);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT 100 AS id, 1 AS n UNION ALL SELECT 200, 2");
          Connection target = connect(false);
          SQLServerBulkCopy bulk = new SQLServerBulkCopy(target)) {
        bulk.setBulkCopyOptions(options);
        bulk.setDestinationTableName(table);
        bulk.writeToServer(rs);
      }
      Jdbc.run(c, "INSERT INTO " + table + " (n) VALUES (3)");
      List<List<Object>> rows = Jdbc.rows(c, "SELECT id, n FROM " + table + " ORDER BY n");
      if (keepIdentity) {
        assertThat(rows).containsExactly(List.of(100, 1), List.of(200, 2), List.of(201, 3));
      } else {
        assertThat(rows).containsExactly(List.of(1, 1), List.of(2, 2), List.of(3, 3));
      }
    }
  }
}
