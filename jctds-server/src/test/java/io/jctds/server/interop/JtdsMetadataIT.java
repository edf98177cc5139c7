package io.jctds.server.interop;

import static io.jctds.server.interop.Jdbc.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
 * jTDS 1.3.1's DatabaseMetaData against the server's catalog procedures: it calls sp_tables,
 * sp_columns (ODBC 3), sp_pkeys, sp_fkeys, sp_stored_procedures, sp_sproc_columns, sp_datatype_info
 * and sp_server_info by name, and lists the catalogs with sp_tables' catalog enumeration. Expected
 * values: the JDBC specification's (DatabaseMetaData's javadoc) with jTDS's own mapping of ODBC
 * codes to java.sql.Types (its TypeInfo.normalizeDataType: the N types as their plain forms,
 * SQL_FLOAT as DOUBLE).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JtdsMetadataIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = Interop.start(EncryptionPolicy.OFF);
    try (Connection c = connect()) {
      run(
          c,
          "CREATE TABLE dbo.mdt_parent (id int IDENTITY CONSTRAINT pk_mdt_parent PRIMARY KEY,"
              + " name nvarchar(50) NOT NULL, amount decimal(10,2), created datetime,"
              + " ratio float);"
              + " CREATE TABLE dbo.mdt_child (id int NOT NULL CONSTRAINT pk_mdt_child PRIMARY KEY,"
              + " pid int CONSTRAINT fk_mdt_child REFERENCES dbo.mdt_parent (id));"
              + " CREATE VIEW dbo.mdt_view AS SELECT id FROM dbo.mdt_parent;");
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

  private static List<List<Object>> rows(ResultSet rs, String... columns) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (String c : columns) {
          row.add(rs.getObject(c));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void tablesAndViews() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(rows(md.getTables(null, "dbo", "mdt%", null), "TABLE_NAME", "TABLE_TYPE"))
          .containsExactly(
              List.of("mdt_child", "TABLE"),
              List.of("mdt_parent", "TABLE"),
              List.of("mdt_view", "VIEW"));
      assertThat(rows(md.getTables(null, "dbo", "mdt%", new String[] {"VIEW"}), "TABLE_NAME"))
          .containsExactly(List.of("mdt_view"));
      // getCatalogs: jTDS's "exec sp_tables '', '', '%', NULL", the catalog enumeration
      assertThat(rows(md.getCatalogs(), "TABLE_CAT")).contains(List.of("master"));
      assertThat(rows(md.getSchemas(), "TABLE_SCHEM")).contains(List.of("dbo"));
    }
  }

  @Test
  void columns() throws SQLException {
    try (Connection c = connect()) {
      List<List<Object>> cols =
          rows(
              c.getMetaData().getColumns(null, "dbo", "mdt_parent", "%"),
              "COLUMN_NAME",
              "DATA_TYPE",
              "TYPE_NAME",
              "COLUMN_SIZE",
              "DECIMAL_DIGITS",
              "NULLABLE",
              "IS_NULLABLE");
      // COLUMN_SIZE: digits of numbers, characters of strings, 23 for datetime's literal; jTDS
      // copies DECIMAL_DIGITS as an int, so sp_columns' NULL (strings, float) reads as 0
      assertThat(cols)
          .containsExactly(
              List.of("id", Types.INTEGER, "int identity", 10, 0, 0, "NO"),
              List.of("name", Types.VARCHAR, "nvarchar", 50, 0, 0, "NO"),
              List.of("amount", Types.DECIMAL, "decimal", 10, 2, 1, "YES"),
              List.of("created", Types.TIMESTAMP, "datetime", 23, 3, 1, "YES"),
              List.of("ratio", Types.DOUBLE, "float", 53, 0, 1, "YES"));
    }
  }

  @Test
  void keys() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(rows(md.getPrimaryKeys(null, "dbo", "mdt_parent"), "COLUMN_NAME", "PK_NAME"))
          .containsExactly(List.of("id", "pk_mdt_parent"));
      // no ON DELETE: jTDS passes sp_fkeys' DELETE_RULE through unmapped, 1 = NO ACTION in
      // "sp_fkeys (Transact-SQL)" (the value JDBC calls importedKeyRestrict)
      List<List<Object>> fks =
          rows(
              md.getImportedKeys(null, "dbo", "mdt_child"),
              "PKTABLE_NAME",
              "PKCOLUMN_NAME",
              "FKCOLUMN_NAME",
              "FK_NAME",
              "DELETE_RULE");
      assertThat(fks).hasSize(1);
      assertThat(fks.get(0).subList(0, 4))
          .containsExactly("mdt_parent", "id", "pid", "fk_mdt_child");
      assertThat(((Number) fks.get(0).get(4)).intValue()).isEqualTo(1);
    }
  }

  @Test
  void proceduresTypesAndIdentifierCase() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<List<Object>> procs =
          rows(md.getProcedures(null, "sys", "sp_fkeys"), "PROCEDURE_SCHEM", "PROCEDURE_NAME");
      assertThat(procs).hasSize(1);
      assertThat(procs.get(0).get(0)).isEqualTo("sys");
      assertThat((String) procs.get(0).get(1)).startsWith("sp_fkeys");
      List<List<Object>> params =
          rows(md.getProcedureColumns(null, "sys", "sp_fkeys", null), "COLUMN_NAME", "COLUMN_TYPE");
      // the return value, then "sp_fkeys (Transact-SQL)"'s six parameters
      assertThat(params).hasSize(7);
      assertThat(((Number) params.get(0).get(1)).intValue())
          .isEqualTo(DatabaseMetaData.procedureColumnReturn);
      assertThat(params.get(1).get(0)).isEqualTo("@pktable_name");
      assertThat(((Number) params.get(1).get(1)).intValue())
          .isEqualTo(DatabaseMetaData.procedureColumnIn);
      List<String> types = new ArrayList<>();
      try (ResultSet rs = md.getTypeInfo()) {
        while (rs.next()) {
          types.add(rs.getString("TYPE_NAME") + " " + rs.getInt("DATA_TYPE"));
        }
      }
      assertThat(types).contains("int 4", "varchar 12", "datetime 93");
      // sp_server_info's IDENTIFIER_CASE MIXED: names are stored in mixed case
      assertThat(md.storesMixedCaseIdentifiers()).isTrue();
    }
  }
}
