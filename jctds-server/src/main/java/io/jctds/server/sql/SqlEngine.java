package io.jctds.server.sql;

/**
 * Answers the SQL batches of a session. The endpoint calls {@link #execute} once per SQLBatch
 * message, on the session's thread; the engine reports results, messages and environment changes to
 * the {@link ResultSink} in order, one DONE per statement. An engine never throws for a bad
 * statement: it reports a SQL Server-style error and goes on (or stops the batch, as SQL Server
 * would) so the session stays usable.
 *
 * <p>{@link BasicSqlEngine} is the small front of the endpoint; the H2-backed engine extends it.
 */
public interface SqlEngine {

  /**
   * Runs every statement of {@code batch}.
   *
   * @param session the calling session's state
   * @param batch the batch text as the client sent it
   * @param sink where results go
   */
  void execute(SqlSession session, String batch, ResultSink sink);
}
