package io.jctds;

import java.util.Objects;

/**
 * One message from SQL Server (an ERROR or INFO token), or a note from jctds itself about the
 * connection (number 0, server {@link #CLIENT}), as k-cTDS reports them.
 *
 * @param number the SQL Server message number (e.g. 18456 login failed); 0 for a client note
 * @param state the error state
 * @param severity the severity (class): 0-10 informational, 11-16 user errors, 17-19 resource or
 *     software errors, 20 and above fatal to the connection
 * @param text the message text
 * @param server the server name that produced it ({@link #CLIENT} for notes of jctds)
 * @param procedure the procedure name, empty outside a procedure
 * @param line the line in the batch or procedure
 */
public record SqlServerMessage(
    int number, int state, int severity, String text, String server, String procedure, int line) {

  /** The {@link #server()} of notes that jctds adds itself (e.g. "certificate not validated"). */
  public static final String CLIENT = "jctds";

  /** Normalises null strings to empty ones. */
  public SqlServerMessage {
    text = Objects.requireNonNullElse(text, "");
    server = Objects.requireNonNullElse(server, "");
    procedure = Objects.requireNonNullElse(procedure, "");
  }

  /** A note from jctds itself (number 0, severity 0). */
  public static SqlServerMessage clientNote(String text) {
    return new SqlServerMessage(0, 0, 0, text, CLIENT, "", 0);
  }

  /** Whether SQL Server considers this an error (severity above 10). */
  public boolean isError() {
    return severity > 10;
  }

  /** Whether it is a note from jctds rather than a message from the server. */
  public boolean isClientNote() {
    return number == 0 && CLIENT.equals(server);
  }

  /**
   * k-cTDS's warning format: {@code [SQL Server message N, severity S, state T, server X, proc P,
   * line L]: text}.
   */
  @Override
  public String toString() {
    if (isClientNote()) {
      return "[jctds]: " + text;
    }
    return "[SQL Server message "
        + number
        + ", severity "
        + severity
        + ", state "
        + state
        + (server.isEmpty() ? "" : ", server " + server)
        + (procedure.isEmpty() ? "" : ", proc " + procedure)
        + ", line "
        + line
        + "]: "
        + text;
  }
}
