package io.jctds.server.tsql;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.ReturnValue;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.Values;
import io.jctds.server.types.WireTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One call of an RPC request ([MS-TDS] 2.2.6.6): its parameters decoded into a {@link Call} (each
 * value typed by its TYPE_INFO), run by {@link Procedures}, answered with RETURNSTATUS and a
 * RETURNVALUE for each output parameter, ordinal = the parameter's position in the call. As SQL
 * Server does, large-value outputs ((max) types, xml, text) come after the others.
 */
final class RpcCalls {
  private RpcCalls() {}

  static void call(Runner r, RpcRequest rpc) {
    Call call;
    Call.Result result;
    try {
      call = toCall(rpc);
    } catch (SqlException e) {
      error(r, e);
      return;
    }
    boolean builtin = Procedures.builtin(call.name()) != null;
    try {
      result = Procedures.call(r, call);
    } catch (SqlException e) {
      error(r, e);
      nullOutputs(r, rpc, builtin);
      return;
    } catch (Runner.Abort stop) {
      nullOutputs(r, rpc, builtin); // a batch-aborting error inside: already reported
      return;
    }
    r.sink.returnStatus(result.status());
    List<Call.Output> outputs = new ArrayList<>(result.outputs());
    outputs.sort(Comparator.comparing(o -> isLarge(o.type())));
    for (Call.Output o : outputs) {
      returnValue(r, rpc, o);
    }
  }

  /**
   * An error of the call itself (unknown procedure, binding, conversion): ERROR only, without a
   * statement's DONEINPROC; the DONEPROC that ends the call carries the error bit.
   */
  private static void error(Runner r, SqlException e) {
    r.s.lastError = e.number();
    r.sink.message(
        new ServerMessage(
            true, e.number(), e.state(), e.severity(), e.getMessage(), r.s.serverName(), "", 1));
  }

  /**
   * A server procedure that failed still answers each by-reference argument, with NULL: SQL Server
   * does so for sp_prepare and sp_prepexec (vertx-sql-client #1000, mssql-rs #39: the handle comes
   * back with length 0), so that a client waiting for the handle finds it.
   */
  private static void nullOutputs(Runner r, RpcRequest rpc, boolean builtin) {
    if (!builtin) {
      return;
    }
    List<RpcParameter> ps = rpc.parameters();
    for (int i = 0; i < ps.size(); i++) {
      RpcParameter p = ps.get(i);
      if (p.isOutput()) {
        SqlType type;
        try {
          type = WireTypes.sqlType(p.typeInfo());
        } catch (SqlException e) {
          continue;
        }
        returnValue(r, rpc, new Call.Output(i, p.name(), type, null));
      }
    }
  }

  /**
   * A RETURNVALUE: ordinal = the parameter's position in the call, the name as the call gave it
   * (empty for a positional parameter, as SQL Server answers; Microsoft's mssql-tds documents "may
   * be empty for positional parameters"), the declared type.
   */
  private static void returnValue(Runner r, RpcRequest rpc, Call.Output o) {
    TdsVersion v = r.s.tds().tdsVersion();
    TdsVersion tokens = v == TdsVersion.V8_0 ? TdsVersion.V7_4 : v;
    TypeInfo wire = WireTypes.typeInfo(o.type(), true, tokens, r.s.tds().utf8());
    r.sink.returnValue(
        new ReturnValue(
            o.arg(),
            rpc.parameters().get(o.arg()).name(),
            ReturnValue.STATUS_OUTPUT,
            0,
            ColMetadata.FLAG_NULLABLE,
            wire,
            Values.wireValue(o.type(), wire, o.value())));
  }

  private static boolean isLarge(SqlType t) {
    return t.isMax()
        || t.base() == SqlBase.XML
        || t.base() == SqlBase.TEXT
        || t.base() == SqlBase.NTEXT
        || t.base() == SqlBase.IMAGE;
  }

  /** The call an RPC makes. */
  static Call toCall(RpcRequest rpc) {
    List<String> name = NameParser.parts(rpc.displayName());
    if (name == null || name.isEmpty()) {
      throw new SqlException(
          2812, 16, 62, "Could not find stored procedure '" + rpc.displayName() + "'.", false);
    }
    List<Call.Arg> args = new ArrayList<>(rpc.parameters().size());
    for (RpcParameter p : rpc.parameters()) {
      boolean useDefault = (p.status() & RpcParameter.DEFAULT) != 0;
      args.add(
          new Call.Arg(
              p.name().isEmpty() ? null : p.name(),
              useDefault ? null : value(p),
              p.isOutput(),
              useDefault));
    }
    return new Call(name, args, true);
  }

  /** A parameter's value as a variable of its declared type holds it. */
  static Param value(RpcParameter p) {
    SqlType type = WireTypes.sqlType(p.typeInfo());
    if (type.base() == SqlBase.SQL_VARIANT) {
      byte[] raw = p.value(); // 4-byte length, then the body the server stores as is
      return new Param(
          type, raw.length <= 4 ? null : java.util.Arrays.copyOfRange(raw, 4, raw.length));
    }
    Object v;
    try {
      v = p.getObject();
    } catch (TdsProtocolException | IllegalArgumentException e) {
      throw new SqlException(
          8016,
          16,
          30,
          "The incoming tabular data stream (TDS) remote procedure call (RPC) protocol stream is"
              + " incorrect. Parameter "
              + (p.name().isEmpty() ? "?" : p.name())
              + " ("
              + p.typeInfo().sqlName()
              + "): "
              + e.getMessage(),
          false);
    }
    return new Param(type, Values.fromWire(type, v));
  }
}
