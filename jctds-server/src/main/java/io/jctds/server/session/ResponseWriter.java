package io.jctds.server.session;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ReturnStatus;
import io.jctds.protocol.token.ReturnValue;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import io.jctds.server.sql.ResultSink;

/**
 * Encodes one response (a tabular-result message) straight into packets. Statement DONEs are held
 * back one step so the MORE bit can be set on every DONE but the last; inside an RPC they are
 * DONEINPROC, and each call ends with RETURNSTATUS, RETURNVALUEs (from the engine) and DONEPROC.
 */
final class ResponseWriter implements ResultSink {
  private final PacketWriter out;
  private TdsVersion version = TdsVersion.V7_1;
  private ColMetadata columns;
  private Done pending;
  private boolean inProc;
  private int modules;
  private boolean failed;

  ResponseWriter(PacketWriter out) {
    this.out = out;
  }

  /** The version whose token layouts to write. */
  void version(TdsVersion v) {
    this.version = v;
  }

  TdsVersion version() {
    return version;
  }

  /** Starts a response; {@code rpc} makes statement DONEs DONEINPROC. */
  void begin(boolean rpc) {
    out.beginMessage(PacketType.TABULAR_RESULT);
    pending = null;
    columns = null;
    inProc = rpc;
    modules = 0;
    failed = false;
  }

  /** Writes one token as is. */
  void token(Token t) {
    flushPending();
    t.encode(out, version);
  }

  @Override
  public void columns(ColMetadata metadata) {
    flushPending();
    columns = metadata;
    metadata.encode(out, version);
  }

  @Override
  public void row(RowWriter values) {
    if (columns == null) {
      throw new IllegalStateException("row() before columns()");
    }
    out.u8(TokenType.ROW);
    values.write(out);
  }

  @Override
  public void flush() {
    flushPending();
    out.flush();
  }

  @Override
  public void message(ServerMessage message) {
    failed |= message.error() && message.severity() > 10;
    token(message);
  }

  @Override
  public void envChange(EnvChange change) {
    token(change);
  }

  @Override
  public void done(int status, int curCmd, long rowCount) {
    flushPending();
    columns = null;
    boolean proc = inProc || modules > 0;
    pending = new Done(proc ? TokenType.DONEINPROC : TokenType.DONE, status, curCmd, rowCount);
  }

  @Override
  public void enterModule() {
    modules++;
  }

  @Override
  public void exitModule() {
    modules--;
  }

  @Override
  public void doneProc(int status, int curCmd) {
    flushPending();
    columns = null;
    pending = new Done(TokenType.DONEPROC, status, curCmd, 0);
  }

  private void flushPending() {
    if (pending != null) {
      Done d = pending;
      pending = null;
      new Done(d.tokenType(), d.status() | Done.STATUS_MORE, d.curCmd(), d.rowCount())
          .encode(out, version);
    }
  }

  /**
   * Ends a batch response: the last DONE without MORE (an empty DONE if none was written). An error
   * that ended the batch inside a module left a DONEINPROC: the batch ends with a DONE, as SQL
   * Server's does.
   */
  void endBatch() {
    Done last = pending != null ? pending : new Done(TokenType.DONE, 0, 0, 0);
    if (last.tokenType() == TokenType.DONEINPROC) {
      last = new Done(TokenType.DONE, last.status(), last.curCmd(), last.rowCount());
    }
    pending = null;
    modules = 0;
    last.encode(out, version);
    out.endMessage();
  }

  @Override
  public void returnStatus(int status) {
    token(new ReturnStatus(status));
  }

  @Override
  public void returnValue(ReturnValue value) {
    token(value);
  }

  /**
   * Ends one RPC call: the pending DONEINPROC (with MORE), then DONEPROC ({@code more}: another
   * call follows) with the error bit when the call reported an error.
   */
  void endProc(boolean more) {
    flushPending();
    int status = (failed ? Done.STATUS_ERROR : 0) | (more ? Done.STATUS_MORE : 0);
    // CurCmd 0xE0 (EXECUTE), as SQL Server 2025 ends an RPC (captured token streams)
    new Done(TokenType.DONEPROC, status, 0xE0, 0).encode(out, version);
    failed = false;
    modules = 0;
    columns = null;
  }

  /**
   * Ends the response of a request an ATTENTION cancelled: what is pending (with MORE), then a DONE
   * with the error bit, as SQL Server ends such a response before the attention acknowledgement
   * (mssql-jdbc, TDSCommand.onResponseEOM).
   */
  void endCancelled() {
    flushPending();
    new Done(TokenType.DONE, Done.STATUS_ERROR, 0, 0).encode(out, version);
    columns = null;
    out.endMessage();
  }

  /** Sends the last packet of the response. */
  void endMessage() {
    out.endMessage();
  }

  /** A whole response holding only {@code done}. */
  void doneOnly(Done done) {
    begin(false);
    done.encode(out, version);
    out.endMessage();
  }
}
