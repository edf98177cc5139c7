package io.jctds.server.tsql;

import static io.jctds.server.tsql.UndeclaredParameters.key;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type deduction of sp_describe_undeclared_parameters ("Parameter Selection Algorithm"): a
 * parameter takes the type of what it is compared with (=, &lt;&gt;), assigned to (SET, SELECT
 *
 * @v =, an UPDATE's column, an INSERT's column), cast to, or passed as (a procedure's formal
 *     parameter); as an argument of &lt; &gt; &lt;= &gt;= BETWEEN LIKE, of arithmetic or of a
 *     function, the general deduction applies: the candidate type nearest to the typed side's (the
 *     same integer, money, float, date and time types; numeric(38,19) for decimal and numeric;
 *     varchar(8000), nvarchar(4000) and varbinary(8000), or their (max) forms; time(7),
 *     datetime2(7), datetimeoffset(7)), the one of higher precedence when an enclosing comparison
 *     also has a type. The typed side's type is what the server gives the expression when it
 *     translates it alone.
 */
final class ParameterTypes {
  private static final Set<String> COMPARISONS =
      Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>");

  private final Runner r;
  private final Map<String, Variable> declared;
  private final Map<String, UndeclaredParameters.Found> found;

  ParameterTypes(
      Runner r, Map<String, Variable> declared, Map<String, UndeclaredParameters.Found> found) {
    this.r = r;
    this.declared = declared;
    this.found = found;
  }

  void statements(List<Stmt> list) {
    for (Stmt st : list) {
      statement(st);
    }
  }

  private void statement(Stmt st) {
    List<QueryExpr.TableRef> none = List.of();
    if (st instanceof Stmt.Select s) {
      query(s.query(), none);
    } else if (st instanceof Stmt.Insert ins) {
      insert(ins);
    } else if (st instanceof Stmt.Update up) {
      update(up);
    } else if (st instanceof Stmt.Delete d) {
      List<QueryExpr.TableRef> from = withTarget(d.target(), d.from());
      expr(d.where(), from, null, false);
    } else if (st instanceof Stmt.Declare d) {
      for (Stmt.VarDecl v : d.variables()) {
        expr(v.initial(), none, v.type(), true);
        if (v.type() != null) {
          Variable var = new Variable(v.name(), v.type(), null);
          declared.put(key(v.name()), var);
          r.s.variables.put(key(v.name()), var);
        }
      }
    } else if (st instanceof Stmt.SetVar sv) {
      assign(sv.name(), sv.value(), none);
    } else if (st instanceof Stmt.If i) {
      expr(i.condition(), none, null, false);
      statement(i.then());
      if (i.otherwise() != null) {
        statement(i.otherwise());
      }
    } else if (st instanceof Stmt.While w) {
      expr(w.condition(), none, null, false);
      statement(w.body());
    } else if (st instanceof Stmt.Block b) {
      statements(b.body());
    } else if (st instanceof Stmt.TryCatch tc) {
      statements(tc.body());
      statements(tc.handler());
    } else if (st instanceof Stmt.Exec e) {
      exec(e);
    } else if (st instanceof Stmt.Return ret) {
      expr(ret.value(), none, SqlType.INT, true);
    } else if (st instanceof Stmt.Print p) {
      expr(p.message(), none, SqlType.nvarchar(4000), false);
    }
  }

  /** {@code @v = value}: a declared @v types the value; an undeclared one is an output. */
  private void assign(String variable, Expr value, List<QueryExpr.TableRef> from) {
    Variable v = declared.get(key(variable));
    if (v != null) {
      expr(value, from, v.type(), true);
      return;
    }
    UndeclaredParameters.Found f = use(variable, typeOf(value, from));
    f.input = false;
    f.output = true;
    expr(value, from, null, false);
  }

