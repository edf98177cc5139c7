package io.jctds.server.sql;

import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Runs each kind of {@link Statement} for {@link BasicSqlEngine}. */
final class StatementRunner {
  private StatementRunner() {}

  static void run(BasicSqlEngine engine, SqlSession s, Statement st, ResultSink sink) {
    if (st instanceof Statement.Select sel) {
      select(s, sel, sink);
    } else if (st instanceof Statement.SetOption set) {
      setOption(s, set, sink);
    } else if (st instanceof Statement.SetLanguage lang) {
      setLanguage(s, lang, sink);
    } else if (st instanceof Statement.Use use) {
      use(s, use, sink);
    } else if (st instanceof Statement.Transaction tx) {
      TransactionStatements.run(s, tx, sink);
    } else if (st instanceof Statement.If when) {
      ifStatement(engine, s, when, sink);
    } else if (st instanceof Statement.Block block) {
      for (Statement inner : block.body()) {
        if (!engine.run(s, inner, sink)) {
          throw new BatchAborted();
        }
      }
    } else if (st instanceof Statement.Print print) {
      Object v = print.message().eval(new Scope(s, null, null));
      sink.message(BasicSqlEngine.info(s, 0, v == null ? "" : v.toString(), print.line()));
      sink.done(0, 0, 0);
    } else if (st instanceof Statement.Exec exec) {
      throw new SqlException(
          2812, 16, 62, "Could not find stored procedure '" + exec.procedure() + "'.", false);
    } else if (st instanceof Statement.Failing f) {
      throw f.error();
    }
  }

