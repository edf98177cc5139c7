package io.jctds.internal.params;

import io.jctds.Parameter;
import io.jctds.ProgrammingError;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One execution of a numeric-paramstyle statement in the three forms a prepared statement takes
 * ([MS-TDS] 2.2.6.6, ProcIDs): sp_executesql, sp_prepexec (prepare and run, the handle an OUTPUT
 * int) and sp_execute (run a prepared handle). The values are encoded once; {@link #key()} tells
 * when two executions can share a handle: the same text and the same declared types.
 */
public final class PreparedCall {
  private final EncodeContext ctx;
  private final String text;
  private final String declaration;
  private final List<Encoded> values;

  private PreparedCall(EncodeContext ctx, String text, String declaration, List<Encoded> values) {
    this.ctx = ctx;
    this.text = text;
    this.declaration = declaration;
    this.values = values;
  }

  /** {@code sql} with {@code :0}, {@code :1} ... markers and its parameters (no OUTPUTs). */
  public static PreparedCall of(String sql, List<?> params, EncodeContext ctx) {
    String text = ParamText.numeric(sql, params.size()).sql();
    List<Encoded> encoded = new ArrayList<>(params.size());
    StringBuilder decl = new StringBuilder(params.size() * 20);
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i);
      if (v instanceof Parameter p) {
        if (p.isOutput()) {
          throw new ProgrammingError(
              "parameter " + i + " is an OUTPUT parameter: call the procedure with callProc");
        }
        v = p.value();
      }
      Encoded e = ParamEncoder.encode(v, ctx);
      encoded.add(e);
      decl.append(i == 0 ? "" : ",").append("@P").append(i).append(' ').append(e.declaration());
    }
    return new PreparedCall(ctx, text, decl.toString(), encoded);
  }

  /** What a server handle is prepared for: the declarations and the text. */
  public String key() {
    return declaration + "\n" + text;
  }

  private RpcParameter nvarchar(String s) {
    return ParamEncoder.nvarchar(s, ctx).parameter("", false);
  }

  private void addValues(List<RpcParameter> out) {
    for (Encoded e : values) {
      out.add(e.parameter("", false));
    }
  }

  /** sp_executesql @stmt, @params, values. */
  public RpcRequest executeSql() {
    List<RpcParameter> out = new ArrayList<>(values.size() + 2);
    out.add(nvarchar(text));
    out.add(nvarchar(declaration));
    addValues(out);
    return RpcRequest.byId(RpcRequest.SP_EXECUTESQL, out);
  }

  /** sp_prepexec @handle OUTPUT (an int starting NULL), @params, @stmt, values. */
  public RpcRequest prepExec() {
    List<RpcParameter> out = new ArrayList<>(values.size() + 3);
    out.add(ParamEncoder.encodeNull(Integer.class, ctx).parameter("", true));
    out.add(nvarchar(declaration));
    out.add(nvarchar(text));
    addValues(out);
    return RpcRequest.byId(RpcRequest.SP_PREPEXEC, out);
  }

  /** sp_execute @handle, values. */
  public RpcRequest execute(int handle) {
    List<RpcParameter> out = new ArrayList<>(values.size() + 1);
    out.add(ParamEncoder.encode(handle, ctx).parameter("", false));
    addValues(out);
    return RpcRequest.byId(RpcRequest.SP_EXECUTE, out);
  }

  /** sp_unprepare @handle. */
  public static RpcRequest unprepare(int handle, EncodeContext ctx) {
    return RpcRequest.byId(
        RpcRequest.SP_UNPREPARE, List.of(ParamEncoder.encode(handle, ctx).parameter("", false)));
  }
}
