package io.jctds.server.interop;

import static io.jctds.server.interop.Jdbc.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * mssql-jdbc 13.6.2's DatabaseMetaData, ParameterMetaData and PreparedStatement.getMetaData against
 * the server's catalog procedures (sp_tables, sp_columns_170, sp_pkeys, sp_fkeys,
 * sp_stored_procedures, sp_sproc_columns(_100), sp_datatype_info_100,
 * sp_describe_undeclared_parameters). The expected values are those the JDBC specification
 * (DatabaseMetaData's javadoc: column names, java.sql.Types codes, COLUMN_SIZE as the precision of
 * numbers and the length of strings, the importedKey and procedureColumn constants) and the
 * procedures' Transact-SQL reference pages give for the tables below.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MssqlJdbcMetadataIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = Interop.start(EncryptionPolicy.OFF);
    try (Connection c = connect()) {
      run(
          c,
          "CREATE TABLE dbo.mdj_parent (id int IDENTITY(1,1) CONSTRAINT pk_mdj_parent PRIMARY KEY,"
              + " name nvarchar(50) NOT NULL, amount decimal(10,2), created datetime2(3),"
              + " born date, flag bit, ratio float, note varchar(max), uid uniqueidentifier);"
              + " CREATE TABLE dbo.mdj_child (id int NOT NULL, pid int NOT NULL,"
              + " CONSTRAINT pk_mdj_child PRIMARY KEY (id, pid),"
              + " CONSTRAINT fk_mdj_child FOREIGN KEY (pid) REFERENCES dbo.mdj_parent (id)"
              + " ON DELETE CASCADE);"
              + " CREATE VIEW dbo.mdj_view AS SELECT id, name FROM dbo.mdj_parent;");
    }
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

  /** The rows of {@code rs} as maps from the named columns to getObject. */
  private static List<Map<String, Object>> rows(ResultSet rs, String... columns)
      throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (String c : columns) {
          row.put(c, rs.getObject(c));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static List<Object> values(ResultSet rs, String column) throws SQLException {
    List<Object> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getObject(column));
      }
    }
    return out;
  }

  @Test
  void getTablesListsTablesAndViewsByType() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      // DatabaseMetaData.getTables: TABLE_CAT, TABLE_SCHEM, TABLE_NAME, TABLE_TYPE, ordered by
      // TABLE_TYPE, TABLE_CAT, TABLE_SCHEM and TABLE_NAME
      assertThat(
              rows(
                  md.getTables(null, "dbo", "mdj%", null),
                  "TABLE_CAT",
                  "TABLE_SCHEM",
                  "TABLE_NAME",
                  "TABLE_TYPE"))
          .containsExactly(
              Map.of(
                  "TABLE_CAT", "master",
                  "TABLE_SCHEM", "dbo",
                  "TABLE_NAME", "mdj_child",
                  "TABLE_TYPE", "TABLE"),
              Map.of(
                  "TABLE_CAT", "master",
                  "TABLE_SCHEM", "dbo",
                  "TABLE_NAME", "mdj_parent",
                  "TABLE_TYPE", "TABLE"),
              Map.of(
                  "TABLE_CAT", "master",
                  "TABLE_SCHEM", "dbo",
                  "TABLE_NAME", "mdj_view",
                  "TABLE_TYPE", "VIEW"));
      assertThat(values(md.getTables(null, "dbo", "mdj%", new String[] {"VIEW"}), "TABLE_NAME"))
          .containsExactly("mdj_view");
      // an escaped wildcard matches itself only (getSearchStringEscape is "\")
      assertThat(values(md.getTables(null, "dbo", "mdj\\_view", null), "TABLE_NAME"))
          .containsExactly("mdj_view");
    }
  }

  @Test
  void getColumnsDescribesEachTypeAsJdbcDoes() throws SQLException {
    try (Connection c = connect()) {
      List<Map<String, Object>> cols =
          rows(
              c.getMetaData().getColumns("master", "dbo", "mdj_parent", "%"),
              "COLUMN_NAME",
              "DATA_TYPE",
              "TYPE_NAME",
              "COLUMN_SIZE",
              "DECIMAL_DIGITS",
              "NULLABLE",
              "IS_NULLABLE",
              "ORDINAL_POSITION",
              "IS_AUTOINCREMENT");
      assertThat(cols)
          .extracting(m -> m.get("COLUMN_NAME"))
          .containsExactly(
              "id", "name", "amount", "created", "born", "flag", "ratio", "note", "uid");
      // java.sql.Types per column; COLUMN_SIZE: precision of numbers, characters of strings,
      // the length of a date-time literal ("date" 10, datetime2(3) 23); varchar(max)
      // Integer.MAX_VALUE (mssql-jdbc's maximum for the (max) types)
      assertThat(cols.get(0))
          .containsEntry("DATA_TYPE", Types.INTEGER)
          .containsEntry("TYPE_NAME", "int identity")
          .containsEntry("COLUMN_SIZE", 10)
          .containsEntry("DECIMAL_DIGITS", 0)
          .containsEntry("NULLABLE", DatabaseMetaData.columnNoNulls)
          .containsEntry("IS_NULLABLE", "NO")
          .containsEntry("IS_AUTOINCREMENT", "YES");
      assertThat(cols.get(1))
          .containsEntry("DATA_TYPE", Types.NVARCHAR)
          .containsEntry("TYPE_NAME", "nvarchar")
          .containsEntry("COLUMN_SIZE", 50)
          .containsEntry("IS_AUTOINCREMENT", "NO");
      assertThat(cols.get(2))
          .containsEntry("DATA_TYPE", Types.DECIMAL)
          .containsEntry("COLUMN_SIZE", 10)
          .containsEntry("DECIMAL_DIGITS", 2)
          .containsEntry("NULLABLE", DatabaseMetaData.columnNullable)
          .containsEntry("IS_NULLABLE", "YES");
      assertThat(cols.get(3))
          .containsEntry("DATA_TYPE", Types.TIMESTAMP)
          .containsEntry("TYPE_NAME", "datetime2")
          .containsEntry("COLUMN_SIZE", 23)
          .containsEntry("DECIMAL_DIGITS", 3);
      assertThat(cols.get(4))
          .containsEntry("DATA_TYPE", Types.DATE)
          .containsEntry("COLUMN_SIZE", 10);
      assertThat(cols.get(5)).containsEntry("DATA_TYPE", Types.BIT);
      assertThat(cols.get(6))
          .containsEntry("DATA_TYPE", Types.DOUBLE)
          .containsEntry("COLUMN_SIZE", 53);
      assertThat(cols.get(7))
          .containsEntry("DATA_TYPE", Types.VARCHAR)
          .containsEntry("COLUMN_SIZE", Integer.MAX_VALUE);
      // mssql-jdbc reports uniqueidentifier (ODBC SQL_GUID) as CHAR of 36 characters
      assertThat(cols.get(8))
          .containsEntry("DATA_TYPE", Types.CHAR)
          .containsEntry("COLUMN_SIZE", 36)
          .containsEntry("ORDINAL_POSITION", 9);
    }
  }

  @Test
  void getColumnsGivesWhatMssqlJdbcsOwnTestExpects() throws SQLException {
    try (Connection c = connect()) {
      run(
          c,
          "CREATE TABLE mdj_own ([col_1] int NOT NULL, [col%2] varchar(200), [col[3] decimal(15,2))");
      // mssql-jdbc's DatabaseMetaDataTest.testGetColumns (against SQL Server) expects these
      // values in the first row for its table of these three columns
      Map<String, Object> first = new HashMap<>();
      first.put("TABLE_CAT", "master");
      first.put("TABLE_SCHEM", "dbo");
      first.put("TABLE_NAME", "mdj_own");
      first.put("COLUMN_NAME", "col_1");
      first.put("DATA_TYPE", 4);
      first.put("TYPE_NAME", "int");
      first.put("COLUMN_SIZE", 10);
      first.put("BUFFER_LENGTH", 4);
      first.put("DECIMAL_DIGITS", 0);
      first.put("NUM_PREC_RADIX", 10);
      first.put("NULLABLE", 0);
      first.put("REMARKS", null);
      first.put("COLUMN_DEF", null);
      first.put("SQL_DATA_TYPE", 4);
      first.put("SQL_DATETIME_SUB", null);
      first.put("CHAR_OCTET_LENGTH", null);
      first.put("ORDINAL_POSITION", 1);
      first.put("IS_NULLABLE", "NO");
      first.put("SCOPE_CATALOG", null);
      first.put("SCOPE_SCHEMA", null);
      first.put("SCOPE_TABLE", null);
      first.put("SOURCE_DATA_TYPE", 56);
      first.put("IS_AUTOINCREMENT", "NO");
      first.put("IS_GENERATEDCOLUMN", "NO");
      first.put("SS_IS_SPARSE", 0);
      first.put("SS_IS_COLUMN_SET", 0);
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "mdj_own", "%")) {
        ResultSetMetaData md = rs.getMetaData();
        int n = 0;
        List<String> names = new ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString("COLUMN_NAME"));
          for (int i = 1; n == 0 && i <= md.getColumnCount(); i++) {
            String name = md.getColumnName(i);
            if (!first.containsKey(name)) {
              continue;
            }
            Object expected = first.get(name);
            Object actual =
                expected instanceof Integer ? (Object) rs.getInt(i) : (Object) rs.getString(i);
            assertThat(actual).as(name).isEqualTo(expected);
          }
          n++;
        }
        assertThat(names).containsExactly("col_1", "col%2", "col[3");
      }
    }
  }

  @Test
  void primaryAndImportedKeys() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      // getPrimaryKeys: one row per key column, KEY_SEQ from 1, ordered by COLUMN_NAME
      assertThat(
              rows(
                  md.getPrimaryKeys(null, "dbo", "mdj_child"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"))
          .containsExactlyInAnyOrder(
              Map.of("COLUMN_NAME", "id", "KEY_SEQ", (short) 1, "PK_NAME", "pk_mdj_child"),
              Map.of("COLUMN_NAME", "pid", "KEY_SEQ", (short) 2, "PK_NAME", "pk_mdj_child"));
      List<Map<String, Object>> fks =
          rows(
              md.getImportedKeys(null, "dbo", "mdj_child"),
              "PKTABLE_NAME",
              "PKCOLUMN_NAME",
              "FKTABLE_NAME",
              "FKCOLUMN_NAME",
              "KEY_SEQ",
              "UPDATE_RULE",
              "DELETE_RULE",
              "FK_NAME",
              "PK_NAME",
              "DEFERRABILITY");
      // ON DELETE CASCADE, no ON UPDATE: importedKeyCascade and importedKeyNoAction; SQL Server
      // keys are importedKeyNotDeferrable
      assertThat(fks)
          .containsExactly(
              Map.of(
                  "PKTABLE_NAME", "mdj_parent",
                  "PKCOLUMN_NAME", "id",
                  "FKTABLE_NAME", "mdj_child",
                  "FKCOLUMN_NAME", "pid",
                  "KEY_SEQ", (short) 1,
                  "UPDATE_RULE", DatabaseMetaData.importedKeyNoAction,
                  "DELETE_RULE", DatabaseMetaData.importedKeyCascade,
                  "FK_NAME", "fk_mdj_child",
                  "PK_NAME", "pk_mdj_parent",
                  "DEFERRABILITY", (short) DatabaseMetaData.importedKeyNotDeferrable));
      // the same key seen from the referenced table
      assertThat(values(md.getExportedKeys(null, "dbo", "mdj_parent"), "FK_NAME"))
          .containsExactly("fk_mdj_child");
    }
  }

  @Test
  void proceduresAndTheirColumns() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      // "sp_stored_procedures": the name with its number; PROCEDURE_TYPE 2, which JDBC calls
      // procedureReturnsResult
      assertThat(
              rows(
                  md.getProcedures(null, "sys", "sp_pkeys"),
                  "PROCEDURE_SCHEM",
                  "PROCEDURE_NAME",
                  "PROCEDURE_TYPE"))
          .containsExactly(
              Map.of(
                  "PROCEDURE_SCHEM",
                  "sys",
                  "PROCEDURE_NAME",
                  "sp_pkeys;1",
                  "PROCEDURE_TYPE",
                  (short) DatabaseMetaData.procedureReturnsResult));
      // mssql-jdbc's getFunctions reads sp_stored_procedures too
      assertThat(values(md.getFunctions(null, "sys", "sp_pkeys"), "FUNCTION_NAME"))
          .containsExactly("sp_pkeys;1");
      List<Map<String, Object>> cols =
          rows(
              md.getProcedureColumns(null, "sys", "sp_pkeys", null),
              "COLUMN_NAME",
              "COLUMN_TYPE",
              "DATA_TYPE",
              "PRECISION");
      // without a column pattern: the return value first, then "sp_pkeys (Transact-SQL)"'s
      // parameters, sysname each
      assertThat(cols)
          .extracting(m -> m.get("COLUMN_NAME"))
          .containsExactly("@RETURN_VALUE", "@table_name", "@table_owner", "@table_qualifier");
      assertThat(cols.get(0))
          .containsEntry("COLUMN_TYPE", (short) DatabaseMetaData.procedureColumnReturn)
          .containsEntry("DATA_TYPE", (short) Types.INTEGER);
      assertThat(cols.get(1))
          .containsEntry("COLUMN_TYPE", (short) DatabaseMetaData.procedureColumnIn)
          .containsEntry("DATA_TYPE", (short) Types.NVARCHAR)
          .containsEntry("PRECISION", 128);
      // the pattern % gives the parameters only (mssql-jdbc's
      // testGetProcedureColumnsWithValidation, run against SQL Server)
      assertThat(values(md.getProcedureColumns(null, "sys", "sp_pkeys", "%"), "COLUMN_NAME"))
          .containsExactly("@table_name", "@table_owner", "@table_qualifier");
    }
  }

  @Test
  void typeInfoCatalogsAndSchemas() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      Map<String, List<Object>> types = new HashMap<>();
      try (ResultSet rs = md.getTypeInfo()) {
        while (rs.next()) {
          types.put(
              rs.getString("TYPE_NAME"),
              Arrays.asList(rs.getInt("DATA_TYPE"), rs.getInt("PRECISION")));
        }
      }
      // getTypeInfo: each type's java.sql.Types code and maximum precision ("sp_datatype_info":
      // int 10 digits, nvarchar 4000 characters, datetime2 27 characters)
      assertThat(types)
          .containsEntry("int", List.of(Types.INTEGER, 10))
          .containsEntry("nvarchar", List.of(Types.NVARCHAR, 4000))
          .containsEntry("datetime2", List.of(Types.TIMESTAMP, 27))
          .containsEntry("date", List.of(Types.DATE, 10));
      assertThat(values(md.getCatalogs(), "TABLE_CAT")).contains("master", "tempdb");
      assertThat(values(md.getSchemas(), "TABLE_SCHEM")).contains("dbo", "sys");
    }
  }

  @Test
  void parameterMetaDataOfAQueryAndAnInsert() throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT id FROM dbo.mdj_parent WHERE name = ? AND amount > ?")) {
      ParameterMetaData pmd = ps.getParameterMetaData();
      // "sp_describe_undeclared_parameters": = takes the column's type (nvarchar(50)); > takes
      // the general deduction's numeric(38,19) for a decimal column
      assertThat(pmd.getParameterCount()).isEqualTo(2);
      assertThat(pmd.getParameterType(1)).isEqualTo(Types.NVARCHAR);
      assertThat(pmd.getPrecision(1)).isEqualTo(50);
      assertThat(pmd.getParameterType(2)).isEqualTo(Types.NUMERIC);
      assertThat(pmd.getPrecision(2)).isEqualTo(38);
      assertThat(pmd.getScale(2)).isEqualTo(19);
    }
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO dbo.mdj_parent (name, created) VALUES (?, ?)")) {
      ParameterMetaData pmd = ps.getParameterMetaData();
      // an INSERT's value takes its column's type
      assertThat(pmd.getParameterTypeName(1)).isEqualTo("nvarchar");
      assertThat(pmd.getParameterType(2)).isEqualTo(Types.TIMESTAMP);
      assertThat(pmd.getScale(2)).isEqualTo(3);
    }
  }

  @Test
  void preparedStatementMetaDataBeforeExecution() throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT id, name, amount FROM dbo.mdj_parent WHERE id = ?")) {
      ResultSetMetaData md = ps.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(3);
      assertThat(md.getColumnTypeName(2)).isEqualTo("nvarchar");
      assertThat(md.getPrecision(3)).isEqualTo(10);
      assertThat(md.getScale(3)).isEqualTo(2);
    }
  }

  @Test
  void callableStatementFindsParametersByName() throws SQLException {
    try (Connection c = connect();
        CallableStatement cs = c.prepareCall("{call sp_pkeys(?, ?)}")) {
      // setString by name makes mssql-jdbc read the names from sp_sproc_columns
      cs.setString("table_name", "mdj_child");
      cs.setString("table_owner", "dbo");
      assertThat(values(cs.executeQuery(), "COLUMN_NAME")).containsExactly("id", "pid");
    }
  }
}