  private void query(QueryExpr q, List<QueryExpr.TableRef> outer) {
    for (QueryExpr.Cte cte : q.with()) {
      query(cte.query(), outer);
    }
    body(q.body(), outer);
    List<QueryExpr.TableRef> from = fromOf(q.body(), outer);
    for (Expr.Order o : q.orderBy()) {
      expr(o.expr(), from, null, false);
    }
    expr(q.offset(), from, SqlType.BIGINT, true);
    expr(q.fetch(), from, SqlType.BIGINT, true);
  }

  private void body(QueryExpr.Body b, List<QueryExpr.TableRef> outer) {
    if (b instanceof QueryExpr.SetOp op) {
      body(op.left(), outer);
      body(op.right(), outer);
    } else if (b instanceof QueryExpr.Nested n) {
      query(n.query(), outer);
    } else if (b instanceof QueryExpr.Select s) {
      select(s, fromOf(s, outer));
    }
  }

  private void select(QueryExpr.Select s, List<QueryExpr.TableRef> from) {
    if (s.top() != null) {
      expr(s.top().count(), from, SqlType.BIGINT, true);
    }
    for (QueryExpr.Item item : s.items()) {
      if (item instanceof QueryExpr.ExprItem e) {
        expr(e.expr(), from, null, false);
      } else if (item instanceof QueryExpr.Assign a) {
        assign(a.variable(), a.expr(), from);
      }
    }
    for (QueryExpr.TableRef ref : s.from()) {
      tableRef(ref, from);
    }
    expr(s.where(), from, null, false);
    for (Expr g : s.groupBy()) {
      expr(g, from, null, false);
    }
    expr(s.having(), from, null, false);
  }

  private void tableRef(QueryExpr.TableRef ref, List<QueryExpr.TableRef> from) {
    if (ref instanceof QueryExpr.Join j) {
      tableRef(j.left(), from);
      tableRef(j.right(), from);
      expr(j.on(), from, null, false);
    } else if (ref instanceof QueryExpr.Derived d) {
      query(d.query(), List.of());
    }
  }

  /** A SELECT's FROM, then the enclosing query's (for correlated references). */
  private static List<QueryExpr.TableRef> fromOf(QueryExpr.Body b, List<QueryExpr.TableRef> outer) {
    if (!(b instanceof QueryExpr.Select s)) {
      return outer;
    }
    List<QueryExpr.TableRef> all = new ArrayList<>(s.from());
    all.addAll(outer);
    return all;
  }

  private static List<QueryExpr.TableRef> withTarget(
      Stmt.Target target, List<QueryExpr.TableRef> from) {
    List<QueryExpr.TableRef> all = new ArrayList<>();
    if (target.name() != null && from.isEmpty()) {
      all.add(new QueryExpr.Named(target.name(), target.alias()));
    }
    all.addAll(from);
    return all;
  }

  private void insert(Stmt.Insert ins) {
    if (ins.exec() != null) {
      exec(ins.exec());
      return;
    }
    List<SqlType> types = insertTypes(ins);
    if (ins.values() != null) {
      for (List<Expr> row : ins.values()) {
        for (int i = 0; i < row.size(); i++) {
          expr(row.get(i), List.of(), i < types.size() ? types.get(i) : null, true);
        }
      }
    } else if (ins.query() != null) {
      if (ins.query().body() instanceof QueryExpr.Select s) {
        List<QueryExpr.TableRef> from = fromOf(s, List.of());
        for (int i = 0; i < s.items().size(); i++) {
          if (s.items().get(i) instanceof QueryExpr.ExprItem e) {
            expr(e.expr(), from, i < types.size() ? types.get(i) : null, true);
          }
        }
        expr(s.where(), from, null, false);
      } else {
        query(ins.query(), List.of());
      }
    }
  }

