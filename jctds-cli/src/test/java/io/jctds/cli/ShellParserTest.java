package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.cli.ShellParser.Kind;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/**
 * How the shell reads a buffer, after sqlcmd's documented commands: "GO [count]" on a line of its
 * own ends and runs the batch, count times; QUIT and EXIT end the session.
 */
class ShellParserTest {
  private final ShellParser parser = new ShellParser();

  @Test
  void aStatementGoesOnUntilALineGo() {
    assertThat(ShellParser.kind("SELECT 1")).isEqualTo(Kind.INCOMPLETE);
    assertThat(ShellParser.kind("SELECT 1\nFROM t")).isEqualTo(Kind.INCOMPLETE);
    assertThat(ShellParser.kind("SELECT 1\nFROM t\n  GO ")).isEqualTo(Kind.STATEMENT);
    assertThat(ShellParser.statement("SELECT 1\nFROM t\n  GO ")).isEqualTo("SELECT 1\nFROM t");
    assertThat(ShellParser.repeat("SELECT 1\ngo")).isEqualTo(1);
  }

  @Test
  void goCountRunsTheBatchCountTimes() {
    assertThat(ShellParser.kind("INSERT t DEFAULT VALUES\ngo 3")).isEqualTo(Kind.STATEMENT);
    assertThat(ShellParser.repeat("INSERT t DEFAULT VALUES\ngo 3")).isEqualTo(3);
    assertThat(ShellParser.kind("SELECT 1\ngo three")).isEqualTo(Kind.INCOMPLETE);
  }

  @Test
  void goInsideALineDoesNotEndTheStatement() {
    assertThat(ShellParser.kind("SELECT 'go'\n-- go")).isEqualTo(Kind.INCOMPLETE);
  }

  @Test
  void commandsQuitAndBlankNeedNoGo() {
    assertThat(ShellParser.kind("  :describe t")).isEqualTo(Kind.COMMAND);
    assertThat(ShellParser.kind("quit")).isEqualTo(Kind.QUIT);
    assertThat(ShellParser.kind(" EXIT ")).isEqualTo(Kind.QUIT);
    assertThat(ShellParser.kind("  \n ")).isEqualTo(Kind.EMPTY);
  }

  @Test
  void enterOnAnIncompleteStatementAsksForMore() {
    assertThatThrownBy(() -> parser.parse("SELECT 1", 8, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
    assertThat(parser.parse("SELECT 1\ngo", 11, ParseContext.ACCEPT_LINE).line())
        .isEqualTo("SELECT 1\ngo");
  }

  @Test
  void wordsForCompletionStopAtPunctuation() {
    ParsedLine line = parser.parse("SELECT count(ord", 16, ParseContext.COMPLETE);
    assertThat(line.word()).isEqualTo("ord");
    assertThat(line.wordCursor()).isEqualTo(3);
    assertThat(line.words()).containsExactly("SELECT", "count", "ord");
    ParsedLine qualified = parser.parse("SELECT * FROM dbo.sh", 20, ParseContext.COMPLETE);
    assertThat(qualified.word()).isEqualTo("dbo.sh");
    ParsedLine atSpace = parser.parse("SELECT ", 7, ParseContext.COMPLETE);
    assertThat(atSpace.word()).isEmpty();
    assertThat(atSpace.wordIndex()).isEqualTo(1);
  }
}
