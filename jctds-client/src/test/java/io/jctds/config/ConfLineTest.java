package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FREETDS.md 1.1: the line reader. */
class ConfLineTest {

  private static List<ConfLine> parse(String text) {
    return ConfLine.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static ConfLine one(String line) {
    List<ConfLine> lines = parse(line);
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  @Test
  void keyIsLowerCasedAndWhitespaceCollapsed() {
    ConfLine l = one("  Initial   BLOCK\tsize=  8192 \n");
    assertThat(l.key()).isEqualTo("initial block size");
    assertThat(l.value()).isEqualTo("8192");
  }

  @Test
  void valueKeepsCaseAndCollapsesWhitespace() {
    assertThat(one("database = My   Db \t X  \n").value()).isEqualTo("My Db X");
  }

  @Test
  void semicolonOrHashEndsTheValueAnywhere() {
    assertThat(one("database = my   db # x\n").value()).isEqualTo("my db");
    assertThat(one("password = pa;ss\n").value()).isEqualTo("pa");
    assertThat(one("ca file = /a#b/c.pem\n").value()).isEqualTo("/a");
  }

  @Test
  void commentLinesStartWithSemicolonOrHashAfterBlanks() {
    assertThat(parse("; one\n   # two\n\t;three = 4\n")).isEmpty();
  }

  @Test
  void semicolonInsideTheKeyIsPartOfTheKey() {
    assertThat(one("data;base = zz\n").key()).isEqualTo("data;base");
  }

  @Test
  void lineWithoutEqualsIsAKeyWithEmptyValue() {
    ConfLine l = one("  Database  \n");
    assertThat(l.key()).isEqualTo("database");
    assertThat(l.value()).isEmpty();
  }

  @Test
  void emptyKeysAndBlankLinesAreSkipped() {
    assertThat(parse("\n   \n= value\n \t = x\n")).isEmpty();
  }

  @Test
  void onlyTheFirstEqualsSplits() {
    ConfLine l = one("database = a=b\n");
    assertThat(l.key()).isEqualTo("database");
    assertThat(l.value()).isEqualTo("a=b");
  }

  @Test
  void sectionHeaders() {
    assertThat(one("[MyServer]\n").sectionName()).isEqualTo("myserver");
    assertThat(one("[ name ]\n").sectionName()).isEqualTo(" name ");
    assertThat(one("[noclose\n").sectionName()).isEqualTo("noclose");
    assertThat(one("[s] trailing text ; c\n").sectionName()).isEqualTo("s");
    assertThat(one("[my   server]\n").sectionName()).isEqualTo("my server");
    assertThat(one("[s=x]\n").sectionName()).isEqualTo("s");
    assertThat(one("[s]\n").isHeader()).isTrue();
    assertThat(one("s]\n").isHeader()).isFalse();
  }

  @Test
  void lineNumbersArePhysicalLines() {
    List<ConfLine> lines = parse("; c\n\n[s]\r\nport = 1\r\n");
    assertThat(lines).extracting(ConfLine::line).containsExactly(3, 4);
    assertThat(lines.get(1).value()).isEqualTo("1");
  }

  @Test
  void linesLongerThan255BytesAreSplitAndTheTailParsedAsALine() {
    String value = "d".repeat(300);
    List<ConfLine> lines = parse("database=" + value + "\nport=1\n");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).value()).hasSize(255 - "database=".length());
    assertThat(lines.get(1).key()).isEqualTo("d".repeat(300 - 246));
    assertThat(lines.get(1).line()).isEqualTo(1);
    assertThat(lines.get(2).key()).isEqualTo("port");
    assertThat(lines.get(2).line()).isEqualTo(2);
  }

  @Test
  void aLineOfExactly255BytesLeavesItsNewlineAsAnEmptyRead() {
    String line = "database=" + "x".repeat(246);
    List<ConfLine> lines = parse(line + "\nport=2\n");
    assertThat(lines).extracting(ConfLine::key).containsExactly("database", "port");
    assertThat(lines.get(1).line()).isEqualTo(2);
  }

  @Test
  void theSplitCountsBytesNotCharacters() {
    String value = "é".repeat(200); // 400 bytes
    List<ConfLine> lines = parse("database=" + value + "\n");
    assertThat(lines.get(0).value()).hasSize((255 - 9) / 2);
  }

  @Test
  void aNulByteEndsTheRead() {
    byte[] data = "database = ab\0cd\nport = 3\n".getBytes(StandardCharsets.UTF_8);
    List<ConfLine> lines = ConfLine.parse(data);
    assertThat(lines.get(0).value()).isEqualTo("ab");
    assertThat(lines.get(1).value()).isEqualTo("3");
  }

  @Test
  void nonUtf8BytesAreKeptOneCharacterPerByte() {
    byte[] data = {'d', 'a', 't', 'a', 'b', 'a', 's', 'e', '=', (byte) 0xE9, 'x', '\n'};
    assertThat(ConfLine.parse(data).get(0).value()).isEqualTo("éx");
  }

  @Test
  void onlyAsciiLettersAreLowerCased() {
    assertThat(one("DATÉBASE = x\n").key()).isEqualTo("datÉbase");
  }
}
