package io.jctds.server.tsql;

import static io.jctds.server.tsql.ResultTable.col;
import static io.jctds.server.tsql.SystemProcedures.matches;
import static io.jctds.server.tsql.SystemProcedures.text;

import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.SystemTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * sp_stored_procedures and sp_sproc_columns (and sp_sproc_columns_100, which mssql-jdbc calls for
 * ParameterMetaData and CallableStatement parameter names): the current database's stored
 * procedures and functions as sys.objects and sys.parameters list them ({@code name;0} for a
 * function, whose return value row has the function's type), and the server's own procedures in
 * schema sys, as SQL Server lists its system procedures ("sp_stored_procedures": the sys schema is
 * searched first). A procedure's name is shown with its number, {@code name;1}; sp_sproc_columns
 * starts each procedure with its return value, {@code @RETURN_VALUE} int, COLUMN_TYPE 5
 * (SQL_RETURN_VALUE) and ORDINAL_POSITION 0, when @column_name is NULL or names it (mssql-jdbc's
 * own tests, run against SQL Server, find a procedure's parameters but not its return value with
 * the pattern %), then its parameters in order, OUTPUT ones as SQL_PARAM_INPUT_OUTPUT (2), the
 * others SQL_PARAM_INPUT (1) ("SQLProcedureColumns Function", ODBC reference).
 */
final class ProcedureProcedures {
  /** The name sp_sproc_columns gives a procedure's return status. */
  private static final String RETURN_VALUE = "@RETURN_VALUE";

  private ProcedureProcedures() {}

  /**
   * A procedure or function: schema, name, parameters, and a function's return type (null for a
   * procedure, whose return value is its int status).
   */
  record Proc(String schema, String name, List<Parameter> parameters, SqlType returns) {
    /** The name with its number: {@code ;1} for a procedure, {@code ;0} for a function. */
    String numbered() {
      return name + (returns == null ? ";1" : ";0");
    }
  }

  /** A parameter: name (with @), type, OUTPUT. */
  record Parameter(String name, SqlType type, boolean output) {}

  static void register(Map<String, Procedures.Builtin> procedures) {
    SystemProcedures.add(
        procedures,
        "sp_stored_procedures",
        List.of(
            Binding.Formal.optional("@sp_name", SqlType.nvarchar(390), null),
            Binding.Formal.optional("@sp_owner", SystemProcedures.PATTERN, null),
            Binding.Formal.optional("@sp_qualifier", SqlType.SYSNAME, null),
            Binding.Formal.optional("@fUsePattern", SqlType.BIT, true)),
        ProcedureProcedures::storedProcedures);
    for (String name : List.of("sp_sproc_columns", "sp_sproc_columns_100")) {
      boolean v100 = name.endsWith("_100");
      SystemProcedures.add(
          procedures,
          name,
          List.of(
              Binding.Formal.optional("@procedure_name", SqlType.nvarchar(390), "%"),
              Binding.Formal.optional("@procedure_owner", SystemProcedures.PATTERN, null),
              Binding.Formal.optional("@procedure_qualifier", SqlType.SYSNAME, null),
              Binding.Formal.optional("@column_name", SystemProcedures.PATTERN, null),
              Binding.Formal.optional("@ODBCVer", SqlType.INT, 2L),
              Binding.Formal.optional("@fUsePattern", SqlType.BIT, true)),
          (r, b) -> procedureColumns(r, b, v100));
    }
  }

  /**
   * "sp_stored_procedures (Transact-SQL)": ordered by PROCEDURE_QUALIFIER, PROCEDURE_OWNER and
   * PROCEDURE_NAME; NUM_INPUT_PARAMS, NUM_OUTPUT_PARAMS and NUM_RESULT_SETS are reserved (-1),
   * PROCEDURE_TYPE always 2.
   */
  private static Call.Result storedProcedures(Runner r, Binding.Bound b) {
    String name = text(b, "@sp_name");
    String owner = text(b, "@sp_owner");
    boolean pattern = SystemProcedures.bit(b, "@fUsePattern", true);
    SystemProcedures.checkQualifier(r, text(b, "@sp_qualifier"));
    ResultTable out =
        new ResultTable(
            List.of(
                col("PROCEDURE_QUALIFIER", SqlType.SYSNAME),
                col("PROCEDURE_OWNER", SqlType.SYSNAME),
                col("PROCEDURE_NAME", SqlType.nvarchar(134)),
                col("NUM_INPUT_PARAMS", SqlType.INT),
                col("NUM_OUTPUT_PARAMS", SqlType.INT),
                col("NUM_RESULT_SETS", SqlType.INT),
                col("REMARKS", SqlType.varchar(254)),
                col("PROCEDURE_TYPE", SqlType.SMALLINT)));
    for (Proc p : procedures(r)) {
      if (matches(p.name(), name, pattern) && matches(p.schema(), owner, pattern)) {
        out.add(r.s.database(), p.schema(), p.numbered(), -1, -1, -1, null, 2);
      }
    }
    out.sort(SystemProcedures.byText(0, 1, 2));
    out.send(r);
    return Call.Result.of(0);
  }

  /** "sp_sproc_columns (Transact-SQL)", and its _100 form with the SQL Server 2008 columns. */
  private static Call.Result procedureColumns(Runner r, Binding.Bound b, boolean v100) {
    String name = text(b, "@procedure_name");
    String owner = text(b, "@procedure_owner");
    String column = text(b, "@column_name");
    boolean pattern = SystemProcedures.bit(b, "@fUsePattern", true);
    boolean odbc3 = SystemProcedures.number(b, "@ODBCVer", 2) == 3;
    SystemProcedures.checkQualifier(r, text(b, "@procedure_qualifier"));
    ResultTable out = new ResultTable(columnsResult(v100));
    for (Proc p : procedures(r)) {
      if (!matches(p.name(), name, pattern) || !matches(p.schema(), owner, pattern)) {
        continue;
      }
      Parameter status =
          new Parameter(RETURN_VALUE, p.returns() == null ? SqlType.INT : p.returns(), false);
      boolean listed =
          p.returns() == null
              ? column == null || column.equalsIgnoreCase(RETURN_VALUE)
              : matches(RETURN_VALUE, column, pattern);
      if (listed) {
        out.add(row(r.s.database(), p, status, 0, v100, odbc3));
      }
      for (int i = 0; i < p.parameters().size(); i++) {
        Parameter a = p.parameters().get(i);
        if (matches(a.name(), column, pattern)) {
          out.add(row(r.s.database(), p, a, i + 1, v100, odbc3));
        }
      }
    }
    out.sort(SystemProcedures.thenNumber(SystemProcedures.byText(0, 1, 2), 17));
    out.send(r);
    return Call.Result.of(0);
  }

  private static List<ResultTable.Col> columnsResult(boolean v100) {
    List<ResultTable.Col> cols = new ArrayList<>();
    cols.add(col("PROCEDURE_QUALIFIER", SqlType.SYSNAME));
    cols.add(col("PROCEDURE_OWNER", SqlType.SYSNAME));
    cols.add(col("PROCEDURE_NAME", SqlType.nvarchar(134)));
    cols.add(col("COLUMN_NAME", SqlType.SYSNAME));
    cols.add(col("COLUMN_TYPE", SqlType.SMALLINT));
    cols.add(col("DATA_TYPE", SqlType.SMALLINT));
    cols.add(col("TYPE_NAME", SqlType.SYSNAME));
    cols.add(col("PRECISION", SqlType.INT));
    cols.add(col("LENGTH", SqlType.INT));
    cols.add(col("SCALE", SqlType.SMALLINT));
    cols.add(col("RADIX", SqlType.SMALLINT));
    cols.add(col("NULLABLE", SqlType.SMALLINT));
    cols.add(col("REMARKS", SqlType.varchar(254)));
    cols.add(col("COLUMN_DEF", SqlType.nvarchar(4000)));
    cols.add(col("SQL_DATA_TYPE", SqlType.SMALLINT));
    cols.add(col("SQL_DATETIME_SUB", SqlType.SMALLINT));
    cols.add(col("CHAR_OCTET_LENGTH", SqlType.INT));
    cols.add(col("ORDINAL_POSITION", SqlType.INT));
    cols.add(col("IS_NULLABLE", SqlType.varchar(254)));
    if (v100) {
      // "SQLProcedureColumns" (SQL Server Native Client ODBC): the 2008 columns come right after
      // ODBC's own, before the driver columns of earlier versions
      for (String n : List.of("SS_TYPE_CATALOG_NAME", "SS_TYPE_SCHEMA_NAME")) {
        cols.add(col(n, SqlType.SYSNAME));
      }
      cols.add(col("SS_UDT_CATALOG_NAME", SqlType.SYSNAME));
      cols.add(col("SS_UDT_SCHEMA_NAME", SqlType.SYSNAME));
      cols.add(col("SS_UDT_ASSEMBLY_TYPE_NAME", SqlType.nvarchar(SqlType.MAX)));
      cols.add(col("SS_XML_SCHEMACOLLECTION_CATALOG_NAME", SqlType.SYSNAME));
      cols.add(col("SS_XML_SCHEMACOLLECTION_SCHEMA_NAME", SqlType.SYSNAME));
      cols.add(col("SS_XML_SCHEMACOLLECTION_NAME", SqlType.SYSNAME));
    }
    cols.add(col("SS_DATA_TYPE", SqlType.TINYINT));
    return cols;
  }

  private static Object[] row(
      String db, Proc p, Parameter a, int ordinal, boolean v100, boolean odbc3) {
    boolean returnValue = ordinal == 0;
    // a procedure's status is never NULL, a function's value may be
    boolean nullable = !returnValue || p.returns() != null;
    OdbcTypes o = OdbcTypes.of(a.type(), nullable, v100, odbc3);
    List<Object> v =
        new ArrayList<>(
            Arrays.asList(
                db,
                p.schema(),
                p.numbered(),
                a.name(),
                returnValue ? 5 : a.output() ? 2 : 1,
                o.dataType(),
                OdbcTypes.typeName(a.type(), false),
                o.precision(),
                o.length(),
                o.scale(),
                o.radix(),
                nullable ? 1 : 0,
                null,
                null,
                o.sqlDataType(),
                o.sqlDatetimeSub(),
                o.charOctetLength(),
                ordinal,
                nullable ? "YES" : "NO"));
    if (v100) {
      v.addAll(Arrays.asList(null, null, null, null, null, null, null, null));
    }
    v.add(o.ssDataType());
    return v.toArray();
  }

  /** The server's own procedures (schema sys), then the database's stored procedures. */
  static List<Proc> procedures(Runner r) {
    List<Proc> out = new ArrayList<>();
    for (String name : new TreeSet<>(Procedures.builtinNames())) {
      List<Parameter> ps = new ArrayList<>();
      List<Binding.Formal> formals = SystemProcedures.formals(name);
      for (Binding.Formal f : formals == null ? List.<Binding.Formal>of() : formals) {
        ps.add(new Parameter(f.name(), f.type(), f.output()));
      }
      out.add(new Proc("sys", name, ps, null));
    }
    out.addAll(userProcedures(r));
    return out;
  }

  /**
   * The stored procedures and functions sys.objects lists, with sys.parameters' parameters (a
   * function's return type is its parameter 0); none while the server has no such views.
   */
  private static List<Proc> userProcedures(Runner r) {
    List<Object[]> procs =
        RowCapture.rows(
            r.s,
            "SELECT o.object_id, s.name, o.name, o.type FROM sys.objects o"
                + " JOIN sys.schemas s ON s.schema_id = o.schema_id"
                + " WHERE o.type IN ('P', 'FN', 'IF', 'TF')");
    if (procs.isEmpty()) {
      return List.of();
    }
    Map<Integer, List<Parameter>> params = new LinkedHashMap<>();
    Map<Integer, SqlType> returns = new LinkedHashMap<>();
    for (Object[] p :
        RowCapture.rows(
            r.s,
            "SELECT object_id, parameter_id, name, system_type_id, max_length, precision, scale,"
                + " is_output FROM sys.parameters ORDER BY object_id, parameter_id")) {
      int id = ((Number) p[0]).intValue();
      SqlType t =
          type(
              ((Number) p[3]).intValue(),
              ((Number) p[4]).intValue(),
              ((Number) p[5]).intValue(),
              ((Number) p[6]).intValue());
      if (((Number) p[1]).intValue() == 0) {
        returns.put(id, t);
      } else {
        params
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(new Parameter((String) p[2], t, Boolean.TRUE.equals(p[7])));
      }
    }
    List<Proc> out = new ArrayList<>();
    for (Object[] p : procs) {
      int id = ((Number) p[0]).intValue();
      boolean function = !"P".equals(((String) p[3]).trim());
      out.add(
          new Proc(
              (String) p[1],
              (String) p[2],
              params.getOrDefault(id, List.of()),
              function ? returns.getOrDefault(id, SqlType.SYSNAME) : null));
    }
    return out;
  }

  /**
   * The parameters of the procedure {@code name} names (the server's own by its last part, else a
   * stored procedure of the current database, schema dbo when the name has none), or an empty list.
   */
  static List<Binding.Formal> formals(Runner r, List<String> name) {
    String last = name.get(name.size() - 1);
    List<Binding.Formal> system = SystemProcedures.formals(last.toLowerCase(java.util.Locale.ROOT));
    if (system != null) {
      return system;
    }
    String schema =
        name.size() > 1 && !name.get(name.size() - 2).isEmpty() ? name.get(name.size() - 2) : "dbo";
    for (Proc p : userProcedures(r)) {
      if (p.returns() == null
          && p.name().equalsIgnoreCase(last)
          && p.schema().equalsIgnoreCase(schema)) {
        List<Binding.Formal> out = new ArrayList<>();
        for (Parameter a : p.parameters()) {
          out.add(new Binding.Formal(a.name(), a.type(), null, a.output()));
        }
        return out;
      }
    }
    return List.of();
  }

  /** The type sys.parameters describes by system_type_id, max_length, precision and scale. */
  static SqlType type(int systemTypeId, int maxLength, int precision, int scale) {
    String name = SystemTypes.name(systemTypeId);
    SqlBase base = name == null ? null : SqlBase.named(name);
    if (base == null) {
      return SqlType.SYSNAME;
    }
    String length = maxLength == -1 ? "max" : null;
    String declaration =
        switch (base) {
          case CHAR, VARCHAR, BINARY, VARBINARY ->
              name + "(" + (length != null ? length : maxLength) + ")";
          case NCHAR, NVARCHAR -> name + "(" + (length != null ? length : maxLength / 2) + ")";
          case DECIMAL, NUMERIC -> name + "(" + precision + "," + scale + ")";
          case TIME, DATETIME2, DATETIMEOFFSET -> name + "(" + scale + ")";
          default -> name;
        };
    return SqlType.parse(declaration);
  }
}
