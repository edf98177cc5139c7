package io.jctds.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.AllHeaders;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed seeds of {@link RpcRequestFuzzTest} ({@code RpcRequestFuzzTestInputs/decode/}): RPC
 * messages mssql-jdbc 13.6.2, jTDS 1.3.1 (TDS 7.1) and tedious 19.2.2 sent (recorded by
 * jctds-server's RpcCaptureIT), [MS-TDS] 4.8's example, and hand-made ones for TDS 7.0, 7.1 batches
 * of calls by id, PLP values in chunks and of unknown length ([MS-TDS] 2.2.5.2.3) and TDS 8.0. Each
 * decodes and re-encodes to the very bytes the client sent. Jazzer's findings ({@code crash-*}) are
 * regression inputs of the fuzz target only: they need not decode.
 */
class RpcRequestSeedsTest {

  private static List<Path> seeds() throws IOException, URISyntaxException {
    Path dir =
        Path.of(RpcRequestSeedsTest.class.getResource("RpcRequestFuzzTestInputs/decode").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.getFileName().toString().startsWith("crash-")).sorted().toList();
    }
  }

  @Test
  void everySeedDecodesAndReEncodesByteForByte() throws Exception {
    List<Path> seeds = seeds();
    assertThat(seeds.stream().map(p -> p.getFileName().toString()))
        .anyMatch(n -> n.startsWith("mssql-jdbc-"))
        .anyMatch(n -> n.startsWith("jtds-"))
        .anyMatch(n -> n.startsWith("tedious-"));
    for (Path seed : seeds) {
      byte[] data = Files.readAllBytes(seed);
      TdsVersion v = TdsVersion.values()[data[0]];
      byte[] payload = Arrays.copyOfRange(data, 1, data.length);
      List<RpcRequest> calls = RpcRequest.decodeMessage(buffer(payload), v);
      assertThat(calls).as(seed.getFileName().toString()).isNotEmpty();
      for (RpcRequest call : calls) {
        call.parameters().forEach(RpcParameter::getObject); // every value converts
      }
      AllHeaders headers = v.atLeast(TdsVersion.V7_2) ? AllHeaders.decode(buffer(payload)) : null;
      assertThat(RpcRequestFuzzTest.encode(v, headers, calls))
          .as(seed.getFileName() + ": " + calls)
          .isEqualTo(payload);
    }
  }

  private static ByteBuffer buffer(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void theSeedsCoverEveryVersionPlpAndCallsById() throws Exception {
    boolean plp = false;
    boolean byId = false;
    boolean byName = false;
    boolean severalCalls = false;
    Set<TdsVersion> versions = EnumSet.noneOf(TdsVersion.class);
    for (Path seed : seeds()) {
      byte[] data = Files.readAllBytes(seed);
      TdsVersion v = TdsVersion.values()[data[0]];
      versions.add(v);
      List<RpcRequest> calls =
          RpcRequest.decodeMessage(buffer(Arrays.copyOfRange(data, 1, data.length)), v);
      severalCalls |= calls.size() > 1;
      for (RpcRequest call : calls) {
        byId |= call.procName() == null;
        byName |= call.procName() != null;
        plp |= call.parameters().stream().anyMatch(p -> p.typeInfo().isPlp());
      }
    }
    assertThat(versions).containsExactlyInAnyOrder(TdsVersion.values());
    assertThat(List.of(plp, byId, byName, severalCalls)).containsOnly(true);
  }
}
