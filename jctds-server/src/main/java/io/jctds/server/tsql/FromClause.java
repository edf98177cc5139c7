package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.TypeRules;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * FROM sources: tables, views and temporary tables by name (error 208 when missing), CTEs, table
 * variables, derived tables, VALUES, GENERATE_SERIES and STRING_SPLIT, and joins. Each source is
 * added to the query's scope as it is translated, so ON clauses see the sources before them.
 */
final class FromClause {
  private FromClause() {}

  static String translate(QueryTranslator t, List<QueryExpr.TableRef> from) {
    List<String> parts = new ArrayList<>();
    for (QueryExpr.TableRef r : from) {
      parts.add(source(t, r));
    }
    return String.join(", ", parts);
  }

  static String source(QueryTranslator t, QueryExpr.TableRef r) {
    if (r instanceof QueryExpr.Named n) {
      return named(t, n.name(), n.alias());
    }
    if (r instanceof QueryExpr.Join j) {
      String left = source(t, j.left());
      String right = source(t, j.right());
      String on = j.on() == null ? "" : " ON " + t.condition(j.on()).text();
      return left + " " + j.type() + " " + right + on;
    }
    if (r instanceof QueryExpr.Derived d) {
      Translated q = t.query(d.query(), t.scope.parent());
      return add(
          t,
          List.of(d.alias()),
          d.alias(),
          columns(q, d.columns(), d.alias()),
          "(" + q.sql() + ")",
          !d.columns().isEmpty());
    }
    if (r instanceof QueryExpr.Values v) {
      return values(t, v);
    }
    if (r instanceof QueryExpr.VarTable v) {
      return tableVariable(t, v.variable(), v.alias());
    }
    return function(t, (QueryExpr.Function) r);
  }

  /** Adds a source to the scope and returns its SQL with alias (and column list). */
  private static String add(
      QueryTranslator t,
      List<String> names,
      String alias,
      List<Scope.Col> cols,
      String sql,
      boolean columnList) {
    for (Scope.Source s : t.scope.sources()) {
      for (String n : names) {
        if (s.matches(List.of(n))) {
          throw new SqlException(
              1013,
              16,
              1,
              "The objects \""
                  + n
                  + "\" and \""
                  + n
                  + "\" in the FROM clause have the same"
                  + " exposed names. Use correlation names to distinguish them.",
              true);
        }
      }
    }
    t.scope.add(new Scope.Source(names, alias, cols));
    StringBuilder sb = new StringBuilder(sql).append(" AS ").append(Names.quote(alias));
    if (columnList) {
      List<String> quoted = new ArrayList<>();
      for (Scope.Col c : cols) {
        quoted.add(Names.quote(c.name()));
      }
      sb.append('(').append(String.join(", ", quoted)).append(')');
    }
    return sb.toString();
  }

  private static List<Scope.Col> columns(Translated q, List<String> names, String what) {
    List<Scope.Col> cols = new ArrayList<>();
    if (!names.isEmpty() && names.size() != q.columns().size()) {
      throw new SqlException(
          8158,
          16,
          1,
          "'" + what + "' has more columns than were specified in the column list.",
          true);
    }
    for (int i = 0; i < q.columns().size(); i++) {
      Translated.Column c = q.columns().get(i);
      String n = names.isEmpty() ? c.name() : names.get(i);
      if (n.isEmpty()) {
        throw new SqlException(
            8155,
            16,
            2,
            "No column name was specified for column " + (i + 1) + " of '" + what + "'.",
            true);
      }
      cols.add(new Scope.Col(n, c.type(), c.nullable()));
    }
    return cols;
  }

  private static String named(QueryTranslator t, List<String> parts, String alias) {
    if (parts.size() == 1 && t.cte(parts.get(0)) != null) {
      Translated cte = t.cte(parts.get(0));
      String a = alias != null ? alias : parts.get(0);
      List<Scope.Col> cols = new ArrayList<>(columns(cte, List.of(), parts.get(0)));
      cols.removeIf(c -> c.name().equals(Recursion.LEVEL) && !hiddenVisible(t));
      return add(t, List.of(a), a, cols, Names.quote(parts.get(0)), false);
    }
    ObjectName on = ObjectName.resolve(t.ctx, parts);
    Catalog.Table table = table(t.ctx, on);
    if (table == null) {
      throw SqlException.invalidObject(on.written());
    }
    List<String> names =
        alias != null
            ? List.of(alias)
            : List.of(
                table.name(),
                table.schema() + "." + table.name(),
                table.database() + "." + table.schema() + "." + table.name(),
                table.database() + ".." + table.name());
    String a = alias != null ? alias : table.name();
    return add(t, names, a, columns(table), table.h2Name(), false);
  }

  /** Whether the hidden level column must stay visible (inside the CTE's own definition). */
  private static boolean hiddenVisible(QueryTranslator t) {
    return t.insideRecursiveCte > 0;
  }

  static Catalog.Table table(Context ctx, ObjectName on) {
    try {
      return ctx.catalog().table(on.database(), on.schema(), on.name());
    } catch (SQLException e) {
      throw new SqlException(50000, 16, 1, "reading the catalog failed: " + e.getMessage(), true);
    }
  }

  static List<Scope.Col> columns(Catalog.Table table) {
    List<Scope.Col> cols = new ArrayList<>();
    for (Catalog.Column c : table.columns()) {
      cols.add(new Scope.Col(c.name(), c.type(), c.nullable()));
    }
    return cols;
  }

