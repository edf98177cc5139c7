package io.jctds.server.sql;

import io.jctds.protocol.TdsVersion;
import io.jctds.server.SessionInfo;
import java.util.List;

/**
 * What the engine sees of the TDS session it serves: identity, negotiated features, and the
 * server's other sessions (for system views and KILL).
 */
public interface SqlSession {

  /** The session id (@@SPID). */
  int spid();

  /** The login name. */
  String login();

  /**
   * Whether the login holds VIEW SERVER STATE (needed for sys.dm_exec_connections); the embedded
   * server's restricted logins do not.
   */
  default boolean viewServerState() {
    return true;
  }

  /** The client's application name (APP_NAME()). */
  String appName();

  /** The client's host name (HOST_NAME()). */
  String hostName();

  /** The database the session logged in to (sp_reset_connection returns to it). */
  String loginDatabase();

  /** Records the current database (the engine checked that it exists). */
  void database(String name);

  /** The TDS version the session logged in with (8.0 for strict sessions). */
  TdsVersion tdsVersion();

  /** Whether the client acknowledged UTF8_SUPPORT (UTF-8 collations go out as UTF-8). */
  boolean utf8();

  /** The server name (@@SERVERNAME). */
  String serverName();

  /** A snapshot of this session. */
  SessionInfo info();

  /** Snapshots of every live session of the server, this one included. */
  List<SessionInfo> connections();

  /**
   * Ends another session (KILL).
   *
   * @return false when no session has that id
   */
  boolean kill(int spid);
}
