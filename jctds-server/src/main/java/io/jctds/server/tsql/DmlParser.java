package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.ArrayList;
import java.util.List;

/** INSERT, UPDATE, DELETE and MERGE, with TOP, OUTPUT and FROM clauses. */
class DmlParser extends QueryParser {

  DmlParser(String sql, List<Token> tokens) {
    super(sql, tokens);
  }

  /** Parses EXEC after INSERT ... ; implemented by the batch parser. */
  Stmt.Exec exec(int line) {
    throw new UnsupportedOperationException();
  }

  Stmt insert(int line) {
    expect("INSERT");
    QueryExpr.Top top = peek().is("TOP") ? top() : null;
    accept("INTO");
    Stmt.Target target = target(false);
    List<String> columns = List.of();
    if (peek().isSymbol("(") && !atQueryStart()) {
      columns = columnNames();
    }
    Stmt.Output output = peek().is("OUTPUT") ? output() : null;
    if (accept("VALUES")) {
      return new Stmt.Insert(target, columns, null, valuesRows(), null, output, top, line);
    }
    if (peek().is("DEFAULT") && peek(1).is("VALUES")) {
      pos += 2;
      return new Stmt.Insert(target, columns, null, null, null, output, top, line);
    }
    if (peek().is("EXEC") || peek().is("EXECUTE")) {
      return new Stmt.Insert(target, columns, null, null, exec(line), output, top, line);
    }
    if (!atQueryStart()) {
      throw keywordError();
    }
    return new Stmt.Insert(target, columns, queryExpr(), null, null, output, top, line);
  }

  /** A parenthesised column list; qualified names keep their last part. */
  private List<String> columnNames() {
    expectSymbol("(");
    List<String> names = new ArrayList<>();
    do {
      List<String> parts = objectName();
      names.add(parts.get(parts.size() - 1));
    } while (acceptSymbol(","));
    expectSymbol(")");
    return names;
  }

  /** The written table: a name or table variable with optional alias and hints. */
  Stmt.Target target(boolean allowAlias) {
    Token t = peek();
    String variable = null;
    List<String> name = null;
    if (t.kind() == Token.Kind.VARIABLE) {
      pos++;
      variable = t.text();
    } else {
      name = objectName();
    }
    String alias = null;
    if (allowAlias) {
      alias = alias();
    } else if (accept("AS")) {
      alias = name();
    }
    tableHints();
    return new Stmt.Target(name, variable, alias);
  }

  Stmt update(List<QueryExpr.Cte> with, int line) {
    expect("UPDATE");
    QueryExpr.Top top = peek().is("TOP") ? top() : null;
    Stmt.Target target = target(false);
    expect("SET");
    List<Stmt.SetColumn> sets = new ArrayList<>();
    do {
      sets.add(setColumn());
    } while (acceptSymbol(","));
    Stmt.Output output = peek().is("OUTPUT") ? output() : null;
    List<QueryExpr.TableRef> from = accept("FROM") ? fromList() : List.of();
    Expr where = whereClause();
    optionClause();
    return new Stmt.Update(top, target, sets, output, from, where, with, line);
  }

  private Expr whereClause() {
    if (!accept("WHERE")) {
      return null;
    }
    if (peek().is("CURRENT") && peek(1).is("OF")) {
      throw SqlException.unsupported("WHERE CURRENT OF (cursors)");
    }
    return expr();
  }

  private void optionClause() {
    if (peek().is("OPTION") && peek(1).isSymbol("(")) {
      options();
    }
  }

  private Stmt.SetColumn setColumn() {
    String variable = null;
    if (peek().kind() == Token.Kind.VARIABLE && isCompound(peek(1))) {
      variable = next().text();
      String op = next().text();
      if (!op.equals("=") || !atColumnAssignment()) {
        return new Stmt.SetColumn(null, op, expr(), variable);
      }
    }
    List<String> column = objectName();
    Token op = next();
    if (!isCompound(op)) {
      throw new SqlException(
          102, 15, 1, "Incorrect syntax near '" + op.near() + "'.", true, op.line());
    }
    return new Stmt.SetColumn(column, op.text(), expr(), variable);
  }

