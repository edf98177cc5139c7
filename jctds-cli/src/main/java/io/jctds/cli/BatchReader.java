package io.jctds.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits SQL text read line by line into batches the way tsql and sqlcmd do: a line that consists
 * of {@code go} alone (any case, optional surrounding white space) ends a batch; the text before
 * the end of input is the last batch. Batches with nothing but white space are skipped. Batches are
 * handed out as they complete, so input typed interactively runs at each {@code go}.
 */
final class BatchReader {
  private static final Pattern GO = Pattern.compile("\\s*go\\s*", Pattern.CASE_INSENSITIVE);

  private final BufferedReader in;
  private boolean eof;

  BatchReader(BufferedReader in) {
    this.in = in;
  }

  /** Whether {@code line} is a batch separator. */
  static boolean isSeparator(String line) {
    return GO.matcher(line).matches();
  }

  /**
   * The next batch (its lines joined with {@code \n}, without the separator), or null at the end of
   * input.
   */
  String next() throws IOException {
    List<String> lines = new ArrayList<>();
    while (!eof) {
      String line = in.readLine();
      if (line == null) {
        eof = true;
      } else if (!isSeparator(line)) {
        lines.add(line);
      } else if (!isBlank(lines)) {
        return String.join("\n", lines);
      } else {
        lines.clear();
      }
    }
    return isBlank(lines) ? null : String.join("\n", lines);
  }

  private static boolean isBlank(List<String> lines) {
    return lines.stream().allMatch(String::isBlank);
  }
}
