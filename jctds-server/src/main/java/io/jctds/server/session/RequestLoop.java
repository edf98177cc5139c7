package io.jctds.server.session;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenType;
import io.jctds.server.sql.EngineSession;
import java.io.IOException;
import java.util.List;

/**
 * Serves requests after login, one at a time: SQL batches (through the session's {@link
 * EngineSession}), RPC calls (each through {@link EngineSession#call}, ended by DONEPROC) and
 * transaction-manager requests. Statement errors are answered and the session goes on; protocol
 * errors end it.
 *
 * <p>A {@link ClientReader} reads on while a request runs. An ATTENTION cancels it: its response
 * ends early with a DONE carrying the error bit, then the ATTENTION gets its own response, a DONE
 * with the ATTN bit ([MS-TDS] 2.2.1.7, 2.2.7.6). Both are separate messages, as the clients expect
 * them: mssql-jdbc reads one more packet after the cancelled response's end of message
 * (TDSCommand.onResponseEOM, "Yukon (and later) always sends a response containing at least a
 * DONE(ERROR) token before it sends the attention ack"), tedious 19 reads one more message in its
 * SentAttention state, FreeTDS reads tokens until the DONE with the cancel bit. A request the
 * client abandoned with the IGNORE bit is answered with a lone DONE with the error bit ([MS-TDS]
 * 2.2.1.7).
 */
final class RequestLoop {
  private final Session session;
  private final PacketChannel channel;
  private final ServerSettings settings;
  private final ResponseWriter response;
  private final EngineSession engine;
  private final TransactionRequests transactions;
  private final ClientReader reader;
  private Thread readerThread;

  RequestLoop(Session session, PacketChannel channel, ServerSettings settings) {
    this.session = session;
    this.channel = channel;
    this.settings = settings;
    this.response = new ResponseWriter(channel.writer());
    TdsVersion v = session.tdsVersion;
    this.response.version(v == TdsVersion.V8_0 ? TdsVersion.V7_4 : v);
    this.engine = settings.engine().open(session);
    session.engine = engine;
    this.transactions = new TransactionRequests(session, engine.transactions(), response);
    this.reader =
        new ClientReader(
            channel,
            new ClientReader.Cancellable() {
              @Override
              public void cancel() {
                engine.cancel();
              }

              @Override
              public void clearCancel() {
                engine.clearCancel();
              }
            });
  }

  /** The reading thread once {@link #run} started it, to be joined after the socket closed. */
  Thread readerThread() {
    return readerThread;
  }

  /** Serves requests until the client closes the connection. */
  void run() throws IOException, SessionEnd {
    readerThread = reader.start("jctds-session-" + session.spid() + "-reader");
    try {
      while (true) {
        PacketChannel.Message m = reader.take();
        if (m == null) {
          session.log(System.Logger.Level.DEBUG, "the client closed the connection");
          return;
        }
        if (m == ClientReader.ATTENTION) {
          acknowledgeAttention(); // the response it was meant for had ended already
          continue;
        }
        int attentions;
        try {
          serve(m);
        } finally {
          if (m.stream() != null) {
            m.stream().skipRest(); // in step with the client, even after an engine failure
          }
          attentions = reader.finish();
        }
        for (int i = 0; i < attentions; i++) {
          acknowledgeAttention();
        }
      }
    } finally {
      reader.close();
      session.engine = null;
      engine.close();
    }
  }

  private void acknowledgeAttention() {
    response.doneOnly(new Done(TokenType.DONE, Done.STATUS_ATTN, 0, 0));
  }

  private void serve(PacketChannel.Message m) throws SessionEnd {
    if (m.ignored()) {
      session.log(System.Logger.Level.DEBUG, "the client abandoned a message (IGNORE bit)");
      response.doneOnly(new Done(TokenType.DONE, Done.STATUS_ERROR, 0, 0));
      return;
    }
    switch (m.type()) {
      case PacketType.SQL_BATCH -> batch(m);
      case PacketType.RPC -> rpc(m);
      case PacketType.BULK_LOAD -> bulkLoad(m);
      case PacketType.TRANSACTION_MANAGER -> {
        begin(m, false);
        transactions.serve(m.payload());
        end(response::endBatch);
      }
      default ->
          throw new SessionEnd(
              System.Logger.Level.WARNING,
              "unexpected " + PacketType.name(m.type()) + " message after login; closing");
    }
  }

  private void begin(PacketChannel.Message m, boolean rpc) {
    response.begin(rpc);
    ResetRequest reset = ResetRequest.of(m.type(), m.status(), response.version());
    if (reset != ResetRequest.NONE) {
      ResetRequest.acknowledge(
          response, engine.reset(reset == ResetRequest.RESET_KEEP_TRANSACTION));
    }
  }

