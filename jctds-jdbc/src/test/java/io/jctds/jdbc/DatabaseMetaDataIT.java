package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.ConnectOptions;
import io.jctds.Jctds;
import io.jctds.config.ConfigResolver;
import io.jctds.server.TdsServer;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DatabaseMetaData against the embedded server: the catalog methods describe what the DDL below
 * declares, their result sets have the columns java.sql.DatabaseMetaData's javadoc lists, and where
 * mssql-jdbc 13.6.2 can answer the same call against the same server, jctds answers the same
 * (mssql-jdbc appends SQL Server-specific SS_ columns after the JDBC ones; those are not compared).
 */
class DatabaseMetaDataIT {
  private static TdsServer server;
  private static io.jctds.Connection nativeConnection;
  private static JctdsDatabaseMetaData md;
  private static Connection mssql;
  private static DatabaseMetaData ref;

  @BeforeAll
  static void start() throws Exception {
    server = TdsServer.builder().port(0).user("sa", "pw").build().start();
    ConfigResolver resolver =
        ConfigResolver.builder()
            .environment(Map.of())
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(Path.of("/nonexistent-jctds-interfaces"))
            .build();
    ConnectOptions options =
        ConnectOptions.builder()
            .user("sa")
            .password("pw")
            .loginTimeout(10)
            .autocommit(true)
            .port(server.port())
            .configResolver(resolver)
            .build();
    nativeConnection = Jctds.connect("127.0.0.1", options);
    try (io.jctds.Cursor c = nativeConnection.cursor()) {
      c.execute(
          "CREATE TABLE dept (id int NOT NULL PRIMARY KEY, name nvarchar(40) NOT NULL,"
              + " budget decimal(10, 2) NULL)");
      c.execute(
          "CREATE TABLE emp (id int IDENTITY(1, 1) PRIMARY KEY,"
              + " dept_id int NOT NULL REFERENCES dept(id), email varchar(100) NOT NULL)");
      c.execute("CREATE UNIQUE INDEX ux_emp_email ON emp(email)");
      c.execute("CREATE INDEX ix_emp_dept ON emp(dept_id, email DESC)");
      c.execute(
          "CREATE TABLE note (body nvarchar(20) NOT NULL, code nchar(3) NULL,"
              + " g uniqueidentifier NULL, f float NULL, t time(3) NULL, big nvarchar(max) NULL,"
              + " bin varbinary(max) NULL, n ntext NULL)");
      c.execute("CREATE UNIQUE INDEX ux_note ON note(body)");
      c.execute(
          "CREATE PROCEDURE add_emp @dept int, @email varchar(100), @id int OUTPUT AS BEGIN"
              + " INSERT INTO emp(dept_id, email) VALUES (@dept, @email);"
              + " SET @id = SCOPE_IDENTITY(); RETURN 0 END");
      c.execute("CREATE FUNCTION dbo.twice(@x int) RETURNS int AS BEGIN RETURN @x * 2 END");
    }
    String url = "jdbc:jctds://127.0.0.1:" + server.port();
    md = new JctdsDatabaseMetaData(null, nativeConnection, url, "sa");
    mssql =
        DriverManager.getConnection(
            "jdbc:sqlserver://127.0.0.1:" + server.port() + ";encrypt=false", "sa", "pw");
    ref = mssql.getMetaData();
  }

