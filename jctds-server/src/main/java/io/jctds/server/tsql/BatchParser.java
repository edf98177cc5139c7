package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a batch into statements by recursive descent. Statements may be separated by {@code ;} or
 * simply follow each other: T-SQL needs no separator, and H2 would reject {@code SELECT 1 SELECT
 * 2}, so the parser finds where each statement ends. A syntax error is a {@link SqlException} 102
 * or 156 for the whole batch, as SQL Server compiles a batch before it runs any of it.
 */
public final class BatchParser extends RoutineParser {

  private BatchParser(String sql, List<Token> tokens) {
    super(sql, tokens);
  }

  /**
   * Parses {@code sql}.
   *
   * @throws SqlException on a syntax error (102, 105, 113, 156, ...)
   */
  public static List<Stmt> parse(String sql) {
    BatchParser p = new BatchParser(sql, Lexer.tokenize(sql));
    try {
      return p.batch();
    } catch (NumberFormatException e) {
      throw p.syntaxError(); // a number too large for where it stands
    }
  }

  private List<Stmt> batch() {
    List<Stmt> out = new ArrayList<>();
    while (true) {
      while (acceptSymbol(";")) {
        // empty statements
      }
      if (atEnd()) {
        return out;
      }
      firstStatement = out.isEmpty();
      out.add(out.isEmpty() && atImplicitExec() ? procedureCall(peek().line()) : statement());
    }
  }

  @Override
  Stmt statement() {
    boolean first = firstStatement;
    firstStatement = false; // statements inside this one are not first
    Token t = peek();
    int line = t.line();
    if (t.kind() == Token.Kind.SYMBOL && t.isSymbol("(") && atQueryStart()) {
      return new Stmt.Select(queryExpr(), line);
    }
    if (t.kind() != Token.Kind.WORD) {
      throw syntaxError();
    }
    return switch (t.upper()) {
      case "SELECT" -> new Stmt.Select(queryExpr(), line);
      case "WITH" -> with(line);
      case "INSERT" -> insert(line);
      case "UPDATE" -> update(List.of(), line);
      case "DELETE" -> delete(List.of(), line);
      case "MERGE" -> merge(line);
      case "CREATE" -> {
        firstStatement = first;
        Stmt created = create(line);
        firstStatement = false;
        yield created;
      }
      case "ALTER" -> {
        firstStatement = first;
        Stmt altered = alter(line);
        firstStatement = false;
        yield altered;
      }
      case "DROP" -> drop(line);
      case "TRUNCATE" -> truncate(line);
      case "DECLARE" -> declare(line);
      case "SET" -> set(line);
      case "IF" -> ifStatement(line);
      case "WHILE" -> whileStatement(line);
      case "BEGIN" -> begin(line);
      case "COMMIT", "ROLLBACK", "SAVE" -> transaction(line);
      case "BREAK", "CONTINUE" -> {
        pos++;
        yield new Stmt.Loop(t.is("BREAK"), line);
      }
      case "RETURN" -> returnStatement(line);
      case "PRINT" -> {
        pos++;
        yield new Stmt.Print(expr(), line);
      }
      case "RAISERROR" -> raisError(line);
      case "THROW" -> throwStatement(line);
      case "USE" -> {
        pos++;
        yield new Stmt.Use(name(), line);
      }
      case "WAITFOR" -> waitFor(line);
      case "EXEC", "EXECUTE" -> exec(line);
      case "KILL" -> {
        pos++;
        yield new Stmt.Kill(expr(), line);
      }
      case "CHECKPOINT" -> {
        pos++;
        yield new Stmt.Nothing(line);
      }
      case "GO" ->
          throw new SqlException(
              102,
              15,
              1,
              "Incorrect syntax near 'GO'. (GO separates batches in client tools; it is"
                  + " not T-SQL: send each batch on its own.)",
              true,
              line);
      default -> unsupportedStatement(t, line, first);
    };
  }

  private Stmt unsupportedStatement(Token t, int line, boolean first) {
    String w = t.upper();
    if (List.of(
            "GRANT",
            "REVOKE",
            "DENY",
            "OPEN",
            "FETCH",
            "CLOSE",
            "DEALLOCATE",
            "DBCC",
            "BULK",
            "RECONFIGURE",
            "SHUTDOWN",
            "BACKUP",
            "RESTORE",
            "READTEXT",
            "WRITETEXT",
            "UPDATETEXT",
            "ENABLE",
            "DISABLE",
            "GOTO",
            "REVERT",
            "SETUSER",
            "DUMP",
            "LOAD")
        .contains(w)) {
      throw SqlException.unsupported(w);
    }
    if (peek(1).isSymbol(":")) {
      throw SqlException.unsupported("labels and GOTO");
    }
    if (first && t.isName() && !isReserved(t)) {
      // "Batches": the first statement of a batch may call a procedure without EXECUTE
      return procedureCall(line);
    }
    throw keywordError();
  }