  private void batch(PacketChannel.Message m) {
    SqlBatch batch = SqlBatch.decode(m.payload(), response.version());
    session.log(System.Logger.Level.TRACE, "batch: " + withoutSecrets(batch.sql()));
    begin(m, false);
    execute(batch.sql());
    end(response::endBatch);
  }

  /**
   * A BulkLoadBCP message: the rows for the INSERT BULK the previous batch ran. Without one it is
   * refused with error 4804 (the message SQL Server gives for bulk data it cannot read) and the
   * session goes on.
   */
  private void bulkLoad(PacketChannel.Message m) {
    begin(m, false);
    io.jctds.server.sql.StreamedPayload data = m.streamed();
    if (engine.bulkLoadExpected()) {
      guarded(() -> engine.bulkLoad(data, response.version(), response));
    } else {
      data.skipRest(); // the whole message first: its last packet says whether it was abandoned
      if (!data.abandoned()) { // abandoned (IGNORE bit): nothing to report
        response.message(
            new ServerMessage(
                true,
                4804,
                1,
                16,
                "While reading current row from host, a premature end-of-message was"
                    + " encountered--an incoming data stream was interrupted when the server"
                    + " expected to see more data. The host program may have terminated. Ensure"
                    + " that you are using a supported client application programming interface"
                    + " (API).",
                settings.serverName(),
                "",
                1));
      }
      response.done(Done.STATUS_ERROR, 0, 0);
    }
    end(response::endBatch);
  }

  /** Ends the response as {@code normally} does, or as cancelled when an ATTENTION came. */
  private void end(Runnable normally) {
    if (reader.cancelled()) {
      response.endCancelled();
    } else {
      normally.run();
    }
  }

  private void execute(String sql) {
    guarded(() -> engine.execute(sql, response));
  }

  /**
   * Runs engine work; an engine failure (a bug) is answered as error 50000 and logged, a stack
   * overflow as SQL Server's error 191, and the session goes on.
   */
  private void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      if (e instanceof java.io.UncheckedIOException io) {
        throw io;
      }
      settings
          .logger()
          .log(System.Logger.Level.ERROR, "spid " + session.spid() + ": SQL engine failed", e);
      response.message(
          new ServerMessage(
              true,
              50000,
              1,
              16,
              "internal error in the jctds SQL engine: " + e,
              settings.serverName(),
              "",
              1));
      response.done(Done.STATUS_ERROR, 0, 0);
    } catch (StackOverflowError e) {
      // e.g. 10,000 nested parentheses through a recursive-descent parser: SQL Server answers
      // such a batch with error 191; the stack is unwound, so the session can go on
      settings
          .logger()
          .log(
              System.Logger.Level.WARNING,
              "spid " + session.spid() + ": batch nested too deeply for the SQL engine");
      response.message(
          new ServerMessage(
              true,
              191,
              1,
              15,
              "Some part of your SQL statement is nested too deeply. Rewrite the query or break it"
                  + " up into smaller queries.",
              settings.serverName(),
              "",
              1));
      response.done(Done.STATUS_ERROR, 0, 0);
    }
  }

  private void rpc(PacketChannel.Message m) {
    List<RpcRequest> calls = RpcRequest.decodeMessage(m.payload(), response.version());
    if (settings.logger().isLoggable(System.Logger.Level.TRACE)) {
      session.log(System.Logger.Level.TRACE, "rpc request: " + names(calls));
    }
    begin(m, true);
    for (int i = 0; i < calls.size() && !reader.cancelled(); i++) {
      call(calls.get(i), i < calls.size() - 1);
    }
    end(response::endMessage);
  }

  private void call(RpcRequest call, boolean more) {
    session.log(System.Logger.Level.TRACE, "rpc: " + call.displayName());
    guarded(() -> engine.call(call, response));
    response.endProc(more);
  }

  /** The procedures a request calls, in order ("sp_execute, sp_execute"): its trace line. */
  private static String names(List<RpcRequest> calls) {
    StringBuilder sb = new StringBuilder();
    for (RpcRequest c : calls) {
      sb.append(sb.length() == 0 ? "" : ", ").append(c.displayName());
    }
    return sb.toString();
  }

  private static final java.util.regex.Pattern SECRET =
      java.util.regex.Pattern.compile(
          "(?i)((?:PASSWORD|SECRET|IDENTITY_VALUE)\\s*=\\s*N?)'(?:[^']|'')*'");

  /** The batch text with password literals masked (CREATE/ALTER LOGIN, credentials, keys). */
  static String withoutSecrets(String sql) {
    return SECRET.matcher(sql).replaceAll("$1'********'");
  }
}
