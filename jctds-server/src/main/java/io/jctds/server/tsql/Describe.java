package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What sp_describe_first_result_set and sp_describe_undeclared_parameters share: the parameters
 *
 * @params declares as variables (NULL), running a translation with them as the session's only
 *     variables, and the table columns a SELECT's result columns come from.
 */
final class Describe {
  private Describe() {}

  /**
   * The parameters {@code decl} declares as NULL variables by lower-case name (none for NULL);
   * declaring one twice is an error, as @params is for sp_executesql.
   */
  static Map<String, Variable> parameters(Runner r, String decl) {
    Map<String, Variable> vars = new LinkedHashMap<>();
    for (Binding.Formal f : ExecuteSql.declarations(r, decl)) {
      String key = f.name().toLowerCase(Locale.ROOT);
      if (vars.containsKey(key)) {
        throw new SqlException(
            134,
            15,
            1,
            "The variable name '"
                + f.name()
                + "' has already been declared. Variable names must be unique within a query batch"
                + " or stored procedure.",
            false);
      }
      vars.put(key, new Variable(f.name(), f.type(), null));
    }
    return vars;
  }

  /** Runs {@code work} with {@code vars} as the session's only variables. */
  static void withVariables(Runner r, Map<String, Variable> vars, Runnable work) {
    Map<String, Variable> saved = new HashMap<>(r.s.variables);
    r.s.variables.clear();
    r.s.variables.putAll(vars);
    try {
      work.run();
    } finally {
      r.s.variables.clear();
      r.s.variables.putAll(saved);
    }
  }

  /** A table of a FROM clause and the name that qualifies its columns. */
  private record Source(String qualifier, Catalog.Table table) {}

  /**
   * For each of the {@code n} result columns of {@code q}, the table column it is (a plain column
   * reference or a {@code *}), or null (an expression, or a query this cannot follow).
   */
  static List<Catalog.Column> sources(Runner r, QueryExpr q, int n) {
    List<Catalog.Column> out = new ArrayList<>();
    for (Object[] found : resolve(r, q, n)) {
      out.add(found == null ? null : (Catalog.Column) found[1]);
    }
    return out;
  }

  /** For each result column, the table its {@link #sources source column} belongs to, or null. */
  static List<Catalog.Table> sourceTables(Runner r, QueryExpr q, int n) {
    List<Catalog.Table> out = new ArrayList<>();
    for (Object[] found : resolve(r, q, n)) {
      out.add(found == null ? null : (Catalog.Table) found[0]);
    }
    return out;
  }

  private static List<Object[]> resolve(Runner r, QueryExpr q, int n) {
    List<Object[]> none = new ArrayList<>(Collections.nCopies(n, null));
    if (!(q.body() instanceof QueryExpr.Select sel) || sel.from() == null) {
      return none;
    }
    List<Source> from = new ArrayList<>();
    for (QueryExpr.TableRef ref : sel.from()) {
      if (!tables(r, ref, from)) {
        return none;
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (QueryExpr.Item item : sel.items()) {
      if (item instanceof QueryExpr.StarItem star) {
        for (Source s : from) {
          if (star.qualifier().isEmpty() || matches(s, star.qualifier())) {
            for (Catalog.Column c : s.table().columns()) {
              out.add(new Object[] {s.table(), c});
            }
          }
        }
      } else if (item instanceof QueryExpr.ExprItem e) {
        out.add(column(from, unwrap(e.expr())));
      } else {
        out.add(null);
      }
    }
    return out.size() == n ? out : none;
  }

  /** Adds the named tables of {@code ref}; false when it has a source this cannot follow. */
  private static boolean tables(Runner r, QueryExpr.TableRef ref, List<Source> out) {
    if (ref instanceof QueryExpr.Join j) {
      return tables(r, j.left(), out) && tables(r, j.right(), out);
    }
    if (!(ref instanceof QueryExpr.Named named)) {
      return false;
    }
    ObjectName on = ObjectName.resolve(r.s, named.name());
    Catalog.Table t = FromClause.table(r.s, on);
    if (t == null) {
      return false;
    }
    out.add(new Source(named.alias() != null ? named.alias() : on.name(), t));
    return true;
  }

  private static boolean matches(Source s, List<String> qualifier) {
    return s.qualifier().equalsIgnoreCase(qualifier.get(qualifier.size() - 1));
  }

  private static Expr unwrap(Expr e) {
    return e instanceof Expr.Paren p ? unwrap(p.inner()) : e;
  }

  private static Object[] column(List<Source> from, Expr e) {
    if (!(e instanceof Expr.Column col)) {
      return null;
    }
    List<String> parts = col.parts();
    String name = parts.get(parts.size() - 1);
    Object[] found = null;
    for (Source s : from) {
      if (parts.size() > 1 && !matches(s, parts.subList(0, parts.size() - 1))) {
        continue;
      }
      Catalog.Column c = s.table().column(name);
      if (c != null) {
        if (found != null) {
          return null; // ambiguous: the translation has reported it already
        }
        found = new Object[] {s.table(), c};
      }
    }
    return found;
  }
}