  private Stmt with(int line) {
    List<QueryExpr.Cte> ctes = ctes();
    if (peek().is("SELECT") || peek().isSymbol("(")) {
      QueryExpr q = queryExpr();
      return new Stmt.Select(
          new QueryExpr(ctes, q.body(), q.orderBy(), q.offset(), q.fetch(), q.maxRecursion()),
          line);
    }
    if (peek().is("UPDATE")) {
      return update(ctes, line);
    }
    if (peek().is("DELETE")) {
      return delete(ctes, line);
    }
    if (peek().is("INSERT")) {
      Stmt.Insert ins = (Stmt.Insert) insert(line);
      if (ins.query() == null) {
        throw SqlException.unsupported("WITH ... INSERT ... VALUES");
      }
      QueryExpr q = ins.query();
      List<QueryExpr.Cte> all = new ArrayList<>(ctes);
      all.addAll(q.with());
      return new Stmt.Insert(
          ins.target(),
          ins.columns(),
          new QueryExpr(all, q.body(), q.orderBy(), q.offset(), q.fetch(), q.maxRecursion()),
          null,
          null,
          ins.output(),
          ins.top(),
          line);
    }
    if (peek().is("MERGE")) {
      throw SqlException.unsupported("WITH ... MERGE");
    }
    throw keywordError();
  }

  private Stmt declare(int line) {
    expect("DECLARE");
    List<Stmt.VarDecl> vars = new ArrayList<>();
    do {
      Token v = next();
      if (v.kind() != Token.Kind.VARIABLE || v.text().startsWith("@@")) {
        throw new SqlException(
            102, 15, 1, "Incorrect syntax near '" + v.near() + "'.", true, v.line());
      }
      accept("AS");
      if (accept("TABLE")) {
        vars.add(new Stmt.VarDecl(v.text(), null, null, tableVariable(v, line)));
        continue;
      }
      if (peek().is("CURSOR")) {
        throw SqlException.unsupported("cursors (DECLARE ... CURSOR)");
      }
      SqlType type = dataType(false);
      Expr init = acceptSymbol("=") ? expr() : null;
      vars.add(new Stmt.VarDecl(v.text(), type, init, null));
    } while (acceptSymbol(","));
    return new Stmt.Declare(vars, line);
  }

