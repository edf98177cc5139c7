package io.jctds.server.interop;

import static io.jctds.server.interop.Jdbc.rows;
import static io.jctds.server.interop.Jdbc.run;
import static io.jctds.server.interop.Jdbc.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import com.microsoft.sqlserver.jdbc.SQLServerError;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import com.microsoft.sqlserver.jdbc.SQLServerWarning;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Microsoft's JDBC driver (mssql-jdbc 13.6.2, TDS 7.4) running T-SQL against the embedded server
 * through plain Statements: every type read back with its metadata, batches with several results
 * and messages, errors with their numbers, transactions driven by SQL and by the driver's
 * setAutoCommit/commit/rollback, two sessions, and the trailing-space and uniqueidentifier rules.
 * The driver's Java types per SQL Server type are those of its "Using basic data types" page
 * (learn.microsoft.com/sql/connect/jdbc/using-basic-data-types).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MssqlJdbcSqlIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = Interop.start(EncryptionPolicy.OFF);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    return new SQLServerDriver()
        .connect(
            "jdbc:sqlserver://127.0.0.1:"
                + server.port()
                + ";databaseName=master;encrypt=false;loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS
                + ";socketTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS * 1000,
            p);
  }

  // ---- every type ----

  /**
   * A row as the driver gives it: getObject, except time (getString: java.sql.Time has no
   * fraction), date and date-times (java.time through getObject(i, Class)) and binary (hex).
   */
  private static List<Object> typedRow(ResultSet rs) throws SQLException {
    List<Object> row = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      Object v =
          switch (md.getColumnTypeName(i)) {
            case "time" -> rs.getString(i);
            case "date" -> rs.getObject(i, LocalDate.class);
            case "datetime", "smalldatetime", "datetime2" -> rs.getObject(i, LocalDateTime.class);
            case "datetimeoffset" -> rs.getObject(i, OffsetDateTime.class);
            default -> rs.getObject(i);
          };
      row.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
    }
    return row;
  }

  @Test
  void everyTypeReadsBackAsTheDriverMapsIt() throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(EveryType.batch("types_mssql_jdbc"));
      while (!s.getMoreResults() && s.getUpdateCount() != -1) {
        // the CREATE and INSERT counts
      }
      try (ResultSet rs = s.getResultSet()) {
        while (rs.next()) {
          rows.add(typedRow(rs));
        }
      }
    }
    // the values of EveryType's rows 1 and 2 (see its sources), in the driver's Java types
    assertThat(rows.get(0))
        .containsExactly(
            1,
            true,
            (short) 255,
            (short) 32767,
            2147483647,
            9223372036854775807L,
            3.40E+38f,
            1.79E+308,
            new BigDecimal("99999999999999999999999999999999999999"),
            new BigDecimal("12345.67891"),
            new BigDecimal("922337203685477.5807"),
            new BigDecimal("214748.3647"),
            "abc       ", // char(10) pads with spaces ("char and varchar")
            "abcdefghij",
            "x".repeat(10_000),
            "żółw ", // nchar(5) pads likewise
            "𝄞𝄞𝄞𝄞𝄞",
            "ż".repeat(5000),
            "text",
            "ntext ż",
            "01020304",
            "00112233445566778899",
            "6162".repeat(5000),
            "cafe",
            LocalDate.of(9999, 12, 31),
            "23:59:59.9999999",
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000),
            LocalDateTime.of(1998, 1, 2, 0, 0),
            LocalDateTime.of(2079, 6, 6, 23, 59),
            LocalDateTime.of(2000, 5, 8, 12, 36),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
            OffsetDateTime.parse("2007-05-08T12:35:29.1234567+12:15"),
            "6F9619FF-8B86-D011-B42D-00C04FC964FF",
            "<a>ż</a>",
            42); // sql_variant keeps its base type int ("sql_variant (Transact-SQL)")
    assertThat(rows.get(1))
        .containsExactly(
            2,
            false,
            (short) 0,
            (short) -32768,
            -2147483648,
            -9223372036854775808L,
            -1.18E-38f,
            -2.23E-308,
            new BigDecimal("-99999999999999999999999999999999999999"),
            new BigDecimal("-0.00001"),
            new BigDecimal("-922337203685477.5808"),
            new BigDecimal("-214748.3648"),
            " ".repeat(10),
            "",
            "",
            " ".repeat(5),
            "",
            "",
            "",
            "",
            "01000000", // binary(4) pads 0x01 with 0x00 ("binary and varbinary")
            "",
            "",
            "00",
            LocalDate.of(1, 1, 1),
            "00:00:00.0000000",
            LocalDateTime.of(1753, 1, 1, 0, 0),
            LocalDateTime.of(1998, 1, 1, 23, 59, 59, 993_000_000),
            LocalDateTime.of(1900, 1, 1, 0, 0),
            LocalDateTime.of(2000, 5, 8, 12, 35),
            LocalDateTime.of(1, 1, 1, 0, 0),
            OffsetDateTime.parse("0001-01-01T00:00-14:00"),
            "00000000-0000-0000-0000-000000000000",
            "<b/>",
            "abc"); // sql_variant keeps nvarchar
    List<Object> nulls = new ArrayList<>(Arrays.asList(new Object[EveryType.COLUMNS.size() + 1]));
    nulls.set(0, 3);
    assertThat(rows.get(2)).containsExactlyElementsOf(nulls);
  }

  @Test
  void metadataNamesEachColumnsSqlServerType() throws SQLException {
    try (Connection c = connect()) {
      run(c, EveryType.batch("meta_mssql_jdbc"));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(EveryType.select("meta_mssql_jdbc"))) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> names = new ArrayList<>();
        List<Integer> jdbcTypes = new ArrayList<>();
        for (int i = 2; i <= md.getColumnCount(); i++) {
          names.add(md.getColumnTypeName(i));
          jdbcTypes.add(md.getColumnType(i));
        }
        // the declared types without length (the type names of "Data types (Transact-SQL)")
        assertThat(names)
            .containsExactlyElementsOf(
                EveryType.COLUMNS.stream().map(col -> col.type().replaceAll("\\(.*", "")).toList());
        // java.sql.Types per "Using basic data types" (NCHAR, NVARCHAR, LONGNVARCHAR as the
        // Java SE 6 mappings; microsoft.sql.Types DATETIMEOFFSET -155 and SQL_VARIANT -156)
        assertThat(jdbcTypes)
            .containsExactly(
                Types.BIT,
                Types.TINYINT,
                Types.SMALLINT,
                Types.INTEGER,
                Types.BIGINT,
                Types.REAL,
                Types.DOUBLE,
                Types.DECIMAL,
                Types.NUMERIC,
                Types.DECIMAL,
                Types.DECIMAL,
                Types.CHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.NCHAR,
                Types.NVARCHAR,
                Types.NVARCHAR,
                Types.LONGVARCHAR,
                Types.LONGNVARCHAR,
                Types.BINARY,
                Types.VARBINARY,
                Types.VARBINARY,
                Types.LONGVARBINARY,
                Types.DATE,
                Types.TIME,
                Types.TIMESTAMP,
                Types.TIMESTAMP,
                Types.TIMESTAMP,
                Types.TIMESTAMP,
                Types.TIMESTAMP,
                -155,
                Types.CHAR,
                Types.LONGNVARCHAR,
                -156);
        // precision and scale: "decimal and numeric" (p, s as declared), "datetime2" and
        // "datetimeoffset" ((27,7) and (34,7) at scale 7), "time" ((16,7)); (max) lengths are
        // 2^31-1 bytes, so 2^31-1 varchar or 2^30-1 nvarchar characters ("char and varchar",
        // "nchar and nvarchar")
        int dec = EveryType.column("c_decimal");
        assertThat(List.of(md.getPrecision(dec), md.getScale(dec))).containsExactly(38, 0);
        int num = EveryType.column("c_numeric");
        assertThat(List.of(md.getPrecision(num), md.getScale(num))).containsExactly(10, 5);
        int dt2 = EveryType.column("c_datetime2");
        assertThat(List.of(md.getPrecision(dt2), md.getScale(dt2))).containsExactly(27, 7);
        int dto = EveryType.column("c_datetimeoffset");
        assertThat(List.of(md.getPrecision(dto), md.getScale(dto))).containsExactly(34, 7);
        int time = EveryType.column("c_time");
        assertThat(List.of(md.getPrecision(time), md.getScale(time))).containsExactly(16, 7);
        assertThat(md.getPrecision(EveryType.column("c_varchar"))).isEqualTo(10);
        assertThat(md.getPrecision(EveryType.column("c_varchar_max"))).isEqualTo(Integer.MAX_VALUE);
        assertThat(md.getPrecision(EveryType.column("c_nvarchar_max"))).isEqualTo(1_073_741_823);
      }
    }
  }

  // ---- batches, messages and errors ----

  @Test
  void aBatchReturnsEveryResultWithItsMessagesInOrder() throws SQLException {
    String batch =
        "SELECT 1 AS a\nPRINT 'hello'\nSELECT 'x' AS b, 2 AS c\n"
            + "RAISERROR('warn %d', 10, 3, 5)\nRAISERROR('bad %s', 16, 2, 'thing')\nSELECT 3 AS d";
    List<Object> results = new ArrayList<>();
    List<SQLServerError> warnings = new ArrayList<>();
    SQLServerError error = null;
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      boolean isResult = s.execute(batch);
      boolean afterError = false;
      while (true) {
        if (isResult) {
          try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
              results.add(rs.getObject(rs.getMetaData().getColumnCount()));
            }
          }
        } else if (s.getUpdateCount() == -1 && !afterError) {
          break;
        }
        afterError = false;
        try { // the driver throws an error where it stands in the stream, then goes on
          isResult = s.getMoreResults();
        } catch (SQLServerException e) {
          error = e.getSQLServerError();
          afterError = true;
          isResult = false;
        }
      }
      for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
        warnings.add(((SQLServerWarning) w).getSQLServerError());
      }
    }
    // a severity-16 RAISERROR ends its statement, not the batch ("RAISERROR (Transact-SQL)")
    assertThat(results).containsExactly(1, 2, 3);
    // "RAISERROR": msg_str gives error number 50000, %d and %s are substituted, the state is
    // the one given, severity 10 or lower is informational; the line is the batch's line
    assertThat(error).isNotNull();
    assertThat(error.getErrorNumber()).isEqualTo(50000);
    assertThat(error.getErrorMessage()).isEqualTo("bad thing");
    assertThat(error.getErrorSeverity()).isEqualTo(16);
    assertThat(error.getErrorState()).isEqualTo(2);
    assertThat(error.getLineNumber()).isEqualTo(5);
    assertThat(warnings).extracting(SQLServerError::getErrorMessage).contains("hello", "warn 5");
    SQLServerError warn =
        warnings.stream().filter(w -> w.getErrorMessage().equals("warn 5")).findFirst().get();
    assertThat(List.of(warn.getErrorNumber(), warn.getErrorSeverity(), warn.getErrorState()))
        .containsExactly(50000, 10, 3);
    assertThat(warn.getLineNumber()).isEqualTo(4);
  }

  @Test
  void errorsCarrySqlServersNumbersSeveritiesAndMessages() throws SQLException {
    try (Connection c = connect()) {
      run(
          c,
          "CREATE TABLE err_parent (id int CONSTRAINT pk_err_parent PRIMARY KEY,"
              + " name varchar(5) NOT NULL)\n"
              + "CREATE TABLE err_child (p int CONSTRAINT fk_err_child FOREIGN KEY"
              + " REFERENCES err_parent(id))\nINSERT INTO err_parent VALUES (1, 'a')");
      // numbers, severities and message templates: "Database engine events and errors"
      assertError(
          c, "SELECT * FROM no_such_table", 208, 16, "Invalid object name 'no_such_table'.");
      assertError(c, "SELECT nope FROM err_parent", 207, 16, "Invalid column name 'nope'.");
      assertError(
          c,
          "INSERT INTO err_parent VALUES (1, 'b')",
          2627,
          14,
          "Violation of PRIMARY KEY constraint 'pk_err_parent'. Cannot insert duplicate key in"
              + " object 'dbo.err_parent'.");
      assertError(
          c,
          "INSERT INTO err_parent (id) VALUES (2)",
          515,
          16,
          "Cannot insert the value NULL into column 'name', table 'master.dbo.err_parent';"
              + " column does not allow nulls. INSERT fails.");
      assertError(
          c,
          "INSERT INTO err_child VALUES (5)",
          547,
          16,
          "The INSERT statement conflicted with the FOREIGN KEY constraint \"fk_err_child\". The"
              + " conflict occurred in database \"master\", table \"dbo.err_parent\", column 'id'.");
      assertError(c, "SELECT 1 / 0", 8134, 16, "Divide by zero error encountered.");
      assertError(
          c,
          "SELECT CAST('abc' AS int)",
          245,
          16,
          "Conversion failed when converting the varchar value 'abc' to data type int.");
      // and the session is still usable
      assertThat(scalar(c, "SELECT COUNT(*) FROM err_parent")).isEqualTo(1);
    }
  }

  /**
   * Asserts that {@code sql} fails with this number, severity and message; a message that ends in
   * the documented template's last sentence (2627's text stops at the object name in the
   * documentation) is compared as a prefix.
   */
  private static void assertError(
      Connection c, String sql, int number, int severity, String message) {
    assertThatThrownBy(() -> run(c, sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SQLServerException.class,
            e -> {
              assertThat(e.getErrorCode()).as(sql).isEqualTo(number);
              assertThat(e.getSQLServerError().getErrorSeverity()).as(sql).isEqualTo(severity);
              if (number == 2627) {
                assertThat(e.getMessage()).as(sql).startsWith(message);
              } else {
                assertThat(e.getMessage()).as(sql).isEqualTo(message);
              }
            });
  }

  // ---- transactions and sessions ----

  @Test
  void rollbackThroughTheDriverUndoesRowsAndDdl() throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      run(c, "CREATE TABLE tx_rolled_back (n int)\nINSERT INTO tx_rolled_back VALUES (1)");
      assertThat(scalar(c, "SELECT COUNT(*) FROM tx_rolled_back")).isEqualTo(1);
      c.rollback();
      c.setAutoCommit(true);
      // "ROLLBACK TRANSACTION": erases all modifications since the start of the transaction;
      // CREATE TABLE is transactional in SQL Server, so the table is gone (error 208)
      assertError(
          c, "SELECT * FROM tx_rolled_back", 208, 16, "Invalid object name 'tx_rolled_back'.");
      assertThat(scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(0);
    }
  }

  @Test
  void commitThroughTheDriverKeepsRowsAndDdl() throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      run(c, "CREATE TABLE tx_committed (n int)\nINSERT INTO tx_committed VALUES (1), (2)");
      assertThat(scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(1);
      c.commit();
      c.setAutoCommit(true);
    }
    try (Connection other = connect()) {
      assertThat(scalar(other, "SELECT COUNT(*) FROM tx_committed")).isEqualTo(2);
    }
  }

  @Test
  void sqlTransactionStatementsNestAndRollBackDdl() throws SQLException {
    try (Connection c = connect()) {
      // "@@TRANCOUNT": BEGIN TRANSACTION increments, COMMIT decrements, ROLLBACK sets it to 0
      List<List<Object>> counts =
          rows(
              c,
              "SET NOCOUNT ON\nBEGIN TRAN\nBEGIN TRAN\nCREATE TABLE tx_sql (n int)\nINSERT INTO tx_sql VALUES (1)\n"
                  + "COMMIT\nSELECT @@TRANCOUNT AS n");
      assertThat(counts).containsExactly(List.of(1));
      run(c, "ROLLBACK");
      assertThat(scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(0);
      assertError(c, "SELECT * FROM tx_sql", 208, 16, "Invalid object name 'tx_sql'.");
    }
  }

  @Test
  void aSecondSessionSeesCommittedRowsOnly() throws SQLException {
    try (Connection writer = connect();
        Connection reader = connect()) {
      run(writer, "CREATE TABLE shared_rows (n int)\nINSERT INTO shared_rows VALUES (1)");
      writer.setAutoCommit(false);
      run(writer, "INSERT INTO shared_rows VALUES (2)");
      // read committed: the uncommitted row is not seen (the engine answers from the last
      // committed version, as SQL Server does with READ_COMMITTED_SNAPSHOT ON, "SET
      // TRANSACTION ISOLATION LEVEL"; without it SQL Server would wait for the lock)
      assertThat(scalar(reader, "SELECT COUNT(*) FROM shared_rows")).isEqualTo(1);
      writer.commit();
      assertThat(scalar(reader, "SELECT COUNT(*) FROM shared_rows")).isEqualTo(2);
      run(writer, "INSERT INTO shared_rows VALUES (3)");
      writer.rollback();
      assertThat(scalar(reader, "SELECT COUNT(*) FROM shared_rows")).isEqualTo(2);
    }
  }

  // ---- SQL Server's comparison rules ----

  @Test
  void trailingSpacesDoNotCount() throws SQLException {
    // KB 316626 "How SQL Server compares strings with trailing spaces": ANSI padding, so
    // 'x' = 'x ', a key 'x' collides with 'x ', and GROUP BY puts them together
    try (Connection c = connect()) {
      assertThat(scalar(c, "SELECT CASE WHEN 'x' = 'x ' THEN 1 ELSE 0 END")).isEqualTo(1);
      run(c, "CREATE TABLE pad_keys (k varchar(10) CONSTRAINT pk_pad_keys PRIMARY KEY)");
      run(c, "INSERT INTO pad_keys VALUES ('x')");
      assertError(
          c,
          "INSERT INTO pad_keys VALUES ('x ')",
          2627,
          14,
          "Violation of PRIMARY KEY constraint 'pk_pad_keys'. Cannot insert duplicate key in"
              + " object 'dbo.pad_keys'.");
      run(c, "CREATE TABLE pad_groups (v varchar(10))");
      run(c, "INSERT INTO pad_groups VALUES ('a'), ('a '), ('a  '), ('b')");
      assertThat(rows(c, "SELECT COUNT(*) FROM pad_groups GROUP BY v ORDER BY 1"))
          .containsExactly(List.of(1), List.of(3));
    }
  }

  @Test
  void uniqueidentifierOrdersBySqlServersByteGroups() throws SQLException {
    // "Comparing GUID and uniqueidentifier values": the last six bytes count first, then bytes
    // 8-9 (the fourth group), 6-7, 4-5 and 0-3
    try (Connection c = connect()) {
      run(c, "CREATE TABLE guid_order (g uniqueidentifier)");
      run(
          c,
          "INSERT INTO guid_order VALUES ('00000000-0000-0000-0000-010000000000'),"
              + " ('01000000-0000-0000-0000-000000000000'),"
              + " ('00000000-0000-0001-0000-000000000000'),"
              + " ('00000000-0100-0000-0000-000000000000'),"
              + " ('00000000-0000-0000-0100-000000000000')");
      assertThat(rows(c, "SELECT g FROM guid_order ORDER BY g"))
          .extracting(r -> r.get(0))
          .containsExactly(
              "01000000-0000-0000-0000-000000000000",
              "00000000-0100-0000-0000-000000000000",
              "00000000-0000-0001-0000-000000000000",
              "00000000-0000-0000-0100-000000000000",
              "00000000-0000-0000-0000-010000000000");
    }
  }
}
