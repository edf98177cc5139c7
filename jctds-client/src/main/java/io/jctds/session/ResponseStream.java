package io.jctds.session;

import io.jctds.JctdsException;
import io.jctds.QueryCancelledError;
import io.jctds.SqlServerMessage;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ReturnStatus;
import io.jctds.protocol.token.ReturnValue;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The response to one request, streamed token by token as packets arrive. {@link #next()} hands out
 * what a cursor needs — {@link ColMetadata} (a result set starts), {@link Row} (raw, valid until
 * the next call; {@link #keep} or detach it to keep it), {@link Done} (a statement ended: DONE,
 * DONEINPROC or DONEPROC), {@link ReturnStatus} and {@link ReturnValue} (an RPC's RETURN status and
 * OUTPUT parameters) — and handles the rest itself: ENVCHANGE updates the session, INFO and ERROR
 * become messages of the session.
 *
 * <p>Errors surface per statement: an ERROR token is remembered, and the next DONE-family token
 * (the end of the failed statement) throws it instead of being returned. The stream stays
 * positioned after that token, so the caller may go on reading the later statements' results. An
 * error with no DONE after it throws at the end of the response.
 *
 * <p>When the request was cancelled (an ATTENTION was sent by {@link Session#cancel()} or by the
 * query timeout), the rest of the response is discarded up to the server's acknowledgement and
 * {@link QueryCancelledError} or a timeout error is thrown; the session stays usable.
 */
public final class ResponseStream {
  /** How long to wait for the attention acknowledgement at least. */
  private static final Duration MIN_ATTENTION_WAIT = Duration.ofSeconds(5);

  private final Session session;
  private final TokenReader reader;
  private SqlServerMessage pendingError;
  private boolean finished;

  ResponseStream(Session session, TokenReader reader) {
    this.session = session;
    this.reader = reader;
  }

  /** Whether the whole response has been read. */
  public boolean isFinished() {
    return finished;
  }

  /**
   * The next ColMetadata, Row, Done, ReturnStatus or ReturnValue token; null at the end of the
   * response.
   *
   * @throws io.jctds.DatabaseError the first error of a failed statement, at the DONE that ends it;
   *     the stream may be read on afterwards
   * @throws io.jctds.OperationalError on a timeout or a cancel (session usable) or a broken
   *     connection
   */
  public Token next() {
    while (!finished) {
      Token t = read();
      if (t == null) {
        if (!session.endResponse()) {
          throw cancelled(null); // cancel() raced with the end of the response
        }
        finished = true;
        throwPendingError();
        return null;
      }
      if (t instanceof ServerMessage m) {
        onMessage(m);
      } else if (t instanceof EnvChange env) {
        apply(env);
      } else if (t instanceof Done d) {
        throwPendingError();
        return d;
      } else if (t instanceof ColMetadata
          || t instanceof Row
          || t instanceof ReturnStatus
          || t instanceof ReturnValue) {
        return t;
      }
    }
    return null;
  }

  /**
   * Makes {@code row} (the token just returned by {@link #next()}) valid for as long as the caller
   * holds it, without copying it: the bytes it refers to are never overwritten; the reader moves on
   * to a fresh buffer when it needs room instead. Cheaper than {@link Row#detach()} per row: one
   * buffer per many packets instead of one copy per row.
   *
   * @return {@code row}
   */
  public Row keep(Row row) {
    reader.lend();
    return row;
  }

  private void onMessage(ServerMessage m) {
    SqlServerMessage msg = Errors.message(m);
    session.onMessage(msg);
    if (m.error() && pendingError == null) {
      pendingError = msg;
    }
  }

  private void throwPendingError() {
    if (pendingError != null) {
      SqlServerMessage first = pendingError;
      pendingError = null;
      throw Errors.server(first, session.allMessages());
    }
  }

  /**
   * Reads and discards the rest of the response, keeping messages and session changes.
   *
   * @param raise whether to throw the first error found (else errors only become messages, and a
   *     cancelled response ends quietly at its acknowledgement)
   */
  public void drain(boolean raise) {
    SqlServerMessage first = null;
    while (!finished) {
      Token t;
      try {
        t = read();
      } catch (QueryCancelledError e) {
        if (raise) {
          throw e;
        }
        return; // a cancelled response being discarded: the acknowledgement was read
      }
      if (t == null) {
        if (!session.endResponse()) {
          awaitQuietly();
          break;
        }
        finished = true;
      } else if (t instanceof ServerMessage m) {
        onMessage(m);
        if (first == null && m.error()) {
          first = pendingError;
        }
      } else if (t instanceof EnvChange env) {
        apply(env);
      } else if (t instanceof Done) {
        pendingError = null;
      }
    }
    pendingError = null;
    if (raise && first != null) {
      throw Errors.server(first, session.allMessages());
    }
  }

  private void apply(EnvChange env) {
    try {
      session.onEnvChange(env);
    } catch (TdsProtocolException e) {
      finished = true;
      throw session.fail(e, "applying the server's ENVCHANGE");
    }
  }

  /** The next token; when an ATTENTION was sent, reads to its acknowledgement and throws. */
  private Token read() {
    Token t;
    try {
      t = reader.next();
    } catch (SocketTimeoutException e) {
      throw timedOut(e);
    } catch (IOException | TdsProtocolException e) {
      finished = true;
      throw session.fail(e, "reading the response");
    }
    if (session.attentionSent()) {
      throw cancelled(t);
    }
    return t;
  }

  /** The end of a drained response raced with cancel(): read on to the acknowledgement. */
  private void awaitQuietly() {
    try {
      awaitAcknowledgement(null);
    } catch (IOException | TdsProtocolException e) {
      finished = true;
      throw session.fail(e, "waiting for the server to acknowledge the cancel (attention)");
    }
  }

  /** Cursor.cancel() sent an ATTENTION: discard up to its acknowledgement and report. */
  private JctdsException cancelled(Token first) {
    try {
      awaitAcknowledgement(first);
    } catch (IOException | TdsProtocolException e) {
      finished = true;
      return session.fail(e, "waiting for the server to acknowledge the cancel (attention)");
    }
    return new QueryCancelledError(
        "the request was cancelled (Cursor.cancel); the connection is still usable",
        session.allMessages());
  }

  /** The query timeout passed: send ATTENTION, wait for its acknowledgement, report. */
  private JctdsException timedOut(SocketTimeoutException timeout) {
    Duration limit = session.timeout();
    try {
      session.sendAttentionOnce();
      awaitAcknowledgement(null);
      return Errors.queryTimeout(
          describe(limit), session.timeoutOrigin() == null ? "" : session.timeoutOrigin(), timeout);
    } catch (IOException | TdsProtocolException e) {
      finished = true;
      e.addSuppressed(timeout);
      return session.fail(e, "waiting for the server to acknowledge the cancel (attention)");
    }
  }

  /**
   * Reads (and discards, applying ENVCHANGEs and keeping messages) up to the DONE with the ATTN
   * bit, which may come in a message of its own; {@code first} is a token already read, or null.
   */
  private void awaitAcknowledgement(Token first) throws IOException {
    Duration limit = session.timeout();
    Duration wait =
        limit == null || limit.compareTo(MIN_ATTENTION_WAIT) < 0 ? MIN_ATTENTION_WAIT : limit;
    session.socket().readTimeout(wait);
    Token t = first;
    boolean haveToken = first != null || !reader.inResponse();
    while (true) {
      if (!haveToken) {
        t = reader.next();
      }
      haveToken = false;
      if (t == null) {
        reader.begin(); // the acknowledgement may come in a message of its own
      } else if (t instanceof Done d && d.isAttentionAck()) {
        break;
      } else if (t instanceof EnvChange env) {
        session.onEnvChange(env);
      } else if (t instanceof ServerMessage m) {
        session.onMessage(Errors.message(m));
      }
    }
    reader.begin();
    finished = true;
    pendingError = null;
    session.acknowledged();
    session.socket().readTimeout(limit);
  }

  private static String describe(Duration d) {
    if (d == null) {
      return "(none)";
    }
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }
}
