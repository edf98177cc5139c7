package io.jctds.server.tsql;

import java.util.ArrayList;
import java.util.List;

/** Splitting SQL text at the commas that are outside parentheses and quotes. */
final class TopLevel {
  private TopLevel() {}

  /**
   * {@code s} split at its top-level commas: outside parentheses and outside '...' and "..."
   * quotes. Every part is kept as written (untrimmed), an empty last one too.
   */
  static List<String> split(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && c == ',') {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
