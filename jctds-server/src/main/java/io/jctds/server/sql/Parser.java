package io.jctds.server.sql;

import io.jctds.server.sql.SqlToken.Kind;
import io.jctds.server.sql.Statement.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses a batch into {@link Statement}s by recursive descent. Statements may be separated by
 * {@code ;} or simply follow each other (T-SQL needs no separator). A syntax error is a {@link
 * SqlException} 102 for the whole batch, as SQL Server compiles a batch before running it.
 * Statements the front recognises but cannot run (INSERT, CREATE, DECLARE, ...) become {@link
 * Statement.Failing} and end the parse: SQL Server would run them, this front reports an error when
 * execution reaches them and skips the rest of the batch.
 */
final class Parser {
  /** Words that end a select item and cannot be a bare alias. */
  private static final Set<String> RESERVED =
      Set.of(
          "FROM",
          "WHERE",
          "ORDER",
          "GROUP",
          "HAVING",
          "UNION",
          "EXCEPT",
          "INTERSECT",
          "INTO",
          "OPTION",
          "FOR",
          "SELECT",
          "SET",
          "USE",
          "BEGIN",
          "END",
          "COMMIT",
          "ROLLBACK",
          "SAVE",
          "IF",
          "ELSE",
          "PRINT",
          "EXEC",
          "EXECUTE",
          "INSERT",
          "UPDATE",
          "DELETE",
          "CREATE",
          "ALTER",
          "DROP",
          "DECLARE",
          "WITH",
          "WAITFOR",
          "RAISERROR",
          "THROW",
          "RETURN",
          "WHILE",
          "TRUNCATE",
          "MERGE",
          "GRANT",
          "REVOKE",
          "DENY",
          "AND",
          "OR",
          "NOT",
          "IS",
          "NULL",
          "AS",
          "ON",
          "JOIN",
          "CROSS",
          "INNER",
          "LEFT",
          "RIGHT",
          "FULL",
          "OUTER");