  private Stmt.CreateTable tableVariable(Token v, int line) {
    expectSymbol("(");
    List<Stmt.ColumnDef> columns = new ArrayList<>();
    List<Stmt.Constraint> constraints = new ArrayList<>();
    do {
      if (peek().is("PRIMARY")
          || peek().is("UNIQUE")
          || peek().is("CHECK")
          || peek().is("CONSTRAINT")) {
        constraints.add(tableConstraint());
      } else {
        columns.add(columnDef());
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    return new Stmt.CreateTable(List.of(v.text()), columns, constraints, line);
  }

  private Stmt set(int line) {
    expect("SET");
    Token t = peek();
    if (t.kind() == Token.Kind.VARIABLE && !t.text().startsWith("@@")) {
      pos++;
      Token op = next();
      if (op.kind() != Token.Kind.SYMBOL || !op.text().endsWith("=")) {
        throw new SqlException(
            102, 15, 1, "Incorrect syntax near '" + op.near() + "'.", true, op.line());
      }
      return new Stmt.SetVar(t.text(), op.text(), expr(), line);
    }
    return setOption(line);
  }

  private Stmt setOption(int line) {
    List<String> names = new ArrayList<>();
    if (peek().is("TRANSACTION")) {
      pos++;
      expect("ISOLATION");
      expect("LEVEL");
      StringBuilder level = new StringBuilder();
      while (peek().kind() == Token.Kind.WORD && !isStatementStart(peek())) {
        level.append(level.length() == 0 ? "" : " ").append(next().upper());
      }
      return new Stmt.SetOption(List.of("TRANSACTION ISOLATION LEVEL"), level.toString(), line);
    }
    do {
      Token n = next();
      if (!n.isName()) {
        throw new SqlException(
            102, 15, 1, "Incorrect syntax near '" + n.near() + "'.", true, n.line());
      }
      String name = n.upper();
      if (name.equals("IDENTITY_INSERT")) {
        List<String> table = objectName();
        String value = onOff();
        return new Stmt.SetOption(List.of(name, String.join(".", table)), value, line);
      }
      names.add(name);
    } while (acceptSymbol(","));
    if (peek().is("ON") || peek().is("OFF")) {
      return new Stmt.SetOption(names, next().upper(), line);
    }
    Token v = next();
    if (v.kind() == Token.Kind.END || isStatementStart(v) && v.kind() == Token.Kind.WORD) {
      throw syntaxError();
    }
    String value =
        v.kind() == Token.Kind.SYMBOL && v.text().equals("-") ? "-" + next().text() : v.text();
    return new Stmt.SetOption(names, value, line);
  }

  private String onOff() {
    if (peek().is("ON") || peek().is("OFF")) {
      return next().upper();
    }
    throw syntaxError();
  }

  private static boolean isStatementStart(Token t) {
    return switch (t.upper()) {
      case "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "SET",
          "IF",
          "WHILE",
          "BEGIN",
          "END",
          "COMMIT",
          "ROLLBACK",
          "DECLARE",
          "EXEC",
          "EXECUTE",
          "PRINT",
          "CREATE",
          "DROP",
          "ALTER",
          "USE",
          "RETURN",
          "WITH",
          "MERGE",
          "TRUNCATE",
          "RAISERROR",
          "THROW",
          "WAITFOR",
          "SAVE",
          "ELSE" ->
          true;
      default -> false;
    };
  }

  private Stmt ifStatement(int line) {
    expect("IF");
    Expr cond = expr();
    Stmt then = statementOrFail();
    Stmt otherwise = null;
    while (acceptSymbol(";")) {
      // IF ... ; ELSE is allowed
    }
    if (accept("ELSE")) {
      otherwise = statementOrFail();
    }
    return new Stmt.If(cond, then, otherwise, line);
  }

  private Stmt statementOrFail() {
    while (acceptSymbol(";")) {
      // skip
    }
    if (atEnd()) {
      throw syntaxError();
    }
    return statement();
  }

  private Stmt whileStatement(int line) {
    expect("WHILE");
    Expr cond = expr();
    return new Stmt.While(cond, statementOrFail(), line);
  }

  private Stmt begin(int line) {
    Token next = peek(1);
    if (next.is("TRAN") || next.is("TRANSACTION") || next.is("DISTRIBUTED")) {
      return transaction(line);
    }
    expect("BEGIN");
    if (accept("TRY")) {
      List<Stmt> body = block("TRY");
      expect("BEGIN");
      expect("CATCH");
      List<Stmt> handler = block("CATCH");
      return new Stmt.TryCatch(body, handler, line);
    }
    if (peek().is("CONVERSATION") || peek().is("DIALOG")) {
      throw SqlException.unsupported("Service Broker");
    }
    return new Stmt.Block(block(null), line);
  }

  /** Statements up to END [TRY|CATCH]. */
  private List<Stmt> block(String kind) {
    List<Stmt> body = new ArrayList<>();
    while (true) {
      while (acceptSymbol(";")) {
        // skip
      }
      if (peek().is("END")) {
        pos++;
        if (kind != null) {
          expect(kind);
        }
        return body;
      }
      if (atEnd()) {
        throw syntaxError();
      }
      body.add(statement());
    }
  }

  private Stmt transaction(int line) {
    String kind = next().upper();
    if (kind.equals("BEGIN")) {
      accept("DISTRIBUTED");
    }
    boolean keyword = accept("TRAN") || accept("TRANSACTION") || accept("WORK");
    String name = null;
    Token t = peek();
    if (keyword
        && (t.kind() == Token.Kind.QUOTED
            || t.kind() == Token.Kind.VARIABLE
            || t.kind() == Token.Kind.WORD && !isReserved(t) && !isStatementStart(t))) {
      name = next().text();
    }
    if (kind.equals("BEGIN") && peek().is("WITH") && peek(1).is("MARK")) {
      pos += 2;
      if (peek().kind() == Token.Kind.STRING) {
        pos++;
      }
    }
    if (kind.equals("COMMIT") && peek().is("WITH")) {
      pos++;
      skipParens(); // WITH (DELAYED_DURABILITY = ON)
    }
    if (kind.equals("SAVE") && name == null) {
      throw syntaxError();
    }
    return new Stmt.Transaction(kind, name, line);
  }

  private Stmt returnStatement(int line) {
    expect("RETURN");
    Token t = peek();
    boolean value =
        !atEnd()
            && !t.isSymbol(";")
            && !(t.kind() == Token.Kind.WORD && (isReserved(t) || isStatementStart(t)));
    if (t.isSymbol("(")
        || t.isSymbol("-")
        || t.kind() == Token.Kind.NUMBER
        || t.kind() == Token.Kind.VARIABLE) {
      value = true;
    }
    return new Stmt.Return(value ? expr() : null, line);
  }

  private Stmt raisError(int line) {
    expect("RAISERROR");
    boolean paren = acceptSymbol("(");
    Expr msg = expr();
    expectSymbol(",");
    Expr severity = expr();
    expectSymbol(",");
    Expr state = expr();
    List<Expr> args = new ArrayList<>();
    while (acceptSymbol(",")) {
      args.add(expr());
    }
    if (paren) {
      expectSymbol(")");
    }
    List<String> options = new ArrayList<>();
    if (accept("WITH")) {
      do {
        options.add(anyName().toUpperCase(Locale.ROOT));
      } while (acceptSymbol(","));
    }
    return new Stmt.RaisError(msg, severity, state, args, options, line);
  }

  private Stmt throwStatement(int line) {
    expect("THROW");
    Token t = peek();
    if (atEnd()
        || t.isSymbol(";")
        || t.kind() == Token.Kind.WORD && (isReserved(t) || isStatementStart(t))) {
      return new Stmt.Throw(null, null, null, line);
    }
    Expr number = expr();
    expectSymbol(",");
    Expr message = expr();
    expectSymbol(",");
    Expr state = expr();
    return new Stmt.Throw(number, message, state, line);
  }

  private Stmt waitFor(int line) {
    expect("WAITFOR");
    boolean delay;
    if (accept("DELAY")) {
      delay = true;
    } else if (accept("TIME")) {
      delay = false;
    } else {
      throw SqlException.unsupported("WAITFOR " + peek().upper());
    }
    return new Stmt.WaitFor(delay, expr(), line);
  }

  @Override
  Stmt.Exec exec(int line) {
    next(); // EXEC / EXECUTE
    if (acceptSymbol("(")) {
      Expr text = expr();
      expectSymbol(")");
      if (peek().is("AT") || peek().is("AS")) {
        throw SqlException.unsupported("EXEC (...) " + peek().upper());
      }
      return new Stmt.Exec(null, null, List.of(), text, line);
    }
    return procedureCall(line);
  }

  /**
   * Whether the batch starts with a procedure's name: "EXECUTE (Transact-SQL)": "You don't have to
   * specify the EXECUTE keyword when you execute stored procedures when the statement is the first
   * one in a batch".
   */
  private boolean atImplicitExec() {
    Token t = peek();
    boolean name =
        t.kind() == Token.Kind.QUOTED
            || t.kind() == Token.Kind.WORD && !isReserved(t) && !isStatementStart(t);
    return name && !peek(1).isSymbol(":") && !STATEMENT_WORDS.contains(t.upper());
  }

  /** Words that start statements {@link #statement} knows without being reserved. */
  private static final java.util.Set<String> STATEMENT_WORDS =
      java.util.Set.of(
          "WITH",
          "MERGE",
          "TRUNCATE",
          "SAVE",
          "RAISERROR",
          "THROW",
          "WAITFOR",
          "GO",
          "ENABLE",
          "DISABLE");

  /** {@code [@rc =] procedure [args]}, after EXEC or at the start of a batch. */
  private Stmt.Exec procedureCall(int line) {
    String returnVar = null;
    if (peek().kind() == Token.Kind.VARIABLE && peek(1).isSymbol("=")) {
      returnVar = next().text();
      pos++;
    }
    List<String> proc;
    if (peek().kind() == Token.Kind.VARIABLE) {
      throw SqlException.unsupported("EXEC @procedure_variable");
    }
    proc = objectName();
    List<Stmt.ExecArg> args = new ArrayList<>();
    if (!atEnd()
        && !peek().isSymbol(";")
        && !(peek().kind() == Token.Kind.WORD
            && (isReserved(peek()) || isStatementStart(peek()))
            && !peek().is("DEFAULT")
            && !peek().is("NULL"))) {
      do {
        args.add(execArg());
      } while (acceptSymbol(","));
    }
    if (peek().is("WITH") && peek(1).is("RECOMPILE")) {
      pos += 2;
    }
    return new Stmt.Exec(proc, returnVar, args, null, line);
  }

  private Stmt.ExecArg execArg() {
    String name = null;
    if (peek().kind() == Token.Kind.VARIABLE && peek(1).isSymbol("=")) {
      name = next().text();
      pos++;
    }
    Expr value;
    Token t = peek();
    if (t.is("DEFAULT")) {
      pos++;
      return new Stmt.ExecArg(name, null, false); // the parameter's default
    }
    if ((t.kind() == Token.Kind.WORD && !isReserved(t) || t.kind() == Token.Kind.QUOTED)
        && !peek(1).isSymbol("(")
        && !peek(1).isSymbol(".")) {
      pos++;
      // a bare word or a delimited identifier is a string ("EXECUTE (Transact-SQL)": a value
      // may be given as an identifier, e.g. sp_tables @table_type = "'TABLE'")
      value = new Expr.Literal(Expr.Literal.Kind.STRING, t.text());
    } else {
      value = expr();
    }
    boolean output = accept("OUTPUT") || accept("OUT");
    return new Stmt.ExecArg(name, value, output);
  }
}
