package io.jctds.server.tsql;

import static io.jctds.server.tsql.ResultTable.col;
import static io.jctds.server.tsql.ResultTable.notNull;

import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlCollation;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.SystemTypes;
import io.jctds.server.types.WireTypes;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * sp_describe_first_result_set ("sp_describe_first_result_set (Transact-SQL)"): the metadata of the
 * first result set the batch @tsql can return, found by static analysis: the first SELECT that
 * returns rows (not SELECT ... INTO, not an assigning SELECT), looking into IF and ELSE, WHILE,
 * BEGIN ... END, TRY blocks and EXEC of a literal string, is translated and prepared on H2 without
 * running, with @params' parameters and the batch's DECLAREd variables bound to NULL; no such
 * statement gives an empty result. Each column's type is the one a query would send; a column that
 * is a table's column has that column's identity, computed and updateable properties, and with
 *
 * @browse_information_mode 1 or 2 its source database, schema, table and column.
 */
final class DescribeFirstResultSet {
  private DescribeFirstResultSet() {}

  static void register(Map<String, Procedures.Builtin> procedures) {
    SqlType text = SqlType.nvarchar(SqlType.MAX);
    SystemProcedures.add(
        procedures,
        "sp_describe_first_result_set",
        List.of(
            Binding.Formal.required("@tsql", text),
            Binding.Formal.optional("@params", text, null),
            Binding.Formal.optional("@browse_information_mode", SqlType.TINYINT, 0L)),
        DescribeFirstResultSet::describe);
  }

  private static Call.Result describe(Runner r, Binding.Bound b) {
    String tsql = SystemProcedures.text(b, "@tsql");
    int mode = SystemProcedures.number(b, "@browse_information_mode", 0);
    if (mode < 0 || mode > 2) {
      throw new SqlException(
          11552,
          16,
          1,
          "The @browse_information_mode parameter expects a tinyint with values 0, 1 or 2.",
          false);
    }
    Map<String, Variable> vars = Describe.parameters(r, SystemProcedures.text(b, "@params"));
    ResultTable out = new ResultTable(columns());
    List<Stmt> batch = BatchParser.parse(tsql == null ? "" : tsql);
    Stmt.Select first = first(batch, vars);
    if (first != null) {
      Describe.withVariables(r, vars, () -> rows(r, first, mode, out));
    }
    out.send(r);
    return Call.Result.of(0);
  }

