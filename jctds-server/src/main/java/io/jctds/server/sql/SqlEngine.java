package io.jctds.server.sql;

import java.util.List;

/**
 * The server's SQL engine behind the TDS endpoint: one per server, opening one {@link
 * EngineSession} per logged-in TDS session. {@code io.jctds.server.tsql.TsqlEngine} is the
 * H2-backed implementation.
 */
public interface SqlEngine extends AutoCloseable {

  /** The database named {@code name} (any case) as the engine spells it, or null. */
  String database(String name);

  /** The databases, by database id. */
  List<String> databases();

  /** Opens the engine side of a session that has just logged in. */
  EngineSession open(SqlSession session);

  /** Stops the engine (after every session has closed). */
  @Override
  void close();
}