  /** Thrown through nested blocks when an inner statement stopped the batch (already reported). */
  static final class BatchAborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchAborted() {
      super("batch aborted", null, false, false);
    }
  }

  private static void ifStatement(
      BasicSqlEngine engine, SqlSession s, Statement.If when, ResultSink sink) {
    Scope scope = new Scope(s, null, null);
    when.condition().check(scope);
    Statement branch =
        Boolean.TRUE.equals(when.condition().test(scope)) ? when.then() : when.otherwise();
    if (branch != null && !engine.run(s, branch, sink)) {
      throw new BatchAborted();
    }
  }

  private static void select(SqlSession s, Statement.Select sel, ResultSink sink) {
    SystemView view = null;
    if (sel.from() != null) {
      view = sel.from().view();
      if (view == null) {
        throw SqlException.invalidObject(sel.from().written());
      }
    }
    Scope scope = new Scope(s, view, null);
    List<Typed> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Expr> exprs = new ArrayList<>();
    for (Statement.Select.Item item : sel.items()) {
      if (item.expr() == null) {
        star(view, types, names, exprs);
        continue;
      }
      types.add(item.expr().type(scope));
      names.add(item.alias() != null ? item.alias() : item.expr().columnName());
      exprs.add(item.expr());
    }
    if (sel.where() != null) {
      sel.where().check(scope);
    }
    List<Object[]> rows = rows(s, sel, view, scope, exprs);
    sink.columns(BasicSqlEngine.metadata(types, names));
    for (Object[] r : rows) {
      sink.row(r);
    }
    boolean count = !"ON".equals(s.option("NOCOUNT"));
    sink.done(count ? Done.STATUS_COUNT : 0, BasicSqlEngine.CMD_SELECT, rows.size());
    s.lastStatement(rows.size(), 0);
  }

  private static void star(
      SystemView view, List<Typed> types, List<String> names, List<Expr> exprs) {
    if (view == null) {
      throw new SqlException(263, 16, 1, "Must specify table to select from.", true);
    }
    for (SystemView.ViewColumn c : view.columns()) {
      types.add(c.typed());
      names.add(c.name());
      exprs.add(new Expr.Column(null, c.name()));
    }
  }

  private static List<Object[]> rows(
      SqlSession s, Statement.Select sel, SystemView view, Scope scope, List<Expr> exprs) {
    List<Object[]> source = view == null ? List.<Object[]>of(new Object[0]) : view.rows(s);
    List<Object[]> kept = new ArrayList<>();
    for (Object[] r : source) {
      if (sel.where() == null || Boolean.TRUE.equals(sel.where().test(scope.at(r)))) {
        kept.add(r);
      }
    }
    if (!sel.orderBy().isEmpty()) {
      kept.sort(order(sel.orderBy(), scope, exprs));
    }
    long limit = top(sel, scope);
    List<Object[]> out = new ArrayList<>();
    for (Object[] r : kept) {
      if (out.size() >= limit) {
        break;
      }
      Scope at = scope.at(r);
      Object[] values = new Object[exprs.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = exprs.get(i).eval(at);
      }
      out.add(values);
    }
    return out;
  }

  private static long top(Statement.Select sel, Scope scope) {
    if (sel.top() == null) {
      return Long.MAX_VALUE;
    }
    Object v = sel.top().eval(scope);
    if (!(v instanceof Number n) || n.longValue() < 0) {
      throw new SqlException(
          1060,
          16,
          1,
          "The number of rows in the TOP clause must be a non-negative integer.",
          false);
    }
    return n.longValue();
  }

  private static Comparator<Object[]> order(
      List<Statement.Select.Order> orderBy, Scope scope, List<Expr> exprs) {
    Comparator<Object[]> cmp = (a, b) -> 0;
    for (Statement.Select.Order o : orderBy) {
      Expr key = o.expr();
      if (key instanceof Expr.Literal lit && lit.value() instanceof Integer n) {
        if (n < 1 || n > exprs.size()) {
          throw new SqlException(
              108,
              16,
              1,
              "The ORDER BY position number "
                  + n
                  + " is out of range of the number"
                  + " of items in the select list.",
              true);
        }
        key = exprs.get(n - 1);
      }
      key.type(scope);
      Expr k = key;
      Comparator<Object[]> c =
          Comparator.comparing(
              (Object[] r) -> sortKey(k.eval(scope.at(r))),
              Comparator.nullsFirst(Comparator.<Comparable<Object>>naturalOrder()));
      cmp = cmp.thenComparing(o.descending() ? c.reversed() : c);
    }
    return cmp;
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> sortKey(Object v) {
    if (v instanceof String str) {
      return (Comparable<Object>) (Object) str.stripTrailing().toLowerCase(Locale.ROOT);
    }
    if (v instanceof Number n && !(v instanceof java.math.BigDecimal)) {
      return (Comparable<Object>) (Object) java.math.BigDecimal.valueOf(n.longValue());
    }
    return (Comparable<Object>) v;
  }

  private static void setOption(SqlSession s, Statement.SetOption set, ResultSink sink) {
    for (String name : set.names()) {
      if (name.equals("ANSI_DEFAULTS")) {
        SetParser.ANSI_DEFAULTS.forEach(o -> s.setOption(o, set.value()));
      }
      s.setOption(name, set.value());
    }
    sink.done(0, 0, 0);
  }

  private static void setLanguage(SqlSession s, Statement.SetLanguage lang, ResultSink sink) {
    String l = lang.language().toLowerCase(Locale.ROOT);
    if (!l.equals("us_english") && !l.equals("english")) {
      throw new SqlException(
          2732,
          16,
          1,
          "Language '"
              + lang.language()
              + "' is not supported: the jctds server"
              + " knows us_english only.",
          false);
    }
    sink.envChange(new EnvChange.Text(EnvChange.LANGUAGE, "us_english", s.language()));
    sink.message(
        BasicSqlEngine.info(s, 5703, "Changed language setting to us_english.", lang.line()));
    sink.done(0, 0, 0);
  }

  private static void use(SqlSession s, Statement.Use use, ResultSink sink) {
    String from = s.database();
    String to = s.useDatabase(use.database());
    if (to == null) {
      throw new SqlException(
          911,
          16,
          1,
          "Database '"
              + use.database()
              + "' does not exist. Make sure that the name"
              + " is entered correctly.",
          false);
    }
    BasicSqlEngine.databaseChanged(s, sink, from, to, use.line());
    sink.done(0, 0, 0);
  }
}
