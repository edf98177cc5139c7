package io.jctds.session;

import io.jctds.DatabaseError;
import io.jctds.JctdsException;
import io.jctds.SqlServerMessage;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The response to one request, streamed token by token as packets arrive. {@link #next()} hands out
 * what a cursor needs — {@link ColMetadata} (a result set starts), {@link Row} (raw, valid until
 * the next call; detach it to keep it), {@link Done} (a statement ended) — and handles the rest
 * itself: ENVCHANGE updates the session, INFO and ERROR become messages. When a statement fails,
 * the rest of the response is drained (so the session stays usable) and the error is thrown.
 *
 * <p>A read that exceeds the query timeout sends an ATTENTION, waits for the server's
 * acknowledgement and throws a timeout error; the session stays usable.
 */
public final class ResponseStream {
  /** How long to wait for the attention acknowledgement at least. */
  private static final Duration MIN_ATTENTION_WAIT = Duration.ofSeconds(5);

  private final Session session;
  private final TokenReader reader;
  private final List<SqlServerMessage> errors = new ArrayList<>();
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
   * The next ColMetadata, Row or Done token; null at the end of the response.
   *
   * @throws DatabaseError the first error of a failed statement, once the response is drained
   * @throws io.jctds.OperationalError on a timeout (session usable) or a broken connection
   */
  public Token next() {
    while (!finished) {
      Token t = read();
      if (t == null) {
        finished = true;
        throwPendingError();
        return null;
      }
      if (t instanceof ServerMessage m) {
        SqlServerMessage msg = Errors.message(m);
        session.onMessage(msg);
        if (m.error()) {
          errors.add(msg);
        }
      } else if (t instanceof EnvChange env) {
        apply(env);
      } else if (t instanceof Done d) {
        if (!errors.isEmpty()) {
          SqlServerMessage first = errors.get(0);
          drain(false);
          throw Errors.server(first);
        }
        return d;
      } else if (t instanceof ColMetadata || t instanceof Row) {
        return t;
      }
    }
    return null;
  }

  private void throwPendingError() {
    if (!errors.isEmpty()) {
      SqlServerMessage first = errors.get(0);
      errors.clear();
      throw Errors.server(first);
    }
  }

  /**
   * Reads and discards the rest of the response, keeping messages and session changes.
   *
   * @param raise whether to throw the first error found (else errors only become messages)
   */
  public void drain(boolean raise) {
    while (!finished) {
      Token t = read();
      if (t == null) {
        finished = true;
      } else if (t instanceof ServerMessage m) {
        SqlServerMessage msg = Errors.message(m);
        session.onMessage(msg);
        if (m.error()) {
          errors.add(msg);
        }
      } else if (t instanceof EnvChange env) {
        apply(env);
      }
    }
    if (raise) {
      throwPendingError();
    }
    errors.clear();
  }

  private void apply(EnvChange env) {
    try {
      session.onEnvChange(env);
    } catch (TdsProtocolException e) {
      finished = true;
      throw session.fail(e, "applying the server's ENVCHANGE");
    }
  }

  private Token read() {
    try {
      return reader.next();
    } catch (SocketTimeoutException e) {
      throw cancel(e);
    } catch (IOException | TdsProtocolException e) {
      finished = true;
      throw session.fail(e, "reading the response");
    }
  }

  /** The query timeout passed: send ATTENTION, wait for its acknowledgement, report. */
  private JctdsException cancel(SocketTimeoutException timeout) {
    Duration limit = session.timeout();
    try {
      session.channel().sendAttention();
      Duration wait =
          limit == null || limit.compareTo(MIN_ATTENTION_WAIT) < 0 ? MIN_ATTENTION_WAIT : limit;
      session.socket().readTimeout(wait);
      while (true) {
        Token t = reader.next();
        if (t == null) {
          reader.begin(); // the acknowledgement may come in a message of its own
        } else if (t instanceof Done d && d.isAttentionAck()) {
          break;
        } else if (t instanceof EnvChange env) {
          session.onEnvChange(env);
        }
      }
      reader.begin();
      finished = true;
      errors.clear();
      session.socket().readTimeout(limit);
      return Errors.queryTimeout(
          describe(limit), session.timeoutOrigin() == null ? "" : session.timeoutOrigin(), timeout);
    } catch (IOException | TdsProtocolException e) {
      finished = true;
      e.addSuppressed(timeout);
      return session.fail(e, "waiting for the server to acknowledge the cancel (attention)");
    }
  }

  private static String describe(Duration d) {
    if (d == null) {
      return "(none)";
    }
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }
}
