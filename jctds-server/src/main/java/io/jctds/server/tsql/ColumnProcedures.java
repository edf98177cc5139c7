package io.jctds.server.tsql;

import static io.jctds.server.tsql.ResultTable.col;
import static io.jctds.server.tsql.SystemProcedures.PATTERN;
import static io.jctds.server.tsql.SystemProcedures.matches;
import static io.jctds.server.tsql.SystemProcedures.text;

import io.jctds.server.catalog.CatalogObjects;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * sp_columns ("sp_columns (Transact-SQL)") and the versioned forms mssql-jdbc 13.6.2 calls for
 * DatabaseMetaData.getColumns: sp_columns_170 first, sp_columns_100 when that fails. The versioned
 * forms are not documented; their parameters are those the drivers pass (table, owner, qualifier,
 * column, @NameScope, @ODBCVer, @fUsePattern) and their result is sp_columns' nineteen ODBC columns
 * followed by the SQL Server columns of mssql-jdbc's getColumns table (SS_IS_SPARSE,
 * SS_IS_COLUMN_SET, SS_IS_COMPUTED, SS_IS_IDENTITY, the UDT and XML schema collection names, then
 * SS_DATA_TYPE), the order "SQLColumns" of the SQL Server Native Client ODBC driver describes
 * (driver columns after ODBC's). sp_columns keeps the 2008 date and time types as nvarchar, as SQL
 * Server shows them to down-level clients; the _100 and _170 forms describe them natively.
 */
final class ColumnProcedures {
  private static final SqlType NAME = SqlType.nvarchar(128);

  private ColumnProcedures() {}

  static void register(Map<String, Procedures.Builtin> procedures) {
    SystemProcedures.add(
        procedures,
        "sp_columns",
        List.of(
            Binding.Formal.required("@table_name", PATTERN),
            Binding.Formal.optional("@table_owner", PATTERN, null),
            Binding.Formal.optional("@table_qualifier", SqlType.SYSNAME, null),
            Binding.Formal.optional("@column_name", PATTERN, null),
            Binding.Formal.optional("@ODBCVer", SqlType.INT, 2L)),
        (r, b) -> columns(r, b, false));
    for (String name : List.of("sp_columns_100", "sp_columns_170")) {
      SystemProcedures.add(
          procedures,
          name,
          List.of(
              Binding.Formal.required("@table_name", PATTERN),
              Binding.Formal.optional("@table_owner", PATTERN, null),
              Binding.Formal.optional("@table_qualifier", SqlType.SYSNAME, null),
              Binding.Formal.optional("@column_name", PATTERN, null),
              Binding.Formal.optional("@NameScope", SqlType.INT, 0L),
              Binding.Formal.optional("@ODBCVer", SqlType.INT, 2L),
              Binding.Formal.optional("@fUsePattern", SqlType.BIT, true)),
          (r, b) -> columns(r, b, true));
    }
  }

  /**
   * The columns of the tables and views whose name and owner match, ordered by TABLE_QUALIFIER,
   * TABLE_OWNER, TABLE_NAME and ORDINAL_POSITION.
   */
  private static Call.Result columns(Runner r, Binding.Bound b, boolean versioned) {
    String table = text(b, "@table_name");
    String owner = text(b, "@table_owner");
    String column = text(b, "@column_name");
    boolean pattern = !versioned || SystemProcedures.bit(b, "@fUsePattern", true);
    boolean odbc3 = SystemProcedures.number(b, "@ODBCVer", 2) == 3;
    SystemProcedures.checkQualifier(r, text(b, "@table_qualifier"));
    ResultTable out = new ResultTable(columnsResult(versioned));
    for (CatalogObjects.Column c : SystemProcedures.objects(r).columns()) {
      CatalogObjects.Table t = c.table();
      if (matches(t.name(), table, pattern)
          && matches(t.schema(), owner, pattern)
          && matches(c.name(), column, pattern)) {
        out.add(row(r.s.database(), c, versioned, odbc3));
      }
    }
    out.sort(SystemProcedures.thenNumber(SystemProcedures.byText(0, 1, 2), 16));
    out.send(r);
    return Call.Result.of(0);
  }

  /** The nineteen columns of sp_columns, then the _100 form's SQL Server columns. */
  static List<ResultTable.Col> columnsResult(boolean versioned) {
    List<ResultTable.Col> cols =
        new ArrayList<>(
            List.of(
                col("TABLE_QUALIFIER", SqlType.SYSNAME),
                col("TABLE_OWNER", SqlType.SYSNAME),
                col("TABLE_NAME", SqlType.SYSNAME),
                col("COLUMN_NAME", SqlType.SYSNAME),
                col("DATA_TYPE", SqlType.SMALLINT),
                col("TYPE_NAME", SqlType.SYSNAME),
                col("PRECISION", SqlType.INT),
                col("LENGTH", SqlType.INT),
                col("SCALE", SqlType.SMALLINT),
                col("RADIX", SqlType.SMALLINT),
                col("NULLABLE", SqlType.SMALLINT),
                col("REMARKS", SqlType.varchar(254)),
                col("COLUMN_DEF", SqlType.nvarchar(4000)),
                col("SQL_DATA_TYPE", SqlType.SMALLINT),
                col("SQL_DATETIME_SUB", SqlType.SMALLINT),
                col("CHAR_OCTET_LENGTH", SqlType.INT),
                col("ORDINAL_POSITION", SqlType.INT),
                col("IS_NULLABLE", SqlType.varchar(254))));
    if (versioned) {
      for (String flag : List.of("SS_IS_SPARSE", "SS_IS_COLUMN_SET", "SS_IS_COMPUTED")) {
        cols.add(col(flag, SqlType.SMALLINT));
      }
      cols.add(col("SS_IS_IDENTITY", SqlType.SMALLINT));
      cols.add(col("SS_UDT_CATALOG_NAME", NAME));
      cols.add(col("SS_UDT_SCHEMA_NAME", NAME));
      cols.add(col("SS_UDT_ASSEMBLY_TYPE_NAME", SqlType.nvarchar(SqlType.MAX)));
      cols.add(col("SS_XML_SCHEMACOLLECTION_CATALOG_NAME", NAME));
      cols.add(col("SS_XML_SCHEMACOLLECTION_SCHEMA_NAME", NAME));
      cols.add(col("SS_XML_SCHEMACOLLECTION_NAME", NAME));
    }
    cols.add(col("SS_DATA_TYPE", SqlType.TINYINT));
    return cols;
  }

  private static Object[] row(
      String db, CatalogObjects.Column c, boolean versioned, boolean odbc3) {
    OdbcTypes o = OdbcTypes.of(c.type(), c.nullable(), versioned, odbc3);
    List<Object> v =
        new ArrayList<>(
            java.util.Arrays.asList(
                db,
                c.table().schema(),
                c.table().name(),
                c.name(),
                o.dataType(),
                OdbcTypes.typeName(c.type(), c.identity()),
                o.precision(),
                o.length(),
                o.scale(),
                o.radix(),
                c.nullable() ? 1 : 0,
                null,
                c.defaultDefinition(),
                o.sqlDataType(),
                o.sqlDatetimeSub(),
                o.charOctetLength(),
                c.ordinal(),
                c.nullable() ? "YES" : "NO"));
    if (versioned) {
      v.addAll(
          java.util.Arrays.asList(
              0,
              0,
              c.computed() ? 1 : 0,
              c.identity() ? 1 : 0,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    v.add(o.ssDataType());
    return v.toArray();
  }
}
