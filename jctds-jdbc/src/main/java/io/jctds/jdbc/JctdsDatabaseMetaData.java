package io.jctds.jdbc;

import io.jctds.Cursor;
import io.jctds.Row;
import io.jctds.jdbc.CatalogColumns.Col;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DatabaseMetaData for a jctds connection: the fixed answers of {@link SqlServerAnswers}, the
 * server's version, and the catalog methods, answered as mssql-jdbc answers them, from SQL Server's
 * catalog procedures (sp_tables, sp_columns_100, sp_pkeys, sp_fkeys, sp_stored_procedures,
 * sp_sproc_columns_100, sp_datatype_info_100) and, for indexes, functions, schemas and databases,
 * from the sys catalog views ({@link CatalogViews}). Each result set has exactly the columns the
 * java.sql.DatabaseMetaData javadoc lists ({@link CatalogColumns}), in memory ({@link
 * RowsResultSet}). A non-empty catalog argument other than the current database is made current for
 * the call (USE) and the previous one restored, since the catalog procedures answer for the current
 * database only.
 */
final class JctdsDatabaseMetaData extends SqlServerAnswers {
  private final Connection owner;
  private final io.jctds.Connection nativeConnection;
  private final String url;
  private final String user;
  private String productVersion;

  JctdsDatabaseMetaData(
      Connection owner, io.jctds.Connection nativeConnection, String url, String user) {
    this.owner = owner;
    this.nativeConnection = nativeConnection;
    this.url = url;
    this.user = user;
  }

  // ---- connection, product and driver

  @Override
  public Connection getConnection() {
    return owner;
  }

  @Override
  public String getURL() {
    return url;
  }

  @Override
  public String getUserName() {
    return user;
  }

  @Override
  public String getDatabaseProductName() {
    return "Microsoft SQL Server";
  }

  /** SERVERPROPERTY('ProductVersion'), e.g. 16.0.1000.6 (asked once). */
  @Override
  public String getDatabaseProductVersion() throws SQLException {
    if (productVersion == null) {
      List<Object[]> rows = CatalogViews.query(this, "SELECT SERVERPROPERTY('ProductVersion')");
      Object v = rows.isEmpty() ? null : rows.get(0)[0];
      if (v == null) {
        throw new SQLException(
            "the server did not answer SERVERPROPERTY('ProductVersion'): its version is unknown",
            "HY000");
      }
      productVersion = v.toString();
    }
    return productVersion;
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return versionPart(0);
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return versionPart(1);
  }

  private int versionPart(int index) throws SQLException {
    String[] parts = getDatabaseProductVersion().split("\\.");
    try {
      return index < parts.length ? Integer.parseInt(parts[index].strip()) : 0;
    } catch (NumberFormatException e) {
      throw new SQLException(
          "the server's version " + productVersion + " is not of the form major.minor...", "HY000");
    }
  }

  @Override
  public String getDriverName() {
    return "jctds";
  }

  @Override
  public String getDriverVersion() {
    return "0.1";
  }

  @Override
  public int getDriverMajorVersion() {
    return 0;
  }

  @Override
  public int getDriverMinorVersion() {
    return 1;
  }

  // ---- running catalog procedures

  /**
   * The native connection, checked open, for a catalog request: a statement of the owning
   * connection whose results are still unread first reads them into memory (as before any request
   * of the driver's own), so that they survive the request.
   */
  io.jctds.Connection nativeConnection() throws SQLException {
    if (nativeConnection.isClosed()) {
      throw new SQLException(
          "the connection is closed: DatabaseMetaData needs an open connection", "08003");
    }
    if (owner instanceof JctdsConnection j) {
      j.beforeRequest(null);
    }
    return nativeConnection;
  }

