package io.jctds.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.AllHeaders;
import io.jctds.protocol.type.ConversionException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Arbitrary bytes through the RPC request decoder (the first byte picks the TDS version, the rest
 * is the payload of an RPC message, [MS-TDS] 2.2.6.6): a payload decodes or is a
 * TdsProtocolException, nothing else escapes. What decodes re-encodes (with its ALL_HEADERS) to
 * bytes that decode to the same calls and re-encode to themselves: the canonical form. Parameter
 * values convert to Java or report a ConversionException or TdsProtocolException. The committed
 * inputs were captured from mssql-jdbc, tedious and jTDS (jctds-server's RpcCaptureIT), plus
 * [MS-TDS] 4.8's example and a few hand-made ones (TDS 7.0, PLP chunks, TDS 8.0); they are in
 * canonical form, which {@link RpcRequestSeedsTest} checks byte for byte.
 */
class RpcRequestFuzzTest {
  private static final TdsVersion[] VERSIONS = TdsVersion.values();

  @FuzzTest(maxDuration = "60s")
  void decode(byte[] data) {
    if (data.length == 0) {
      return;
    }
    TdsVersion v = VERSIONS[(data[0] & 0xFF) % VERSIONS.length];
    byte[] payload = Arrays.copyOfRange(data, 1, data.length);
    AllHeaders headers;
    List<RpcRequest> calls;
    try {
      headers = headers(payload, v);
      calls = RpcRequest.decodeMessage(buffer(payload), v);
    } catch (TdsProtocolException expected) {
      return; // malformed input
    }
    for (RpcRequest call : calls) {
      call.displayName();
      for (RpcParameter p : call.parameters()) {
        try {
          p.getObject();
          p.toString();
        } catch (ConversionException | TdsProtocolException ignored) {
          // a value that does not convert is reported, not crashed on
        }
      }
    }
    byte[] canonical = encode(v, headers, calls);
    assertThat(RpcRequest.decodeMessage(buffer(canonical), v)).isEqualTo(calls);
    assertThat(encode(v, headers(canonical, v), calls)).isEqualTo(canonical);
  }

  private static ByteBuffer buffer(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static AllHeaders headers(byte[] payload, TdsVersion v) {
    return v.atLeast(TdsVersion.V7_2) ? AllHeaders.decode(buffer(payload)) : null;
  }

  static byte[] encode(TdsVersion v, AllHeaders headers, List<RpcRequest> calls) {
    BufferWriter w = new BufferWriter();
    RpcRequest.encodeMessage(w, v, headers, calls);
    return w.toByteArray();
  }
}
