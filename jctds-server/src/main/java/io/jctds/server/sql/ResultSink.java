package io.jctds.server.sql;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ReturnValue;
import io.jctds.protocol.token.ServerMessage;

/**
 * Where an engine sends what a request produces, as TDS tokens in order. The endpoint's
 * implementation encodes straight into packets; the last {@link #done} of a batch is sent without
 * the MORE bit, every earlier one with it.
 */
public interface ResultSink {

  /** Encodes one row's column values (the ROW token byte is already written). */
  @FunctionalInterface
  interface RowWriter {
    /** Writes each column's value in order; must not fail. */
    void write(TdsWriter out);
  }

  /** Starts a result set (COLMETADATA). */
  void columns(ColMetadata metadata);

  /** One row of the current result set. */
  void row(RowWriter values);

  /** An INFO or ERROR message. */
  void message(ServerMessage message);

  /** A session setting changed (database, language, transaction, ...). */
  void envChange(EnvChange change);

  /**
   * The end of a statement (DONE, or DONEINPROC inside a procedure).
   *
   * @param status DONE status bits without MORE (e.g. {@code Done.STATUS_COUNT})
   * @param curCmd the statement's command token (e.g. 0xC1 SELECT)
   * @param rowCount the row count, valid with {@code Done.STATUS_COUNT}
   */
  void done(int status, int curCmd, long rowCount);

  /**
   * The return status of a procedure an RPC or a top-level EXEC called (RETURNSTATUS). Sinks that
   * only collect rows (INSERT ... EXEC, an init script) ignore it.
   */
  default void returnStatus(int status) {}

  /**
   * An output parameter of a procedure an RPC called (RETURNVALUE), after its return status. Sinks
   * that only collect rows ignore it.
   */
  default void returnValue(ReturnValue value) {}

  /**
   * A module starts: an EXEC of a procedure or of a string, or sp_executesql, inside the request.
   * Until its {@link #exitModule}, statement DONEs are DONEINPROC ([MS-TDS] 2.2.7.7: "sent for each
   * executed SQL statement within a stored procedure"). Modules nest.
   */
  default void enterModule() {}

  /** The module {@link #enterModule} started has ended (its completion follows, if any). */
  default void exitModule() {}

  /**
   * The DONEPROC that ends an EXEC at the top level of a SQL batch ([MS-TDS] 2.2.7.8: "also
   * generated for stored procedures executed through SQL statements"), after its RETURNSTATUS.
   *
   * @param status DONE status bits without MORE
   * @param curCmd the EXECUTE command token (0xE0)
   */
  default void doneProc(int status, int curCmd) {
    done(status, curCmd, 0);
  }

  /** Sends what is buffered now (RAISERROR ... WITH NOWAIT); the response goes on after. */
  default void flush() {}
}
