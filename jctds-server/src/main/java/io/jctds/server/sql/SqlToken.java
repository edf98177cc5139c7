package io.jctds.server.sql;

import java.util.Locale;

/**
 * One lexical token of T-SQL.
 *
 * @param kind what it is
 * @param text the identifier (brackets and quotes removed), the string's value, the number's or
 *     symbol's text, or the variable name with its @ signs
 * @param line the 1-based line where it starts
 */
record SqlToken(Kind kind, String text, int line) {
  /** Token kinds. */
  enum Kind {
    /** A keyword or an identifier, bare. */
    WORD,
    /** A [bracketed] or "quoted" identifier: never a keyword. */
    QUOTED_IDENTIFIER,
    /** 'text'. */
    STRING,
    /** N'text'. */
    NSTRING,
    /** An integer or decimal literal. */
    NUMBER,
    /** 0x... binary literal. */
    BINARY,
    /**
     * @name or @@name.
     */
    VARIABLE,
    /** Operators and punctuation. */
    SYMBOL,
    /** The end of the batch. */
    END
  }

  /** Whether this is the bare word {@code word} (case-insensitive). */
  boolean is(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  /** Whether this is the symbol {@code symbol}. */
  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** The upper-case text of a word. */
  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** How SQL Server quotes this token in "Incorrect syntax near '...'." */
  String near() {
    return switch (kind) {
      case STRING, NSTRING -> text;
      case END -> "";
      default -> text;
    };
  }
}
