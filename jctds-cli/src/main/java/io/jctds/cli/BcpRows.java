package io.jctds.cli;

import io.jctds.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of a bcp file as {@code Connection.bulkInsert} takes them, converted one record at a
 * time. A record with the wrong number of fields or a field that does not convert is rejected: it
 * is written to the error file (when there is one) with its record number and the reason, and
 * skipped; the {@code maxErrors}-th rejection stops the load with {@link TooManyErrors} (as freebcp
 * 1.3.17: bcp.c stops when its error count reaches maxerrs).
 */
final class BcpRows implements Iterator<Object> {
  /** Thrown out of bulkInsert (which then discards the current batch) to stop the load. */
  static final class TooManyErrors extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyErrors(String message) {
      super(message);
    }
  }

  /**
   * Thrown out of bulkInsert (which then discards the current batch) when the file cannot be read
   * on (a malformed CSV record, bytes that are not UTF-8, an I/O error) or the error file cannot be
   * written. Not an IOException, so that bulkInsert does not take it for a broken connection.
   */
  static final class BadFile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadFile(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final BcpSource records;
  private final List<Column> columns;
  private final BcpTarget target;
  private final int[] limits;
  private final Writer errors;
  private final long first;
  private final long last;
  private final int maxErrors;
  private int rejected;
  private final BcpProgress progress;
  private Object pending;
  private boolean done;

  BcpRows(
      BcpSource records,
      BcpTarget target,
      Writer errors,
      long first,
      long last,
      int maxErrors,
      BcpProgress progress) {
    this.records = records;
    this.target = target;
    this.columns = target.columns();
    this.limits = new int[columns.size()];
    for (int i = 0; i < limits.length; i++) {
      limits[i] = BcpValues.limit(columns.get(i));
    }
    this.errors = errors;
    this.first = first;
    this.last = last;
    this.maxErrors = maxErrors;
    this.progress = progress;
  }

  /** How many records were rejected so far. */
  int rejected() {
    return rejected;
  }

  @Override
  public boolean hasNext() {
    while (pending == null && !done) {
      pending = read();
    }
    return pending != null;
  }

  @Override
  public Object next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object row = pending;
    pending = null;
    progress.row();
    return row;
  }

  /**
   * The next record's row, null when it was skipped or rejected (done set at the end): an Object[]
   * of every field, or (when {@link BcpTarget#byName}) a Map of the sent ones by column name. A
   * field that is not sent is not converted.
   */
  private Object read() {
    List<String> fields;
    try {
      fields = records.next();
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      String why =
          cause instanceof java.nio.charset.CharacterCodingException
              ? "the file is not UTF-8 (a byte sequence somewhere after it; reading is buffered)"
              : cause.getMessage();
      throw new BadFile(
          "cannot read the data file after record "
              + records.number()
              + ": "
              + why
              + "; the rows of the current batch were not loaded",
          cause);
    }
    long n = records.number();
    if (fields == null || n > last) {
      done = true;
      return null;
    }
    if (n < first) {
      return null;
    }
    if (fields.size() != columns.size()) {
      reject(fields, fields.size() + " fields, the table has " + columns.size() + " columns");
      return null;
    }
    Object[] row = new Object[fields.size()];
    Map<String, Object> named = target.byName() ? new HashMap<>() : null;
    for (int i = 0; i < row.length; i++) {
      if (!target.sent()[i]) {
        continue;
      }
      Column c = columns.get(i);
      String problem;
      try {
        row[i] = BcpValues.parse(fields.get(i), c.typeName());
        problem = BcpValues.tooLong(row[i], c, limits[i]);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
      if (problem != null) {
        reject(fields, "column " + (i + 1) + " [" + c.name() + "]: " + problem);
        return null;
      }
      if (named != null) {
        named.put(c.name(), row[i]);
      }
    }
    return named != null ? named : row;
  }

  private void reject(List<String> fields, String reason) {
    rejected++;
    if (errors != null) {
      try {
        errors.write("#@ " + records.where() + ": " + reason + " @#\n");
        errors.write(records.render(fields));
        errors.write('\n');
        errors.flush();
      } catch (IOException e) {
        throw new BadFile("cannot write the error file: " + e.getMessage(), e);
      }
    }
    if (rejected >= Math.max(maxErrors, 1)) {
      throw new TooManyErrors(
          "stopped at r"
              + records.where().substring(1)
              + ": "
              + rejected
              + " rows rejected, -m allows "
              + maxErrors
              + " (this one: "
              + reason
              + "); the rows of the current batch were not loaded");
    }
  }
}
