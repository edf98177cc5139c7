package io.jctds.server.sql;

/**
 * A statement failed the way SQL Server reports it: a message number, severity and state. The
 * engine turns it into an ERROR token and a DONE with the error bit; the session stays usable.
 */
public final class SqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int number;
  private final int severity;
  private final int state;
  private final boolean abortsBatch;
  private final int line;
  private final SqlException next;

  /**
   * @param number SQL Server's message number (e.g. 102, 208)
   * @param severity the class (11-16 for user errors)
   * @param state the state
   * @param message the message text as SQL Server words it
   * @param abortsBatch whether the rest of the batch is skipped (syntax and name resolution
   *     errors), or execution goes on with the next statement
   */
  public SqlException(int number, int severity, int state, String message, boolean abortsBatch) {
    this(number, severity, state, message, abortsBatch, 0);
  }

  /**
   * An error that knows the batch line it refers to.
   *
   * @param line the 1-based line of the batch, or 0 to report the failing statement's line
   */
  public SqlException(
      int number, int severity, int state, String message, boolean abortsBatch, int line) {
    this(number, severity, state, message, abortsBatch, line, null);
  }

  private SqlException(
      int number,
      int severity,
      int state,
      String message,
      boolean abortsBatch,
      int line,
      SqlException next) {
    super(message, null, false, false);
    this.next = next;
    this.number = number;
    this.severity = severity;
    this.state = state;
    this.abortsBatch = abortsBatch;
    this.line = line;
  }

  /** The batch line the error refers to, 0 when it is the failing statement's. */
  public int line() {
    return line;
  }

  /** This error at {@code newLine} (unless it already has a line). */
  public SqlException atLine(int newLine) {
    if (line != 0) {
      return this;
    }
    return new SqlException(number, severity, state, getMessage(), abortsBatch, newLine, next);
  }

  /**
   * This error followed by {@code following}, reported right after it in the same response (as SQL
   * Server follows 300 "... permission was denied ..." with 297).
   */
  public SqlException followedBy(SqlException following) {
    return new SqlException(number, severity, state, getMessage(), abortsBatch, line, following);
  }

  /** The error reported right after this one, or null. */
  public SqlException next() {
    return next;
  }

  /** Error 102: "Incorrect syntax near 'X'." (severity 15); the batch is not run. */
  public static SqlException syntax(String near) {
    return new SqlException(102, 15, 1, "Incorrect syntax near '" + near + "'.", true);
  }

  /** Error 102 at the end of the batch: "Incorrect syntax near the end of input"-like. */
  public static SqlException unexpectedEnd(String after) {
    return new SqlException(102, 15, 1, "Incorrect syntax near '" + after + "'.", true);
  }

  /** Error 208: "Invalid object name 'X'." (severity 16); the batch stops. */
  public static SqlException invalidObject(String name) {
    return new SqlException(208, 16, 1, "Invalid object name '" + name + "'.", true);
  }

  /** Error 207: "Invalid column name 'X'." (severity 16); the batch stops. */
  public static SqlException invalidColumn(String name) {
    return new SqlException(207, 16, 1, "Invalid column name '" + name + "'.", true);
  }

  /** Error 137: "Must declare the scalar variable "@X"." (severity 15). */
  public static SqlException undeclaredVariable(String name) {
    return new SqlException(137, 15, 2, "Must declare the scalar variable \"" + name + "\".", true);
  }

  /** Error 195: "'X' is not a recognized built-in function name." (severity 15). */
  public static SqlException unknownFunction(String name) {
    return new SqlException(
        195, 15, 10, "'" + name + "' is not a recognized built-in function name.", true);
  }

  /** Error 40508-like refusal for statements the endpoint's SQL front does not run. */
  public static SqlException unsupported(String what) {
    return new SqlException(
        40517,
        16,
        1,
        "Keyword or statement option '"
            + what
            + "' is not supported in this version of SQL Server (the jctds server's SQL front).",
        false);
  }

  public int number() {
    return number;
  }

  public int severity() {
    return severity;
  }

  public int state() {
    return state;
  }

  /** Whether the rest of the batch is skipped. */
  public boolean abortsBatch() {
    return abortsBatch;
  }
}
