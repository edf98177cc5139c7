package io.jctds.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * How the interactive shell shows a result set ({@code :format}): an aligned table that fits the
 * terminal (long values cut with a marker), one record per block (vertical), CSV (RFC 4180, NULL as
 * an unquoted empty field, every other value quoted) or JSON (one array of objects per result set,
 * NULL as null, numbers and bits as JSON numbers and booleans). Only the table cuts values.
 */
enum ShellFormat {
  TABLE,
  VERTICAL,
  CSV,
  JSON;

  /** What the table shows at the end of a cut value, and for a line break inside a value. */
  static final String CUT = "…";

  private static final String BREAK = "↵";

  /** The same on a terminal whose character set has neither (LANG=C, say). */
  private static final String ASCII_CUT = "~";

  private static final String ASCII_BREAK = " ";

  /** The narrowest a column is cut to. */
  static final int MIN_WIDTH = 4;

  private static final String FAINT = "\u001b[2m";
  private static final String PLAIN = "\u001b[0m";

  /**
   * The format called {@code name} ({@code table}, {@code vertical}, {@code csv}, {@code json}).
   */
  static ShellFormat named(String name) {
    for (ShellFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "': give table, vertical, csv or json");
  }

  /**
   * One result set, read to its end.
   *
   * @param headers the column names
   * @param types the columns' SQL Server type names (for how temporal values are shown)
   * @param rows the values, as the client returns them (null for NULL)
   */
  record Result(List<String> headers, List<String> types, List<List<Object>> rows) {
    String cell(int row, int column) {
      return Cells.cell(rows.get(row).get(column), types.get(column));
    }
  }

  /**
   * The lines that show {@code result}.
   *
   * @param width the terminal's width in table mode (0: do not fit)
   * @param styled whether NULL may be shown faint (ANSI), for a terminal
   */
  List<String> lines(Result result, int width, boolean styled) {
    return lines(result, width, styled, true);
  }

  /**
   * As {@link #lines(Result, int, boolean)}; {@code unicode} false: the table marks a cut value
   * with {@code ~} instead of {@code …} and shows a line break in a value as a space instead of
   * {@code ↵}.
   */
  List<String> lines(Result result, int width, boolean styled, boolean unicode) {
    return switch (this) {
      case TABLE -> table(result, width, styled, unicode);
      case VERTICAL -> vertical(result, styled);
      case CSV -> csv(result);
      case JSON -> json(result);
    };
  }

  private static List<String> table(Result r, int width, boolean styled, boolean unicode) {
    int n = r.headers().size();
    int[] widths = new int[n];
    for (int c = 0; c < n; c++) {
      widths[c] = length(r.headers().get(c));
      for (int row = 0; row < r.rows().size(); row++) {
        widths[c] = Math.max(widths[c], length(r.cell(row, c)));
      }
    }
    if (width > 0) {
      fit(widths, width);
    }
    List<String> lines = new ArrayList<>(r.rows().size() + 2);
    List<String> dashes = new ArrayList<>(n);
    for (int w : widths) {
      dashes.add("-".repeat(w));
    }
    lines.add(line(r.headers(), widths, null, false, unicode));
    lines.add(line(dashes, widths, null, false, unicode));
    for (int row = 0; row < r.rows().size(); row++) {
      List<String> cells = new ArrayList<>(n);
      for (int c = 0; c < n; c++) {
        cells.add(r.cell(row, c));
      }
      lines.add(line(cells, widths, r.rows().get(row), styled, unicode));
    }
    return lines;
  }

  /** Narrows the widest columns, one character at a time, until the row fits {@code width}. */
  static void fit(int[] widths, int width) {
    int total = Math.max(0, widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    while (total > width) {
      int widest = 0;
      for (int c = 1; c < widths.length; c++) {
        if (widths[c] > widths[widest]) {
          widest = c;
        }
      }
      if (widths.length == 0 || widths[widest] <= MIN_WIDTH) {
        return; // as narrow as it goes: the terminal wraps
      }
      widths[widest]--;
      total--;
    }
  }

  private static String line(
      List<String> cells, int[] widths, List<Object> values, boolean style, boolean unicode) {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        s.append(' ');
      }
      String cell = cut(cells.get(c), widths[c], unicode);
      boolean faint = style && values != null && values.get(c) == null;
      s.append(faint ? FAINT + cell + PLAIN : cell);
      s.append(" ".repeat(widths[c] - length(cell)));
    }
    return s.toString().stripTrailing();
  }

  /** {@code cell} on one line, cut to {@code width} code points, ending with a marker when cut. */
  static String cut(String cell, int width, boolean unicode) {
    String flat = cell;
    if (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
      String lineBreak = unicode ? BREAK : ASCII_BREAK;
      flat = cell.replace("\r\n", lineBreak).replace("\n", lineBreak).replace("\r", lineBreak);
    }
    if (length(flat) <= width) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, width - 1)) + (unicode ? CUT : ASCII_CUT);
  }

  private static List<String> vertical(Result r, boolean styled) {
    int label = 0;
    for (String h : r.headers()) {
      label = Math.max(label, length(h));
    }
    List<String> lines = new ArrayList<>();
    for (int row = 0; row < r.rows().size(); row++) {
      lines.add("-[ RECORD " + (row + 1) + " ]" + "-".repeat(Math.max(3, label - 8)));
      for (int c = 0; c < r.headers().size(); c++) {
        String h = r.headers().get(c);
        String v = r.cell(row, c);
        boolean faint = styled && r.rows().get(row).get(c) == null;
        lines.add(h + " ".repeat(label - length(h)) + " | " + (faint ? FAINT + v + PLAIN : v));
      }
    }
    return lines;
  }

  private static List<String> csv(Result r) {
    StringWriter text = new StringWriter();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setNullString("")
            .setRecordSeparator("\n")
            .get();
    try (CSVPrinter printer = new CSVPrinter(text, format)) {
      printer.printRecord(r.headers());
      for (int row = 0; row < r.rows().size(); row++) {
        List<String> record = new ArrayList<>(r.headers().size());
        for (int c = 0; c < r.headers().size(); c++) {
          record.add(r.rows().get(row).get(c) == null ? null : r.cell(row, c));
        }
        printer.printRecord(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    String s = text.toString();
    return List.of(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
  }

  private static List<String> json(Result r) {
    List<String> lines = new ArrayList<>(r.rows().size() + 2);
    lines.add("[");
    for (int row = 0; row < r.rows().size(); row++) {
      StringBuilder s = new StringBuilder("  {");
      for (int c = 0; c < r.headers().size(); c++) {
        if (c > 0) {
          s.append(", ");
        }
        quote(s, r.headers().get(c));
        s.append(": ");
        jsonValue(s, r.rows().get(row).get(c), r.cell(row, c));
      }
      s.append(row + 1 < r.rows().size() ? "}," : "}");
      lines.add(s.toString());
    }
    lines.add("]");
    return lines;
  }

  private static void jsonValue(StringBuilder s, Object value, String text) {
    if (value == null) {
      s.append("null");
    } else if (value instanceof Boolean b) {
      s.append(b);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      s.append(text);
    } else if ((value instanceof Double || value instanceof Float)
        && Double.isFinite(((Number) value).doubleValue())) {
      s.append(value); // Java's 1.0E10 is a JSON number too
    } else {
      quote(s, text);
    }
  }

  /** {@code text} as a JSON string (RFC 8259: quote, backslash and controls escaped). */
  static void quote(StringBuilder s, String text) {
    s.append('"');
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (ch < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            s.append(ch);
          }
        }
      }
    }
    s.append('"');
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
