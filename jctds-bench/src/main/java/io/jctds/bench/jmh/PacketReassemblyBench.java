package io.jctds.bench.jmh;

import io.jctds.protocol.framing.MessageAssembler;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Packet reassembly: a 1 MiB TabularResult message, split into packets of {@code packetSize} bytes
 * by the protocol's {@link PacketWriter} once in setup, is fed packet by packet into a {@link
 * MessageAssembler} as the client's PacketChannel does ({@code add}), the payload consumed and
 * {@code compact}ed after each packet as the client's TokenReader does while it streams. Score per
 * whole message (1 MiB); gc.alloc.rate.norm per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacketReassemblyBench {
  static final int MESSAGE_BYTES = 1 << 20;

  @Param({"4096", "8192", "32768"})
  public int packetSize;

  private ByteBuffer[] packets;
  private MessageAssembler assembler;

  @Setup
  public void setUp() {
    List<ByteBuffer> out = new ArrayList<>();
    PacketWriter w =
        new PacketWriter(
            packetSize,
            p -> {
              byte[] copy = new byte[p.remaining()];
              p.get(copy);
              out.add(ByteBuffer.wrap(copy));
            });
    w.beginMessage(PacketType.TABULAR_RESULT);
    byte[] payload = new byte[MESSAGE_BYTES];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31);
    }
    w.bytes(payload);
    w.endMessage();
    packets = out.toArray(new ByteBuffer[0]);
    assembler = new MessageAssembler(packetSize, 4 << 20);
  }

  @Benchmark
  public int reassemble() {
    MessageAssembler a = assembler;
    a.reset();
    int consumed = 0;
    for (ByteBuffer p : packets) {
      p.position(0);
      a.add(p);
      ByteBuffer payload = a.payload();
      consumed += payload.get(payload.position()); // touch the data, as a decoder would
      payload.position(payload.limit());
      a.compact();
    }
    if (!a.isComplete()) {
      throw new IllegalStateException("the message did not complete");
    }
    return consumed;
  }
}