  /** Statements recognised but not run by this front. */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "CREATE",
          "ALTER",
          "DROP",
          "DECLARE",
          "WITH",
          "WAITFOR",
          "RAISERROR",
          "THROW",
          "RETURN",
          "WHILE",
          "BREAK",
          "CONTINUE",
          "GOTO",
          "GRANT",
          "REVOKE",
          "DENY",
          "OPEN",
          "FETCH",
          "CLOSE",
          "DEALLOCATE",
          "DBCC",
          "BULK",
          "KILL",
          "CHECKPOINT",
          "RECONFIGURE",
          "SHUTDOWN",
          "BACKUP",
          "RESTORE",
          "READTEXT",
          "WRITETEXT",
          "UPDATETEXT",
          "ENABLE",
          "DISABLE");

  private final List<SqlToken> tokens;
  private int pos;

  private Parser(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  /**
   * Parses {@code sql}.
   *
   * @throws SqlException on a syntax error (102, 105, 195, ...)
   */
  static List<Statement> parse(String sql) {
    return new Parser(Lexer.tokenize(sql)).batch();
  }

  private List<Statement> batch() {
    List<Statement> out = new ArrayList<>();
    while (true) {
      skipSemicolons();
      if (peek().kind() == Kind.END) {
        return out;
      }
      Statement s = statement();
      out.add(s);
      if (s instanceof Statement.Failing) {
        return out;
      }
    }
  }

  private void skipSemicolons() {
    while (peek().isSymbol(";")) {
      pos++;
    }
  }

  private SqlToken peek() {
    return tokens.get(pos);
  }

  private SqlToken peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private SqlToken next() {
    SqlToken t = tokens.get(pos);
    if (t.kind() != Kind.END) {
      pos++;
    }
    return t;
  }

  private boolean accept(String word) {
    if (peek().is(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw syntaxError();
    }
  }

  private void expect(String word) {
    if (!accept(word)) {
      throw syntaxError();
    }
  }

  /** 102 near the current token (or the previous one at the end of the batch). */
  private SqlException syntaxError() {
    SqlToken t = peek();
    if (t.kind() == Kind.END) {
      return SqlException.unexpectedEnd(pos > 0 ? tokens.get(pos - 1).near() : "");
    }
    return SqlException.syntax(t.near());
  }

  Statement statement() {
    SqlToken t = peek();
    if (t.kind() != Kind.WORD) {
      throw syntaxError();
    }
    int line = t.line();
    String w = t.upper();
    return switch (w) {
      case "SELECT" -> select();
      case "SET" -> set();
      case "USE" -> {
        next();
        yield new Statement.Use(name(), line);
      }
      case "BEGIN" -> begin();
      case "COMMIT", "ROLLBACK" -> endTransaction(w);
      case "SAVE" -> {
        next();
        if (!accept("TRAN") && !accept("TRANSACTION")) {
          throw syntaxError();
        }
        yield new Statement.Transaction(Statement.Transaction.Kind.SAVE, name(), line);
      }
      case "IF" -> ifStatement();
      case "PRINT" -> {
        next();
        yield new Statement.Print(expr(), line);
      }
      case "EXEC", "EXECUTE" -> exec();
      case "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE" -> dml(w, line);
      default -> {
        if (UNSUPPORTED.contains(w)) {
          yield failing(SqlException.unsupported(w), line);
        }
        throw syntaxError();
      }
    };
  }

  private Statement failing(SqlException e, int line) {
    pos = tokens.size() - 1; // the batch stops here
    return new Statement.Failing(e, line);
  }

  /** INSERT/UPDATE/DELETE/MERGE/TRUNCATE: no tables exist yet, so their target is invalid. */
  private Statement dml(String w, int line) {
    next();
    switch (w) {
      case "INSERT", "MERGE" -> accept("INTO");
      case "DELETE" -> accept("FROM");
      case "TRUNCATE" -> expect("TABLE");
      default -> {
        // UPDATE target follows directly
      }
    }
    String target = qualifiedName();
    SystemView view = SystemView.find(lastPart(target));
    SqlException e =
        view == null
            ? SqlException.invalidObject(target)
            : new SqlException(
                259, 16, 1, "Ad hoc updates to system catalogs are not allowed.", true);
    return failing(e, line);
  }

  private Statement begin() {
    int line = next().line();
    if (accept("TRAN") || accept("TRANSACTION")) {
      return new Statement.Transaction(Statement.Transaction.Kind.BEGIN, optionalName(), line);
    }
    if (peek().is("DISTRIBUTED") || peek().is("TRY") || peek().is("CATCH")) {
      return failing(SqlException.unsupported("BEGIN " + peek().upper()), line);
    }
    List<Statement> body = new ArrayList<>();
    while (true) {
      skipSemicolons();
      if (accept("END")) {
        return new Statement.Block(body, line);
      }
      if (peek().kind() == Kind.END) {
        throw syntaxError();
      }
      Statement s = statement();
      body.add(s);
      if (s instanceof Statement.Failing) {
        return s;
      }
    }
  }

  private Statement endTransaction(String w) {
    int line = next().line();
    if (!accept("TRAN") && !accept("TRANSACTION")) {
      accept("WORK");
    }
    Statement.Transaction.Kind kind =
        w.equals("COMMIT")
            ? Statement.Transaction.Kind.COMMIT
            : Statement.Transaction.Kind.ROLLBACK;
    return new Statement.Transaction(kind, optionalName(), line);
  }

  private String optionalName() {
    SqlToken t = peek();
    boolean isName =
        t.kind() == Kind.QUOTED_IDENTIFIER
            || (t.kind() == Kind.WORD && !RESERVED.contains(t.upper()))
            || (t.kind() == Kind.VARIABLE && !t.text().startsWith("@@"));
    return isName ? next().text() : null;
  }

  private Statement ifStatement() {
    int line = next().line();
    Cond c = cond();
    Statement then = statement();
    skipSemicolons();
    Statement otherwise = accept("ELSE") ? statement() : null;
    return new Statement.If(c, then, otherwise, line);
  }

  private Statement exec() {
    int line = next().line();
    if (peek().isSymbol("(")) {
      return failing(SqlException.unsupported("EXEC (dynamic SQL)"), line);
    }
    if (peek().kind() == Kind.VARIABLE) {
      next();
      expectSymbol("=");
    }
    String proc = qualifiedName();
    int depth = 0;
    while (peek().kind() != Kind.END) { // arguments: up to the next statement
      SqlToken t = peek();
      if (depth == 0 && (t.isSymbol(";") || (t.kind() == Kind.WORD && startsStatement(t)))) {
        break;
      }
      depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
      next();
    }
    return new Statement.Exec(proc, line);
  }

  private static boolean startsStatement(SqlToken t) {
    String w = t.upper();
    return switch (w) {
      case "SELECT",
          "SET",
          "USE",
          "BEGIN",
          "COMMIT",
          "ROLLBACK",
          "SAVE",
          "IF",
          "PRINT",
          "EXEC",
          "EXECUTE",
          "INSERT",
          "UPDATE",
          "DELETE",
          "MERGE",
          "TRUNCATE" ->
          true;
      default -> UNSUPPORTED.contains(w);
    };
  }

  private Statement set() {
    SqlToken setToken = next();
    int line = setToken.line();
    SqlToken t = peek();
    if (t.kind() == Kind.VARIABLE) {
      return failing(SqlException.undeclaredVariable(t.text()), line);
    }
    if (t.kind() != Kind.WORD) {
      throw syntaxError();
    }
    return SetParser.parse(this, line);
  }

  // ---- used by SetParser ----

  SqlToken nextToken() {
    return next();
  }

  SqlToken peekToken() {
    return peek();
  }

  boolean acceptWord(String w) {
    return accept(w);
  }

  boolean acceptSym(String s) {
    return acceptSymbol(s);
  }

  SqlException error() {
    return syntaxError();
  }

  // ---- SELECT ----

  private Statement select() {
    int line = next().line();
    accept("ALL");
    if (peek().is("DISTINCT")) {
      return failing(SqlException.unsupported("SELECT DISTINCT"), line);
    }
    Expr top = null;
    if (accept("TOP")) {
      boolean paren = acceptSymbol("(");
      top = expr();
      if (paren) {
        expectSymbol(")");
      }
      if (peek().is("PERCENT") || peek().is("WITH")) {
        return failing(SqlException.unsupported("TOP " + peek().upper()), line);
      }
    }
    List<Select.Item> items = selectList();
    Select.From from = accept("FROM") ? from() : null;
    Cond where = accept("WHERE") ? cond() : null;
    List<Select.Order> order = new ArrayList<>();
    if (accept("ORDER")) {
      expect("BY");
      do {
        Expr e = expr();
        boolean desc = accept("DESC");
        if (!desc) {
          accept("ASC");
        }
        order.add(new Select.Order(e, desc));
      } while (acceptSymbol(","));
    }
    SqlToken t = peek();
    if (t.kind() == Kind.WORD
        && Set.of("GROUP", "HAVING", "UNION", "EXCEPT", "INTERSECT", "INTO", "OPTION", "FOR")
            .contains(t.upper())) {
      return failing(SqlException.unsupported("SELECT ... " + t.upper()), line);
    }
    return new Select(items, from, where, order, top, line);
  }

  private List<Select.Item> selectList() {
    List<Select.Item> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (acceptSymbol(","));
    return items;
  }

  private Select.Item selectItem() {
    if (acceptSymbol("*")) {
      return new Select.Item(null, null);
    }
    SqlToken t = peek();
    boolean nameFirst =
        (t.kind() == Kind.QUOTED_IDENTIFIER
                || t.kind() == Kind.STRING
                || (t.kind() == Kind.WORD && !RESERVED.contains(t.upper())))
            && peek(1).isSymbol("=");
    if (nameFirst) {
      String alias = next().text();
      next(); // =
      return new Select.Item(expr(), alias);
    }
    if (t.kind() == Kind.WORD && peek(1).isSymbol(".") && peek(2).isSymbol("*")) {
      pos += 3; // alias.* over the single source
      return new Select.Item(null, null);
    }
    Expr e = expr();
    String alias = null;
    if (accept("AS")) {
      SqlToken a = next();
      if (a.kind() != Kind.WORD && a.kind() != Kind.QUOTED_IDENTIFIER && a.kind() != Kind.STRING) {
        throw SqlException.syntax(a.near());
      }
      alias = a.text();
    } else {
      SqlToken a = peek();
      if (a.kind() == Kind.QUOTED_IDENTIFIER
          || a.kind() == Kind.STRING
          || (a.kind() == Kind.WORD && !RESERVED.contains(a.upper()))) {
        alias = next().text();
      }
    }
    return new Select.Item(e, alias);
  }

  private Select.From from() {
    String written = qualifiedName();
    String[] parts = written.split("\\.", -1);
    String schema = parts.length >= 2 ? parts[parts.length - 2] : "";
    SystemView view =
        schema.equalsIgnoreCase("sys") || schema.isEmpty() && parts.length > 2
            ? SystemView.find(parts[parts.length - 1])
            : null;
    String alias = null;
    if (accept("AS")) {
      alias = name();
    } else if (peek().kind() == Kind.QUOTED_IDENTIFIER
        || (peek().kind() == Kind.WORD && !RESERVED.contains(peek().upper()))) {
      alias = next().text();
    }
    if (accept("WITH")) {
      expectSymbol("(");
      while (!acceptSymbol(")")) { // table hints such as NOLOCK
        if (next().kind() == Kind.END) {
          throw syntaxError();
        }
      }
    }
    if (peek().isSymbol(",")
        || peek().is("JOIN")
        || peek().is("CROSS")
        || peek().is("INNER")
        || peek().is("LEFT")) {
      pos = tokens.size() - 1;
      throw SqlException.unsupported("joins");
    }
    return new Select.From(written, view, alias);
  }

  /** A possibly multi-part name as written (parts joined by dots, brackets removed). */
  private String qualifiedName() {
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (peek().isSymbol(".")) {
        next();
        sb.append('.');
        continue;
      }
      SqlToken t = peek();
      if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENTIFIER) {
        if (sb.length() == 0) {
          throw syntaxError();
        }
        return sb.toString();
      }
      next();
      sb.append(t.text());
      if (!peek().isSymbol(".")) {
        return sb.toString();
      }
    }
  }

  private static String lastPart(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** A single identifier (database, transaction or alias name). */
  private String name() {
    SqlToken t = next();
    if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED_IDENTIFIER) {
      pos--;
      throw syntaxError();
    }
    return t.text();
  }

  // ---- conditions and expressions ----

  Cond cond() {
    Cond c = andCond();
    while (accept("OR")) {
      c = new Cond.Or(c, andCond());
    }
    return c;
  }

  private Cond andCond() {
    Cond c = notCond();
    while (accept("AND")) {
      c = new Cond.And(c, notCond());
    }
    return c;
  }

  private Cond notCond() {
    if (accept("NOT")) {
      return new Cond.Not(notCond());
    }
    if (peek().isSymbol("(")) {
      int save = pos;
      try {
        next();
        Cond c = cond();
        expectSymbol(")");
        return c;
      } catch (SqlException e) {
        pos = save; // a parenthesised expression, not a condition
      }
    }
    return predicate();
  }

  private Cond predicate() {
    Expr left = expr();
    if (accept("IS")) {
      boolean not = accept("NOT");
      expect("NULL");
      return new Cond.IsNull(left, not);
    }
    SqlToken op = peek();
    if (op.kind() == Kind.SYMBOL
        && Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>").contains(op.text())) {
      next();
      return new Cond.Compare(op.text(), left, expr());
    }
    throw syntaxError();
  }

  Expr expr() {
    Expr e = term();
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      e = new Expr.Arith(next().text(), e, term());
    }
    return e;
  }

  private Expr term() {
    Expr e = unary();
    while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
      e = new Expr.Arith(next().text(), e, unary());
    }
    return e;
  }

  private Expr unary() {
    if (acceptSymbol("-")) {
      if (peek().kind() == Kind.NUMBER) {
        return Expr.Literal.ofNumber("-" + next().text());
      }
      return new Expr.Negate(unary());
    }
    if (acceptSymbol("+")) {
      return unary();
    }
    return primary();
  }

  private Expr primary() {
    SqlToken t = next();
    switch (t.kind()) {
      case NUMBER:
        return Expr.Literal.ofNumber(t.text());
      case STRING:
        return Expr.Literal.ofString(t.text(), false);
      case NSTRING:
        return Expr.Literal.ofString(t.text(), true);
      case BINARY:
        return binary(t.text());
      case VARIABLE:
        if (t.text().startsWith("@@")) {
          return new Expr.Global(t.text().toUpperCase(Locale.ROOT));
        }
        throw SqlException.undeclaredVariable(t.text());
      case SYMBOL:
        if (t.isSymbol("(")) {
          Expr e = expr();
          expectSymbol(")");
          return e;
        }
        pos--;
        throw syntaxError();
      case WORD:
      case QUOTED_IDENTIFIER:
        return wordExpr(t);
      default:
        pos--;
        throw syntaxError();
    }
  }

  private Expr wordExpr(SqlToken t) {
    if (t.kind() == Kind.WORD) {
      String w = t.upper();
      if (w.equals("NULL")) {
        return Expr.Literal.nullValue();
      }
      if (peek().isSymbol("(")) {
        next();
        List<Expr> args = new ArrayList<>();
        if (!acceptSymbol(")")) {
          do {
            args.add(expr());
          } while (acceptSymbol(","));
          expectSymbol(")");
        }
        return new Expr.Call(w, args);
      }
      if (Set.of("CURRENT_TIMESTAMP", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER", "USER")
          .contains(w)) {
        return new Expr.Call(w, List.of());
      }
      if (RESERVED.contains(w)) {
        pos--;
        throw syntaxError();
      }
    }
    if (acceptSymbol(".")) {
      SqlToken col = next();
      if (col.kind() != Kind.WORD && col.kind() != Kind.QUOTED_IDENTIFIER) {
        pos--;
        throw syntaxError();
      }
      return new Expr.Column(t.text(), col.text());
    }
    return new Expr.Column(null, t.text());
  }

  private static Expr binary(String hex) {
    String h = hex.length() % 2 == 0 ? hex : "0" + hex;
    byte[] b = new byte[h.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return new Expr.Literal(Typed.varbinary(b.length, false), b);
  }
}
