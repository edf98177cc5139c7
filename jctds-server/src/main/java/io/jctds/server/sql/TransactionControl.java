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
}
