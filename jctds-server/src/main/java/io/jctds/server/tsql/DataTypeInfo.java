package io.jctds.server.tsql;

import static io.jctds.server.tsql.ResultTable.col;

import io.jctds.server.types.SqlType;
import java.util.List;
import java.util.Map;

/**
 * sp_datatype_info and sp_datatype_info_100 ("sp_datatype_info (Transact-SQL)"): the server's data
 * types as ODBC's SQLGetTypeInfo describes them, ordered by DATA_TYPE and then by how closely each
 * maps to the ODBC type. DATA_TYPE follows the catalog procedures' rules ({@link OdbcTypes}): the
 * 2008 date and time types keep their own codes only in sp_datatype_info_100 with ODBC 3 (their
 * values are "Catalog Metadata"'s SQLGetTypeInfo table), datetime and smalldatetime are 93 under
 * ODBC 3 and 11 under ODBC 2. CASE_SENSITIVE is 0: the server's collation is case-insensitive.
 * USERTYPE is the type's systypes usertype, 0 for the types SQL Server added since 2000.
 */
final class DataTypeInfo {
  /**
   * TYPE_NAME, type, PRECISION, LITERAL_PREFIX, LITERAL_SUFFIX, CREATE_PARAMS, NULLABLE,
   * SEARCHABLE, UNSIGNED_ATTRIBUTE, MONEY, AUTO_INCREMENT, MINIMUM_SCALE, MAXIMUM_SCALE, USERTYPE.
   */
  private static final Object[][] TYPES = {
    {"datetimeoffset", "datetimeoffset(7)", 34, "'", "'", "scale", 1, 3, null, 0, null, 0, 7, 0},
    {"time", "time(7)", 16, "'", "'", "scale", 1, 3, null, 0, null, 0, 7, 0},
    {"xml", "xml", 0, "N'", "'", null, 1, 0, null, 0, null, null, null, 0},
    {"sql_variant", "sql_variant", 8000, null, null, null, 1, 2, null, 0, null, 0, 0, 0},
    {
      "uniqueidentifier", "uniqueidentifier", 36, "'", "'", null, 1, 2, null, 0, null, null, null, 0
    },
    {"ntext", "ntext", 1073741823, "N'", "'", null, 1, 1, null, 0, null, null, null, 0},
    {
      "nvarchar",
      "nvarchar(4000)",
      4000,
      "N'",
      "'",
      "max length",
      1,
      3,
      null,
      0,
      null,
      null,
      null,
      0
    },
    {"sysname", "nvarchar(128)", 128, "N'", "'", null, 0, 3, null, 0, null, null, null, 18},
    {"nchar", "nchar(4000)", 4000, "N'", "'", "length", 1, 3, null, 0, null, null, null, 0},
    {"bit", "bit", 1, null, null, null, 1, 2, null, 0, null, 0, 0, 16},
    {"tinyint", "tinyint", 3, null, null, null, 1, 2, 1, 0, 0, 0, 0, 5},
    {"tinyint identity", "tinyint", 3, null, null, null, 0, 2, 1, 0, 1, 0, 0, 5},
    {"bigint", "bigint", 19, null, null, null, 1, 2, 0, 0, 0, 0, 0, 0},
    {"bigint identity", "bigint", 19, null, null, null, 0, 2, 0, 0, 1, 0, 0, 0},
    {"image", "image", Integer.MAX_VALUE, "0x", null, null, 1, 0, null, 0, null, null, null, 20},
    {
      "varbinary",
      "varbinary(8000)",
      8000,
      "0x",
      null,
      "max length",
      1,
      2,
      null,
      0,
      null,
      null,
      null,
      4
    },
    {"binary", "binary(8000)", 8000, "0x", null, "length", 1, 2, null, 0, null, null, null, 3},
    {"text", "text", Integer.MAX_VALUE, "'", "'", null, 1, 1, null, 0, null, null, null, 19},
    {"char", "char(8000)", 8000, "'", "'", "length", 1, 3, null, 0, null, null, null, 1},
    {"numeric", "numeric(38,0)", 38, null, null, "precision,scale", 1, 2, 0, 0, 0, 0, 38, 10},
    {"numeric() identity", "numeric(38,0)", 38, null, null, "precision", 0, 2, 0, 0, 1, 0, 0, 10},
    {"decimal", "decimal(38,0)", 38, null, null, "precision,scale", 1, 2, 0, 0, 0, 0, 38, 24},
    {"money", "money", 19, "$", null, null, 1, 2, 0, 1, 0, 4, 4, 11},
    {"smallmoney", "smallmoney", 10, "$", null, null, 1, 2, 0, 1, 0, 4, 4, 21},
    {"decimal() identity", "decimal(38,0)", 38, null, null, "precision", 0, 2, 0, 0, 1, 0, 0, 24},
    {"int", "int", 10, null, null, null, 1, 2, 0, 0, 0, 0, 0, 7},
    {"int identity", "int", 10, null, null, null, 0, 2, 0, 0, 1, 0, 0, 7},
    {"smallint", "smallint", 5, null, null, null, 1, 2, 0, 0, 0, 0, 0, 6},
    {"smallint identity", "smallint", 5, null, null, null, 0, 2, 0, 0, 1, 0, 0, 6},
    {"float", "float", 53, null, null, null, 1, 2, 0, 0, 0, null, null, 8},
    {"real", "real", 24, null, null, null, 1, 2, 0, 0, 0, null, null, 23},
    {"varchar", "varchar(8000)", 8000, "'", "'", "max length", 1, 3, null, 0, null, null, null, 2},
    {"date", "date", 10, "'", "'", null, 1, 3, null, 0, null, null, 0, 0},
    {"datetime2", "datetime2(7)", 27, "'", "'", "scale", 1, 3, null, 0, null, 0, 7, 0},
    {"datetime", "datetime", 23, "'", "'", null, 1, 3, null, 0, null, 3, 3, 12},
    {"smalldatetime", "smalldatetime", 16, "'", "'", null, 1, 3, null, 0, null, 0, 0, 22},
  };