  /**
   * The rows of catalog procedure {@code proc} with named {@code params} (null values omitted: the
   * procedure's default), each as the values of {@code columns} (a null name gives null), with
   * {@code catalog} as the current database for the call.
   */
  List<Object[]> call(String catalog, String proc, Map<String, Object> params, String... columns)
      throws SQLException {
    Map<String, Object> given = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (v != null) {
            given.put(k, v);
          }
        });
    return inCatalog(
        catalog,
        () -> {
          List<Object[]> out = new ArrayList<>();
          try (Cursor c = nativeConnection().cursor()) {
            c.callProc(proc, given);
            if (c.description() != null) {
              for (Row row : c.fetchAll()) {
                Object[] values = new Object[columns.length];
                for (int k = 0; k < columns.length; k++) {
                  values[k] = columns[k] == null ? null : row.get(columns[k]);
                }
                out.add(values);
              }
            }
          } catch (RuntimeException e) {
            throw SqlErrors.of(e);
          }
          return out;
        });
  }

  interface CatalogCall<T> {
    T run() throws SQLException;
  }

  /** Runs {@code call} with {@code catalog} as the current database, then restores the previous. */
  <T> T inCatalog(String catalog, CatalogCall<T> call) throws SQLException {
    io.jctds.Connection c = nativeConnection();
    String current = c.database();
    if (catalog == null || catalog.isEmpty() || catalog.equalsIgnoreCase(current)) {
      return call.run();
    }
    try {
      c.use(catalog);
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
    try {
      return call.run();
    } finally {
      try {
        c.use(current);
      } catch (RuntimeException e) {
        throw SqlErrors.of(e);
      }
    }
  }

  private static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int k = 0; k < namesAndValues.length; k += 2) {
      m.put((String) namesAndValues[k], namesAndValues[k + 1]);
    }
    return m;
  }

  private static String all(String pattern) {
    return pattern == null ? "%" : pattern;
  }

  // ---- tables and columns

  @Override
  public ResultSet getTables(String catalog, String schema, String table, String[] types)
      throws SQLException {
    String typeList = null;
    if (types != null) {
      List<String> quoted = new ArrayList<>();
      for (String t : types) {
        quoted.add("'" + t.replace("'", "''") + "'");
      }
      typeList = String.join(",", quoted);
    }
    List<Object[]> rows =
        call(
            catalog,
            "sp_tables",
            args("@table_name", all(table), "@table_owner", schema, "@table_type", typeList),
            "TABLE_QUALIFIER",
            "TABLE_OWNER",
            "TABLE_NAME",
            "TABLE_TYPE",
            "REMARKS",
            null,
            null,
            null,
            null,
            null);
    return CatalogColumns.result(CatalogColumns.TABLES, rows);
  }

  @Override
  public ResultSet getColumns(String catalog, String schema, String table, String column)
      throws SQLException {
    List<Object[]> rows =
        call(
            catalog,
            "sp_columns_100",
            args(
                "@table_name",
                all(table),
                "@table_owner",
                schema,
                "@column_name",
                column,
                "@ODBCVer",
                3),
            "TABLE_QUALIFIER",
            "TABLE_OWNER",
            "TABLE_NAME",
            "COLUMN_NAME",
            "DATA_TYPE",
            "TYPE_NAME",
            "PRECISION",
            "LENGTH",
            "SCALE",
            "RADIX",
            "NULLABLE",
            "REMARKS",
            "COLUMN_DEF",
            "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB",
            "CHAR_OCTET_LENGTH",
            "ORDINAL_POSITION",
            "IS_NULLABLE",
            null,
            null,
            null,
            null,
            "SS_IS_IDENTITY",
            "SS_IS_COMPUTED");
    for (Object[] r : rows) {
      r[4] = jdbcType(r[4]);
      r[6] = zeroIsMax(r[6]);
      r[7] = zeroIsMax(r[7]);
      r[15] = zeroIsMax(r[15]);
      r[22] = yesNo(r[22]);
      r[23] = yesNo(r[23]);
    }
    return CatalogColumns.result(CatalogColumns.COLUMNS, rows);
  }

  /**
   * The java.sql.Types constant for the ODBC SQL type the catalog procedures report (as mssql-jdbc
   * maps them): ODBC's SQL_FLOAT (6) is DOUBLE, SQL_GUID (-11) CHAR, SQL_WCHAR (-8) NCHAR,
   * SQL_WLONGVARCHAR (-10) LONGNVARCHAR, SQL Server's SQL_SS_TIME2 (-154) TIME, SQL_SS_XML (-152)
   * LONGNVARCHAR and SQL_SS_UDT (-151) VARBINARY; the other codes are the same in both.
   */
  static Object jdbcType(Object odbc) {
    if (!(odbc instanceof Number n)) {
      return odbc;
    }
    return switch (n.intValue()) {
      case 6 -> java.sql.Types.DOUBLE;
      case -11 -> java.sql.Types.CHAR;
      case -8 -> java.sql.Types.NCHAR;
      case -9 -> java.sql.Types.NVARCHAR;
      case -10, -152 -> java.sql.Types.LONGNVARCHAR;
      case -154 -> java.sql.Types.TIME;
      case -151 -> java.sql.Types.VARBINARY;
      default -> n.intValue();
    };
  }

  /** A size of 0, which the catalog procedures give (max) types, as 2^31 - 1 (as mssql-jdbc). */
  private static Object zeroIsMax(Object size) {
    return size instanceof Number n && n.intValue() == 0 ? (Object) Integer.MAX_VALUE : size;
  }

  private static String yesNo(Object flag) {
    return flag instanceof Number n && n.intValue() != 0 ? "YES" : "NO";
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    List<Object[]> rows =
        call(
            catalog,
            "sp_pkeys",
            args("@table_name", table, "@table_owner", schema),
            "TABLE_QUALIFIER",
            "TABLE_OWNER",
            "TABLE_NAME",
            "COLUMN_NAME",
            "KEY_SEQ",
            "PK_NAME");
    return CatalogColumns.result(CatalogColumns.PRIMARY_KEYS, rows);
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return keys(catalog, args("@fktable_name", table, "@fktable_owner", schema));
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return keys(catalog, args("@pktable_name", table, "@pktable_owner", schema));
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    return keys(
        parentCatalog,
        args(
            "@pktable_name",
            parentTable,
            "@pktable_owner",
            parentSchema,
            "@fktable_name",
            foreignTable,
            "@fktable_owner",
            foreignSchema));
  }

  /**
   * sp_fkeys' rows with its ODBC rules as JDBC's: SQL Server's 1 (NO ACTION) is {@link
   * java.sql.DatabaseMetaData#importedKeyNoAction}, as mssql-jdbc reports it; cascade (0) and set
   * null (2) are the same codes in both.
   */
  private ResultSet keys(String catalog, Map<String, Object> params) throws SQLException {
    List<Object[]> rows =
        call(
            catalog,
            "sp_fkeys",
            params,
            "PKTABLE_QUALIFIER",
            "PKTABLE_OWNER",
            "PKTABLE_NAME",
            "PKCOLUMN_NAME",
            "FKTABLE_QUALIFIER",
            "FKTABLE_OWNER",
            "FKTABLE_NAME",
            "FKCOLUMN_NAME",
            "KEY_SEQ",
            "UPDATE_RULE",
            "DELETE_RULE",
            "FK_NAME",
            "PK_NAME",
            "DEFERRABILITY");
    for (Object[] r : rows) {
      r[9] = rule(r[9]);
      r[10] = rule(r[10]);
    }
    return CatalogColumns.result(CatalogColumns.KEYS, rows);
  }

  private static Object rule(Object odbc) {
    if (!(odbc instanceof Number n)) {
      return odbc;
    }
    return switch (n.intValue()) {
      case 0 -> importedKeyCascade;
      case 1 -> importedKeyNoAction;
      case 2 -> importedKeySetNull;
      case 3, 4 -> importedKeySetDefault;
      default -> n.intValue();
    };
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return inCatalog(catalog, () -> CatalogViews.indexInfo(this, schema, table, unique));
  }

  @Override
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return inCatalog(catalog, () -> CatalogViews.bestRow(this, schema, table));
  }

  /**
   * Empty: the columns a change updates automatically are rowversion columns, which the embedded
   * server does not have and which jctds does not look for yet.
   */
  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) {
    return empty(CatalogColumns.ROW_COLUMNS);
  }

  // ---- procedures and functions

  @Override
  public ResultSet getProcedures(String catalog, String schema, String procedure)
      throws SQLException {
    List<Object[]> rows =
        call(
            catalog,
            "sp_stored_procedures",
            args("@sp_name", all(procedure), "@sp_owner", schema),
            "PROCEDURE_QUALIFIER",
            "PROCEDURE_OWNER",
            "PROCEDURE_NAME",
            "NUM_INPUT_PARAMS",
            "NUM_OUTPUT_PARAMS",
            "NUM_RESULT_SETS",
            "REMARKS",
            "PROCEDURE_TYPE",
            "PROCEDURE_NAME");
    return CatalogColumns.result(CatalogColumns.PROCEDURES, rows);
  }

  @Override
  public ResultSet getProcedureColumns(
      String catalog, String schema, String procedure, String column) throws SQLException {
    List<Object[]> rows =
        call(
            catalog,
            "sp_sproc_columns_100",
            args(
                "@procedure_name",
                all(procedure),
                "@procedure_owner",
                schema,
                "@column_name",
                column,
                "@ODBCVer",
                3),
            "PROCEDURE_QUALIFIER",
            "PROCEDURE_OWNER",
            "PROCEDURE_NAME",
            "COLUMN_NAME",
            "COLUMN_TYPE",
            "DATA_TYPE",
            "TYPE_NAME",
            "PRECISION",
            "LENGTH",
            "SCALE",
            "RADIX",
            "NULLABLE",
            "REMARKS",
            "COLUMN_DEF",
            "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB",
            "CHAR_OCTET_LENGTH",
            "ORDINAL_POSITION",
            "IS_NULLABLE",
            "PROCEDURE_NAME");
    for (Object[] r : rows) {
      r[5] = jdbcType(r[5]);
      r[7] = zeroIsMax(r[7]);
      r[8] = zeroIsMax(r[8]);
      r[16] = zeroIsMax(r[16]);
    }
    return CatalogColumns.result(CatalogColumns.PROCEDURE_COLUMNS, rows);
  }

  @Override
  public ResultSet getFunctions(String catalog, String schema, String function)
      throws SQLException {
    return inCatalog(catalog, () -> CatalogViews.functions(this, schema, function));
  }

  /**
   * The parameters and return value of the user-defined functions getFunctions lists, from
   * sp_sproc_columns_100 with the procedure column kinds as JDBC's function column kinds (OUT is
   * functionColumnOut, the return value functionReturn, a result column functionColumnResult).
   */
  @Override
  public ResultSet getFunctionColumns(String catalog, String schema, String function, String column)
      throws SQLException {
    return inCatalog(
        catalog,
        () -> {
          java.util.Set<String> functions = new java.util.HashSet<>();
          ResultSet f = CatalogViews.functions(this, schema, function);
          while (f.next()) {
            functions.add(f.getString(2) + "." + f.getString(3));
          }
          ResultSet p = getProcedureColumns(null, schema, function, column);
          List<Object[]> rows = new ArrayList<>();
          while (p.next()) {
            String name = p.getString(3);
            int semi = name.lastIndexOf(';');
            name = semi < 0 ? name : name.substring(0, semi);
            if (functions.contains(p.getString(2) + "." + name)) {
              rows.add(functionColumn(p, name));
            }
          }
          return CatalogColumns.result(CatalogColumns.FUNCTION_COLUMNS, rows);
        });
  }

  private static Object[] functionColumn(ResultSet p, String name) throws SQLException {
    int kind =
        switch (p.getShort("COLUMN_TYPE")) {
          case procedureColumnIn -> functionColumnIn;
          case procedureColumnInOut -> functionColumnInOut;
          case procedureColumnOut -> functionColumnOut;
          case procedureColumnReturn -> functionReturn;
          case procedureColumnResult -> functionColumnResult;
          default -> functionColumnUnknown;
        };
    return new Object[] {
      p.getObject(1),
      p.getObject(2),
      name,
      p.getObject(4),
      kind,
      p.getObject(6),
      p.getObject(7),
      p.getObject(8),
      p.getObject(9),
      p.getObject(10),
      p.getObject(11),
      p.getObject(12),
      p.getObject(13),
      p.getObject(17),
      p.getObject(18),
      p.getObject(19),
      name
    };
  }

  // ---- types, schemas, catalogs

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    List<Object[]> rows =
        call(
            null,
            "sp_datatype_info_100",
            args("@ODBCVer", 3),
            "TYPE_NAME",
            "DATA_TYPE",
            "PRECISION",
            "LITERAL_PREFIX",
            "LITERAL_SUFFIX",
            "CREATE_PARAMS",
            "NULLABLE",
            "CASE_SENSITIVE",
            "SEARCHABLE",
            "UNSIGNED_ATTRIBUTE",
            "MONEY",
            "AUTO_INCREMENT",
            "LOCAL_TYPE_NAME",
            "MINIMUM_SCALE",
            "MAXIMUM_SCALE",
            "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB",
            "NUM_PREC_RADIX");
    for (Object[] r : rows) {
      r[1] = jdbcType(r[1]);
    }
    return CatalogColumns.result(CatalogColumns.TYPE_INFO, rows);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return CatalogViews.schemas(this, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return inCatalog(catalog, () -> CatalogViews.schemas(this, schemaPattern));
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return CatalogViews.catalogs(this);
  }

  @Override
  public ResultSet getTableTypes() {
    List<Object[]> rows = new ArrayList<>();
    for (String t : List.of("SYSTEM TABLE", "TABLE", "VIEW")) {
      rows.add(new Object[] {t});
    }
    return CatalogColumns.result(CatalogColumns.TABLE_TYPES, rows);
  }

  // ---- what SQL Server does not have: empty results with the specified columns

  static RowsResultSet empty(List<Col> columns) {
    return CatalogColumns.result(columns, List.of());
  }

  @Override
  public ResultSet getUDTs(String catalog, String schema, String type, int[] types) {
    return empty(CatalogColumns.UDTS);
  }

  /** Empty, as mssql-jdbc's. */
  @Override
  public ResultSet getClientInfoProperties() {
    return empty(CatalogColumns.CLIENT_INFO);
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schema, String table) {
    return empty(CatalogColumns.SUPER_TABLES);
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schema, String type) {
    return empty(CatalogColumns.SUPER_TYPES);
  }

  @Override
  public ResultSet getAttributes(String catalog, String schema, String type, String attribute) {
    return empty(CatalogColumns.ATTRIBUTES);
  }

  /** Empty: privileges are not reported (the embedded server has no GRANT). */
  @Override
  public ResultSet getTablePrivileges(String catalog, String schema, String table) {
    return empty(CatalogColumns.TABLE_PRIVILEGES);
  }

  /** Empty: privileges are not reported (the embedded server has no GRANT). */
  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String column) {
    return empty(CatalogColumns.COLUMN_PRIVILEGES);
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schema, String table, String column) {
    return empty(CatalogColumns.PSEUDO_COLUMNS);
  }
}
