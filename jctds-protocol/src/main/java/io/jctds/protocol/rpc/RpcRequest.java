package io.jctds.protocol.rpc;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import io.jctds.protocol.batch.AllHeaders;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One RPC call of an RPC request message ([MS-TDS] 2.2.6.6), packet type 0x03: the procedure by
 * name or by well-known id, option flags and parameters. A message carries ALL_HEADERS (TDS 7.2+)
 * once, then one or more calls separated by a batch flag byte (0xFF from TDS 7.2, 0x80 before;
 * before 7.2 a 128-character parameter name would be ambiguous, as in SQL Server itself). {@link
 * #writeHeader} + {@link RpcParameter#write} stream a call without building records.
 *
 * @param procName the procedure name, or null when {@code procId} is used
 * @param procId a well-known procedure id ({@code SP_*}), or 0 with a name
 * @param optionFlags see {@code OPTION_*}
 * @param parameters the parameters in order
 */
public record RpcRequest(
    String procName, int procId, int optionFlags, List<RpcParameter> parameters) {
  /** sp_cursoropen. */
  public static final int SP_CURSOROPEN = 2;

  /** sp_cursorfetch. */
  public static final int SP_CURSORFETCH = 7;

  /** sp_cursorclose. */
  public static final int SP_CURSORCLOSE = 9;

  /** sp_executesql. */
  public static final int SP_EXECUTESQL = 10;

  /** sp_prepare. */
  public static final int SP_PREPARE = 11;

  /** sp_execute. */
  public static final int SP_EXECUTE = 12;

  /** sp_prepexec. */
  public static final int SP_PREPEXEC = 13;

  /** sp_unprepare. */
  public static final int SP_UNPREPARE = 15;

  /** fWithRecomp. */
  public static final int OPTION_WITH_RECOMPILE = 0x01;

  /** fNoMetaData. */
  public static final int OPTION_NO_METADATA = 0x02;

  /** fReuseMetaData. */
  public static final int OPTION_REUSE_METADATA = 0x04;

  /** Validates name/id and copies the parameters. */
  public RpcRequest {
    if ((procName == null) == (procId == 0)) {
      throw new IllegalArgumentException("give either a procedure name or a procedure id");
    }
    parameters = List.copyOf(parameters);
  }

  /** A call of a procedure by name. */
  public static RpcRequest named(String procName, List<RpcParameter> parameters) {
    return new RpcRequest(procName, 0, 0, parameters);
  }

  /** A call of a well-known procedure by id, e.g. {@link #SP_EXECUTESQL}. */
  public static RpcRequest byId(int procId, List<RpcParameter> parameters) {
    return new RpcRequest(null, procId, 0, parameters);
  }

  /** The procedure name, also for well-known ids (e.g. "sp_executesql"). */
  public String displayName() {
    if (procName != null) {
      return procName;
    }
    return switch (procId) {
      case SP_CURSOROPEN -> "sp_cursoropen";
      case SP_CURSORFETCH -> "sp_cursorfetch";
      case SP_CURSORCLOSE -> "sp_cursorclose";
      case SP_EXECUTESQL -> "sp_executesql";
      case SP_PREPARE -> "sp_prepare";
      case SP_EXECUTE -> "sp_execute";
      case SP_PREPEXEC -> "sp_prepexec";
      case SP_UNPREPARE -> "sp_unprepare";
      default -> "proc#" + procId;
    };
  }

  /** The byte that separates calls in one message. */
  public static int batchFlag(TdsVersion v) {
    return v.atLeast(TdsVersion.V7_2) ? 0xFF : 0x80;
  }

  /** Streams the name (or id) and option flags of a call; parameters follow. */
  public static void writeHeader(TdsWriter out, String procName, int procId, int optionFlags) {
    if (procName != null) {
      out.usVarchar(procName);
    } else {
      out.u16(0xFFFF).u16(procId);
    }
    out.u16(optionFlags);
  }

  /** Writes this call (without ALL_HEADERS). */
  public void encode(TdsWriter out, TdsVersion v) {
    writeHeader(out, procName, procId, optionFlags);
    for (RpcParameter p : parameters) {
      p.encode(out, v);
    }
  }

  /** Writes a whole RPC message payload: ALL_HEADERS (7.2+) and the calls. */
  public static void encodeMessage(
      TdsWriter out, TdsVersion v, AllHeaders headers, List<RpcRequest> calls) {
    if (v.atLeast(TdsVersion.V7_2)) {
      (headers == null ? AllHeaders.transaction(0, 1) : headers).encode(out);
    }
    for (int i = 0; i < calls.size(); i++) {
      if (i > 0) {
        out.u8(batchFlag(v));
      }
      calls.get(i).encode(out, v);
    }
  }

  /**
   * Decodes a complete RPC message payload; ALL_HEADERS is read (from 7.2) and dropped — use {@link
   * AllHeaders#decode} first to keep it.
   *
   * @throws TdsProtocolException on malformed input
   */
  public static List<RpcRequest> decodeMessage(ByteBuffer in, TdsVersion v) {
    if (v.atLeast(TdsVersion.V7_2)) {
      AllHeaders.decode(in);
    }
    List<RpcRequest> calls = new ArrayList<>();
    calls.add(decodeCall(in, v));
    while (in.hasRemaining()) {
      int at = in.position();
      int flag = Wire.u8(in, "RPC batch flag");
      if (flag != batchFlag(v)) {
        throw new TdsProtocolException(
            String.format(
                "expected the RPC batch separator 0x%02X for %s, found 0x%02X",
                batchFlag(v), v, flag),
            at);
      }
      if (in.hasRemaining()) {
        calls.add(decodeCall(in, v));
      }
    }
    return calls;
  }

  private static RpcRequest decodeCall(ByteBuffer in, TdsVersion v) {
    int len = Wire.u16(in, "RPC procedure name length");
    String name = null;
    int id = 0;
    if (len == 0xFFFF) {
      id = Wire.u16(in, "RPC procedure id");
      if (id == 0) {
        throw new TdsProtocolException("RPC procedure id 0 is invalid", in.position() - 2);
      }
    } else {
      name = Wire.ucs2(in, len, "RPC procedure name");
    }
    int flags = Wire.u16(in, "RPC option flags");
    List<RpcParameter> params = new ArrayList<>();
    while (in.hasRemaining()) {
      if ((in.get(in.position()) & 0xFF) == batchFlag(v)) {
        break; // a parameter name length of 0xFF (0x80 before 7.2) cannot occur: sysname is 128
      }
      params.add(RpcParameter.decode(in, v));
    }
    return new RpcRequest(name, id, flags, params);
  }
}
