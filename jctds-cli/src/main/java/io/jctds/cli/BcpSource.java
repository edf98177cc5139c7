package io.jctds.cli;

import java.io.IOException;
import java.util.List;

/**
 * The records of a data file, one at a time, each as its fields in bcp's character form: an empty
 * field is NULL, a field of one NUL byte an empty string.
 */
interface BcpSource {
  /** The next record's fields, or null at the end of the file. */
  List<String> next() throws IOException;

  /** The number of the record {@link #next} returned last, from 1. */
  long number();

  /**
   * Where the record {@link #next} returned last is, for a rejection: {@code Row N} (for a text
   * file with the default row terminator N is also its line).
   */
  default String where() {
    return "Row " + number();
  }

  /** The record's fields as the file writes them, for the error file (no row terminator). */
  String render(List<String> fields);
}
