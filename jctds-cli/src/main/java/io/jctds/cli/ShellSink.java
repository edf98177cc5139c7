package io.jctds.cli;

import io.jctds.Column;
import io.jctds.Row;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the shell's batches print: result sets in the chosen {@link ShellFormat} on {@code
 * results}; row counts with them in table and vertical format, and on {@code notes} (the screen) in
 * csv and json, so that a file of data holds data only.
 */
final class ShellSink implements BatchPrinter.Sink {
  private final ShellFormat format;
  private final PrintWriter results;
  private final PrintWriter notes;
  private final int width;
  private final boolean styled;
  private final boolean unicode;

  /**
   * @param width the terminal's width for tables (0: do not fit, as for a file)
   * @param styled whether NULL may be shown faint (a terminal)
   * @param unicode whether the output's character set has the table's markers ({@code …})
   */
  ShellSink(
      ShellFormat format,
      PrintWriter results,
      PrintWriter notes,
      int width,
      boolean styled,
      boolean unicode) {
    this.format = format;
    this.results = results;
    this.notes = notes;
    this.width = width;
    this.styled = styled;
    this.unicode = unicode;
  }

  @Override
  public void resultSet(List<Column> columns, List<Row> rows) {
    List<String> headers = columns.stream().map(Column::name).toList();
    List<String> types = columns.stream().map(Column::typeName).toList();
    List<List<Object>> values = new ArrayList<>(rows.size());
    for (Row row : rows) {
      List<Object> v = new ArrayList<>(row.size());
      for (int i = 0; i < row.size(); i++) {
        v.add(row.get(i));
      }
      values.add(v);
    }
    format
        .lines(new ShellFormat.Result(headers, types, values), width, styled, unicode)
        .forEach(results::println);
    results.flush();
  }

  @Override
  public void count(long rows) {
    PrintWriter to = format == ShellFormat.CSV || format == ShellFormat.JSON ? notes : results;
    to.println("(" + rows + " rows affected)");
  }
}
