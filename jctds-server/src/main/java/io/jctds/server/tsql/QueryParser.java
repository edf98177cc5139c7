package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Query expressions: WITH, SELECT, FROM sources and joins, set operations, ORDER BY, OFFSET. */
class QueryParser extends ExprParser {
  /** Words that may follow a table source and so cannot be its bare alias. */
  private static final Set<String> NOT_ALIAS =
      Set.of(
          "OUTER", "CROSS", "INNER", "LEFT", "RIGHT", "FULL", "JOIN", "APPLY", "OFFSET", "WINDOW",
          "FETCH");

  QueryParser(String sql, List<Token> tokens) {
    super(sql, tokens);
  }

  @Override
  QueryExpr queryExpr() {
    enter();
    try {
      return query();
    } finally {
      leave();
    }
  }

  private QueryExpr query() {
    List<QueryExpr.Cte> with = List.of();
    if (peek().is("WITH")) {
      with = ctes();
    }
    QueryExpr.Body body = setOperation();
    List<Expr.Order> order = List.of();
    Expr offset = null;
    Expr fetch = null;
    if (accept("ORDER")) {
      expect("BY");
      order = orderList();
      if (accept("OFFSET")) {
        offset = additive();
        if (!accept("ROWS")) {
          expect("ROW");
        }
        if (accept("FETCH")) {
          if (!accept("NEXT")) {
            expect("FIRST");
          }
          fetch = additive();
          if (!accept("ROWS")) {
            expect("ROW");
          }
          expect("ONLY");
        }
      }
    }
    int maxRecursion = -1;
    if (peek().is("OPTION") && peek(1).isSymbol("(")) {
      maxRecursion = options();
    }
    return new QueryExpr(with, body, order, offset, fetch, maxRecursion);
  }

  List<QueryExpr.Cte> ctes() {
    expect("WITH");
    List<QueryExpr.Cte> ctes = new ArrayList<>();
    do {
      String name = name();
      List<String> cols = peek().isSymbol("(") ? nameList() : List.of();
      expect("AS");
      expectSymbol("(");
      QueryExpr q = queryExpr();
      expectSymbol(")");
      ctes.add(new QueryExpr.Cte(name, cols, q));
    } while (acceptSymbol(","));
    return ctes;
  }

