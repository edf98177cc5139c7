package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  @Test
  void columnsArePaddedToTheWidestCellAndTrailingSpacesDropped() {
    List<String> lines =
        ResultTable.lines(
            List.of("id", "name", "note"),
            List.of(List.of("1", "Alice", "NULL"), List.of("1000", "Bo", "x")));
    assertThat(lines)
        .containsExactly("id   name  note", "---- ----- ----", "1    Alice NULL", "1000 Bo    x");
  }

  @Test
  void aWideHeaderSetsTheWidth() {
    assertThat(ResultTable.lines(List.of("encrypt_option"), List.of(List.of("TRUE"))))
        .containsExactly("encrypt_option", "--------------", "TRUE");
  }

  @Test
  void anUnnamedColumnHasAnEmptyHeaderButDashesForItsValues() {
    assertThat(ResultTable.lines(List.of("", "b"), List.of(List.of("42", "y"))))
        .containsExactly("   b", "-- -", "42 y");
  }

  @Test
  void noRowsStillPrintsHeaderAndSeparator() {
    assertThat(ResultTable.lines(List.of("a", "bb"), List.of())).containsExactly("a bb", "- --");
  }

  @Test
  void widthCountsCodePointsNotUtf16Units() {
    String clef = new String(Character.toChars(0x1D11E)); // one code point, two chars
    assertThat(ResultTable.lines(List.of("s"), List.of(List.of(clef + clef), List.of("ab"))))
        .containsExactly("s", "--", clef + clef, "ab");
  }

  @Test
  void aRowOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> ResultTable.lines(List.of("a", "b"), List.of(List.of("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 cells, the header 2");
  }
}