  /** The types of an INSERT's target columns, in the order its values fill them. */
  private List<SqlType> insertTypes(Stmt.Insert ins) {
    Catalog.Table t = new DmlTranslator(r.s, table -> false).target(ins.target());
    List<SqlType> out = new ArrayList<>();
    if (ins.columns().isEmpty()) {
      for (Catalog.Column c : t.columns()) {
        if (!c.identity() && !c.computed()) {
          out.add(c.type());
        }
      }
      return out;
    }
    for (String n : ins.columns()) {
      Catalog.Column c = t.column(n);
      if (c == null) {
        throw SqlException.invalidColumn(n);
      }
      out.add(c.type());
    }
    return out;
  }

  private void update(Stmt.Update up) {
    DmlTranslator t = new DmlTranslator(r.s, table -> false);
    Catalog.Table table = t.target(up.target(), up.from());
    List<QueryExpr.TableRef> from = withTarget(up.target(), up.from());
    for (Stmt.SetColumn set : up.sets()) {
      Catalog.Column c = table.column(set.column().get(set.column().size() - 1));
      if (c == null) {
        throw SqlException.invalidColumn(String.join(".", set.column()));
      }
      expr(set.value(), from, c.type(), "=".equals(set.op()));
    }
    for (QueryExpr.TableRef ref : up.from()) {
      tableRef(ref, from);
    }
    expr(up.where(), from, null, false);
  }

  private void exec(Stmt.Exec e) {
    if (e.procedure() == null) {
      expr(e.text(), List.of(), SqlType.nvarchar(SqlType.MAX), false);
      return;
    }
    List<Binding.Formal> formals = ProcedureProcedures.formals(r, e.procedure());
    boolean named = false;
    for (int i = 0; i < e.args().size(); i++) {
      Stmt.ExecArg a = e.args().get(i);
      named |= a.name() != null;
      Binding.Formal f = formal(formals, a.name(), named ? -1 : i);
      if (a.value() instanceof Expr.Var v && undeclared(v.name()) && f != null) {
        UndeclaredParameters.Found found = use(v.name(), f.type());
        found.formal = f.name();
        found.output = a.output();
      } else {
        expr(a.value(), List.of(), f == null ? null : f.type(), true);
      }
    }
  }

