package io.jctds.server.tsql;

import java.util.List;

/**
 * DDL translated for H2, with what undoes it and what it touches, so that the session can run it
 * inside a user transaction the way SQL Server's transactional DDL behaves.
 *
 * @param statements the H2 statements, run in order
 * @param undo the H2 statements that undo them (for a rolled-back transaction), or null when the
 *     change cannot be undone (DROP or ALTER of an object that existed before the transaction)
 * @param creates the object created, as a key (see {@link io.jctds.server.storage.Names#key}), or
 *     null
 * @param changes the existing objects changed or dropped, as keys
 * @param temporary whether only temporary objects of this session are involved
 * @param what the statement, for messages ("CREATE TABLE", "DROP INDEX", ...)
 * @param deferrable whether, inside a transaction, it may wait until COMMIT because nothing can
 *     observe it before then (a non-unique index)
 */
public record DdlPlan(
    List<String> statements,
    List<String> undo,
    String creates,
    List<String> changes,
    boolean temporary,
    String what,
    boolean deferrable) {

  /** A plan that cannot be deferred. */
  public DdlPlan(
      List<String> statements,
      List<String> undo,
      String creates,
      List<String> changes,
      boolean temporary,
      String what) {
    this(statements, undo, creates, changes, temporary, what, false);
  }
}
