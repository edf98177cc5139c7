package io.jctds.server.tsql;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.ReturnValue;
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
    Call.Result result;
    try {
      result = Procedures.call(r, toCall(rpc));
    } catch (SqlException e) {
      try {
        r.failed(e, 1);
      } catch (Runner.Abort | Runner.Return stop) {
        // the call ends here; its error is reported
      }
      return;
    } catch (Runner.Abort stop) {
      return; // a batch-aborting error inside the procedure: already reported
    }
    r.sink.returnStatus(result.status());
    List<Call.Output> outputs = new ArrayList<>(result.outputs());
    outputs.sort(Comparator.comparing(o -> isLarge(o.type())));
    TdsVersion v = r.s.tds().tdsVersion();
    TdsVersion tokens = v == TdsVersion.V8_0 ? TdsVersion.V7_4 : v;
    for (Call.Output o : outputs) {
      TypeInfo wire = WireTypes.typeInfo(o.type(), true, tokens, r.s.tds().utf8());
      String name = rpc.parameters().get(o.arg()).name();
      r.sink.returnValue(
          new ReturnValue(
              o.arg(),
              name.isEmpty() ? o.name() : name,
              ReturnValue.STATUS_OUTPUT,
              0,
              ColMetadata.FLAG_NULLABLE,
              wire,
              Values.wireValue(o.type(), wire, o.value())));
    }
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
