package io.jctds.server.tsql;

import java.util.Locale;

/**
 * One lexical token of T-SQL.
 *
 * @param kind what it is
 * @param text the identifier (brackets and quotes removed), the string's value, the number's or
 *     symbol's text, or the variable name with its @ signs
 * @param line the 1-based line where it starts
 * @param start offset of its first character in the batch
 * @param end offset after its last character
 */
public record Token(Kind kind, String text, int line, int start, int end) {
  /** Token kinds. */
  public enum Kind {
    /** A keyword or an identifier, bare. */
    WORD,
    /** A [bracketed] or "quoted" identifier: never a keyword. */
    QUOTED,
    /** 'text'. */
    STRING,
    /** N'text'. */
    NSTRING,
    /** An integer, decimal or float literal (float literals contain an E). */
    NUMBER,
    /** $12.50 and the like (money). */
    MONEY,
    /** 0x... binary literal (text: the hex digits). */
    BINARY,
    /** {@code @name} or {@code @@name}. */
    VARIABLE,
    /** Operators and punctuation. */
    SYMBOL,
    /** The end of the batch. */
    END
  }

  /** Whether this is the bare word {@code word} (case-insensitive). */
  public boolean is(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  /** Whether this is the symbol {@code symbol}. */
  public boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** Whether this is an identifier (bare word or quoted). */
  public boolean isName() {
    return kind == Kind.WORD || kind == Kind.QUOTED;
  }

  /** The upper-case text. */
  public String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** How SQL Server shows this token in "Incorrect syntax near '...'.". */
  public String near() {
    return kind == Kind.BINARY ? "0x" + text : text;
  }
}
