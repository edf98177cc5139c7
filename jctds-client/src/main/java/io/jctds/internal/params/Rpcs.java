package io.jctds.internal.params;

import io.jctds.Parameter;
import io.jctds.ProgrammingError;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the RPC calls of execute and callProc. A statement with parameters is sp_executesql by
 * ProcID 10 with positional parameters, as mssql-jdbc 13.6.2 sends it: {@code @stmt} (the text with
 * {@code @P0} / {@code @name} references) and {@code @params} (declarations such as {@code @P0
 * int,@P1 nvarchar(4000)}) as nvarchar, then the values in declaration order. Every given parameter
 * is declared and sent, used or not (k-cTDS does the same). A {@link Parameter} with {@link
 * Parameter#isOutput()} is declared {@code OUTPUT} and sent by reference.
 */
public final class Rpcs {
  private Rpcs() {}

  private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

  /** sp_executesql for numeric paramstyle: {@code :0} ... refer to {@code params}' elements. */
  public static RpcRequest executeSql(String sql, List<?> params, EncodeContext ctx) {
    String text = ParamText.numeric(sql, params.size()).sql();
    return executeSql(text, numericNames(params.size()), params, ctx);
  }

  /** The names of the numeric paramstyle's parameters: P0, P1, ... */
  private static List<String> numericNames(int n) {
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add("P" + i);
    }
    return names;
  }

  /** A parameter's declaration in @params: its type, then OUTPUT when it is one. */
  private static String declared(Encoded e, boolean output) {
    return output ? e.declaration() + " OUTPUT" : e.declaration();
  }

  /** sp_executesql's @params: {@code @name declaration} for each parameter, comma-separated. */
  private static RpcParameter declarations(
      List<String> names, String[] declared, EncodeContext ctx) {
    StringBuilder decl = new StringBuilder(declared.length * 20);
    for (int i = 0; i < declared.length; i++) {
      decl.append(i == 0 ? "" : ",").append('@').append(names.get(i)).append(' ');
      decl.append(declared[i]);
    }
    return ParamEncoder.nvarchar(decl.toString(), ctx).parameter("", false);
  }

  /**
   * sp_executesql calls of one statement with many numeric-paramstyle parameter sets ({@code
   * executeMany}): the statement text, the names and — while the parameters keep their declared
   * types — the declaration are encoded once and shared by the calls, which are otherwise exactly
   * what {@link #executeSql(String, List, EncodeContext)} builds for each set.
   */
  public static final class NumericCalls {
    private final String sql;
    private final EncodeContext ctx;
    private int count = -1;
    private RpcParameter text;
    private List<String> names;
    private String[] declarations = new String[0];
    private RpcParameter declaration;

    /** Calls of {@code sql} encoded with {@code ctx}. */
    public NumericCalls(String sql, EncodeContext ctx) {
      this.sql = sql;
      this.ctx = ctx;
    }

    /** The sp_executesql call for one parameter set. */
    public RpcRequest call(List<?> values) {
      int n = values.size();
      if (n != count) {
        text = ParamEncoder.nvarchar(ParamText.numeric(sql, n).sql(), ctx).parameter("", false);
        names = numericNames(n);
        declarations = new String[n];
        declaration = null;
        count = n;
      }
      List<RpcParameter> out = new ArrayList<>(n + 2);
      out.add(text);
      if (n == 0) {
        return RpcRequest.byId(RpcRequest.SP_EXECUTESQL, out);
      }
      out.add(null); // the declaration, once every value is encoded
      boolean same = declaration != null;
      for (int i = 0; i < n; i++) {
        Object v = values.get(i);
        boolean output = v instanceof Parameter p && p.isOutput();
        Encoded e = encode(v, ctx);
        String d = declared(e, output);
        if (!d.equals(declarations[i])) {
          declarations[i] = d;
          same = false;
        }
        out.add(e.parameter("", output));
      }
      if (!same) {
        declaration = declarations(names, declarations, ctx);
      }
      out.set(1, declaration);
      return RpcRequest.byId(RpcRequest.SP_EXECUTESQL, out);
    }
  }

  /** sp_executesql for named paramstyle: {@code :name} refers to {@code params.get("name")}. */
  public static RpcRequest executeSql(String sql, Map<String, ?> params, EncodeContext ctx) {
    for (String k : params.keySet()) {
      if (k == null || !NAME.matcher(k).matches()) {
        throw new ProgrammingError(
            "parameter name '" + k + "' is not an identifier (letters, digits, '_')");
      }
    }
    String text = ParamText.named(sql, params.keySet()).sql();
    return executeSql(
        text, new ArrayList<>(params.keySet()), new ArrayList<>(params.values()), ctx);
  }

  private static RpcRequest executeSql(
      String text, List<String> names, List<?> values, EncodeContext ctx) {
    List<RpcParameter> out = new ArrayList<>(values.size() + 2);
    out.add(ParamEncoder.nvarchar(text, ctx).parameter("", false));
    if (!values.isEmpty()) {
      String[] declared = new String[values.size()];
      List<RpcParameter> encoded = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        boolean output = v instanceof Parameter p && p.isOutput();
        Encoded e = encode(v, ctx);
        declared[i] = declared(e, output);
        encoded.add(e.parameter("", output));
      }
      out.add(declarations(names, declared, ctx));
      out.addAll(encoded);
    }
    return RpcRequest.byId(RpcRequest.SP_EXECUTESQL, out);
  }

  /** A procedure call with positional parameters (plain values or {@link Parameter}s). */
  public static RpcRequest procedure(String name, List<?> params, EncodeContext ctx) {
    List<RpcParameter> out = new ArrayList<>(params.size());
    for (Object v : params) {
      out.add(encode(v, ctx).parameter("", v instanceof Parameter p && p.isOutput()));
    }
    return RpcRequest.named(procName(name), out);
  }

  /** A procedure call with named parameters; a key is {@code @name} or {@code name}. */
  public static RpcRequest procedure(String name, Map<String, ?> params, EncodeContext ctx) {
    List<RpcParameter> out = new ArrayList<>(params.size());
    for (Map.Entry<String, ?> e : params.entrySet()) {
      String k = e.getKey();
      String bare = k != null && k.startsWith("@") ? k.substring(1) : k;
      if (bare == null || bare.isEmpty() || bare.length() > 127) {
        throw new ProgrammingError("parameter name '" + k + "' is invalid");
      }
      Object v = e.getValue();
      out.add(encode(v, ctx).parameter("@" + bare, v instanceof Parameter p && p.isOutput()));
    }
    return RpcRequest.named(procName(name), out);
  }

  private static String procName(String name) {
    if (name == null || name.isBlank()) {
      throw new ProgrammingError("a procedure name is required");
    }
    return name;
  }

  private static Encoded encode(Object v, EncodeContext ctx) {
    if (v instanceof Parameter p) {
      return p.type() != null
          ? ParamEncoder.encodeNull(p.type(), ctx)
          : ParamEncoder.encode(p.value(), ctx);
    }
    return ParamEncoder.encode(v, ctx);
  }

  /** The size of ALL_HEADERS with a transaction descriptor ([MS-TDS] 2.2.5.3): 4 + 18 bytes. */
  private static final int ALL_HEADERS = 22;

  /**
   * Groups {@code calls} in order into RPC messages whose payload (ALL_HEADERS, the calls and the
   * batch flag between them) stays within {@code maxBytes}, by {@link #estimatedSize}; a call
   * larger than {@code maxBytes} goes alone.
   */
  public static List<List<RpcRequest>> batches(List<RpcRequest> calls, long maxBytes) {
    List<List<RpcRequest>> out = new ArrayList<>();
    Grouper g = new Grouper(maxBytes);
    for (RpcRequest call : calls) {
      List<RpcRequest> full = g.add(call);
      if (full != null) {
        out.add(full);
      }
    }
    List<RpcRequest> last = g.rest();
    if (last != null) {
      out.add(last);
    }
    return out;
  }

  /**
   * {@link #batches} one call at a time, for callers that must not hold every call (executeMany
   * over a lazy source): {@link #add} returns a full group once the next call would not fit.
   */
  public static final class Grouper {
    private final long maxBytes;
    private List<RpcRequest> current = new ArrayList<>();
    private long size = ALL_HEADERS;

    /** Groups of at most {@code maxBytes} of payload. */
    public Grouper(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    /** Adds {@code call}; returns the group it did not fit into (to be sent now), else null. */
    public List<RpcRequest> add(RpcRequest call) {
      long add = estimatedSize(call) + (current.isEmpty() ? 0 : 1);
      List<RpcRequest> full = null;
      if (!current.isEmpty() && size + add > maxBytes) {
        full = current;
        current = new ArrayList<>();
        size = ALL_HEADERS;
        add--;
      }
      current.add(call);
      size += add;
      return full;
    }

    /** The last group, or null when nothing is left. */
    public List<RpcRequest> rest() {
      List<RpcRequest> last = current.isEmpty() ? null : current;
      current = new ArrayList<>();
      size = ALL_HEADERS;
      return last;
    }
  }

  /**
   * The bytes {@code call} takes in an RPC message (without ALL_HEADERS and the separator byte
   * before it), exact for values given as bytes; a streamed value counts as {@link
   * RpcParameter#STREAM_CHUNK} bytes, as its length is not known in advance.
   */
  public static long estimatedSize(RpcRequest call) {
    long size = call.procName() != null ? 2 + 2L * call.procName().length() : 4;
    size += 2; // option flags
    BufferWriter type = new BufferWriter();
    for (RpcParameter p : call.parameters()) {
      type.clear();
      p.typeInfo().encode(type, io.jctds.protocol.TdsVersion.V7_4);
      size += 1 + 2L * p.name().length() + 1 + type.size();
      size += p.stream() != null ? 8 + RpcParameter.STREAM_CHUNK + 8 : p.valueLength();
    }
    return size;
  }
}
