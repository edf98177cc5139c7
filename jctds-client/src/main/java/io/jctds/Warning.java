package io.jctds;

/**
 * A message of severity 1 to 10 (PRINT has 0 and is not one; RAISERROR with severity 10 is), as
 * k-cTDS reports them through Python's warnings: see {@link Connection#warnings()}. Never thrown by
 * jctds.
 */
public class Warning extends JctdsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param m the server's message
   */
  public Warning(SqlServerMessage m) {
    super(m.toString(), m, null);
  }
}
