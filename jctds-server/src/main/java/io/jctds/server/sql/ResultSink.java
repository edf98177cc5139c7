package io.jctds.server.sql;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;

/**
 * Where an {@link SqlEngine} sends what a batch produces, as TDS tokens in order. The endpoint's
 * implementation encodes straight into packets; the last {@link #done} of a batch is sent without
 * the MORE bit, every earlier one with it.
 */
public interface ResultSink {

  /** Starts a result set (COLMETADATA). */
  void columns(ColMetadata metadata);

  /**
   * One row of the current result set, as natural Java values (null for NULL) that suit the
   * columns' types.
   */
  void row(Object... values);

  /** An INFO or ERROR message. */
  void message(ServerMessage message);

  /** A session setting changed (database, language, transaction, ...). */
  void envChange(EnvChange change);

  /**
   * The end of a statement (DONE).
   *
   * @param status DONE status bits without MORE (e.g. {@code Done.STATUS_COUNT}, {@code
   *     Done.STATUS_ERROR})
   * @param curCmd the statement's command token (e.g. 0xC1 SELECT)
   * @param rowCount the row count, valid with {@code Done.STATUS_COUNT}
   */
  void done(int status, int curCmd, long rowCount);
}
