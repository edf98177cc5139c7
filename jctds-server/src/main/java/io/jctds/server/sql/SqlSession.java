package io.jctds.server.sql;

import io.jctds.protocol.TdsVersion;
import io.jctds.server.SessionInfo;
import java.util.List;

/**
 * What an {@link SqlEngine} sees of the session running a batch: its identity and settings, which
 * it may change (the engine reports the matching ENVCHANGE itself), and the server's live
 * connections for system views.
 */
public interface SqlSession {

  /** The session id (@@SPID). */
  int spid();

  /** The current database (DB_NAME()). */
  String database();

  /**
   * Makes {@code name} the current database.
   *
   * @return the database's name as the server spells it, or null when it does not exist
   */
  String useDatabase(String name);

  /** The databases that exist, in their configured order (master and tempdb first). */
  List<String> databases();

  /** The TDS version the session logged in with (8.0 for strict sessions). */
  TdsVersion tdsVersion();

  /** The session language (@@LANGUAGE). */
  String language();

  /** The server name (@@SERVERNAME). */
  String serverName();

  /** The open transaction depth (@@TRANCOUNT). */
  int tranCount();

  /**
   * Begins a (nested) transaction.
   *
   * @return the transaction descriptor to report in ENVCHANGE BEGIN_TRAN when the depth went from 0
   *     to 1, else 0
   */
  long beginTransaction();

  /**
   * Commits one level.
   *
   * @return the descriptor ended when the depth went to 0, else 0
   * @throws IllegalStateException when no transaction is open
   */
  long commitTransaction();

  /**
   * Rolls back every level.
   *
   * @return the descriptor ended, or 0 when none was open
   */
  long rollbackTransaction();

  /** Records a SET option ({@code name} upper-case, e.g. "TEXTSIZE"); {@code value} as text. */
  void setOption(String name, String value);

  /** The value last SET for {@code name}, or null. */
  String option(String name);

  /** Records the outcome of the last statement, for @@ROWCOUNT and @@ERROR. */
  void lastStatement(long rowCount, int error);

  /** The row count of the last statement (@@ROWCOUNT). */
  long rowCount();

  /** The error number of the last statement, 0 when it succeeded (@@ERROR). */
  int lastError();

  /** A snapshot of this session. */
  SessionInfo info();

  /** Snapshots of every live session of the server, this one included. */
  List<SessionInfo> connections();
}
