package io.jctds.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * {@code --format csv}: RFC 4180 files (CRLF row ends, double quotes) with a header line of column
 * names, through Apache Commons CSV. Every non-NULL value is quoted; NULL is an empty unquoted
 * field, an empty string {@code ""}. Values have {@link BcpText}'s forms.
 */
final class BcpCsv {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).setNullString("").get();

  private BcpCsv() {}

  /** Writes rows of values; call {@link CsvOut#header} first. */
  static final class CsvOut implements AutoCloseable {
    private final CSVPrinter printer;
    private final StringBuilder cell = new StringBuilder(64);

    CsvOut(Writer out) throws IOException {
      printer = new CSVPrinter(out, FORMAT);
    }

    void header(List<String> names) throws IOException {
      printer.printRecord(names);
    }

    void row(io.jctds.Row row) throws IOException {
      for (int i = 0; i < row.size(); i++) {
        Object v = row.get(i);
        if (v == null || v instanceof String) {
          printer.print(v);
        } else {
          cell.setLength(0);
          BcpText.append(cell, v);
          printer.print(cell.length() == 1 && cell.charAt(0) == 0 ? "" : cell.toString());
        }
      }
      printer.println();
    }

    @Override
    public void close() throws IOException {
      printer.close(true);
    }
  }

  /** The records after the header line, as {@link BcpSource} fields. */
  static BcpSource reader(Reader in) throws IOException {
    CSVParser parser =
        CSVParser.builder()
            .setReader(in)
            .setFormat(
                FORMAT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true)
                    .get())
            .get();
    Iterator<CSVRecord> records = parser.iterator();
    return new BcpSource() {
      private long number;
      private long line;

      @Override
      public List<String> next() {
        long before = parser.getCurrentLineNumber();
        if (!records.hasNext()) {
          return null;
        }
        CSVRecord r = records.next();
        number++;
        line = before + 1;
        List<String> fields = new ArrayList<>(r.size());
        for (String v : r) {
          fields.add(v == null ? "" : v.isEmpty() ? "\0" : v);
        }
        return fields;
      }

      @Override
      public long number() {
        return number;
      }

      /** {@code Row N, line L}: N counts records after the header, L the line it starts on. */
      @Override
      public String where() {
        return "Row " + number + ", line " + line;
      }

      @Override
      public String render(List<String> fields) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
          String f = fields.get(i);
          values[i] = f.isEmpty() ? null : f.equals("\0") ? "" : f;
        }
        return FORMAT.format(values);
      }
    };
  }
}
