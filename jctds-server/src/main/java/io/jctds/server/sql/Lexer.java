package io.jctds.server.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits T-SQL text into {@link SqlToken}s: words, [bracketed] and "quoted" identifiers, 'strings'
 * with '' escapes, N'unicode strings', numbers, 0x binary literals, @variables and @@functions,
 * operators. Comments ({@code --} to the end of the line, nested {@code /* *}{@code /}) are
 * skipped. An unterminated string, identifier or comment is error 105 / 113 as in SQL Server.
 */
final class Lexer {
  private final String s;
  private int i;
  private int line = 1;

  private Lexer(String s) {
    this.s = s;
  }

  /** The tokens of {@code sql}, ending with one END token. */
  static List<SqlToken> tokenize(String sql) {
    return new Lexer(sql).all();
  }

  private List<SqlToken> all() {
    List<SqlToken> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (i >= s.length()) {
        out.add(new SqlToken(SqlToken.Kind.END, "", line));
        return out;
      }
      out.add(next());
    }
  }

  private void skipSpaceAndComments() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && peek(1) == '-') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && peek(1) == '*') {
        blockComment();
      } else {
        return;
      }
    }
  }

  private void blockComment() {
    int depth = 0;
    int start = line;
    do {
      if (i >= s.length()) {
        throw new SqlException(
            113,
            15,
            1,
            "Missing end comment mark '*/' (comment begins on line " + start + ").",
            true);
      }
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
      } else {
        line += s.charAt(i) == '\n' ? 1 : 0;
        i++;
      }
    } while (depth > 0);
  }

  private char peek(int ahead) {
    return i + ahead < s.length() ? s.charAt(i + ahead) : '\0';
  }

  private SqlToken next() {
    char c = s.charAt(i);
    if ((c == 'N' || c == 'n') && peek(1) == '\'') {
      i++;
      return new SqlToken(SqlToken.Kind.NSTRING, quoted('\'', '\''), line);
    }
    if (c == '\'') {
      return new SqlToken(SqlToken.Kind.STRING, quoted('\'', '\''), line);
    }
    if (c == '[') {
      return new SqlToken(SqlToken.Kind.QUOTED_IDENTIFIER, quoted('[', ']'), line);
    }
    if (c == '"') {
      return new SqlToken(SqlToken.Kind.QUOTED_IDENTIFIER, quoted('"', '"'), line);
    }
    if (c == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      int start = i;
      i += 2;
      while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
        i++;
      }
      return new SqlToken(SqlToken.Kind.BINARY, s.substring(start + 2, i), line);
    }
    if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
      return number();
    }
    if (c == '@' || c == '#' || isWordStart(c)) {
      int start = i;
      i++;
      while (i < s.length() && isWordPart(s.charAt(i))) {
        i++;
      }
      String text = s.substring(start, i);
      return new SqlToken(c == '@' ? SqlToken.Kind.VARIABLE : SqlToken.Kind.WORD, text, line);
    }
    return symbol(c);
  }

  private SqlToken number() {
    int start = i;
    boolean dot = false;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || (s.charAt(i) == '.' && !dot))) {
      dot |= s.charAt(i) == '.';
      i++;
    }
    String mantissa = s.substring(start, i);
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      int exp = i;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      String e = s.substring(exp, i);
      boolean digits = e.chars().anyMatch(Character::isDigit);
      return new SqlToken(SqlToken.Kind.NUMBER, mantissa + "E" + (digits ? e : e + "0"), line);
    }
    return new SqlToken(SqlToken.Kind.NUMBER, mantissa, line);
  }

  private SqlToken symbol(char c) {
    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
    for (String op : new String[] {"<>", "!=", "<=", ">=", "!<", "!>", "+=", "-=", "*=", "/="}) {
      if (two.equals(op)) {
        i += 2;
        return new SqlToken(SqlToken.Kind.SYMBOL, op, line);
      }
    }
    i++;
    return new SqlToken(SqlToken.Kind.SYMBOL, String.valueOf(c), line);
  }

  private String quoted(char open, char close) {
    int startLine = line;
    i++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        String what = open == '\'' ? "character string" : "identifier";
        throw new SqlException(
            open == '\'' ? 105 : 1038,
            15,
            1,
            "Unclosed quotation mark after the " + what + " '" + sb + "' (line " + startLine + ").",
            true);
      }
      char ch = s.charAt(i++);
      if (ch == close) {
        if (i < s.length() && s.charAt(i) == close) {
          sb.append(close);
          i++;
          continue;
        }
        return sb.toString();
      }
      if (ch == '\n') {
        line++;
      }
      sb.append(ch);
    }
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$';
  }
}