  private static boolean isCompound(Token t) {
    return t.kind() == Token.Kind.SYMBOL
        && t.text().endsWith("=")
        && !t.text().equals("<=")
        && !t.text().equals(">=")
        && !t.text().equals("!=");
  }

  /** Whether {@code column =} follows (for {@code @v = column = expr}). */
  private boolean atColumnAssignment() {
    int save = pos;
    try {
      if (!peek().isName()) {
        return false;
      }
      objectName();
      return peek().isSymbol("=");
    } catch (SqlException e) {
      return false;
    } finally {
      pos = save;
    }
  }

  Stmt delete(List<QueryExpr.Cte> with, int line) {
    expect("DELETE");
    QueryExpr.Top top = peek().is("TOP") ? top() : null;
    accept("FROM");
    Stmt.Target target = target(false);
    Stmt.Output output = peek().is("OUTPUT") ? output() : null;
    List<QueryExpr.TableRef> from = accept("FROM") ? fromList() : List.of();
    Expr where = whereClause();
    optionClause();
    return new Stmt.Delete(top, target, output, from, where, with, line);
  }

  Stmt.Output output() {
    expect("OUTPUT");
    List<QueryExpr.Item> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (acceptSymbol(","));
    Stmt.Target into = null;
    List<String> intoColumns = List.of();
    if (accept("INTO")) {
      into = target(false);
      if (peek().isSymbol("(")) {
        intoColumns = columnNames();
      }
    }
    return new Stmt.Output(items, into, intoColumns);
  }

  Stmt merge(int line) {
    expect("MERGE");
    if (peek().is("TOP")) {
      throw SqlException.unsupported("MERGE TOP");
    }
    accept("INTO");
    Stmt.Target target = target(true);
    expect("USING");
    QueryExpr.TableRef source = tableSource();
    expect("ON");
    Expr on = expr();
    List<Stmt.MergeWhen> whens = new ArrayList<>();
    while (peek().is("WHEN")) {
      whens.add(mergeWhen());
    }
    if (whens.isEmpty()) {
      throw syntaxError();
    }
    Stmt.Output output = peek().is("OUTPUT") ? output() : null;
    optionClause();
    if (!acceptSymbol(";")) {
      throw new SqlException(
          10713,
          15,
          1,
          "A MERGE statement must be terminated by a semi-colon (;).",
          true,
          peek().line());
    }
    return new Stmt.Merge(target, source, on, whens, output, line);
  }

  private Stmt.MergeWhen mergeWhen() {
    expect("WHEN");
    String kind;
    if (accept("MATCHED")) {
      kind = "MATCHED";
    } else {
      expect("NOT");
      expect("MATCHED");
      kind = "NOT MATCHED";
      if (accept("BY")) {
        kind = accept("SOURCE") ? "NOT MATCHED BY SOURCE" : byTarget();
      }
    }
    Expr and = accept("AND") ? expr() : null;
    expect("THEN");
    if (accept("DELETE")) {
      return new Stmt.MergeWhen(kind, and, "DELETE", List.of(), List.of(), List.of());
    }
    if (accept("UPDATE")) {
      expect("SET");
      List<Stmt.SetColumn> sets = new ArrayList<>();
      do {
        sets.add(setColumn());
      } while (acceptSymbol(","));
      return new Stmt.MergeWhen(kind, and, "UPDATE", sets, List.of(), List.of());
    }
    expect("INSERT");
    List<String> cols = peek().isSymbol("(") ? columnNames() : List.of();
    if (peek().is("DEFAULT")) {
      pos++;
      expect("VALUES");
      return new Stmt.MergeWhen(kind, and, "INSERT", List.of(), cols, List.of());
    }
    expect("VALUES");
    List<List<Expr>> rows = valuesRows();
    if (rows.size() != 1) {
      throw syntaxError();
    }
    return new Stmt.MergeWhen(kind, and, "INSERT", List.of(), cols, rows.get(0));
  }

  private String byTarget() {
    expect("TARGET");
    return "NOT MATCHED";
  }
}
