package io.jctds.server.interop;

import static io.jctds.server.interop.Jdbc.rows;
import static io.jctds.server.interop.Jdbc.run;
import static io.jctds.server.interop.Jdbc.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import net.sourceforge.jtds.jdbc.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * jTDS 1.3.1 (TDS 7.1, "tds=8.0" in its URL) running T-SQL against the embedded server: a
 * down-level client, so it gets date, time, datetime2 and datetimeoffset as nvarchar text and the
 * (max) types and xml as text, ntext and image. Values are read with getString, which is what jTDS
 * prints for each documented value (recorded here). Also batches, errors, transactions through
 * setAutoCommit/commit/rollback, two sessions and SQL Server's comparison rules.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JtdsSqlIT {
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
    return new Driver()
        .connect(
            "jdbc:jtds:sqlserver://127.0.0.1:"
                + server.port()
                + "/master;tds=8.0;ssl=off;loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS
                + ";socketTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS,
            p);
  }

  @Test
  void downLevelClientsGetEveryTypeAsText() throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    List<String> typeNames = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    try (Connection c = connect()) {
      run(c, EveryType.batch("types_jtds"));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(EveryType.select("types_jtds"))) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 2; i <= md.getColumnCount(); i++) {
          typeNames.add(md.getColumnTypeName(i));
          lengths.add(md.getPrecision(i));
        }
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
    }
    // Below TDS 7.2 SQL Server sends varchar(max), nvarchar(max) and varbinary(max) as text,
    // ntext and image ("Using Large-Value Data Types", SQL Server 2005 Books Online: the
    // earlier-version equivalents; [MS-TDS] 2.2.5.2.3: PLP, which carries (max) values, starts
    // at TDS 7.2) and xml as ntext; date, time, datetime2 and datetimeoffset as nvarchar in
    // their "Default string literal format passed to down-level client" ("datetimeoffset
    // (Transact-SQL)", "Backward compatibility for down-level clients")
    assertThat(typeNames)
        .containsExactly(
            "bit",
            "tinyint",
            "smallint",
            "int",
            "bigint",
            "real",
            "float",
            "decimal",
            "numeric",
            "money",
            "smallmoney",
            "char",
            "varchar",
            "text",
            "nchar",
            "nvarchar",
            "ntext",
            "text",
            "ntext",
            "binary",
            "varbinary",
            "image",
            "image",
            "nvarchar",
            "nvarchar",
            "datetime",
            "datetime",
            "smalldatetime",
            "smalldatetime",
            "nvarchar",
            "nvarchar",
            "uniqueidentifier",
            "ntext",
            "sql_variant");
    // the character lengths of those strings at scale 7: date 10, time 16, datetime2 27 and
    // datetimeoffset 34 ("date", "time", "datetime2", "datetimeoffset": character length)
    assertThat(
            List.of(
                lengths.get(EveryType.column("c_date") - 2),
                lengths.get(EveryType.column("c_time") - 2),
                lengths.get(EveryType.column("c_datetime2") - 2),
                lengths.get(EveryType.column("c_datetimeoffset") - 2)))
        .containsExactly(10, 16, 27, 34);
    // EveryType's rows 1 and 2 as jTDS's getString prints them (recorded: bit as 1/0, binary
    // in lower-case hex, image (a Blob) in upper case, datetime as java.sql.Timestamp prints)
    assertThat(rows.get(0))
        .containsExactly(
            "1",
            "1",
            "255",
            "32767",
            "2147483647",
            "9223372036854775807",
            "3.4E38",
            "1.79E308",
            "99999999999999999999999999999999999999",
            "12345.67891",
            "922337203685477.5807",
            "214748.3647",
            "abc       ",
            "abcdefghij",
            "x".repeat(10_000),
            "żółw ",
            "𝄞𝄞𝄞𝄞𝄞",
            "ż".repeat(5000),
            "text",
            "ntext ż",
            "01020304",
            "00112233445566778899",
            "6162".repeat(5000),
            "CAFE",
            "9999-12-31",
            "23:59:59.9999999",
            "9999-12-31 23:59:59.997",
            "1998-01-02 00:00:00.0",
            "2079-06-06 23:59:00.0",
            "2000-05-08 12:36:00.0",
            "9999-12-31 23:59:59.9999999",
            "2007-05-08 12:35:29.1234567 +12:15",
            "6F9619FF-8B86-D011-B42D-00C04FC964FF",
            "<a>ż</a>",
            "42");
    assertThat(rows.get(1))
        .containsExactly(
            "2",
            "0",
            "0",
            "-32768",
            "-2147483648",
            "-9223372036854775808",
            "-1.18E-38",
            "-2.23E-308",
            "-99999999999999999999999999999999999999",
            "-0.00001",
            "-922337203685477.5808",
            "-214748.3648",
            " ".repeat(10),
            "",
            "",
            " ".repeat(5),
            "",
            "",
            "",
            "",
            "01000000",
            "",
            "",
            "00",
            "0001-01-01",
            "00:00:00.0000000",
            "1753-01-01 00:00:00.0",
            "1998-01-01 23:59:59.993",
            "1900-01-01 00:00:00.0",
            "2000-05-08 12:35:00.0",
            "0001-01-01 00:00:00.0000000",
            "0001-01-01 00:00:00.0000000 -14:00",
            "00000000-0000-0000-0000-000000000000",
            "<b/>",
            "abc");
    assertThat(rows.get(2).subList(1, rows.get(2).size())).containsOnlyNulls();
  }

  @Test
  void aBatchReturnsEveryResultWithItsMessages() throws SQLException {
    // the error comes last: jTDS reads ahead to the next result when a result ends, and an
    // error met on the way is thrown from ResultSet.next() with that next result dropped
    // (JtdsStatement.processResults queues it, then checkErrors throws)
    String batch =
        "SELECT 1 AS a\nPRINT 'hello'\nSELECT 'x' AS b, 2 AS c\n"
            + "RAISERROR('warn %d', 10, 3, 5)\nSELECT 3 AS d\nRAISERROR('bad %s', 16, 2, 'thing')";
    List<Object> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<SQLException> errors = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      boolean isResult = s.execute(batch);
      while (true) {
        if (isResult) {
          try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
              results.add(rs.getObject(rs.getMetaData().getColumnCount()));
            }
          } catch (SQLException e) { // jTDS reads ahead: the error ends the result before it
            errors.add(e);
          }
        } else if (s.getUpdateCount() == -1) {
          break;
        }
        try {
          isResult = s.getMoreResults();
        } catch (SQLException e) {
          errors.add(e);
          isResult = false;
        }
      }
      for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
        warnings.add(w.getErrorCode() + " " + w.getMessage());
      }
    }
    // "RAISERROR": severity 16 is an error (number 50000 for a msg_str) that ends the
    // statement, not the batch; severity 10 is informational; PRINT is a message too
    assertThat(results).containsExactly(1, 2, 3);
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(50000);
              assertThat(e.getMessage()).isEqualTo("bad thing");
            });
    assertThat(warnings).contains("0 hello", "50000 warn 5");
  }

  @Test
  void errorsCarrySqlServersNumbersAndMessages() throws SQLException {
    try (Connection c = connect()) {
      run(
          c,
          "CREATE TABLE err_parent (id int CONSTRAINT pk_err_parent PRIMARY KEY,"
              + " name varchar(5) NOT NULL)\n"
              + "CREATE TABLE err_child (p int CONSTRAINT fk_err_child FOREIGN KEY"
              + " REFERENCES err_parent(id))\nINSERT INTO err_parent VALUES (1, 'a')");
      // "Database engine events and errors": numbers and message templates
      assertError(c, "SELECT * FROM no_such_table", 208, "Invalid object name 'no_such_table'.");
      assertError(c, "SELECT nope FROM err_parent", 207, "Invalid column name 'nope'.");
      assertError(
          c,
          "INSERT INTO err_parent VALUES (1, 'b')",
          2627,
          "Violation of PRIMARY KEY constraint 'pk_err_parent'. Cannot insert duplicate key in"
              + " object 'dbo.err_parent'.");
      assertError(
          c,
          "INSERT INTO err_parent (id) VALUES (2)",
          515,
          "Cannot insert the value NULL into column 'name', table 'master.dbo.err_parent';"
              + " column does not allow nulls. INSERT fails.");
      assertError(
          c,
          "INSERT INTO err_child VALUES (5)",
          547,
          "The INSERT statement conflicted with the FOREIGN KEY constraint \"fk_err_child\". The"
              + " conflict occurred in database \"master\", table \"dbo.err_parent\", column 'id'.");
      assertError(c, "SELECT 1 / 0", 8134, "Divide by zero error encountered.");
      assertError(
          c,
          "SELECT CAST('abc' AS int)",
          245,
          "Conversion failed when converting the varchar value 'abc' to data type int.");
      assertThat(scalar(c, "SELECT COUNT(*) FROM err_parent")).isEqualTo(1);
    }
  }

  /** 2627's documented text ends at the object name, so it is compared as a prefix. */
  private static void assertError(Connection c, String sql, int number, String message) {
    assertThatThrownBy(() -> run(c, sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              assertThat(e.getErrorCode()).as(sql).isEqualTo(number);
              assertThat(e.getMessage()).as(sql).startsWith(message);
              if (number != 2627) {
                assertThat(e.getMessage()).as(sql).isEqualTo(message);
              }
            });
  }

  @Test
  void rollbackThroughTheDriverUndoesRowsAndDdl() throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      run(c, "CREATE TABLE tx_rolled_back (n int)\nINSERT INTO tx_rolled_back VALUES (1)");
      assertThat(scalar(c, "SELECT @@TRANCOUNT")).isEqualTo(1);
      c.rollback();
      c.setAutoCommit(true);
      // "ROLLBACK TRANSACTION" erases the transaction's work, the CREATE TABLE included
      assertError(c, "SELECT * FROM tx_rolled_back", 208, "Invalid object name 'tx_rolled_back'.");
    }
  }

  @Test
  void commitThroughTheDriverIsSeenByAnotherSession() throws SQLException {
    try (Connection writer = connect();
        Connection reader = connect()) {
      writer.setAutoCommit(false);
      run(writer, "CREATE TABLE tx_shared (n int)\nINSERT INTO tx_shared VALUES (1)");
      writer.commit();
      run(writer, "INSERT INTO tx_shared VALUES (2)");
      // read committed: the reader sees the committed row and not the uncommitted one (the
      // engine answers from the last committed version, as SQL Server does with
      // READ_COMMITTED_SNAPSHOT ON, "SET TRANSACTION ISOLATION LEVEL")
      assertThat(scalar(reader, "SELECT COUNT(*) FROM tx_shared")).isEqualTo(1);
      writer.commit();
      assertThat(scalar(reader, "SELECT COUNT(*) FROM tx_shared")).isEqualTo(2);
      writer.setAutoCommit(true);
    }
  }

  @Test
  void trailingSpacesAndUniqueidentifierOrder() throws SQLException {
    try (Connection c = connect()) {
      // KB 316626: 'x' = 'x ', and a key 'x ' collides with 'x'
      assertThat(scalar(c, "SELECT CASE WHEN 'x' = 'x ' THEN 1 ELSE 0 END")).isEqualTo(1);
      run(c, "CREATE TABLE pad_keys (k varchar(10) CONSTRAINT pk_pad_keys PRIMARY KEY)");
      run(c, "INSERT INTO pad_keys VALUES ('x')");
      assertError(
          c,
          "INSERT INTO pad_keys VALUES ('x ')",
          2627,
          "Violation of PRIMARY KEY constraint 'pk_pad_keys'.");
      // "Comparing GUID and uniqueidentifier values": byte group 10-15 first, then 8-9
      run(c, "CREATE TABLE guid_order (g uniqueidentifier)");
      run(
          c,
          "INSERT INTO guid_order VALUES ('00000000-0000-0000-0000-010000000000'),"
              + " ('00000000-0000-0000-0100-000000000000'),"
              + " ('01000000-0000-0000-0000-000000000000')");
      assertThat(rows(c, "SELECT g FROM guid_order ORDER BY g"))
          .extracting(r -> r.get(0))
          .containsExactly(
              "01000000-0000-0000-0000-000000000000",
              "00000000-0000-0000-0100-000000000000",
              "00000000-0000-0000-0000-010000000000");
    }
  }
}