  private static Binding.Formal formal(List<Binding.Formal> formals, String name, int position) {
    if (name == null) {
      return position >= 0 && position < formals.size() ? formals.get(position) : null;
    }
    for (Binding.Formal f : formals) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  // ---- expressions ----

  /**
   * Visits {@code e}: an undeclared parameter directly in it takes {@code target} ({@code simple}:
   * as is, else by general deduction); a typed side of a comparison, assignment or arithmetic gives
   * its parameters a target.
   */
  private void expr(Expr e, List<QueryExpr.TableRef> from, SqlType target, boolean simple) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.Var v) {
      if (undeclared(v.name())) {
        use(v.name(), target == null ? null : simple ? target : general(target));
      }
    } else if (e instanceof Expr.Paren p) {
      expr(p.inner(), from, target, simple);
    } else if (e instanceof Expr.Collate c) {
      expr(c.operand(), from, target, simple);
    } else if (e instanceof Expr.Binary b) {
      binary(b, from, target);
    } else if (e instanceof Expr.Unary u) {
      expr(u.operand(), from, u.op().equalsIgnoreCase("NOT") ? null : target, false);
    } else if (e instanceof Expr.Cast c) {
      expr(c.operand(), from, c.type(), true);
    } else if (e instanceof Expr.Convert c) {
      expr(c.operand(), from, c.type(), true);
      expr(c.style(), from, SqlType.INT, true);
    } else {
      other(e, from, target);
    }
  }

  private void other(Expr e, List<QueryExpr.TableRef> from, SqlType target) {
    if (e instanceof Expr.Between b) {
      pair(b.operand(), b.low(), from, false);
      pair(b.operand(), b.high(), from, false);
    } else if (e instanceof Expr.Like l) {
      pair(l.operand(), l.pattern(), from, false);
      expr(l.escape(), from, SqlType.varchar(1), false);
    } else if (e instanceof Expr.In in) {
      for (Expr item : in.list() == null ? List.<Expr>of() : in.list()) {
        pair(in.operand(), item, from, true);
      }
      if (in.subquery() != null) {
        expr(in.operand(), from, typeOf(in.subquery(), from), true);
        query(in.subquery(), from);
      }
    } else if (e instanceof Expr.IsNull n) {
      expr(n.operand(), from, null, false);
    } else if (e instanceof Expr.Exists x) {
      query(x.subquery(), from);
    } else if (e instanceof Expr.Subquery s) {
      query(s.query(), from);
    } else if (e instanceof Expr.Quantified q) {
      expr(q.operand(), from, typeOf(q.subquery(), from), "=".equals(q.op()));
      query(q.subquery(), from);
    } else if (e instanceof Expr.Case c) {
      expr(c.operand(), from, null, false);
      for (Expr.When w : c.whens()) {
        if (c.operand() != null) {
          pair(c.operand(), w.condition(), from, true);
        } else {
          expr(w.condition(), from, null, false);
        }
        expr(w.result(), from, target, false);
      }
      expr(c.otherwise(), from, target, false);
    } else if (e instanceof Expr.Call c) {
      for (Expr a : c.args()) {
        expr(a, from, target, false);
      }
    }
  }

  private void binary(Expr.Binary b, List<QueryExpr.TableRef> from, SqlType target) {
    String op = b.op().toUpperCase(java.util.Locale.ROOT);
    if (op.equals("AND") || op.equals("OR")) {
      expr(b.left(), from, null, false);
      expr(b.right(), from, null, false);
    } else if (COMPARISONS.contains(op)) {
      pair(b.left(), b.right(), from, op.equals("=") || op.equals("<>") || op.equals("!="));
    } else {
      arithmetic(b.left(), b.right(), from, target);
    }
  }

  /** Two compared expressions: the typed one types the other's parameters. */
  private void pair(Expr left, Expr right, List<QueryExpr.TableRef> from, boolean simple) {
    String l = firstUndeclared(left);
    String rt = firstUndeclared(right);
    if (l != null && rt != null) {
      throw twoUntyped(l, rt);
    }
    if (l != null) {
      expr(right, from, null, false);
      expr(left, from, typeOf(right, from), simple);
    } else if (rt != null) {
      expr(left, from, null, false);
      expr(right, from, typeOf(left, from), simple);
    } else {
      expr(left, from, null, false);
      expr(right, from, null, false);
    }
  }

  private void arithmetic(Expr left, Expr right, List<QueryExpr.TableRef> from, SqlType target) {
    String l = firstUndeclared(left);
    String rt = firstUndeclared(right);
    if (l != null && rt != null) {
      throw twoUntyped(l, rt);
    }
    Expr untyped = l != null ? left : rt != null ? right : null;
    if (untyped == null) {
      expr(left, from, null, false);
      expr(right, from, null, false);
      return;
    }
    Expr typed = untyped == left ? right : left;
    SqlType t = typeOf(typed, from);
    SqlType candidate = t == null ? null : general(t);
    if (target != null
        && (candidate == null
            || general(target).base().precedence() > candidate.base().precedence())) {
      candidate = general(target);
    }
    expr(typed, from, null, false);
    expr(untyped, from, candidate, true);
  }

  private static SqlException twoUntyped(String a, String b) {
    return new SqlException(
        11503,
        16,
        1,
        "The parameter type cannot be deduced because a single expression contains two untyped"
            + " parameters, '"
            + a
            + "' and '"
            + b
            + "'.",
        false);
  }

  /**
   * The candidate type "general deduction" picks for a value compared with one of type {@code t}.
   */
  static SqlType general(SqlType t) {
    return switch (t.base()) {
      case DECIMAL, NUMERIC -> SqlType.numeric(38, 19);
      case CHAR, VARCHAR -> SqlType.varchar(t.isMax() ? SqlType.MAX : 8000);
      case TEXT -> SqlType.varchar(SqlType.MAX);
      case NCHAR, NVARCHAR -> SqlType.nvarchar(t.isMax() ? SqlType.MAX : 4000);
      case NTEXT -> SqlType.nvarchar(SqlType.MAX);
      case BINARY, VARBINARY -> SqlType.varbinary(t.isMax() ? SqlType.MAX : 8000);
      case IMAGE -> SqlType.varbinary(SqlType.MAX);
      case TIME -> SqlType.time(7);
      case DATETIME2 -> SqlType.datetime2(7);
      case DATETIMEOFFSET -> SqlType.datetimeoffset(7);
      default -> t;
    };
  }

  // ---- parameters ----

  private boolean undeclared(String name) {
    return !declared.containsKey(key(name)) && !name.startsWith("@@");
  }

  /** Records a use of parameter {@code name}; a second use is error 11508. */
  private UndeclaredParameters.Found use(String name, SqlType type) {
    UndeclaredParameters.Found f =
        found.computeIfAbsent(key(name), k -> new UndeclaredParameters.Found(name));
    if (++f.uses > 1) {
      throw new SqlException(
          11508,
          16,
          1,
          "The undeclared parameter '"
              + name
              + "' is used more than once in the batch being"
              + " analyzed.",
          false);
    }
    if (type != null) {
      f.type = type;
    }
    return f;
  }

  /** The first undeclared parameter in {@code e}, or null. */
  private String firstUndeclared(Expr e) {
    List<String> names = new ArrayList<>();
    collect(e, names);
    for (String n : names) {
      if (undeclared(n)) {
        return n;
      }
    }
    return null;
  }

  /** Adds the variables {@code e} names outside its subqueries, in order. */
  private static void collect(Expr e, List<String> out) {
    if (e instanceof Expr.Var v) {
      out.add(v.name());
    } else if (e instanceof Expr.Paren p) {
      collect(p.inner(), out);
    } else if (e instanceof Expr.Collate c) {
      collect(c.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (e instanceof Expr.Unary u) {
      collect(u.operand(), out);
    } else if (e instanceof Expr.Cast c) {
      collect(c.operand(), out);
    } else if (e instanceof Expr.Convert c) {
      collect(c.operand(), out);
    } else if (e instanceof Expr.Between b) {
      collect(b.operand(), out);
      collect(b.low(), out);
      collect(b.high(), out);
    } else if (e instanceof Expr.Like l) {
      collect(l.operand(), out);
      collect(l.pattern(), out);
    } else if (e instanceof Expr.IsNull n) {
      collect(n.operand(), out);
    } else if (e instanceof Expr.Call c) {
      for (Expr a : c.args()) {
        collect(a, out);
      }
    } else if (e instanceof Expr.Case c) {
      collect(c.operand(), out);
      for (Expr.When w : c.whens()) {
        collect(w.condition(), out);
        collect(w.result(), out);
      }
      collect(c.otherwise(), out);
    }
  }

  /** The type the server gives {@code e} in a query over {@code from}, or null when unknown. */
  private SqlType typeOf(Expr e, List<QueryExpr.TableRef> from) {
    if (e == null || firstUndeclared(e) != null) {
      return null;
    }
    QueryExpr.Select s =
        new QueryExpr.Select(
            false,
            null,
            List.of(new QueryExpr.ExprItem(e, null)),
            null,
            from,
            null,
            List.of(),
            null);
    return typeOf(QueryExpr.of(s), from);
  }

  /** The type of the first column of {@code q}, or null when unknown. */
  private SqlType typeOf(QueryExpr q, List<QueryExpr.TableRef> from) {
    try {
      Translated tr = new DmlTranslator(r.s, table -> false).query(q, null);
      Translated.Column c = tr.columns().get(0);
      if (c.type() != null) {
        return c.type();
      }
      try (PreparedStatement ps = r.s.connection().prepareStatement(tr.sql())) {
        return Jdbc.type(c, ps.getMetaData(), 1);
      }
    } catch (SqlException | SQLException e) {
      return null;
    }
  }
}
