package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shell's result formats: CSV as RFC 4180 writes it (fields with quotes doubled inside quotes),
 * JSON as RFC 8259 (escapes, null, numbers, true/false), tables cut to the width with a marker.
 */
class ShellFormatTest {
  private static ShellFormat.Result result(List<String> headers, List<Object>... rows) {
    List<String> types = headers.stream().map(h -> (String) null).toList();
    return new ShellFormat.Result(headers, types, Arrays.asList(rows));
  }

  private static final ShellFormat.Result SAMPLE =
      result(
          List.of("id", "name", "note"),
          Arrays.asList(1, "Ada", null),
          Arrays.asList(2, "say \"hi\", then go", "line1\nline2"));

  @Test
  void csvQuotesEveryValueDoublesQuotesAndLeavesNullAnEmptyField() {
    assertThat(String.join("\n", ShellFormat.CSV.lines(SAMPLE, 0, false)))
        .isEqualTo(
            "\"id\",\"name\",\"note\"\n"
                + "\"1\",\"Ada\",\n"
                + "\"2\",\"say \"\"hi\"\", then go\",\"line1\nline2\"");
  }

  @Test
  void jsonIsAnArrayOfObjectsWithNullNumbersAndEscapes() {
    assertThat(ShellFormat.JSON.lines(SAMPLE, 0, false))
        .containsExactly(
            "[",
            "  {\"id\": 1, \"name\": \"Ada\", \"note\": null},",
            "  {\"id\": 2, \"name\": \"say \\\"hi\\\", then go\", \"note\": \"line1\\nline2\"}",
            "]");
    ShellFormat.Result typed =
        result(List.of("b", "d", "f"), Arrays.asList(true, new BigDecimal("12.50"), 0.5d));
    assertThat(ShellFormat.JSON.lines(typed, 0, false))
        .contains("  {\"b\": true, \"d\": 12.50, \"f\": 0.5}");
  }

  @Test
  void aTableThatFitsIsTheNonInteractiveTable() {
    ShellFormat.Result r =
        result(
            List.of("id", "name", "note"),
            Arrays.asList(1, "Ada", null),
            Arrays.asList(22, "Bo", "x"));
    assertThat(ShellFormat.TABLE.lines(r, 80, false))
        .isEqualTo(
            ResultTable.lines(
                List.of("id", "name", "note"),
                List.of(List.of("1", "Ada", "NULL"), List.of("22", "Bo", "x"))));
  }

  @Test
  void aTableWiderThanTheTerminalCutsItsWidestColumnsWithAMarker() {
    ShellFormat.Result wide =
        result(List.of("id", "text"), Arrays.asList(7, "abcdefghijklmnopqrstuvwxyz"));
    List<String> lines = ShellFormat.TABLE.lines(wide, 15, false);
    assertThat(lines).containsExactly("id text", "-- ------------", "7  abcdefghijk…");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(15));
  }

  @Test
  void withoutUnicodeTheMarkersAreAscii() {
    ShellFormat.Result wide =
        result(List.of("id", "text"), Arrays.asList(7, "ab\ncdefghijklmnopqrstuvwxyz"));
    assertThat(ShellFormat.TABLE.lines(wide, 15, false, false))
        .containsExactly("id text", "-- ------------", "7  ab cdefghij~");
    assertThat(ShellFormat.TABLE.lines(wide, 15, false, true).get(2)).isEqualTo("7  ab↵cdefghij…");
  }

  @Test
  void csvAndJsonNeverCut() {
    ShellFormat.Result wide = result(List.of("t"), Arrays.asList("x".repeat(200)));
    assertThat(ShellFormat.CSV.lines(wide, 20, false).get(0)).contains("x".repeat(200));
    assertThat(ShellFormat.JSON.lines(wide, 20, false).get(1)).contains("x".repeat(200));
  }

  @Test
  void verticalShowsOneLinePerColumn() {
    assertThat(ShellFormat.VERTICAL.lines(SAMPLE, 80, false).subList(0, 4))
        .containsExactly("-[ RECORD 1 ]---", "id   | 1", "name | Ada", "note | NULL");
  }

  @Test
  void nullIsFaintOnATerminal() {
    ShellFormat.Result r = result(List.of("a", "b"), Arrays.asList(null, "x"));
    assertThat(ShellFormat.TABLE.lines(r, 80, true).get(2)).isEqualTo("\u001b[2mNULL\u001b[0m x");
    assertThat(ShellFormat.TABLE.lines(r, 80, false).get(2)).isEqualTo("NULL x");
  }

  @Test
  void anUnknownFormatIsNamedInTheError() {
    assertThat(ShellFormat.named("CSV")).isEqualTo(ShellFormat.CSV);
    assertThatThrownBy(() -> ShellFormat.named("xml"))
        .hasMessageContaining("'xml'")
        .hasMessageContaining("table, vertical, csv or json");
  }
}
