package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A position in a batch's tokens, with the helpers every part of the parser uses. */
class TokenCursor {
  /** {@link Keywords#RESERVED}. */
  static final Set<String> RESERVED = Keywords.RESERVED;

  /** How deep expressions and queries may nest (parentheses, subqueries, NOT, unary signs). */
  static final int MAX_NESTING = 200;

  final String sql;
  final List<Token> tokens;
  int pos;
  private int depth;

  TokenCursor(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** Enters one nesting level: error 191 past {@link #MAX_NESTING}. */
  void enter() {
    if (++depth > MAX_NESTING) {
      depth = 0;
      throw new SqlException(
          191,
          15,
          1,
          "Some part of your SQL statement is nested too deeply."
              + " Rewrite the query or break it up into smaller queries.",
          true,
          peek().line());
    }
  }

  /** Leaves a nesting level. */
  void leave() {
    depth--;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.END) {
      pos++;
    }
    return t;
  }

  boolean atEnd() {
    return peek().kind() == Token.Kind.END;
  }

  boolean accept(String word) {
    if (peek().is(word)) {
      pos++;
      return true;
    }
    return false;
  }

  boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  void expect(String word) {
    if (!accept(word)) {
      throw syntaxError();
    }
  }

  void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw syntaxError();
    }
  }

  /** Whether the current token is a bare word that is not reserved. */
  boolean atPlainWord() {
    Token t = peek();
    return t.kind() == Token.Kind.WORD && !RESERVED.contains(t.upper());
  }

  /** 102 near the current token (or the previous one at the end of the batch). */
  SqlException syntaxError() {
    Token t = peek();
    if (t.kind() == Token.Kind.END) {
      Token last = pos > 0 ? tokens.get(pos - 1) : t;
      return new SqlException(
          102, 15, 1, "Incorrect syntax near '" + last.near() + "'.", true, last.line());
    }
    return new SqlException(
        102, 15, 1, "Incorrect syntax near '" + t.near() + "'.", true, t.line());
  }

  /** 156: "Incorrect syntax near the keyword 'X'." for a misplaced reserved word. */
  SqlException keywordError() {
    Token t = peek();
    if (t.kind() == Token.Kind.WORD && RESERVED.contains(t.upper())) {
      return new SqlException(
          156, 15, 1, "Incorrect syntax near the keyword '" + t.text() + "'.", true, t.line());
    }
    return syntaxError();
  }

  /** An identifier (bare non-reserved word or quoted). */
  String name() {
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED || t.kind() == Token.Kind.WORD && !isReserved(t)) {
      pos++;
      return t.text();
    }
    throw keywordError();
  }

  /** An identifier, allowing reserved words (after a dot, say). */
  String anyName() {
    Token t = peek();
    if (t.isName()) {
      pos++;
      return t.text();
    }
    throw syntaxError();
  }

  static boolean isReserved(Token t) {
    return t.kind() == Token.Kind.WORD && RESERVED.contains(t.upper());
  }

  /**
   * A multi-part object name: {@code a}, {@code a.b}, {@code a.b.c}, {@code a..c} (empty parts kept
   * as ""), {@code #temp}. At most four parts.
   */
  List<String> objectName() {
    List<String> parts = new ArrayList<>();
    parts.add(peek().isSymbol(".") ? "" : name());
    while (peek().isSymbol(".")) {
      pos++;
      if (peek().isSymbol(".")) {
        parts.add("");
        continue;
      }
      if (peek().isSymbol("*")) {
        pos--; // t.* belongs to the caller
        break;
      }
      parts.add(anyName());
    }
    if (parts.size() > 4) {
      throw new SqlException(
          117,
          15,
          1,
          "The object name '"
              + String.join(".", parts)
              + "' contains more than the maximum number"
              + " of prefixes. The maximum is 3.",
          true,
          peek().line());
    }
    return parts;
  }

  /** A parenthesised, comma-separated list of names. */
  List<String> nameList() {
    expectSymbol("(");
    List<String> names = new ArrayList<>();
    do {
      names.add(name());
    } while (acceptSymbol(","));
    expectSymbol(")");
    return names;
  }

  /** The batch text from token {@code from} up to (not including) the current token. */
  String textFrom(int from) {
    int start = tokens.get(from).start();
    int end = pos > from ? tokens.get(pos - 1).end() : start;
    return sql.substring(start, end);
  }

  /** Skips a balanced parenthesised group starting at the current "(". */
  void skipParens() {
    expectSymbol("(");
    int depth = 1;
    while (depth > 0) {
      Token t = next();
      if (t.kind() == Token.Kind.END) {
        throw syntaxError();
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      }
    }
  }
}
