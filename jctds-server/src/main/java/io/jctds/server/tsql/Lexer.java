package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits T-SQL text into {@link Token}s: words, [bracketed] and "quoted" identifiers, 'strings'
 * with '' escapes, N'unicode strings', numbers, $money, 0x binary literals, @variables
 * and @@functions, operators. Comments ({@code --} to the end of the line, nested {@code /*
 * *}{@code /}) are skipped. An unterminated string, identifier or comment is error 105, 1038 or 113
 * as in SQL Server.
 */
public final class Lexer {
  private static final String[] TWO_CHAR = {
    "<>", "!=", "<=", ">=", "!<", "!>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "::"
  };

  private final String s;
  private int i;
  private int line = 1;

  private Lexer(String s) {
    this.s = s;
  }

  /** The tokens of {@code sql}, ending with one END token. */
  public static List<Token> tokenize(String sql) {
    return new Lexer(sql).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (i >= s.length()) {
        out.add(new Token(Token.Kind.END, "", line, i, i));
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
      } else if (Character.isWhitespace(c) || c == '\u0000') {
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

  private Token next() {
    char c = s.charAt(i);
    int start = i;
    int startLine = line;
    if ((c == 'N' || c == 'n') && peek(1) == '\'') {
      i++;
      return token(Token.Kind.NSTRING, quoted('\'', '\''), startLine, start);
    }
    if (c == '\'') {
      return token(Token.Kind.STRING, quoted('\'', '\''), startLine, start);
    }
    if (c == '[') {
      return token(Token.Kind.QUOTED, quoted('[', ']'), startLine, start);
    }
    if (c == '"') {
      return token(Token.Kind.QUOTED, quoted('"', '"'), startLine, start);
    }
    if (c == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      i += 2;
      while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
        i++;
      }
      return token(Token.Kind.BINARY, s.substring(start + 2, i), startLine, start);
    }
    if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
      return token(Token.Kind.NUMBER, number(), startLine, start);
    }
    if (c == '$' && (Character.isDigit(peek(1)) || peek(1) == '.' || peek(1) == '-')) {
      i++;
      boolean negative = s.charAt(i) == '-';
      if (negative) {
        i++;
      }
      return token(Token.Kind.MONEY, (negative ? "-" : "") + number(), startLine, start);
    }
    if (c == '@' || c == '#' || c == '$' || isWordStart(c)) {
      i++;
      while (i < s.length() && isWordPart(s.charAt(i))) {
        i++;
      }
      Token.Kind kind = c == '@' ? Token.Kind.VARIABLE : Token.Kind.WORD;
      return token(kind, s.substring(start, i), startLine, start);
    }
    return symbol(startLine, start);
  }

  private Token token(Token.Kind kind, String text, int startLine, int start) {
    return new Token(kind, text, startLine, start, i);
  }

  private String number() {
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
      return mantissa + "E" + (digits ? e : e + "0");
    }
    return mantissa;
  }

  private Token symbol(int startLine, int start) {
    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
    for (String op : TWO_CHAR) {
      if (two.equals(op)) {
        i += 2;
        return token(Token.Kind.SYMBOL, op, startLine, start);
      }
    }
    i++;
    return token(Token.Kind.SYMBOL, String.valueOf(s.charAt(start)), startLine, start);
  }

  private String quoted(char open, char close) {
    int startLine = line;
    i++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        String shown = sb.length() > 100 ? sb.substring(0, 100) : sb.toString();
        throw new SqlException(
            105,
            15,
            1,
            "Unclosed quotation mark after the character string '" + shown + "'.",
            true,
            startLine);
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