  /** The first statement that returns a result set, collecting DECLAREd variables on the way. */
  static Stmt.Select first(List<Stmt> list, Map<String, Variable> vars) {
    for (Stmt st : list) {
      Stmt.Select found = first(st, vars);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Stmt.Select first(Stmt st, Map<String, Variable> vars) {
    if (st instanceof Stmt.Select s) {
      return returnsRows(s) ? s : null;
    } else if (st instanceof Stmt.Declare d) {
      for (Stmt.VarDecl v : d.variables()) {
        if (v.type() != null) {
          vars.put(v.name().toLowerCase(Locale.ROOT), new Variable(v.name(), v.type(), null));
        }
      }
    } else if (st instanceof Stmt.If i) {
      Stmt.Select then = first(i.then(), vars);
      return then != null || i.otherwise() == null ? then : first(i.otherwise(), vars);
    } else if (st instanceof Stmt.While w) {
      return first(w.body(), vars);
    } else if (st instanceof Stmt.Block bl) {
      return first(bl.body(), vars);
    } else if (st instanceof Stmt.TryCatch tc) {
      return first(tc.body(), vars);
    } else if (st instanceof Stmt.Exec e && e.text() != null) {
      if (e.text() instanceof Expr.Literal lit) {
        return first(BatchParser.parse(lit.text()), vars);
      }
      throw new SqlException(
          11513,
          16,
          1,
          "The metadata could not be determined because statement 'EXEC' contains dynamic SQL."
              + " Consider using the WITH RESULT SETS clause to explicitly describe the result"
              + " set.",
          false);
    }
    return null;
  }

  private static boolean returnsRows(Stmt.Select s) {
    if (s.query().body() instanceof QueryExpr.Select sel) {
      if (sel.into() != null) {
        return false;
      }
      for (QueryExpr.Item item : sel.items()) {
        if (item instanceof QueryExpr.Assign) {
          return false;
        }
      }
    }
    return true;
  }

  private static void rows(Runner r, Stmt.Select s, int mode, ResultTable out) {
    DmlTranslator t = new DmlTranslator(r.s, table -> false);
    Translated tr = t.query(s.query(), null);
    List<Catalog.Column> sources = Describe.sources(r, s.query(), tr.columns().size());
    List<Catalog.Table> tables = Describe.sourceTables(r, s.query(), tr.columns().size());
    try (PreparedStatement ps = r.s.connection().prepareStatement(tr.sql())) {
      ResultSetMetaData md = ps.getMetaData();
      for (int i = 0; i < tr.columns().size(); i++) {
        Translated.Column c = tr.columns().get(i);
        SqlType type = Jdbc.type(c, md, i + 1);
        Catalog.Column src = sources.get(i);
        boolean nullable = src != null ? src.nullable() : c.nullable();
        out.add(row(r, i + 1, c.name(), type, nullable, src, mode > 0 ? tables.get(i) : null));
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
  }

  private static Object[] row(
      Runner r,
      int ordinal,
      String name,
      SqlType type,
      boolean nullable,
      Catalog.Column src,
      Catalog.Table table) {
    SqlCollation collation = type.collation();
    TypeInfo wire = WireTypes.typeInfo(type, true, r.s.tds().tdsVersion(), r.s.tds().utf8());
    List<Object> v = new ArrayList<>();
    v.add(false);
    v.add(ordinal);
    v.add(name == null || name.isEmpty() ? null : name);
    v.add(nullable);
    v.add(SystemTypes.id(type.base()));
    v.add(type.sqlName());
    v.add(SystemTypes.maxLength(type));
    v.add(SystemTypes.precision(type));
    v.add(SystemTypes.scale(type));
    v.add(collation == null ? null : collation.name());
    for (int i = 0; i < 9; i++) {
      v.add(null); // user types, CLR assembly, XML schema collection
    }
    v.add(false);
    v.add(collation != null && !collation.ignoreCase());
    v.add(false);
    v.add(null); // source_server
    v.add(table == null ? null : table.database());
    v.add(table == null ? null : table.schema());
    v.add(table == null ? null : table.name());
    v.add(table == null || src == null ? null : src.name());
    v.add(src == null ? Boolean.FALSE : src.identity());
    v.add(null); // is_part_of_unique_key: browse information the server does not keep
    v.add(src != null && !src.identity() && !src.computed());
    v.add(src != null && src.computed());
    v.add(false);
    v.add(null);
    v.add(null);
    v.add(null);
    v.add(wire.type().id());
    v.add(wire.isPlp() ? -1 : wire.maxLength());
    v.add(wire.collation() == null ? null : wire.collation().info());
    v.add(wire.collation() == null ? null : wire.collation().sortId());
    return v.toArray();
  }

  /** The columns of "Result Sets", with the NULL and NOT NULL the page gives them. */
  static List<ResultTable.Col> columns() {
    List<ResultTable.Col> c = new ArrayList<>();
    c.add(notNull("is_hidden", SqlType.BIT));
    c.add(notNull("column_ordinal", SqlType.INT));
    c.add(col("name", SqlType.SYSNAME));
    c.add(notNull("is_nullable", SqlType.BIT));
    c.add(notNull("system_type_id", SqlType.INT));
    c.add(col("system_type_name", SqlType.nvarchar(256)));
    c.add(notNull("max_length", SqlType.SMALLINT));
    c.add(notNull("precision", SqlType.TINYINT));
    c.add(notNull("scale", SqlType.TINYINT));
    c.add(col("collation_name", SqlType.SYSNAME));
    c.add(col("user_type_id", SqlType.INT));
    c.add(col("user_type_database", SqlType.SYSNAME));
    c.add(col("user_type_schema", SqlType.SYSNAME));
    c.add(col("user_type_name", SqlType.SYSNAME));
    c.add(col("assembly_qualified_type_name", SqlType.nvarchar(4000)));
    c.add(col("xml_collection_id", SqlType.INT));
    c.add(col("xml_collection_database", SqlType.SYSNAME));
    c.add(col("xml_collection_schema", SqlType.SYSNAME));
    c.add(col("xml_collection_name", SqlType.SYSNAME));
    c.add(notNull("is_xml_document", SqlType.BIT));
    c.add(notNull("is_case_sensitive", SqlType.BIT));
    c.add(notNull("is_fixed_length_clr_type", SqlType.BIT));
    for (String s : List.of("server", "database", "schema", "table", "column")) {
      c.add(col("source_" + s, SqlType.SYSNAME));
    }
    for (String s :
        List.of(
            "is_identity_column",
            "is_part_of_unique_key",
            "is_updateable",
            "is_computed_column",
            "is_sparse_column_set")) {
      c.add(col(s, SqlType.BIT));
    }
    c.add(col("ordinal_in_order_by_list", SqlType.SMALLINT));
    c.add(col("order_by_list_length", SqlType.SMALLINT));
    c.add(col("order_by_is_descending", SqlType.SMALLINT));
    c.add(notNull("tds_type_id", SqlType.INT));
    c.add(notNull("tds_length", SqlType.INT));
    c.add(col("tds_collation_id", SqlType.INT));
    c.add(col("tds_collation_sort_id", SqlType.TINYINT));
    return c;
  }
}
