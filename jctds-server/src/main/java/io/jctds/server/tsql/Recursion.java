package io.jctds.server.tsql;

import java.util.ArrayList;
import java.util.List;

/**
 * MAXRECURSION for recursive CTEs ("WITH common_table_expression": at most 100 recursion levels
 * unless OPTION (MAXRECURSION n) says otherwise, 0 meaning no limit; past it, error 530). H2 has no
 * limit, so the CTE gets a hidden level column: 0 in its anchor members, the referenced row's level
 * plus one in its recursive members, whose WHERE checks it against the limit.
 */
final class Recursion {
  /** The hidden level column. */
  static final String LEVEL = "$lvl";

  /** SQL Server's default MAXRECURSION. */
  static final int DEFAULT_MAX = 100;

  private Recursion() {}

  /** The CTE with the level column and checks. */
  static QueryExpr.Cte withLevel(QueryExpr.Cte cte, int max) {
    QueryExpr q = cte.query();
    QueryExpr levelled =
        new QueryExpr(
            q.with(),
            body(q.body(), cte.name(), max),
            q.orderBy(),
            q.offset(),
            q.fetch(),
            q.maxRecursion());
    List<String> columns = cte.columns();
    if (!columns.isEmpty()) {
      columns = new ArrayList<>(columns);
      columns.add(LEVEL);
    }
    return new QueryExpr.Cte(cte.name(), columns, levelled);
  }

  private static QueryExpr.Body body(QueryExpr.Body b, String cte, int max) {
    if (b instanceof QueryExpr.SetOp op) {
      return new QueryExpr.SetOp(body(op.left(), cte, max), op.op(), body(op.right(), cte, max));
    }
    if (b instanceof QueryExpr.Nested n) {
      QueryExpr q = n.query();
      return new QueryExpr.Nested(
          new QueryExpr(
              q.with(),
              body(q.body(), cte, max),
              q.orderBy(),
              q.offset(),
              q.fetch(),
              q.maxRecursion()));
    }
    QueryExpr.Select s = (QueryExpr.Select) b;
    String alias = alias(s.from(), cte);
    List<QueryExpr.Item> items = new ArrayList<>(s.items());
    Expr where = s.where();
    if (alias == null) {
      items.add(new QueryExpr.ExprItem(new Expr.Literal(Expr.Literal.Kind.NUMBER, "0"), LEVEL));
    } else {
      Expr level =
          new Expr.Binary(
              "+",
              new Expr.Column(List.of(alias, LEVEL)),
              new Expr.Literal(Expr.Literal.Kind.NUMBER, "1"));
      items.add(new QueryExpr.ExprItem(level, LEVEL));
      if (max > 0) {
        Expr check =
            new Expr.Binary(
                "=",
                new Expr.Call(
                    List.of("$RECURSION"),
                    List.of(level, new Expr.Literal(Expr.Literal.Kind.NUMBER, String.valueOf(max))),
                    false,
                    false,
                    null,
                    List.of()),
                new Expr.Literal(Expr.Literal.Kind.NUMBER, "1"));
        where = where == null ? check : new Expr.Binary("AND", new Expr.Paren(where), check);
      }
    }
    return new QueryExpr.Select(
        s.distinct(), s.top(), items, s.into(), s.from(), where, s.groupBy(), s.having());
  }

  /** The name under which a SELECT's FROM reads the CTE, or null when it does not. */
  private static String alias(List<QueryExpr.TableRef> from, String cte) {
    for (QueryExpr.TableRef r : from) {
      if (r instanceof QueryExpr.Named n
          && n.name().size() == 1
          && n.name().get(0).equalsIgnoreCase(cte)) {
        return n.alias() != null ? n.alias() : n.name().get(0);
      }
      if (r instanceof QueryExpr.Join j) {
        String a = alias(List.of(j.left(), j.right()), cte);
        if (a != null) {
          return a;
        }
      }
    }
    return null;
  }
}