  @AfterAll
  static void stop() throws Exception {
    if (mssql != null) {
      mssql.close();
    }
    if (nativeConnection != null) {
      nativeConnection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData m = rs.getMetaData();
    List<String> out = new ArrayList<>();
    for (int k = 1; k <= m.getColumnCount(); k++) {
      out.add(m.getColumnLabel(k));
    }
    return out;
  }

  /** Each row as the getString of each of jctds's columns (booleans as getBoolean). */
  private static List<List<Object>> rows(ResultSet rs, List<String> columns, Set<String> booleans)
      throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (String c : columns) {
        row.add(booleans.contains(c) ? (Object) rs.getBoolean(c) : rs.getString(c));
      }
      out.add(row);
    }
    return out;
  }

  /**
   * getColumns' SOURCE_DATA_TYPE: mssql-jdbc puts SQL Server's TDS type byte there (SS_DATA_TYPE,
   * 56 for int), where JDBC specifies the java.sql.Types source type of a DISTINCT or REF column,
   * else null; jctds follows JDBC.
   */
  private static final Set<String> NOT_COMPARED = Set.of("SOURCE_DATA_TYPE");

  /**
   * jctds's result set equals mssql-jdbc's on the columns both have: mssql-jdbc leaves out some
   * JDBC columns (getTables has 5 of 10, getProcedures and getProcedureColumns lack SPECIFIC_NAME)
   * and appends SS_ columns; the shared ones come in the same order in both.
   */
  private static void sameAsMssqlJdbc(ResultSet ours, ResultSet theirs, String... booleans)
      throws SQLException {
    List<String> refLabels = labels(theirs);
    List<String> columns = new ArrayList<>(labels(ours));
    columns.retainAll(refLabels);
    List<String> refOrder = new ArrayList<>(refLabels);
    refOrder.retainAll(columns);
    assertThat(refOrder).isEqualTo(columns);
    assertThat(columns.size()).isGreaterThan(0);
    columns.removeAll(NOT_COMPARED);
    Set<String> b = Set.of(booleans);
    assertThat(rows(ours, columns, b)).isEqualTo(rows(theirs, columns, b));
  }

  @Test
  void tablesColumnsAndKeysAnswerAsMssqlJdbc() throws SQLException {
    sameAsMssqlJdbc(
        md.getTables(null, "dbo", "%", new String[] {"TABLE"}),
        ref.getTables(null, "dbo", "%", new String[] {"TABLE"}));
    sameAsMssqlJdbc(
        md.getColumns(null, null, "emp", null), ref.getColumns(null, null, "emp", null));
    sameAsMssqlJdbc(
        md.getColumns(null, "dbo", "dept", "%"), ref.getColumns(null, "dbo", "dept", "%"));
    sameAsMssqlJdbc(
        md.getColumns(null, null, "note", null), ref.getColumns(null, null, "note", null));
    sameAsMssqlJdbc(md.getPrimaryKeys(null, null, "dept"), ref.getPrimaryKeys(null, null, "dept"));
    sameAsMssqlJdbc(md.getImportedKeys(null, null, "emp"), ref.getImportedKeys(null, null, "emp"));
    sameAsMssqlJdbc(
        md.getExportedKeys(null, null, "dept"), ref.getExportedKeys(null, null, "dept"));
    sameAsMssqlJdbc(
        md.getCrossReference(null, null, "dept", null, null, "emp"),
        ref.getCrossReference(null, null, "dept", null, null, "emp"));
  }

  @Test
  void proceduresTypesSchemasAndCatalogsAnswerAsMssqlJdbc() throws SQLException {
    sameAsMssqlJdbc(
        md.getProcedures(null, null, "add_emp"), ref.getProcedures(null, null, "add_emp"));
    sameAsMssqlJdbc(
        md.getProcedureColumns(null, null, "add_emp", null),
        ref.getProcedureColumns(null, null, "add_emp", null));
    sameAsMssqlJdbc(
        md.getTypeInfo(),
        ref.getTypeInfo(),
        "CASE_SENSITIVE",
        "UNSIGNED_ATTRIBUTE",
        "FIXED_PREC_SCALE",
        "AUTO_INCREMENT");
    sameAsMssqlJdbc(md.getCatalogs(), ref.getCatalogs());
    sameAsMssqlJdbc(md.getSchemas(), ref.getSchemas());
    sameAsMssqlJdbc(md.getSchemas("master", "db%"), ref.getSchemas("master", "db%"));
    sameAsMssqlJdbc(md.getTableTypes(), ref.getTableTypes());
    sameAsMssqlJdbc(md.getClientInfoProperties(), ref.getClientInfoProperties());
  }

  @Test
  void anotherCatalogIsAskedInItsDatabaseAndTheCurrentOneRestored() throws SQLException {
    try (io.jctds.Cursor c = nativeConnection.cursor()) {
      c.execute("USE tempdb");
      c.execute("CREATE TABLE elsewhere (k int NOT NULL PRIMARY KEY)");
      c.execute("USE master");
    }
    ResultSet rs = md.getTables("tempdb", "dbo", "elsewhere", null);
    assertThat(rs.next()).isTrue();
    assertThat(rs.getString("TABLE_CAT")).isEqualTo("tempdb");
    assertThat(nativeConnection.database()).isEqualTo("master");
    assertThat(md.getTables("master", "dbo", "elsewhere", null).next()).isFalse();
    sameAsMssqlJdbc(
        md.getPrimaryKeys("tempdb", "dbo", "elsewhere"),
        ref.getPrimaryKeys("tempdb", "dbo", "elsewhere"));
    assertThat(nativeConnection.database()).isEqualTo("master");
  }

  @Test
  void aCatalogCallLeavesAnUnreadResultSetOfTheConnectionWhole() throws SQLException {
    try (JctdsConnection c = JdbcServer.connect(server);
        java.sql.Statement s = c.createStatement()) {
      DatabaseMetaData own =
          new JctdsDatabaseMetaData(c, c.unwrap(io.jctds.Connection.class), "jdbc:jctds:x", "sa");
      assertThat(own.getConnection()).isSameAs(c);
      ResultSet rs =
          s.executeQuery(
              "WITH n AS (SELECT 1 AS k UNION ALL SELECT k + 1 FROM n WHERE k < 5000)"
                  + " SELECT k FROM n OPTION (MAXRECURSION 0)");
      assertThat(rs.next()).isTrue();
      ResultSet tables = own.getTables(null, "dbo", "dept", null);
      assertThat(tables.next()).isTrue();
      int rows = 1;
      while (rs.next()) {
        rows++;
      }
      assertThat(rows).isEqualTo(5000);
    }
  }

  @Test
  void catalogAnswersDescribeTheDdl() throws SQLException {
    ResultSet cols = md.getColumns(null, "dbo", "emp", null);
    assertThat(cols.next()).isTrue();
    assertThat(cols.getString("COLUMN_NAME")).isEqualTo("id");
    assertThat(cols.getInt("DATA_TYPE")).isEqualTo(Types.INTEGER);
    assertThat(cols.getString("IS_AUTOINCREMENT")).isEqualTo("YES");
    assertThat(cols.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
    assertThat(cols.next()).isTrue();
    assertThat(cols.next()).isTrue();
    assertThat(cols.getString("COLUMN_NAME")).isEqualTo("email");
    assertThat(cols.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
    assertThat(cols.getInt("COLUMN_SIZE")).isEqualTo(100);
    assertThat(cols.getInt("ORDINAL_POSITION")).isEqualTo(3);
    assertThat(cols.getString("IS_AUTOINCREMENT")).isEqualTo("NO");

    ResultSet fk = md.getImportedKeys(null, "dbo", "emp");
    assertThat(fk.next()).isTrue();
    assertThat(fk.getString("PKTABLE_NAME")).isEqualTo("dept");
    assertThat(fk.getString("PKCOLUMN_NAME")).isEqualTo("id");
    assertThat(fk.getString("FKCOLUMN_NAME")).isEqualTo("dept_id");
    assertThat(fk.getShort("KEY_SEQ")).isEqualTo((short) 1);
    // no ON DELETE / ON UPDATE clause: NO ACTION (JDBC importedKeyNoAction)
    assertThat(fk.getInt("DELETE_RULE")).isEqualTo(DatabaseMetaData.importedKeyNoAction);
    assertThat(fk.getInt("UPDATE_RULE")).isEqualTo(DatabaseMetaData.importedKeyNoAction);
    assertThat(fk.next()).isFalse();

    ResultSet params = md.getProcedureColumns(null, null, "add_emp", null);
    List<String> names = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    while (params.next()) {
      names.add(params.getString("COLUMN_NAME"));
      kinds.add(params.getInt("COLUMN_TYPE"));
    }
    assertThat(names).containsExactly("@RETURN_VALUE", "@dept", "@email", "@id");
    assertThat(kinds)
        .containsExactly(
            DatabaseMetaData.procedureColumnReturn,
            DatabaseMetaData.procedureColumnIn,
            DatabaseMetaData.procedureColumnIn,
            DatabaseMetaData.procedureColumnInOut); // SQL Server's OUTPUT is INOUT
  }

  @Test
  void functionsAndTheirColumnsAreListedApartFromProcedures() throws SQLException {
    ResultSet f = md.getFunctions(null, "dbo", "%");
    assertThat(labels(f))
        .containsExactly(
            "FUNCTION_CAT",
            "FUNCTION_SCHEM",
            "FUNCTION_NAME",
            "REMARKS",
            "FUNCTION_TYPE",
            "SPECIFIC_NAME");
    assertThat(f.next()).isTrue();
    assertThat(f.getString("FUNCTION_NAME")).isEqualTo("twice");
    assertThat(f.getShort("FUNCTION_TYPE")).isEqualTo((short) DatabaseMetaData.functionNoTable);
    assertThat(f.next()).isFalse(); // add_emp is a procedure
    ResultSet c = md.getFunctionColumns(null, "dbo", "%", null);
    assertThat(labels(c)).hasSize(17).endsWith("IS_NULLABLE", "SPECIFIC_NAME");
    List<String> seen = new ArrayList<>();
    while (c.next()) {
      seen.add(
          c.getString("FUNCTION_NAME")
              + " "
              + c.getString("COLUMN_NAME")
              + " "
              + c.getShort("COLUMN_TYPE")
              + " "
              + c.getInt("DATA_TYPE"));
    }
    assertThat(seen)
        .containsExactly(
            "twice @RETURN_VALUE " + DatabaseMetaData.functionReturn + " " + Types.INTEGER,
            "twice @x " + DatabaseMetaData.functionColumnIn + " " + Types.INTEGER);
  }

  @Test
  void indexInfoListsEachIndexKeyColumnInJdbcOrder() throws SQLException {
    ResultSet rs = md.getIndexInfo(null, "dbo", "emp", false, true);
    assertThat(labels(rs))
        .containsExactly(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "NON_UNIQUE",
            "INDEX_QUALIFIER",
            "INDEX_NAME",
            "TYPE",
            "ORDINAL_POSITION",
            "COLUMN_NAME",
            "ASC_OR_DESC",
            "CARDINALITY",
            "PAGES",
            "FILTER_CONDITION");
    List<String> seen = new ArrayList<>();
    List<String> pk = new ArrayList<>();
    while (rs.next()) {
      seen.add(
          rs.getBoolean("NON_UNIQUE")
              + " "
              + rs.getString("COLUMN_NAME")
              + " "
              + rs.getShort("ORDINAL_POSITION")
              + " "
              + rs.getString("ASC_OR_DESC"));
      if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexClustered) {
        pk.add(rs.getString("INDEX_NAME"));
      }
    }
    // ordered by NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION: the clustered primary key, the
    // unique index, then the two columns of ix_emp_dept
    assertThat(seen)
        .containsExactly("false id 1 A", "false email 1 A", "true dept_id 1 A", "true email 2 D");
    assertThat(pk).hasSize(1).allMatch(n -> n.startsWith("PK__emp"));
    ResultSet unique = md.getIndexInfo(null, "dbo", "emp", true, true);
    int n = 0;
    while (unique.next()) {
      assertThat(unique.getBoolean("NON_UNIQUE")).isFalse();
      n++;
    }
    assertThat(n).isEqualTo(2);
  }

  @Test
  void bestRowIdentifierIsThePrimaryKeyElseAUniqueIndex() throws SQLException {
    ResultSet rs =
        md.getBestRowIdentifier(null, "dbo", "emp", DatabaseMetaData.bestRowSession, true);
    assertThat(labels(rs))
        .containsExactly(
            "SCOPE",
            "COLUMN_NAME",
            "DATA_TYPE",
            "TYPE_NAME",
            "COLUMN_SIZE",
            "BUFFER_LENGTH",
            "DECIMAL_DIGITS",
            "PSEUDO_COLUMN");
    assertThat(rs.next()).isTrue();
    assertThat(rs.getString("COLUMN_NAME")).isEqualTo("id");
    assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.INTEGER);
    assertThat(rs.getShort("PSEUDO_COLUMN")).isEqualTo((short) DatabaseMetaData.bestRowNotPseudo);
    assertThat(rs.next()).isFalse();
    ResultSet note = md.getBestRowIdentifier(null, "dbo", "note", 0, true);
    assertThat(note.next()).isTrue();
    assertThat(note.getString("COLUMN_NAME")).isEqualTo("body");
    assertThat(note.getInt("DATA_TYPE")).isEqualTo(Types.NVARCHAR);
  }

  @Test
  void emptyResultsHaveTheJavadocsColumns() throws SQLException {
    assertThat(labels(md.getUDTs(null, null, "%", null)))
        .containsExactly(
            "TYPE_CAT",
            "TYPE_SCHEM",
            "TYPE_NAME",
            "CLASS_NAME",
            "DATA_TYPE",
            "REMARKS",
            "BASE_TYPE");
    assertThat(labels(md.getSuperTables(null, null, "%")))
        .containsExactly("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
    assertThat(labels(md.getSuperTypes(null, null, "%")))
        .containsExactly(
            "TYPE_CAT",
            "TYPE_SCHEM",
            "TYPE_NAME",
            "SUPERTYPE_CAT",
            "SUPERTYPE_SCHEM",
            "SUPERTYPE_NAME");
    assertThat(labels(md.getAttributes(null, null, "%", "%"))).hasSize(21).startsWith("TYPE_CAT");
    assertThat(labels(md.getVersionColumns(null, "dbo", "emp")))
        .isEqualTo(labels(md.getBestRowIdentifier(null, "dbo", "emp", 0, true)));
    assertThat(md.getUDTs(null, null, "%", null).next()).isFalse();
  }

  /** mssql-jdbc's answers that describe its own cursors, which jctds's read-only results lack. */
  private static final Set<String> DRIVER_SPECIFIC =
      Set.of(
          "supportsPositionedDelete",
          "supportsPositionedUpdate",
          "getURL",
          "getDriverName",
          "getDriverVersion",
          "getDriverMajorVersion",
          "getDriverMinorVersion",
          "getDatabaseProductVersion");

  @Test
  void fixedAnswersAreMssqlJdbcs() throws Exception {
    int compared = 0;
    for (Method m : DatabaseMetaData.class.getMethods()) {
      Class<?> r = m.getReturnType();
      boolean simple = r == boolean.class || r == int.class || r == long.class || r == String.class;
      if (m.getParameterCount() != 0 || !simple || DRIVER_SPECIFIC.contains(m.getName())) {
        continue;
      }
      assertThat(m.invoke(md)).as(m.getName()).isEqualTo(m.invoke(ref));
      compared++;
    }
    assertThat(compared).isGreaterThan(100);
    assertThat(md.getDatabaseProductVersion()).startsWith(ref.getDatabaseMajorVersion() + ".");
    assertThat(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isTrue();
    assertThat(
            md.supportsResultSetConcurrency(
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE))
        .isFalse();
    for (int level : new int[] {0, 1, 2, 4, 8}) {
      assertThat(md.supportsTransactionIsolationLevel(level))
          .isEqualTo(ref.supportsTransactionIsolationLevel(level));
    }
  }
}
