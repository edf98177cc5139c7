package io.jctds.server.session;

/**
 * Ends a session on purpose: the client broke the protocol or the server's policy refuses it. The
 * message (never containing a password) is logged with the SPID; the socket is then closed.
 */
final class SessionEnd extends Exception {
  private static final long serialVersionUID = 1L;
  private final System.Logger.Level level;

  SessionEnd(System.Logger.Level level, String message) {
    super(message, null, false, false);
    this.level = level;
  }

  SessionEnd(String message) {
    this(System.Logger.Level.INFO, message);
  }

  /** How loudly to log it: INFO for policy refusals, WARNING for protocol violations. */
  System.Logger.Level level() {
    return level;
  }
}
