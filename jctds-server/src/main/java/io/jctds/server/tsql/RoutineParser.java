package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CREATE / ALTER / CREATE OR ALTER PROCEDURE and FUNCTION ("CREATE PROCEDURE (Transact-SQL)",
 * "CREATE FUNCTION (Transact-SQL)"): the header (name, parameters with types, defaults, OUTPUT;
 * RETURNS for a scalar function; WITH options), then the body. A procedure's body is every
 * statement after AS up to the end of the batch, so the statement must be the first of its batch
 * (error 111).
 */
abstract class RoutineParser extends DdlParser {
  /** Whether the statement about to be parsed is the first of the batch. */
  boolean firstStatement;

  RoutineParser(String sql, List<Token> tokens) {
    super(sql, tokens);
  }

  /** One statement (the batch parser's). */
  abstract Stmt statement();

  @Override
  Stmt routine(String verb, int line) {
    Token keyword = pos > 0 ? tokens.get(pos - 1) : null; // ALTER, or CREATE / CREATE OR ALTER
    boolean function = next().is("FUNCTION");
    if (!firstStatement) {
      String what =
          function
              ? "'" + verb.replace(" OR ALTER", "") + " FUNCTION'"
              : "'CREATE/ALTER PROCEDURE'";
      throw new SqlException(
          111, 15, 1, what + " must be the first statement in a query batch.", true, line);
    }
    firstStatement = false;
    List<String> name = objectName();
    if (acceptSymbol(";")) {
      throw SqlException.unsupported("numbered procedures (;number)");
    }
    List<Stmt.RoutineParam> params = parameters(function);
    SqlType returns = null;
    if (function) {
      expect("RETURNS");
      if (peek().is("TABLE") || peek().kind() == Token.Kind.VARIABLE) {
        throw SqlException.unsupported(
            "table-valued functions (RETURNS TABLE); the jctds server has scalar functions only");
      }
      returns = dataType(false);
    }
    boolean[] flags = options(function);
    if (!function && accept("FOR")) {
      expect("REPLICATION");
    }
    List<Stmt> body;
    if (function) {
      accept("AS");
      body = functionBody();
    } else {
      expect("AS");
      body = new ArrayList<>();
      while (true) {
        while (acceptSymbol(";")) {
          // empty statements
        }
        if (atEnd()) {
          break;
        }
        body.add(statement());
      }
    }
    String text = sql;
    if (verb.equals("ALTER") && keyword != null && keyword.is("ALTER")) {
      // the catalog keeps the definition as a CREATE, whichever statement last wrote it
      text = sql.substring(0, keyword.start()) + "CREATE" + sql.substring(keyword.end());
    }
    return new Stmt.CreateRoutine(
        function, verb, name, params, returns, body, text, flags[0], flags[1], line);
  }

  /** {@code BEGIN ... END}: a scalar function's body, the last statement of the batch. */
  private List<Stmt> functionBody() {
    if (peek().is("EXTERNAL")) {
      throw SqlException.unsupported("CLR functions (EXTERNAL NAME)");
    }
    if (!peek().is("BEGIN")) {
      throw keywordError();
    }
    Stmt block = statement();
    while (acceptSymbol(";")) {
      // a trailing separator
    }
    if (!atEnd()) {
      throw keywordError();
    }
    return ((Stmt.Block) block).body();
  }

  /** The parameter list, in parentheses or not (a function's needs them). */
  private List<Stmt.RoutineParam> parameters(boolean function) {
    boolean paren = acceptSymbol("(");
    if (function && !paren) {
      throw syntaxError();
    }
    List<Stmt.RoutineParam> params = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (peek().kind() == Token.Kind.VARIABLE) {
      do {
        Stmt.RoutineParam p = parameter(function);
        if (!seen.add(p.name().toLowerCase(Locale.ROOT))) {
          throw new SqlException(
              134,
              15,
              1,
              "The variable name '"
                  + p.name()
                  + "' has already been declared. Variable names must be unique within a query"
                  + " batch or stored procedure.",
              true);
        }
        params.add(p);
      } while (acceptSymbol(","));
    }
    if (paren) {
      expectSymbol(")");
    }
    return params;
  }

