package io.jctds.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.sql.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
  private static List<String> texts(String sql) {
    return Lexer.tokenize(sql).stream().map(t -> t.kind() + ":" + t.text()).toList();
  }

  @Test
  void wordsStringsNumbersVariablesSymbols() {
    assertThat(texts("SELECT N'it''s', 'a', 12.5, 0x0A, @@SPID, @x, [my col], \"q\" <> 1;"))
        .containsExactly(
            "WORD:SELECT",
            "NSTRING:it's",
            "SYMBOL:,",
            "STRING:a",
            "SYMBOL:,",
            "NUMBER:12.5",
            "SYMBOL:,",
            "BINARY:0A",
            "SYMBOL:,",
            "VARIABLE:@@SPID",
            "SYMBOL:,",
            "VARIABLE:@x",
            "SYMBOL:,",
            "QUOTED_IDENTIFIER:my col",
            "SYMBOL:,",
            "QUOTED_IDENTIFIER:q",
            "SYMBOL:<>",
            "NUMBER:1",
            "SYMBOL:;",
            "END:");
  }

  @Test
  void commentsAreSkippedAndLinesCounted() {
    List<SqlToken> t = Lexer.tokenize("-- one\n/* two /* nested */ still */\r\nSELECT\n1");
    assertThat(t).extracting(SqlToken::text).containsExactly("SELECT", "1", "");
    assertThat(t).extracting(SqlToken::line).containsExactly(3, 4, 4);
  }

  @Test
  void quotesInsideCommentsAndCommentsInsideQuotes() {
    assertThat(texts("SELECT '-- not a comment' /* 'not a string */"))
        .containsExactly("WORD:SELECT", "STRING:-- not a comment", "END:");
  }

  @Test
  void unclosedThingsAreSqlServerErrors() {
    assertThatThrownBy(() -> Lexer.tokenize("SELECT 'abc"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.number()).isEqualTo(105))
        .hasMessageStartingWith("Unclosed quotation mark after the character string 'abc'");
    assertThatThrownBy(() -> Lexer.tokenize("SELECT 1 /* open"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.number()).isEqualTo(113));
    assertThatThrownBy(() -> Lexer.tokenize("SELECT [abc")).isInstanceOf(SqlException.class);
  }

  @Test
  void kinds() {
    assertThat(Lexer.tokenize("x").get(0).kind()).isEqualTo(Kind.WORD);
    assertThat(Lexer.tokenize("#tmp").get(0).kind()).isEqualTo(Kind.WORD);
    assertThat(Lexer.tokenize("1e3").get(0).kind()).isEqualTo(Kind.NUMBER);
  }
}
