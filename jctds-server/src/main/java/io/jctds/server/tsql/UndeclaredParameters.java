package io.jctds.server.tsql;

import static io.jctds.server.tsql.ResultTable.col;
import static io.jctds.server.tsql.ResultTable.notNull;

import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlCollation;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.SystemTypes;
import io.jctds.server.types.WireTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * sp_describe_undeclared_parameters ("sp_describe_undeclared_parameters (Transact-SQL)"): one row
 * per parameter the batch uses without declaring it in @params, in the order of first use, with the
 * type {@link ParameterTypes} deduces from where the parameter stands. As the page says, a
 * parameter used twice is error 11508 and two untyped parameters in one expression 11503; a
 * parameter whose type nothing decides is 11502 (the "Database engine events and errors" list's
 * texts).
 */
final class UndeclaredParameters {
  private UndeclaredParameters() {}

  static void register(Map<String, Procedures.Builtin> procedures) {
    SqlType text = SqlType.nvarchar(SqlType.MAX);
    SystemProcedures.add(
        procedures,
        "sp_describe_undeclared_parameters",
        List.of(
            Binding.Formal.required("@tsql", text), Binding.Formal.optional("@params", text, null)),
        UndeclaredParameters::describe);
  }

  /** What the analysis found for one parameter. */
  static final class Found {
    final String name;
    SqlType type;
    boolean input = true;
    boolean output;
    String formal;
    int uses;

    Found(String name) {
      this.name = name;
    }
  }

  private static Call.Result describe(Runner r, Binding.Bound b) {
    String tsql = SystemProcedures.text(b, "@tsql");
    Map<String, Variable> declared = Describe.parameters(r, SystemProcedures.text(b, "@params"));
    List<Stmt> batch = BatchParser.parse(tsql == null ? "" : tsql);
    Map<String, Found> found = new LinkedHashMap<>();
    Describe.withVariables(
        r, declared, () -> new ParameterTypes(r, declared, found).statements(batch));
    ResultTable out = new ResultTable(columns());
    int ordinal = 0;
    for (Found f : found.values()) {
      if (f.type == null) {
        throw new SqlException(
            11502,
            16,
            1,
            "The type for parameter '" + f.name + "' cannot be deduced in this context.",
            false);
      }
      out.add(row(r, ++ordinal, f));
    }
    out.send(r);
    return Call.Result.of(0);
  }

  private static Object[] row(Runner r, int ordinal, Found f) {
    SqlType t = f.type;
    SqlCollation collation = t.collation();
    TypeInfo wire = WireTypes.typeInfo(t, true, r.s.tds().tdsVersion(), r.s.tds().utf8());
    List<Object> v = new ArrayList<>();
    v.add(ordinal);
    v.add(f.name);
    v.add(SystemTypes.id(t.base()));
    v.add(t.sqlName());
    v.add(SystemTypes.maxLength(t));
    v.add(SystemTypes.precision(t));
    v.add(SystemTypes.scale(t));
    for (int i = 0; i < 9; i++) {
      v.add(null); // user types, CLR assembly, XML schema collection
    }
    v.add(false);
    v.add(collation != null && !collation.ignoreCase());
    v.add(false);
    v.add(f.input);
    v.add(f.output);
    v.add(f.formal);
    v.add(wire.type().id());
    v.add(wire.isPlp() ? -1 : wire.maxLength());
    return v.toArray();
  }

  /** The columns of "Result Sets", with the NULL and NOT NULL the page gives them. */
  static List<ResultTable.Col> columns() {
    List<ResultTable.Col> c = new ArrayList<>();
    c.add(notNull("parameter_ordinal", SqlType.INT));
    c.add(notNull("name", SqlType.SYSNAME));
    c.add(notNull("suggested_system_type_id", SqlType.INT));
    c.add(col("suggested_system_type_name", SqlType.nvarchar(256)));
    c.add(notNull("suggested_max_length", SqlType.SMALLINT));
    c.add(notNull("suggested_precision", SqlType.TINYINT));
    c.add(notNull("suggested_scale", SqlType.TINYINT));
    c.add(col("suggested_user_type_id", SqlType.INT));
    c.add(col("suggested_user_type_database", SqlType.SYSNAME));
    c.add(col("suggested_user_type_schema", SqlType.SYSNAME));
    c.add(col("suggested_user_type_name", SqlType.SYSNAME));
    c.add(col("suggested_assembly_qualified_type_name", SqlType.nvarchar(4000)));
    c.add(col("suggested_xml_collection_id", SqlType.INT));
    c.add(col("suggested_xml_collection_database", SqlType.SYSNAME));
    c.add(col("suggested_xml_collection_schema", SqlType.SYSNAME));
    c.add(col("suggested_xml_collection_name", SqlType.SYSNAME));
    for (String flag :
        List.of(
            "suggested_is_xml_document",
            "suggested_is_case_sensitive",
            "suggested_is_fixed_length_clr_type",
            "suggested_is_input",
            "suggested_is_output")) {
      c.add(notNull(flag, SqlType.BIT));
    }
    c.add(col("formal_parameter_name", SqlType.SYSNAME));
    c.add(notNull("suggested_tds_type_id", SqlType.INT));
    c.add(notNull("suggested_tds_length", SqlType.INT));
    return c;
  }

  /** The key of a variable name. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
