package io.jctds.server.tsql;

import java.util.List;

/** Finds table references in a query (for recursive CTEs). */
final class References {
  private References() {}

  /** Whether {@code q} reads a table named {@code name} (one-part name). */
  static boolean mentions(QueryExpr q, String name) {
    for (QueryExpr.Cte c : q.with()) {
      if (mentions(c.query(), name)) {
        return true;
      }
    }
    return mentions(q.body(), name);
  }

  private static boolean mentions(QueryExpr.Body b, String name) {
    if (b instanceof QueryExpr.Select s) {
      for (QueryExpr.TableRef r : s.from()) {
        if (mentions(r, name)) {
          return true;
        }
      }
      return false;
    }
    if (b instanceof QueryExpr.Nested n) {
      return mentions(n.query(), name);
    }
    QueryExpr.SetOp op = (QueryExpr.SetOp) b;
    return mentions(op.left(), name) || mentions(op.right(), name);
  }

  private static boolean mentions(QueryExpr.TableRef r, String name) {
    if (r instanceof QueryExpr.Named n) {
      List<String> parts = n.name();
      return parts.size() == 1 && parts.get(0).equalsIgnoreCase(name);
    }
    if (r instanceof QueryExpr.Join j) {
      return mentions(j.left(), name) || mentions(j.right(), name);
    }
    if (r instanceof QueryExpr.Derived d) {
      return mentions(d.query(), name);
    }
    return false;
  }

  /** The anchor member of a recursive CTE: the first SELECT of its UNION chain. */
  static QueryExpr anchor(QueryExpr q) {
    QueryExpr.Body b = q.body();
    while (b instanceof QueryExpr.SetOp op) {
      b = op.left();
    }
    if (b instanceof QueryExpr.Nested n) {
      return anchor(n.query());
    }
    return QueryExpr.of(b);
  }
}
