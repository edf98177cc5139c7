package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.TypeRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates query expressions: CTEs (recursive ones become H2's WITH RECURSIVE), SELECT with its
 * clauses, set operations, ORDER BY (by alias, position or expression), TOP as FETCH FIRST, OFFSET
 * ... FETCH. Result columns carry SQL Server types.
 */
class QueryTranslator extends ExprTranslator {
  /** CTEs visible by name (innermost definition wins). */
  final Map<String, Translated> ctes = new HashMap<>();

  /** Inside a recursive CTE's definition its hidden level column is visible. */
  int insideRecursiveCte;

  /** Whether the last translated SELECT assigned variables (SELECT @v = ...). */
  List<QueryExpr.Assign> assignments = List.of();

  QueryTranslator(Context ctx) {
    super(ctx);
  }

  @Override
  Translated query(QueryExpr q, Scope outer) {
    Scope saved = scope;
    Set<String> savedGroups = groupedStrings;
    int savedDepth = aggregateDepth;
    Map<String, Translated> savedCtes = new HashMap<>(ctes);
    try {
      aggregateDepth = 0;
      groupedStrings = new HashSet<>();
      String with = ctes(q.with(), outer, q.maxRecursion());
      Translated body = body(q, outer);
      return new Translated(with + body.sql(), body.columns());
    } finally {
      scope = saved;
      groupedStrings = savedGroups;
      aggregateDepth = savedDepth;
      ctes.clear();
      ctes.putAll(savedCtes);
    }
  }

  private String ctes(List<QueryExpr.Cte> list, Scope outer, int maxRecursion) {
    if (list.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    boolean recursive = false;
    for (QueryExpr.Cte original : list) {
      boolean self = References.mentions(original.query(), original.name());
      QueryExpr.Cte cte =
          self
              ? Recursion.withLevel(
                  original, maxRecursion < 0 ? Recursion.DEFAULT_MAX : maxRecursion)
              : original;
      recursive |= self;
      Translated t;
      insideRecursiveCte += self ? 1 : 0;
      try {
        if (self) {
          QueryExpr anchor = References.anchor(cte.query());
          Translated a = query(anchor, outer);
          ctes.put(Names.key(cte.name()), named(a, cte.columns(), cte.name()));
        }
        t = query(cte.query(), outer);
      } finally {
        insideRecursiveCte -= self ? 1 : 0;
      }
      Translated named = named(t, cte.columns(), cte.name());
      ctes.put(Names.key(cte.name()), named);
      List<String> cols = new ArrayList<>();
      for (Translated.Column c : named.columns()) {
        cols.add(Names.quote(c.name()));
      }
      parts.add(Names.quote(cte.name()) + "(" + String.join(", ", cols) + ") AS (" + t.sql() + ")");
    }
    return "WITH " + (recursive ? "RECURSIVE " : "") + String.join(", ", parts) + " ";
  }

  /** {@code t} with the column names of a column list (error 8158/8159 on a count mismatch). */
  private static Translated named(Translated t, List<String> names, String what) {
    List<Translated.Column> cols = new ArrayList<>();
    if (!names.isEmpty() && names.size() != t.columns().size()) {
      throw new SqlException(
          8158,
          16,
          1,
          "'" + what + "' has more columns than were specified in the column list.",
          true);
    }
    for (int i = 0; i < t.columns().size(); i++) {
      Translated.Column c = t.columns().get(i);
      String n = names.isEmpty() ? c.name() : names.get(i);
      if (n.isEmpty()) {
        throw new SqlException(
            8155,
            16,
            2,
            "No column name was specified for column " + (i + 1) + " of '" + what + "'.",
            true);
      }
      cols.add(new Translated.Column(n, c.type(), c.nullable()));
    }
    return new Translated(t.sql(), cols);
  }

  private Translated body(QueryExpr q, Scope outer) {
    if (q.body() instanceof QueryExpr.Select s) {
      return select(s, q, outer);
    }
    Translated t = setBody(q.body(), outer);
    StringBuilder sb = new StringBuilder(t.sql());
    if (!q.orderBy().isEmpty()) {
      sb.append(" ORDER BY ").append(outputOrder(q.orderBy(), t.columns()));
    }
    limit(sb, q, null);
    return new Translated(sb.toString(), t.columns());
  }

  private Translated setBody(QueryExpr.Body b, Scope outer) {
    if (b instanceof QueryExpr.Select s) {
      return select(s, QueryExpr.of(s), outer);
    }
    if (b instanceof QueryExpr.Nested n) {
      Translated t = query(n.query(), outer);
      return new Translated("(" + t.sql() + ")", t.columns());
    }
    QueryExpr.SetOp op = (QueryExpr.SetOp) b;
    Translated l = setBody(op.left(), outer);
    Translated r = setBody(op.right(), outer);
    if (l.columns().size() != r.columns().size()) {
      throw new SqlException(
          205,
          16,
          1,
          "All queries combined using a UNION, INTERSECT or EXCEPT operator must have an equal"
              + " number of expressions in their target lists.",
          true);
    }
    List<Translated.Column> cols = new ArrayList<>();
    for (int i = 0; i < l.columns().size(); i++) {
      Translated.Column a = l.columns().get(i);
      Translated.Column c = r.columns().get(i);
      cols.add(
          new Translated.Column(
              a.name(), TypeRules.union(a.type(), c.type()), a.nullable() || c.nullable()));
    }
    String opText = op.op().equals("EXCEPT") ? "EXCEPT" : op.op();
    return new Translated(l.sql() + " " + opText + " " + r.sql(), cols);
  }

  private String outputOrder(List<Expr.Order> order, List<Translated.Column> cols) {
    List<String> keys = new ArrayList<>();
    for (Expr.Order o : order) {
      int pos = position(o.expr(), cols.size());
      if (pos < 0 && o.expr() instanceof Expr.Column c) {
        for (int i = 0; i < cols.size() && pos < 0; i++) {
          if (cols.get(i).name().equalsIgnoreCase(c.name())) {
            pos = i + 1;
          }
        }
      }
      if (pos < 0) {
        throw new SqlException(
            104,
            16,
            1,
            "ORDER BY items must appear in the select list if the statement contains a UNION,"
                + " INTERSECT or EXCEPT operator.",
            true);
      }
      keys.add(pos + (o.descending() ? " DESC" : ""));
    }
    return String.join(", ", keys);
  }

  /** The 1-based position an ORDER BY integer names, -1 when it is not one (error 108 if off). */
  private static int position(Expr e, int columns) {
    if (e instanceof Expr.Literal l
        && l.kind() == Expr.Literal.Kind.NUMBER
        && l.text().matches("\\d+")) {
      int n = Integer.parseInt(l.text());
      if (n < 1 || n > columns) {
        throw new SqlException(
            108,
            16,
            1,
            "The ORDER BY position number "
                + n
                + " is out of range of the number of items in"
                + " the select list.",
            true);
      }
      return n;
    }
    return -1;
  }

  private Translated select(QueryExpr.Select s, QueryExpr q, Scope outer) {
    int aggregatesBefore = aggregatesSeen;
    for (QueryExpr.Item item : s.items()) {
      if (item instanceof QueryExpr.Assign a) {
        sessionVariable(a.variable());
      }
    }
    scope = new Scope(outer);
    int clausesStart = params.size();
    String from = s.from().isEmpty() ? "" : " FROM " + FromClause.translate(this, s.from());
    String where = s.where() == null ? "" : " WHERE " + condition(s.where()).text();
    String group = groupBy(s.groupBy());
    String having = s.having() == null ? "" : " HAVING " + condition(s.having()).text();
    int itemsStart = params.size();
    List<String> items = new ArrayList<>();
    List<Translated.Column> cols = new ArrayList<>();
    List<Sql> itemSql = new ArrayList<>();
    List<QueryExpr.Assign> assigns = new ArrayList<>();
    for (QueryExpr.Item item : s.items()) {
      item(item, items, cols, itemSql, assigns);
    }
    // the items come first in the SQL text but were translated after the clauses they may refer
    // to: their parameters move ahead of the clauses' so that each ? gets its own value
    Collections.rotate(params.subList(clausesStart, params.size()), params.size() - itemsStart);
    assignments = assigns;
    if (!assigns.isEmpty() && !cols.isEmpty()) {
      throw new SqlException(
          141,
          15,
          1,
          "A SELECT statement that assigns a value to a variable must not be combined with"
              + " data-retrieval operations.",
          true);
    }
    StringBuilder sb = new StringBuilder("SELECT ");
    if (s.distinct()
        && group.isEmpty()
        && aggregatesSeen == aggregatesBefore
        && itemSql.stream().anyMatch(Sql::isString)) {
      group = distinctAsGroup(items, itemSql);
    } else if (s.distinct()) {
      sb.append("DISTINCT ");
    }
    sb.append(String.join(", ", items)).append(from).append(where).append(group).append(having);
    if (!q.orderBy().isEmpty()) {
      sb.append(" ORDER BY ").append(selectOrder(q.orderBy(), cols, itemSql));
    }
    limit(sb, q, s.top());
    return new Translated(sb.toString(), cols);
  }

  /**
   * SELECT DISTINCT over character values: 'x' and 'x ' are one value (and 'x' and 'X' under a
   * case-insensitive collation), so DISTINCT becomes GROUP BY over the normalised values, each
   * character item showing one of its group's values.
   */
  private String distinctAsGroup(List<String> items, List<Sql> itemSql) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Sql v = itemSql.get(i);
      if (v.isString()) {
        boolean ci = v.type().collation() == null || v.type().collation().ignoreCase();
        keys.add(Predicates.normal(v, ci));
        String text = items.get(i);
        int as = text.lastIndexOf(" AS \"");
        items.set(
            i,
            as > 0 && text.substring(0, as).equals(v.text())
                ? "ANY_VALUE(" + v.text() + ")" + text.substring(as)
                : "ANY_VALUE(" + text + ")");
        itemSql.set(i, v.withText("ANY_VALUE(" + v.text() + ")"));
      } else {
        keys.add(v.text());
      }
    }
    return " GROUP BY " + String.join(", ", keys);
  }

  private void item(
      QueryExpr.Item item,
      List<String> items,
      List<Translated.Column> cols,
      List<Sql> itemSql,
      List<QueryExpr.Assign> assigns) {
    if (item instanceof QueryExpr.StarItem star) {
      expand(star, items, cols, itemSql);
      return;
    }
    if (item instanceof QueryExpr.Assign a) {
      Variable var = ctx.variable(a.variable());
      if (var == null || var.table() != null) {
        throw SqlException.undeclaredVariable(a.variable());
      }
      Expr rhs =
          a.op().equals("=")
              ? a.expr()
              : new Expr.Binary(a.op().substring(0, 1), new Expr.Var(a.variable()), a.expr());
      Sql v = Conversions.cast(this, value(rhs), var.type(), false, -1);
      v = v.withText("SET(" + sessionVariable(a.variable()) + ", " + v.text() + ")");
      items.add(v.text());
      assigns.add(a);
      itemSql.add(v);
      return;
    }
    QueryExpr.ExprItem e = (QueryExpr.ExprItem) item;
    Sql v = value(e.expr());
    String name = e.alias() != null ? e.alias() : e.expr() instanceof Expr.Column c ? c.name() : "";
    items.add(v.text() + (name.isEmpty() ? "" : " AS " + Names.quote(name)));
    cols.add(new Translated.Column(name, v.type(), v.nullable()));
    itemSql.add(v);
  }

  private void expand(
      QueryExpr.StarItem star,
      List<String> items,
      List<Translated.Column> cols,
      List<Sql> itemSql) {
    List<Scope.Source> sources;
    if (star.qualifier().isEmpty()) {
      sources = scope.sources();
      if (sources.isEmpty()) {
        throw new SqlException(263, 16, 1, "Must specify table to select from.", true);
      }
    } else {
      Scope.Source src = scope.source(star.qualifier());
      if (src == null) {
        throw new SqlException(
            107,
            15,
            1,
            "The column prefix '"
                + String.join(".", star.qualifier())
                + "' does not match with"
                + " a table name or alias name used in the query.",
            true);
      }
      sources = List.of(src);
    }
    for (Scope.Source src : sources) {
      for (Scope.Col c : src.columns()) {
        String text = Names.quote(src.sqlAlias()) + "." + Names.quote(c.name());
        if (groupedStrings.contains(groupKey(src.sqlAlias(), c.name()))) {
          text = "ANY_VALUE(" + text + ")";
        }
        items.add(text + " AS " + Names.quote(c.name()));
        cols.add(new Translated.Column(c.name(), c.type(), c.nullable()));
        itemSql.add(new Sql(text, c.type(), c.nullable(), Sql.Kind.COLUMN));
      }
    }
  }

  private String groupBy(List<Expr> keys) {
    if (keys.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (Expr k : keys) {
      Sql s = value(k);
      if (s.isString()) {
        boolean ci = s.type().collation() == null || s.type().collation().ignoreCase();
        parts.add(Predicates.normal(s, ci));
        if (k instanceof Expr.Column c) {
          Scope.Resolved r = scope.resolve(c.parts());
          pending.add(groupKey(r.source().sqlAlias(), r.column().name()));
        }
      } else {
        parts.add(s.text());
      }
    }
    groupedStrings.addAll(pending);
    return " GROUP BY " + String.join(", ", parts);
  }

  private String selectOrder(
      List<Expr.Order> order, List<Translated.Column> cols, List<Sql> items) {
    List<String> keys = new ArrayList<>();
    for (Expr.Order o : order) {
      int pos = position(o.expr(), cols.size());
      Sql key;
      if (pos > 0) {
        key = items.get(pos - 1);
      } else {
        key = aliasReference(o.expr(), cols, items);
        if (key == null) {
          key = value(o.expr());
        } else {
          pos = items.indexOf(key) + 1;
        }
      }
      String desc = o.descending() ? " DESC" : "";
      if (pos > 0 && key.text().indexOf('?') >= 0) {
        // an item with bound parameters (DB_NAME(), a variable) is ordered by its position: its
        // text repeated would need its parameters bound twice
        keys.add(pos + desc);
        continue;
      }
      keys.add(orderKey(key) + desc);
    }
    return String.join(", ", keys);
  }

  private static Sql aliasReference(Expr e, List<Translated.Column> cols, List<Sql> items) {
    if (!(e instanceof Expr.Column c) || c.parts().size() != 1) {
      return null;
    }
    Sql found = null;
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equalsIgnoreCase(c.name())) {
        if (found != null && !found.text().equals(items.get(i).text())) {
          throw new SqlException(209, 16, 1, "Ambiguous column name '" + c.name() + "'.", true);
        }
        found = items.get(i);
      }
    }
    return found;
  }

  /** An ORDER BY key: guid in SQL Server's byte order, CI strings case-insensitively. */
  static String orderKey(Sql key) {
    if (key.type() != null && key.type().base() == SqlBase.UNIQUEIDENTIFIER) {
      return Predicates.guidKey(key.text());
    }
    if (key.isString() && key.kind() != Sql.Kind.COLUMN && key.type().collation().ignoreCase()) {
      return "CAST(" + key.text() + " AS VARCHAR_IGNORECASE)";
    }
    return key.text();
  }

  private void limit(StringBuilder sb, QueryExpr q, QueryExpr.Top top) {
    if (top != null && q.offset() != null) {
      throw new SqlException(
          10741, 15, 1, "A TOP can not be used in the same query or sub-query as a OFFSET.", true);
    }
    if (q.offset() != null) {
      sb.append(" OFFSET ").append(count(q.offset())).append(" ROWS");
      if (q.fetch() != null) {
        sb.append(" FETCH NEXT ").append(count(q.fetch())).append(" ROWS ONLY");
      }
    }
    if (top != null) {
      if (top.withTies() && q.orderBy().isEmpty()) {
        throw new SqlException(
            1062,
            16,
            1,
            "The TOP N WITH TIES clause is not allowed without a corresponding"
                + " ORDER BY clause.",
            true);
      }
      sb.append(" FETCH FIRST ")
          .append(count(top.count()))
          .append(top.percent() ? " PERCENT" : "")
          .append(" ROWS ")
          .append(top.withTies() ? "WITH TIES" : "ONLY");
    }
  }

  private String count(Expr e) {
    Sql n = value(e);
    if (n.type() != null && !n.type().base().isNumeric()) {
      throw new SqlException(
          1060,
          16,
          1,
          "The number of rows provided for a TOP or FETCH clauses row count parameter must be an"
              + " integer.",
          true);
    }
    return "(" + n.text() + ")";
  }

  /** A CTE visible here by name, or null. */
  Translated cte(String name) {
    return ctes.get(Names.key(name));
  }

  /** A column type of a VALUES source: the union of every row's type at that position. */
  static SqlType valuesType(List<List<Sql>> rows, int i) {
    SqlType t = null;
    for (List<Sql> row : rows) {
      t = TypeRules.union(t, row.get(i).type());
    }
    return t;
  }
}
