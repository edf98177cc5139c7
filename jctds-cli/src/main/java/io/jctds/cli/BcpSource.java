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
}
