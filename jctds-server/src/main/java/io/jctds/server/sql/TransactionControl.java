package io.jctds.server.sql;

/** A session's transaction nesting as SQL Server keeps it (@@TRANCOUNT and a descriptor). */
public interface TransactionControl {

  /** {@code @@TRANCOUNT}. */
  int count();

  /** The descriptor of the open transaction, 0 outside one. */
  long descriptor();

  /**
   * BEGIN TRANSACTION at {@code isolation} (READ COMMITTED, SERIALIZABLE, ...; null keeps the
   * session's).
   *
   * @return the new descriptor when this opened the outermost transaction, else 0
   */
  long begin(String isolation);

  /**
   * COMMIT one level.
   *
   * @return the ended descriptor when the outermost transaction ended, else 0
   * @throws SqlException 3902 when no transaction is open
   */
  long commit();

  /**
   * ROLLBACK every level.
   *
   * @return the ended descriptor
   * @throws SqlException 3903 when no transaction is open
   */
  long rollback();

  /**
   * ROLLBACK TRANSACTION {@code name}: to the savepoint of that name, the transaction going on; any
   * other name (the transaction's own, or empty) rolls back every level as {@link #rollback()}.
   *
   * @return the ended descriptor, 0 after a rollback to a savepoint
   * @throws SqlException 3903 when no transaction is open
   */
  long rollback(String name);

  /**
   * SAVE TRANSACTION {@code name}.
   *
   * @throws SqlException 628 when no transaction is open
   */
  void save(String name);
}