  private static String tableVariable(QueryTranslator t, String name, String alias) {
    Variable v = t.ctx.variable(name);
    if (v == null || v.table() == null) {
      throw new SqlException(
          1087, 16, 1, "Must declare the table variable \"" + name + "\".", true);
    }
    Catalog.Table table = table(t.ctx, new ObjectName(Names.TEMPDB, Names.DBO, v.table(), name));
    if (table == null) {
      throw new SqlException(
          1087, 16, 1, "Must declare the table variable \"" + name + "\".", true);
    }
    String a = alias != null ? alias : name;
    return add(t, List.of(a), a, columns(table), table.h2Name(), false);
  }

  private static String values(QueryTranslator t, QueryExpr.Values v) {
    List<List<Sql>> rows = new ArrayList<>();
    int width = -1;
    for (List<Expr> row : v.rows()) {
      List<Sql> r = new ArrayList<>();
      for (Expr e : row) {
        r.add(t.value(e));
      }
      if (width >= 0 && r.size() != width) {
        throw new SqlException(
            10709,
            16,
            1,
            "The number of columns for each row in a table value constructor must be the same.",
            true);
      }
      width = r.size();
      rows.add(r);
    }
    if (v.columns().size() != width) {
      throw new SqlException(
          8158,
          16,
          1,
          "'" + v.alias() + "' has more columns than were specified in the column list.",
          true);
    }
    List<Scope.Col> cols = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      cols.add(new Scope.Col(v.columns().get(i), QueryTranslator.valuesType(rows, i), true));
    }
    List<String> rowTexts = new ArrayList<>();
    for (List<Sql> r : rows) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        texts.add(Conversions.implicit(t, r.get(i), cols.get(i).type()).text());
      }
      rowTexts.add("(" + String.join(", ", texts) + ")");
    }
    return add(
        t,
        List.of(v.alias()),
        v.alias(),
        cols,
        "(VALUES " + String.join(", ", rowTexts) + ")",
        true);
  }

  private static String function(QueryTranslator t, QueryExpr.Function f) {
    String name = f.call().simpleName().toUpperCase(Locale.ROOT);
    String alias = f.alias() != null ? f.alias() : f.call().simpleName();
    switch (name) {
      case "GENERATE_SERIES" -> {
        Functions.arity(f.call(), 2, 3);
        List<Sql> a = Functions.args(t, f.call());
        SqlType type = TypeRules.higher(a.get(0).type(), a.get(1).type());
        if (type == null || !type.base().isNumeric() || type.base() == SqlBase.BIT) {
          type = SqlType.INT;
        }
        // the default step repeats start and stop: translated again, so that their bound
        // parameters follow the SQL text's order (each ? its own value)
        List<Sql> again = a.size() == 3 ? a : Functions.args(t, f.call());
        String step =
            a.size() == 3
                ? a.get(2).text()
                : "CASE WHEN "
                    + again.get(0).text()
                    + " <= "
                    + again.get(1).text()
                    + " THEN 1 ELSE -1 END";
        String sql =
            "(SELECT CAST(\"X\" AS "
                + io.jctds.server.types.H2Types.ddl(type)
                + ") AS \"value\" FROM SYSTEM_RANGE("
                + a.get(0).text()
                + ", "
                + a.get(1).text()
                + ", "
                + step
                + "))";
        return add(
            t, List.of(alias), alias, List.of(new Scope.Col("value", type, false)), sql, false);
      }
      case "STRING_SPLIT" -> {
        Functions.arity(f.call(), 2, 3);
        List<Sql> a = Functions.args(t, f.call());
        SqlType type =
            a.get(0).type() != null && a.get(0).type().isUnicode()
                ? SqlType.nvarchar(4000)
                : SqlType.varchar(8000);
        List<Scope.Col> cols = new ArrayList<>(List.of(new Scope.Col("value", type, true)));
        String sql =
            "(SELECT \"value\""
                + (a.size() == 3 ? ", \"ordinal\"" : "")
                + " FROM"
                + " \"jctds\".\"string_split\"("
                + a.get(0).text()
                + ", "
                + a.get(1).text()
                + "))";
        if (a.size() == 3) {
          cols.add(new Scope.Col("ordinal", SqlType.BIGINT, false));
        }
        return add(t, List.of(alias), alias, cols, sql, false);
      }
      case "JCTDS_BENCH_ROWS" -> {
        Functions.arity(f.call(), 1, 1);
        String n = Functions.args(t, f.call()).get(0).text();
        return add(t, List.of(alias), alias, BenchTables.ROWS, BenchTables.rowsSql(n), false);
      }
      case "JCTDS_BENCH_BLOBS" -> {
        Functions.arity(f.call(), 2, 2);
        Expr sizeArg = f.call().args().get(1);
        int size =
            BenchTables.blobSize(
                sizeArg instanceof Expr.Literal l && l.text().matches("\\d{1,9}")
                    ? Long.valueOf(l.text())
                    : "an expression that is not an integer constant");
        String n = Functions.args(t, f.call()).get(0).text();
        return add(
            t,
            List.of(alias),
            alias,
            BenchTables.blobColumns(size),
            BenchTables.blobsSql(n, size),
            false);
      }
      default ->
          throw new SqlException(
              208, 16, 1, "Invalid object name '" + f.call().simpleName() + "'.", true);
    }
  }
}