  private DataTypeInfo() {}

  static void register(Map<String, Procedures.Builtin> procedures) {
    for (String name : List.of("sp_datatype_info", "sp_datatype_info_100")) {
      boolean v100 = name.endsWith("_100");
      SystemProcedures.add(
          procedures,
          name,
          List.of(
              Binding.Formal.optional("@data_type", SqlType.INT, 0L),
              Binding.Formal.optional("@ODBCVer", SqlType.TINYINT, 2L)),
          (r, b) -> typeInfo(r, b, v100));
    }
  }

  private static Call.Result typeInfo(Runner r, Binding.Bound b, boolean v100) {
    int wanted = SystemProcedures.number(b, "@data_type", 0);
    boolean odbc3 = SystemProcedures.number(b, "@ODBCVer", 2) == 3;
    ResultTable out = new ResultTable(columns());
    for (Object[] t : TYPES) {
      OdbcTypes o = OdbcTypes.of(SqlType.parse((String) t[1]), true, v100, odbc3);
      if (wanted != 0 && wanted != o.dataType()) {
        continue;
      }
      out.add(row(t, o));
    }
    out.sort(java.util.Comparator.comparingInt(row -> ((Number) row[1]).intValue()));
    out.send(r);
    return Call.Result.of(0);
  }

  private static Object[] row(Object[] t, OdbcTypes o) {
    return new Object[] {
      t[0],
      o.dataType(),
      t[2],
      t[3],
      t[4],
      t[5],
      t[6],
      0,
      t[7],
      t[8],
      t[9],
      t[10],
      t[0],
      t[11],
      t[12],
      o.sqlDataType(),
      o.sqlDatetimeSub(),
      o.radix(),
      null,
      t[13]
    };
  }

  private static List<ResultTable.Col> columns() {
    return List.of(
        col("TYPE_NAME", SqlType.SYSNAME),
        col("DATA_TYPE", SqlType.SMALLINT),
        col("PRECISION", SqlType.INT),
        col("LITERAL_PREFIX", SqlType.varchar(32)),
        col("LITERAL_SUFFIX", SqlType.varchar(32)),
        col("CREATE_PARAMS", SqlType.varchar(32)),
        col("NULLABLE", SqlType.SMALLINT),
        col("CASE_SENSITIVE", SqlType.SMALLINT),
        col("SEARCHABLE", SqlType.SMALLINT),
        col("UNSIGNED_ATTRIBUTE", SqlType.SMALLINT),
        col("MONEY", SqlType.SMALLINT),
        col("AUTO_INCREMENT", SqlType.SMALLINT),
        col("LOCAL_TYPE_NAME", SqlType.SYSNAME),
        col("MINIMUM_SCALE", SqlType.SMALLINT),
        col("MAXIMUM_SCALE", SqlType.SMALLINT),
        col("SQL_DATA_TYPE", SqlType.SMALLINT),
        col("SQL_DATETIME_SUB", SqlType.SMALLINT),
        col("NUM_PREC_RADIX", SqlType.INT),
        col("INTERVAL_PRECISION", SqlType.SMALLINT),
        col("USERTYPE", SqlType.SMALLINT));
  }
}
