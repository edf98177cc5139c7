package io.jctds.server.tsql;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.token.TokenType;
import io.jctds.server.sql.ResultSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link ResultSink} that keeps what the engine reported, in order, for assertions. Rows are
 * encoded as the wire would carry them and decoded again with the protocol's decoder, so tests see
 * exactly what a client would read.
 */
final class RecordingSink implements ResultSink {
  /** One reported item. */
  sealed interface Event {}

  record Columns(ColMetadata metadata) implements Event {}

  record RowValues(List<Object> values) implements Event {}

  record Message(ServerMessage message) implements Event {}

  record Env(EnvChange change) implements Event {}

  /**
   * A DONE, DONEINPROC or DONEPROC ({@code token}, as the endpoint would write it: DONEINPROC
   * inside an RPC or a module).
   */
  record DoneEvent(int status, int curCmd, long rowCount, String token) implements Event {
    DoneEvent(int status, int curCmd, long rowCount) {
      this(status, curCmd, rowCount, "DONE");
    }
  }

  record Status(int status) implements Event {}

  /** A RETURNVALUE, decoded as a client would. */
  record Output(int ordinal, String name, String type, Object value) implements Event {}

  final List<Event> events = new ArrayList<>();
  private final BufferWriter buffer = new BufferWriter();
  private final TdsVersion version;
  private ColMetadata current;
  private int modules;
  private boolean rpc;
  int flushes;

  RecordingSink() {
    this(TdsVersion.V7_4);
  }

  RecordingSink(TdsVersion version) {
    this.version = version;
  }

  @Override
  public void columns(ColMetadata metadata) {
    current = metadata;
    events.add(new Columns(metadata));
  }

  @Override
  public void row(RowWriter values) {
    buffer.clear();
    buffer.u8(TokenType.ROW);
    values.write(buffer);
    ByteBuffer b = buffer.view();
    TokenDecoder d = new TokenDecoder(version);
    d.metadata(current);
    Row row = (Row) d.next(b);
    events.add(new RowValues(Arrays.asList(row.toArray())));
  }

  @Override
  public void message(ServerMessage message) {
    events.add(new Message(message));
  }

  @Override
  public void envChange(EnvChange change) {
    events.add(new Env(change));
  }

  @Override
  public void returnStatus(int status) {
    events.add(new Status(status));
  }

  @Override
  public void returnValue(io.jctds.protocol.token.ReturnValue v) {
    BufferWriter w = new BufferWriter();
    v.encode(w, version);
    ByteBuffer b = w.view();
    io.jctds.protocol.token.ReturnValue decoded =
        (io.jctds.protocol.token.ReturnValue) new TokenDecoder(version).next(b);
    events.add(
        new Output(
            decoded.ordinal(), decoded.name(), decoded.typeInfo().sqlName(), decoded.getObject()));
  }

  /** Records an RPC's response: statement DONEs are DONEINPROC. */
  RecordingSink rpc() {
    rpc = true;
    return this;
  }

  @Override
  public void done(int status, int curCmd, long rowCount) {
    events.add(new DoneEvent(status, curCmd, rowCount, rpc || modules > 0 ? "DONEINPROC" : "DONE"));
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
    events.add(new DoneEvent(status, curCmd, 0, "DONEPROC"));
  }

  /** The tokens, in order, as names: COLMETADATA, ROW, INFO, ERROR, DONE..., RETURNSTATUS n. */
  List<String> tokens() {
    List<String> out = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof Columns) {
        out.add("COLMETADATA");
      } else if (e instanceof RowValues) {
        out.add("ROW");
      } else if (e instanceof Message m) {
        out.add(m.message().error() ? "ERROR " + m.message().number() : "INFO");
      } else if (e instanceof DoneEvent d) {
        out.add(d.token() + " " + d.status() + " " + d.curCmd());
      } else if (e instanceof Status st) {
        out.add("RETURNSTATUS " + st.status());
      } else if (e instanceof Output o) {
        out.add("RETURNVALUE " + o.name());
      }
    }
    return out;
  }

  @Override
  public void flush() {
    flushes++;
  }

  List<ServerMessage> errors() {
    return events.stream()
        .filter(e -> e instanceof Message m && m.message().error())
        .map(e -> ((Message) e).message())
        .toList();
  }

  List<ServerMessage> infos() {
    return events.stream()
        .filter(e -> e instanceof Message m && !m.message().error())
        .map(e -> ((Message) e).message())
        .toList();
  }

  List<List<Object>> rows() {
    return events.stream()
        .filter(RowValues.class::isInstance)
        .map(e -> ((RowValues) e).values())
        .toList();
  }

  List<ColMetadata> results() {
    return events.stream()
        .filter(Columns.class::isInstance)
        .map(e -> ((Columns) e).metadata())
        .toList();
  }

  List<DoneEvent> dones() {
    return events.stream().filter(DoneEvent.class::isInstance).map(DoneEvent.class::cast).toList();
  }

  List<EnvChange> envChanges() {
    return events.stream().filter(Env.class::isInstance).map(e -> ((Env) e).change()).toList();
  }
}
