package io.jctds.server.functions;

import java.time.LocalTime;

/** The time-of-day parser of date/time conversions, for WAITFOR. */
public final class TemporalFunctionsAccess {
  private TemporalFunctionsAccess() {}

  /** Parses {@code hh:mm[:ss[.fff]]} with optional AM/PM. */
  public static LocalTime time(String text) {
    return TemporalParser.time(text);
  }
}
