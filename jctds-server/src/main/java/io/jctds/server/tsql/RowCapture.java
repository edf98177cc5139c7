package io.jctds.server.tsql;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.token.TokenType;
import io.jctds.server.sql.ResultSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a query of the server's own (on the system views) for a system procedure and keeps its rows
 * as a client would read them; its messages are kept too, never sent. A query that fails (a system
 * view that does not exist yet) gives no rows.
 */
final class RowCapture implements ResultSink {
  private final TsqlSession s;
  private final List<Object[]> rows = new ArrayList<>();
  private final List<ServerMessage> errors = new ArrayList<>();
  private final BufferWriter buffer = new BufferWriter();
  private ColMetadata metadata;

  private RowCapture(TsqlSession s) {
    this.s = s;
  }

  /** The rows of the last result of {@code sql}, run as a batch of its own in session {@code s}. */
  static List<Object[]> rows(TsqlSession s, String sql) {
    RowCapture c = new RowCapture(s);
    // the query runs whatever the caller's SET options: rows under FMTONLY, and a failure must
    // not roll back the caller's transaction (XACT_ABORT) nor show in @@ERROR and @@ROWCOUNT
    boolean formatOnly = s.options().on("FMTONLY");
    boolean xactAbort = s.options().on("XACT_ABORT");
    long rowCount = s.rowCount;
    int lastError = s.lastError;
    s.options().set(List.of("FMTONLY"), "OFF");
    s.options().set(List.of("XACT_ABORT"), "OFF");
    try {
      new Runner(s, c).batch(sql);
    } finally {
      s.options().set(List.of("FMTONLY"), formatOnly ? "ON" : "OFF");
      s.options().set(List.of("XACT_ABORT"), xactAbort ? "ON" : "OFF");
      s.rowCount = rowCount;
      s.lastError = lastError;
    }
    return c.errors.isEmpty() ? c.rows : List.of();
  }

  @Override
  public void columns(ColMetadata md) {
    metadata = md;
    rows.clear();
  }

  @Override
  public void row(RowWriter values) {
    buffer.clear();
    buffer.u8(TokenType.ROW);
    values.write(buffer);
    ByteBuffer b = buffer.view();
    TokenDecoder d = new TokenDecoder(s.tds().tdsVersion());
    d.metadata(metadata);
    rows.add(((Row) d.next(b)).toArray());
  }

  @Override
  public void message(ServerMessage message) {
    if (message.error()) {
      errors.add(message);
    }
  }

  @Override
  public void envChange(EnvChange change) {
    // a query of the catalog changes nothing
  }

  @Override
  public void done(int status, int curCmd, long rowCount) {
    // the query's own DONE is not the procedure's
  }
}
