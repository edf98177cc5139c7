package io.jctds.server.sql;

/**
 * What an expression can see: the session, and the current row of the FROM source when there is
 * one.
 *
 * @param session the session running the statement
 * @param source the FROM source, or null for a SELECT without FROM
 * @param row the current row of {@code source}, or null
 */
record Scope(SqlSession session, SystemView source, Object[] row) {
  /** The same scope positioned on {@code next}. */
  Scope at(Object[] next) {
    return new Scope(session, source, next);
  }
}