  /** OPTION (hint, ...): MAXRECURSION n is kept (-1 when absent), other hints are ignored. */
  int options() {
    expect("OPTION");
    expectSymbol("(");
    int max = -1;
    do {
      if (accept("MAXRECURSION")) {
        Token n = next();
        if (n.kind() != Token.Kind.NUMBER || !n.text().matches("\\d+")) {
          throw syntaxError();
        }
        max = n.text().length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(n.text());
        if (max > 32767) {
          throw new SqlException(
              310,
              15,
              1,
              "The value "
                  + max
                  + " specified for the MAXRECURSION option exceeds the allowed"
                  + " maximum of 32767.",
              true,
              n.line());
        }
      } else {
        int depth = 0;
        while (!atEnd() && (depth > 0 || !peek().isSymbol(",") && !peek().isSymbol(")"))) {
          Token t = next();
          depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
        }
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    return max;
  }

  private QueryExpr.Body setOperation() {
    QueryExpr.Body left = intersect();
    while (peek().is("UNION") || peek().is("EXCEPT")) {
      String op = next().upper();
      if (op.equals("UNION") && accept("ALL")) {
        op = "UNION ALL";
      }
      left = new QueryExpr.SetOp(left, op, intersect());
    }
    return left;
  }

  private QueryExpr.Body intersect() {
    QueryExpr.Body left = queryTerm();
    while (accept("INTERSECT")) {
      left = new QueryExpr.SetOp(left, "INTERSECT", queryTerm());
    }
    return left;
  }

  private QueryExpr.Body queryTerm() {
    if (peek().isSymbol("(")) {
      pos++;
      QueryExpr inner = queryExpr();
      expectSymbol(")");
      return new QueryExpr.Nested(inner);
    }
    if (!peek().is("SELECT")) {
      throw keywordError();
    }
    return select();
  }

  QueryExpr.Select select() {
    expect("SELECT");
    boolean distinct = accept("DISTINCT");
    if (!distinct) {
      accept("ALL");
    }
    QueryExpr.Top top = peek().is("TOP") ? top() : null;
    List<QueryExpr.Item> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (acceptSymbol(","));
    List<String> into = null;
    if (accept("INTO")) {
      into = objectName();
    }
    List<QueryExpr.TableRef> from = List.of();
    if (accept("FROM")) {
      from = fromList();
    }
    Expr where = accept("WHERE") ? expr() : null;
    List<Expr> groupBy = List.of();
    if (peek().is("GROUP") && peek(1).is("BY")) {
      pos += 2;
      groupBy = new ArrayList<>();
      accept("ALL");
      do {
        groupBy.add(expr());
      } while (acceptSymbol(","));
    }
    Expr having = accept("HAVING") ? expr() : null;
    if (peek().is("FOR") && (peek(1).is("XML") || peek(1).is("JSON") || peek(1).is("BROWSE"))) {
      throw SqlException.unsupported("FOR " + peek(1).upper());
    }
    return new QueryExpr.Select(distinct, top, items, into, from, where, groupBy, having);
  }

  QueryExpr.Top top() {
    expect("TOP");
    Expr count;
    if (acceptSymbol("(")) {
      count = expr();
      expectSymbol(")");
    } else {
      Token t = next();
      if (t.kind() != Token.Kind.NUMBER && t.kind() != Token.Kind.VARIABLE) {
        throw syntaxError();
      }
      count =
          t.kind() == Token.Kind.NUMBER
              ? new Expr.Literal(Expr.Literal.Kind.NUMBER, t.text())
              : new Expr.Var(t.text());
    }
    boolean percent = accept("PERCENT");
    boolean ties = false;
    if (peek().is("WITH") && peek(1).is("TIES")) {
      pos += 2;
      ties = true;
    }
    return new QueryExpr.Top(count, percent, ties);
  }

  QueryExpr.Item selectItem() {
    Token t = peek();
    if (t.isSymbol("*")) {
      pos++;
      return new QueryExpr.StarItem(List.of());
    }
    if (t.kind() == Token.Kind.VARIABLE && !t.text().startsWith("@@") && isAssignment(peek(1))) {
      pos++;
      String op = next().text();
      return new QueryExpr.Assign(t.text(), op, expr());
    }
    if ((t.kind() == Token.Kind.QUOTED
            || t.kind() == Token.Kind.STRING
            || t.kind() == Token.Kind.WORD && !isReserved(t))
        && peek(1).isSymbol("=")) {
      pos += 2;
      return new QueryExpr.ExprItem(expr(), t.text());
    }
    Expr e = expr();
    if (e instanceof Expr.Star s) {
      return new QueryExpr.StarItem(s.qualifier());
    }
    return new QueryExpr.ExprItem(e, alias());
  }

  private static boolean isAssignment(Token t) {
    return t.kind() == Token.Kind.SYMBOL
        && (t.text().equals("=")
            || t.text().length() == 2
                && t.text().endsWith("=")
                && "+-*/%&|^".indexOf(t.text().charAt(0)) >= 0);
  }

  /** An optional alias: [AS] name, or [AS] 'string'. */
  String alias() {
    if (accept("AS")) {
      Token t = next();
      if (t.isName() || t.kind() == Token.Kind.STRING) {
        return t.text();
      }
      throw syntaxError();
    }
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED
        || t.kind() == Token.Kind.STRING
        || t.kind() == Token.Kind.WORD && !isReserved(t) && !NOT_ALIAS.contains(t.upper())) {
      pos++;
      return t.text();
    }
    return null;
  }

  List<QueryExpr.TableRef> fromList() {
    List<QueryExpr.TableRef> from = new ArrayList<>();
    do {
      from.add(joined());
    } while (acceptSymbol(","));
    return from;
  }

  private QueryExpr.TableRef joined() {
    QueryExpr.TableRef left = tableSource();
    while (true) {
      String type = joinType();
      if (type == null) {
        return left;
      }
      QueryExpr.TableRef right = tableSource();
      Expr on = null;
      if (!type.equals("CROSS JOIN")) {
        expect("ON");
        on = expr();
      }
      left = new QueryExpr.Join(left, type, right, on);
    }
  }

  private String joinType() {
    Token t = peek();
    if (t.is("JOIN")) {
      pos++;
      return "INNER JOIN";
    }
    if (t.is("INNER") || t.is("LEFT") || t.is("RIGHT") || t.is("FULL")) {
      if (t.is("INNER")
          || peek(1).is("JOIN")
          || peek(1).is("OUTER")
          || peek(1).is("LOOP")
          || peek(1).is("HASH")
          || peek(1).is("MERGE")) {
        pos++;
        accept("OUTER");
        if (peek().is("LOOP") || peek().is("HASH") || peek().is("MERGE")) {
          pos++;
        }
        expect("JOIN");
        return t.upper().equals("INNER") ? "INNER JOIN" : t.upper() + " OUTER JOIN";
      }
    }
    if (t.is("CROSS") && peek(1).is("JOIN")) {
      pos += 2;
      return "CROSS JOIN";
    }
    if ((t.is("CROSS") || t.is("OUTER")) && peek(1).is("APPLY")) {
      throw SqlException.unsupported(t.upper() + " APPLY");
    }
    return null;
  }

  QueryExpr.TableRef tableSource() {
    Token t = peek();
    if (t.isSymbol("(")) {
      return parenthesisedSource();
    }
    if (t.kind() == Token.Kind.VARIABLE) {
      pos++;
      String alias = alias();
      return new QueryExpr.VarTable(t.text(), alias);
    }
    if (t.is("OPENJSON")
        || t.is("OPENXML")
        || t.is("OPENROWSET")
        || t.is("OPENQUERY")
        || t.is("OPENDATASOURCE")
        || t.is("CONTAINSTABLE")
        || t.is("FREETEXTTABLE")) {
      throw SqlException.unsupported(t.upper());
    }
    int start = pos;
    List<String> name = objectName();
    if (peek().isSymbol("(") && t.kind() == Token.Kind.WORD) {
      pos = start;
      if (!(additive() instanceof Expr.Call call)) {
        throw syntaxError();
      }
      String alias = alias();
      List<String> cols = alias != null && peek().isSymbol("(") ? nameList() : List.of();
      return new QueryExpr.Function(call, alias, cols);
    }
    String alias = alias();
    tableHints();
    if (peek().is("PIVOT") || peek().is("UNPIVOT") || peek().is("TABLESAMPLE")) {
      throw SqlException.unsupported(peek().upper());
    }
    return new QueryExpr.Named(name, alias);
  }

  private QueryExpr.TableRef parenthesisedSource() {
    if (peek(1).is("VALUES")) {
      pos += 2;
      List<List<Expr>> rows = valuesRows();
      expectSymbol(")");
      String alias = alias();
      List<String> cols = peek().isSymbol("(") ? nameList() : List.of();
      return new QueryExpr.Values(rows, alias, cols);
    }
    if (atQueryStart()) {
      pos++;
      QueryExpr q = queryExpr();
      expectSymbol(")");
      String alias = alias();
      if (alias == null) {
        throw syntaxError();
      }
      List<String> cols = peek().isSymbol("(") ? nameList() : List.of();
      return new QueryExpr.Derived(q, alias, cols);
    }
    pos++;
    QueryExpr.TableRef inner = joined();
    expectSymbol(")");
    return inner;
  }

  /** Rows of a VALUES list: (e, ...), (e, ...). */
  List<List<Expr>> valuesRows() {
    List<List<Expr>> rows = new ArrayList<>();
    do {
      expectSymbol("(");
      List<Expr> row = new ArrayList<>();
      do {
        row.add(expr());
      } while (acceptSymbol(","));
      expectSymbol(")");
      rows.add(row);
    } while (acceptSymbol(","));
    return rows;
  }

  /** Skips table hints: WITH (NOLOCK, INDEX(ix), ...) or the old form (NOLOCK). */
  void tableHints() {
    if (peek().is("WITH") && peek(1).isSymbol("(")) {
      pos++;
      skipParens();
    } else if (peek().isSymbol("(")
        && peek(1).kind() == Token.Kind.WORD
        && isHint(peek(1).upper())) {
      skipParens();
    }
  }

  private static boolean isHint(String w) {
    return switch (w) {
      case "NOLOCK",
          "READUNCOMMITTED",
          "READCOMMITTED",
          "REPEATABLEREAD",
          "SERIALIZABLE",
          "HOLDLOCK",
          "UPDLOCK",
          "ROWLOCK",
          "PAGLOCK",
          "TABLOCK",
          "TABLOCKX",
          "XLOCK",
          "READPAST",
          "NOWAIT",
          "INDEX",
          "FORCESEEK",
          "FORCESCAN",
          "SNAPSHOT",
          "READCOMMITTEDLOCK" ->
          true;
      default -> false;
    };
  }
}
