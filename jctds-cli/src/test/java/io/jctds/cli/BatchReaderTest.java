package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchReaderTest {
  private static List<String> batches(String input) throws IOException {
    BatchReader reader = new BatchReader(new BufferedReader(new StringReader(input)));
    List<String> batches = new ArrayList<>();
    String b;
    while ((b = reader.next()) != null) {
      batches.add(b);
    }
    return batches;
  }

  @Test
  void goLinesSeparateBatchesInAnyCaseWithSurroundingWhiteSpace() throws IOException {
    assertThat(batches("SELECT 1\ngo\nSELECT 2\n  GO \nSELECT 3\n\tGo\n"))
        .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
  }

  @Test
  void theLastBatchRunsAtEndOfInputWithoutGo() throws IOException {
    assertThat(batches("SELECT 1\ngo\nSELECT 2\nFROM t"))
        .containsExactly("SELECT 1", "SELECT 2\nFROM t");
  }

  @Test
  void goInsideALineIsNotASeparator() throws IOException {
    assertThat(batches("SELECT 'go' AS go\ngo now\n-- go\ngoto\n"))
        .containsExactly("SELECT 'go' AS go\ngo now\n-- go\ngoto");
  }

  @Test
  void emptyBatchesAreSkipped() throws IOException {
    assertThat(batches("go\n\n  \ngo\nGO\nSELECT 1\ngo\n\n")).containsExactly("SELECT 1");
    assertThat(batches("")).isEmpty();
    assertThat(batches("\n\ngo\n")).isEmpty();
  }

  @Test
  void leadingBlankLinesAreKeptSoServerLineNumbersMatchTheInput() throws IOException {
    assertThat(batches("\n\nSELECT x\ngo\n")).containsExactly("\n\nSELECT x");
  }

  @Test
  void windowsLineEndingsSplitToo() throws IOException {
    assertThat(batches("SELECT 1\r\nGO\r\nSELECT 2\r\n")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void separatorRecognition() {
    assertThat(BatchReader.isSeparator("go")).isTrue();
    assertThat(BatchReader.isSeparator(" GO\t")).isTrue();
    assertThat(BatchReader.isSeparator("go;")).isFalse();
    assertThat(BatchReader.isSeparator("go 2")).isFalse();
    assertThat(BatchReader.isSeparator("")).isFalse();
  }
}
