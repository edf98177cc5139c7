package io.jctds.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a bcp character-format file one record at a time (never the whole file): a record ends with
 * the row terminator (or the end of the file, when it is not empty), its fields are separated by
 * the field terminator. Fields are returned as written: an empty field and a NUL field are told
 * apart by {@link BcpValues}.
 */
final class BcpRecords implements BcpSource {
  private final Reader in;
  private final String fieldTerminator;
  private final String rowTerminator;
  private final StringBuilder record = new StringBuilder(256);
  private long number;

  BcpRecords(Reader in, String fieldTerminator, String rowTerminator) {
    this.in = in;
    this.fieldTerminator = fieldTerminator;
    this.rowTerminator = rowTerminator;
  }

  /** The number of the record {@link #next} returned last, from 1. */
  @Override
  public long number() {
    return number;
  }

  /** The next record's fields, or null at the end of the file. */
  @Override
  public List<String> next() throws IOException {
    record.setLength(0);
    int end = rowTerminator.length();
    int c;
    while ((c = in.read()) != -1) {
      record.append((char) c);
      if (record.length() >= end && endsWithTerminator(end)) {
        record.setLength(record.length() - end);
        number++;
        return split();
      }
    }
    if (record.length() == 0) {
      return null;
    }
    number++;
    return split();
  }

  @Override
  public String render(List<String> fields) {
    return String.join(fieldTerminator, fields);
  }

  private boolean endsWithTerminator(int end) {
    int from = record.length() - end;
    for (int i = 0; i < end; i++) {
      if (record.charAt(from + i) != rowTerminator.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private List<String> split() {
    List<String> fields = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = record.indexOf(fieldTerminator, from)) >= 0) {
      fields.add(record.substring(from, at));
      from = at + fieldTerminator.length();
    }
    fields.add(record.substring(from));
    return fields;
  }
}
