package io.jctds.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A result set as an aligned text table, the way {@code jctds sql} prints it: a header row with the
 * column names, a separator line of dashes under each column, one line per row. Columns are
 * separated by one space and padded to their widest cell; trailing spaces are dropped. The caller
 * renders each cell (NULL as {@code NULL}).
 */
final class ResultTable {
  private ResultTable() {}

  /**
   * The lines of the table.
   *
   * @param headers the column names (empty for an unnamed column)
   * @param rows the rendered cells, each row as long as {@code headers}
   * @throws IllegalArgumentException if a row has a different number of cells
   */
  static List<String> lines(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = width(headers.get(c));
    }
    for (List<String> row : rows) {
      if (row.size() != widths.length) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " cells, the header " + widths.length);
      }
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], width(row.get(c)));
      }
    }
    List<String> lines = new ArrayList<>(rows.size() + 2);
    lines.add(line(headers, widths));
    lines.add(line(widths.length == 0 ? List.of() : dashes(widths), widths));
    for (List<String> row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  private static List<String> dashes(int[] widths) {
    List<String> d = new ArrayList<>(widths.length);
    for (int w : widths) {
      d.add("-".repeat(w));
    }
    return d;
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        s.append(' ');
      }
      String cell = cells.get(c);
      s.append(cell).append(" ".repeat(widths[c] - width(cell)));
    }
    return s.toString().stripTrailing();
  }

  /** The width of a cell in characters (code points), so that non-BMP text aligns too. */
  private static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
