package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.TypeDeclarations;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions and predicates by precedence climbing, in T-SQL's operator precedence ("Operator
 * precedence (Transact-SQL)"): {@code ~}; {@code * / %}; unary {@code + -}, binary {@code + - & ^
 * |}; comparisons; NOT; AND; OR and the predicates BETWEEN, IN, LIKE, ANY/SOME/ALL.
 */
class ExprParser extends TokenCursor {
  private static final List<String> COMPARISONS =
      List.of("=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>");

  ExprParser(String sql, List<Token> tokens) {
    super(sql, tokens);
  }

  /** Parses a query expression; implemented by the statement parser. */
  QueryExpr queryExpr() {
    throw new UnsupportedOperationException();
  }

  /** Whether a query starts here: SELECT, WITH, or a parenthesised query. */
  boolean atQueryStart() {
    if (peek().is("SELECT") || peek().is("WITH")) {
      return true;
    }
    int i = 0;
    while (peek(i).isSymbol("(")) {
      i++;
    }
    return i > 0 && (peek(i).is("SELECT") || peek(i).is("WITH"));
  }

  Expr expr() {
    Expr left = and();
    while (accept("OR")) {
      left = new Expr.Binary("OR", left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (accept("AND")) {
      left = new Expr.Binary("AND", left, not());
    }
    return left;
  }

  private Expr not() {
    if (accept("NOT")) {
      enter();
      try {
        return new Expr.Unary("NOT", not());
      } finally {
        leave();
      }
    }
    return predicate();
  }

  private Expr predicate() {
    Expr left = additive();
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(t.text())) {
        pos++;
        left = comparison(t.text(), left);
      } else if (t.is("IS")) {
        pos++;
        boolean negated = accept("NOT");
        expect("NULL");
        left = new Expr.IsNull(left, negated);
      } else if (t.is("NOT") && (peek(1).is("BETWEEN") || peek(1).is("LIKE") || peek(1).is("IN"))) {
        pos++;
        left = negatable(left, true);
      } else if (t.is("BETWEEN") || t.is("LIKE") || t.is("IN")) {
        left = negatable(left, false);
      } else {
        return left;
      }
    }
  }

  private Expr comparison(String op, Expr left) {
    if (peek().is("ANY") || peek().is("SOME") || peek().is("ALL")) {
      boolean all = next().is("ALL");
      expectSymbol("(");
      QueryExpr q = queryExpr();
      expectSymbol(")");
      return new Expr.Quantified(left, op, all, q);
    }
    return new Expr.Binary(op, left, additive());
  }

  private Expr negatable(Expr left, boolean negated) {
    if (accept("BETWEEN")) {
      Expr low = additive();
      expect("AND");
      return new Expr.Between(left, low, additive(), negated);
    }
    if (accept("LIKE")) {
      Expr pattern = additive();
      Expr escape = accept("ESCAPE") ? additive() : null;
      return new Expr.Like(left, pattern, escape, negated);
    }
    expect("IN");
    expectSymbol("(");
    if (atQueryStart()) {
      QueryExpr q = queryExpr();
      expectSymbol(")");
      return new Expr.In(left, List.of(), q, negated);
    }
    List<Expr> list = new ArrayList<>();
    do {
      list.add(expr());
    } while (acceptSymbol(","));
    expectSymbol(")");
    return new Expr.In(left, list, null, negated);
  }

  Expr additive() {
    Expr left = multiplicative();
    while (true) {
      Token t = peek();
      if (t.isSymbol("+")
          || t.isSymbol("-")
          || t.isSymbol("&")
          || t.isSymbol("^")
          || t.isSymbol("|")) {
        pos++;
        left = new Expr.Binary(t.text(), left, multiplicative());
      } else {
        return left;
      }
    }
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (true) {
      Token t = peek();
      if (t.isSymbol("*") || t.isSymbol("/") || t.isSymbol("%")) {
        pos++;
        left = new Expr.Binary(t.text(), left, unary());
      } else {
        return left;
      }
    }
  }

  private Expr unary() {
    Token t = peek();
    if (t.isSymbol("-") || t.isSymbol("+") || t.isSymbol("~")) {
      pos++;
      Expr operand;
      enter();
      try {
        operand = unary();
      } finally {
        leave();
      }
      if (t.isSymbol("-")
          && operand instanceof Expr.Literal lit
          && (lit.kind() == Expr.Literal.Kind.NUMBER
              || lit.kind() == Expr.Literal.Kind.FLOAT
              || lit.kind() == Expr.Literal.Kind.MONEY)
          && !lit.text().startsWith("-")) {
        return new Expr.Literal(lit.kind(), "-" + lit.text());
      }
      return new Expr.Unary(t.text(), operand);
    }
    return postfix(primary());
  }

