package io.jctds.server.sql;

import io.jctds.protocol.rpc.RpcRequest;

/**
 * The engine side of one TDS session. Requests are served one at a time on the session's thread;
 * {@link #cancel} may be called from another thread (an ATTENTION read while the request runs). An
 * engine never throws for a bad statement: it reports a SQL Server-style error to the {@link
 * ResultSink} and goes on (or stops the batch, as SQL Server would) so that the session stays
 * usable.
 */
public interface EngineSession extends AutoCloseable {

  /** Runs the statements of one SQLBatch. */
  void execute(String batch, ResultSink sink);

  /**
   * Runs one call of an RPC request: a procedure by name or well-known id (sp_executesql,
   * sp_prepexec, ...) with its parameters. A procedure that ran ends with {@link
   * ResultSink#returnStatus} and a {@link ResultSink#returnValue} for each output parameter; one
   * that could not run (unknown, wrong parameters) only reports its error. The caller writes the
   * DONEPROC.
   */
  void call(RpcRequest call, ResultSink sink);

  /** Whether the last batch was an INSERT BULK, so a BulkLoadBCP message may follow. */
  default boolean bulkLoadExpected() {
    return false;
  }

  /**
   * Loads the rows of a BulkLoadBCP message ([MS-TDS] 2.2.6.1) into the table the preceding INSERT
   * BULK named, answering DONE with the row count or the error. The rows are read from {@code
   * payload} as they arrive; the whole message is consumed before the answer, also after an error.
   */
  default void bulkLoad(
      StreamedPayload payload, io.jctds.protocol.TdsVersion version, ResultSink sink) {
    throw new UnsupportedOperationException("bulk load");
  }

  /** The session's transactions (for transaction-manager requests). */
  TransactionControl transactions();

  /**
   * Resets the session as sp_reset_connection does (RESETCONNECTION): rolls back an open
   * transaction unless {@code keepTransaction}, drops temporary objects and prepared handles,
   * restores the login's database and SET options (the isolation level stays) and clears the
   * session's @@ values. Sends nothing: the endpoint acknowledges with ENVCHANGE 18.
   *
   * @return the descriptor of the transaction the reset rolled back, 0 when it rolled back none
   */
  long reset(boolean keepTransaction);

  /**
   * Asks the running request to stop (attention); safe from any thread. The request ends as soon as
   * possible without reporting an error: WAITFOR wakes up, loops and result streaming stop, a
   * running H2 statement is cancelled, a lock wait ends. An open transaction stays open (rolled
   * back under SET XACT_ABORT ON). The cancel stays in force until {@link #clearCancel}.
   */
  void cancel();

  /**
   * Forgets a cancel that arrived after the request it was meant for had ended; the endpoint calls
   * it before each request, under the same lock as its {@link #cancel} calls.
   */
  void clearCancel();

  /** Ends the session: rolls back, drops its temporary objects, closes its storage session. */
  @Override
  void close();
}
