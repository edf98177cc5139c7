package io.jctds.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The exit codes of the {@code jctds} command: 0 success, 1 an error reported by the server (an SQL
 * error), 2 a usage, configuration or connection error.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int SERVER_ERROR = 1;
  public static final int USAGE_CONFIG_OR_CONNECTION = 2;

  private ExitCodes() {}

  /** Maps an exception that escaped a command to its exit code. */
  static int of(Throwable t) {
    if (t instanceof CliException e) {
      return e.exitCode();
    }
    return USAGE_CONFIG_OR_CONNECTION;
  }

  /** Prints what went wrong (no stack trace unless JCTDS_DEBUG is set) and returns the code. */
  static int handle(Exception ex, CommandLine cl, ParseResult parseResult) {
    String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
    cl.getErr().println("jctds: " + message);
    if (System.getenv("JCTDS_DEBUG") != null) {
      ex.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return of(ex);
  }
}
