package io.jctds.server.interop;

import io.jctds.server.TdsServer;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's log as a test reads it: a System.Logger (given to the server with {@code
 * TdsServer.Builder.logger}) that keeps the trace line of each RPC request ({@code spid 53: rpc
 * request: sp_execute, sp_execute}) so an IT can see which procedures a client called, and how many
 * calls each request carried.
 */
final class RpcTrace implements System.Logger {
  private static final Pattern RPC = Pattern.compile("spid (\\d+): rpc request: (.*)");

  /** One call: the session, its place in the request ({@code index} of {@code of}), the name. */
  record Call(int spid, int index, int of, String procedure) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public String getName() {
    return TdsServer.LOGGER_NAME;
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    Matcher m = RPC.matcher(msg == null ? "" : msg);
    if (m.matches()) {
      String[] names = m.group(2).split(", ");
      for (int i = 0; i < names.length; i++) {
        calls.add(new Call(Integer.parseInt(m.group(1)), i + 1, names.length, names[i]));
      }
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    log(level, bundle, format, (Throwable) null);
  }

  /** The calls of session {@code spid} so far, in order. */
  List<Call> calls(int spid) {
    List<Call> out = new ArrayList<>();
    for (Call c : calls) {
      if (c.spid() == spid) {
        out.add(c);
      }
    }
    return out;
  }

  /** The procedure names session {@code spid} called after the first {@code skip} calls. */
  List<String> procedures(int spid, int skip) {
    List<Call> all = calls(spid);
    return all.subList(Math.min(skip, all.size()), all.size()).stream()
        .map(Call::procedure)
        .toList();
  }
}