  private Stmt.RoutineParam parameter(boolean function) {
    Token v = next();
    if (v.kind() != Token.Kind.VARIABLE || v.text().startsWith("@@")) {
      throw new SqlException(
          102, 15, 1, "Incorrect syntax near '" + v.near() + "'.", true, v.line());
    }
    accept("AS");
    if (peek().is("CURSOR")) {
      throw SqlException.unsupported("CURSOR parameters");
    }
    SqlType type = dataType(false);
    accept("VARYING");
    if (peek().is("NOT") && peek(1).is("NULL")) {
      pos += 2;
    } else {
      accept("NULL");
    }
    Expr defaultValue = null;
    String defaultText = null;
    if (acceptSymbol("=")) {
      int from = pos;
      defaultValue = constant();
      defaultText = textFrom(from);
    }
    boolean output = accept("OUTPUT") || accept("OUT");
    if (output && function) {
      throw new SqlException(
          181,
          15,
          1,
          "Cannot use the OUTPUT option in a DECLARE, CREATE AGGREGATE or CREATE FUNCTION"
              + " statement.",
          true,
          v.line());
    }
    if (accept("READONLY")) {
      throw new SqlException(
          346,
          15,
          1,
          "The parameter \""
              + v.text()
              + "\" can not be declared READONLY since it is not a table-valued parameter.",
          true,
          v.line());
    }
    return new Stmt.RoutineParam(v.text(), type, defaultValue, defaultText, output);
  }

  /** A parameter's default: a constant (a literal, with a sign for a number) or NULL. */
  private Expr constant() {
    Token t = peek();
    boolean signed = t.isSymbol("-") || t.isSymbol("+");
    Token value = signed ? peek(1) : t;
    boolean literal =
        switch (value.kind()) {
          case NUMBER, MONEY -> true;
          case STRING, NSTRING, BINARY -> !signed;
          case WORD -> value.is("NULL") && !signed;
          default -> false;
        };
    if (!literal) {
      throw syntaxError();
    }
    return expr();
  }

  /**
   * WITH options: RECOMPILE, ENCRYPTION, EXECUTE AS ... (accepted and ignored), SCHEMABINDING and
   * RETURNS NULL ON NULL INPUT / CALLED ON NULL INPUT for functions, INLINE = ON|OFF.
   *
   * @return {schemaBound, nullOnNullInput}
   */
  private boolean[] options(boolean function) {
    boolean[] flags = new boolean[2];
    if (!accept("WITH")) {
      return flags;
    }
    do {
      Token t = next();
      switch (t.upper()) {
        case "RECOMPILE", "ENCRYPTION" -> {
          // no plans to recompile; the definition stays readable
        }
        case "EXECUTE", "EXEC" -> executeAs();
        case "SCHEMABINDING" -> flags[0] = true;
        case "RETURNS" -> {
          expect("NULL");
          expect("ON");
          expect("NULL");
          expect("INPUT");
          flags[1] = true;
        }
        case "CALLED" -> {
          expect("ON");
          expect("NULL");
          expect("INPUT");
        }
        case "INLINE" -> {
          expectSymbol("=");
          next();
        }
        case "NATIVE_COMPILATION" -> throw SqlException.unsupported("NATIVE_COMPILATION");
        default ->
            throw new SqlException(
                102, 15, 1, "Incorrect syntax near '" + t.near() + "'.", true, t.line());
      }
    } while (acceptSymbol(","));
    return flags;
  }

  /** EXECUTE AS CALLER | SELF | OWNER | 'user': every module runs as dbo here. */
  private void executeAs() {
    expect("AS");
    Token who = next();
    if (!(who.is("CALLER") || who.is("SELF") || who.is("OWNER"))
        && who.kind() != Token.Kind.STRING
        && who.kind() != Token.Kind.NSTRING) {
      throw new SqlException(
          102, 15, 1, "Incorrect syntax near '" + who.near() + "'.", true, who.line());
    }
  }
}