  private Expr postfix(Expr e) {
    Expr out = e;
    while (true) {
      if (accept("COLLATE")) {
        out = new Expr.Collate(out, anyName());
      } else if (peek().isSymbol("::")) {
        throw SqlException.unsupported("the :: method call syntax");
      } else if (peek().is("AT") && peek(1).is("TIME") && peek(2).is("ZONE")) {
        throw SqlException.unsupported("AT TIME ZONE");
      } else {
        return out;
      }
    }
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        pos++;
        boolean isFloat = t.text().contains("E");
        return new Expr.Literal(
            isFloat ? Expr.Literal.Kind.FLOAT : Expr.Literal.Kind.NUMBER, t.text());
      }
      case MONEY -> {
        pos++;
        return new Expr.Literal(Expr.Literal.Kind.MONEY, t.text());
      }
      case STRING -> {
        pos++;
        return new Expr.Literal(Expr.Literal.Kind.STRING, t.text());
      }
      case NSTRING -> {
        pos++;
        return new Expr.Literal(Expr.Literal.Kind.NSTRING, t.text());
      }
      case BINARY -> {
        pos++;
        return new Expr.Literal(Expr.Literal.Kind.BINARY, t.text());
      }
      case VARIABLE -> {
        pos++;
        return t.text().startsWith("@@") ? new Expr.Global(t.text()) : new Expr.Var(t.text());
      }
      case SYMBOL -> {
        return symbolPrimary(t);
      }
      case WORD, QUOTED -> {
        return wordPrimary(t);
      }
      default -> throw syntaxError();
    }
  }

  private Expr symbolPrimary(Token t) {
    if (!t.isSymbol("(")) {
      throw syntaxError();
    }
    enter();
    try {
      return parenthesised();
    } finally {
      leave();
    }
  }

  private Expr parenthesised() {
    if (atQueryStart()) {
      pos++;
      QueryExpr q = queryExpr();
      expectSymbol(")");
      return new Expr.Subquery(q);
    }
    pos++;
    Expr inner = expr();
    expectSymbol(")");
    return new Expr.Paren(inner);
  }

  private Expr wordPrimary(Token t) {
    if (t.kind() == Token.Kind.WORD) {
      switch (t.upper()) {
        case "NULL" -> {
          pos++;
          return new Expr.Literal(Expr.Literal.Kind.NULL, "NULL");
        }
        case "DEFAULT" -> {
          pos++;
          return new Expr.Literal(Expr.Literal.Kind.DEFAULT, "DEFAULT");
        }
        case "CASE" -> {
          return caseExpr();
        }
        case "CAST", "TRY_CAST" -> {
          if (peek(1).isSymbol("(")) {
            return cast(t.upper().equals("TRY_CAST"));
          }
        }
        case "CONVERT", "TRY_CONVERT" -> {
          if (peek(1).isSymbol("(")) {
            return convert(t.upper().equals("TRY_CONVERT"));
          }
        }
        case "EXISTS" -> {
          pos++;
          expectSymbol("(");
          QueryExpr q = queryExpr();
          expectSymbol(")");
          return new Expr.Exists(q);
        }
        case "NEXT" -> {
          if (peek(1).is("VALUE")) {
            pos += 2;
            expect("FOR");
            return new Expr.NextValue(objectName());
          }
        }
        case "CURRENT_TIMESTAMP", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER", "USER" -> {
          if (!peek(1).isSymbol("(")) {
            pos++;
            return new Expr.Call(List.of(t.upper()), List.of(), false, false, null, List.of());
          }
        }
        default -> {
          if (isReserved(t) && !peek(1).isSymbol("(")) {
            throw keywordError();
          }
        }
      }
    }
    return nameOrCall();
  }

  private Expr nameOrCall() {
    int start = pos;
    List<String> parts = new ArrayList<>();
    parts.add(peek().isSymbol(".") ? "" : anyName());
    while (peek().isSymbol(".")) {
      pos++;
      if (peek().isSymbol("*")) {
        pos++;
        return new Expr.Star(parts);
      }
      parts.add(peek().isSymbol(".") ? "" : anyName());
    }
    if (peek().isSymbol("(") && tokens.get(start).kind() == Token.Kind.WORD) {
      return call(parts);
    }
    if (parts.size() > 5) {
      throw syntaxError();
    }
    return new Expr.Column(parts);
  }

  private Expr call(List<String> name) {
    expectSymbol("(");
    List<Expr> args = new ArrayList<>();
    boolean distinct = false;
    boolean star = false;
    if (acceptSymbol("*")) {
      star = true;
    } else if (!peek().isSymbol(")")) {
      distinct = accept("DISTINCT");
      if (!distinct) {
        accept("ALL");
      }
      do {
        args.add(argument(name));
      } while (acceptSymbol(","));
    }
    expectSymbol(")");
    List<Expr.Order> within = List.of();
    if (peek().is("WITHIN") && peek(1).is("GROUP")) {
      pos += 2;
      expectSymbol("(");
      expect("ORDER");
      expect("BY");
      within = orderList();
      expectSymbol(")");
    }
    Expr.Window over = accept("OVER") ? window() : null;
    return new Expr.Call(name, args, distinct, star, over, within);
  }

  /** A function argument: date parts (DATEADD(day, ...)) are bare words, kept as columns. */
  private Expr argument(List<String> function) {
    return expr();
  }

  Expr.Window window() {
    expectSymbol("(");
    List<Expr> partition = new ArrayList<>();
    if (accept("PARTITION")) {
      expect("BY");
      do {
        partition.add(expr());
      } while (acceptSymbol(","));
    }
    List<Expr.Order> order = List.of();
    if (accept("ORDER")) {
      expect("BY");
      order = orderList();
    }
    String frame = null;
    if (peek().is("ROWS") || peek().is("RANGE")) {
      int from = pos;
      while (!peek().isSymbol(")") && !atEnd()) {
        pos++;
      }
      frame = textFrom(from);
    }
    expectSymbol(")");
    return new Expr.Window(partition, order, frame);
  }

  List<Expr.Order> orderList() {
    List<Expr.Order> order = new ArrayList<>();
    do {
      Expr e = expr();
      boolean desc = accept("DESC");
      if (!desc) {
        accept("ASC");
      }
      order.add(new Expr.Order(e, desc));
    } while (acceptSymbol(","));
    return order;
  }

  private Expr caseExpr() {
    expect("CASE");
    Expr operand = peek().is("WHEN") ? null : expr();
    List<Expr.When> whens = new ArrayList<>();
    while (accept("WHEN")) {
      Expr cond = expr();
      expect("THEN");
      whens.add(new Expr.When(cond, expr()));
    }
    if (whens.isEmpty()) {
      throw syntaxError();
    }
    Expr otherwise = accept("ELSE") ? expr() : null;
    expect("END");
    return new Expr.Case(operand, whens, otherwise);
  }

  private Expr cast(boolean tryCast) {
    pos++;
    expectSymbol("(");
    Expr operand = expr();
    expect("AS");
    SqlType type = dataType(true);
    expectSymbol(")");
    return new Expr.Cast(operand, type, tryCast);
  }

  private Expr convert(boolean tryConvert) {
    pos++;
    expectSymbol("(");
    SqlType type = dataType(true);
    expectSymbol(",");
    Expr operand = expr();
    Expr style = acceptSymbol(",") ? expr() : null;
    expectSymbol(")");
    return new Expr.Convert(type, operand, style, tryConvert);
  }

  /**
   * A data type: a (possibly schema-qualified, multi-word) name with optional arguments and
   * COLLATE.
   *
   * @param inCast whether a missing length defaults to 30
   */
  SqlType dataType(boolean inCast) {
    Token first = peek();
    String typeName;
    if (first.kind() == Token.Kind.WORD && first.is("DOUBLE")) {
      // DOUBLE is a reserved word, so objectName() refuses it; "double precision" is float(53)
      // ("Data type synonyms (Transact-SQL)"), the type Spark's JDBC writer declares for doubles
      pos++;
      expect("PRECISION");
      typeName = "float";
    } else {
      List<String> name = objectName();
      typeName = name.get(name.size() - 1);
      if (first.kind() == Token.Kind.WORD) {
        typeName = multiWordType(typeName);
      }
    }
    List<String> args = new ArrayList<>();
    if (acceptSymbol("(")) {
      do {
        Token a = next();
        if (a.kind() != Token.Kind.NUMBER && !a.is("max")) {
          throw new SqlException(
              102, 15, 1, "Incorrect syntax near '" + a.near() + "'.", true, a.line());
        }
        args.add(a.text());
      } while (acceptSymbol(","));
      expectSymbol(")");
    }
    SqlType type = TypeDeclarations.build(typeName, args.toArray(new String[0]), inCast);
    if (accept("COLLATE")) {
      type = type.withCollation(io.jctds.server.types.SqlCollation.named(anyName()));
    }
    return type;
  }

  private String multiWordType(String first) {
    String n = first;
    if (n.equalsIgnoreCase("national") && (peek().is("character") || peek().is("char"))) {
      n = "national " + next().text();
    }
    if ((n.toLowerCase(java.util.Locale.ROOT).endsWith("char")
            || n.toLowerCase(java.util.Locale.ROOT).endsWith("character")
            || n.equalsIgnoreCase("binary"))
        && accept("VARYING")) {
      n = n + " varying";
    }
    return n;
  }
}
