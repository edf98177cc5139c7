package io.jctds.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.tls.Transport;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packets over scripted bytes: random short reads, lying headers, masking in the dump. */
class PacketChannelTest {
  @TempDir Path dir;

  /** Serves {@code input} in chunks of random sizes and records what is written. */
  static final class ScriptedTransport implements Transport {
    private final ByteBuffer input;
    private final Random random;
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    ScriptedTransport(byte[] input, long seed) {
      this.input = ByteBuffer.wrap(input);
      this.random = new Random(seed);
    }

    @Override
    public int read(ByteBuffer dst) {
      if (!input.hasRemaining()) {
        return -1;
      }
      int n = Math.min(1 + random.nextInt(7), Math.min(dst.remaining(), input.remaining()));
      dst.put(input.slice(input.position(), n));
      input.position(input.position() + n);
      return n;
    }

    @Override
    public void write(ByteBuffer src) {
      byte[] b = new byte[src.remaining()];
      src.get(b);
      written.writeBytes(b);
    }

    @Override
    public void close() {}
  }

  /** A response of {@code payload} split into packets of {@code size}. */
  static byte[] packets(byte[] payload, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PacketWriter w =
        new PacketWriter(
            size,
            p -> {
              byte[] b = new byte[p.remaining()];
              p.get(b);
              out.writeBytes(b);
            });
    w.writeMessage(PacketType.TABULAR_RESULT, ByteBuffer.wrap(payload));
    return out.toByteArray();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void assemblesMessagesFromRandomShortReads(long seed) throws IOException {
    byte[] payload = new byte[3000];
    new Random(seed).nextBytes(payload);
    ScriptedTransport t = new ScriptedTransport(packets(payload, 512), seed);
    PacketChannel ch = new PacketChannel(t, 4096, ProtocolDump.NONE, "test");
    ByteBuffer message = ch.readMessage(PacketType.TABULAR_RESULT);
    byte[] got = new byte[message.remaining()];
    message.get(got);
    assertThat(got).isEqualTo(payload);
    assertThat(ch.assembler().packets()).isEqualTo(6);
  }

  @Test
  void headerLongerThanThePacketSizeFailsAtOnce() {
    byte[] header = {0x04, 0x01, 0x20, 0x00, 0, 0, 1, 0};
    PacketChannel ch =
        new PacketChannel(new ScriptedTransport(header, 1), 4096, ProtocolDump.NONE, "test");
    assertThatThrownBy(ch::readPacket)
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("8192 bytes, larger than the negotiated packet size 4096");
  }

  @Test
  void headerShorterThanItselfIsRejected() {
    byte[] header = {0x04, 0x01, 0x00, 0x04, 0, 0, 1, 0};
    PacketChannel ch =
        new PacketChannel(new ScriptedTransport(header, 1), 4096, ProtocolDump.NONE, "test");
    assertThatThrownBy(ch::readPacket).isInstanceOf(TdsProtocolException.class);
  }

  @Test
  void endOfStreamInsideAPacketSaysHowMuchArrived() {
    byte[] partial = {0x04, 0x01, 0x00, 0x20, 0, 0, 1, 0, 1, 2, 3};
    PacketChannel ch =
        new PacketChannel(new ScriptedTransport(partial, 1), 4096, ProtocolDump.NONE, "test");
    assertThatThrownBy(ch::readPacket)
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("11 of 32 bytes had arrived");
  }

  @Test
  void maskedBytesAreZeroInTheDumpOnlyEvenAcrossPackets() throws IOException {
    Path log = dir.resolve("dump.log");
    ScriptedTransport t = new ScriptedTransport(new byte[0], 1);
    byte[] payload = new byte[1000];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) 0x77;
    }
    try (ProtocolDump dump = ProtocolDump.open(log.toString(), false, 9)) {
      PacketChannel ch = new PacketChannel(t, 512, dump, "test");
      ch.sendMasked(PacketType.LOGIN7, ByteBuffer.wrap(payload), 500, 520, "Login7, masked");
    }
    byte[] wire = t.written.toByteArray();
    assertThat(wire).hasSize(1000 + 2 * 8);
    assertThat(wire[512 + 8 + 6]).as("payload byte 510 is sent as is").isEqualTo((byte) 0x77);
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text).contains("(jctds conn 9):Sending packet (Login7, masked, 512 bytes)");
    // payload bytes 500..503 end packet 1 (positions 508..511), 504..519 start packet 2
    assertThat(text).contains("01f0 77 77 77 77 77 77 77 77-77 77 77 77 00 00 00 00");
    assertThat(text).contains("0000 10 01 01 f8 00 00 02 00-00 00 00 00 00 00 00 00");
    assertThat(text).contains("0010 00 00 00 00 00 00 00 00-77 77 77 77");
  }

  @Test
  void readAheadIsHandedOver() throws IOException {
    byte[] two = new byte[16];
    byte[] first = packets(new byte[] {1, 2}, 512);
    System.arraycopy(first, 0, two, 0, first.length);
    two[10] = 0x16;
    ScriptedTransport t = new ScriptedTransport(two, 5);
    PacketChannel ch = new PacketChannel(t, 4096, ProtocolDump.NONE, "test");
    ch.readMessage(PacketType.TABULAR_RESULT);
    ByteBuffer rest = ch.takeBuffered();
    ByteBuffer all = ByteBuffer.allocate(16);
    all.put(rest);
    while (t.read(all) > 0) {
      // drain the transport
    }
    assertThat(all.position()).isEqualTo(6);
    assertThat(all.get(0)).isEqualTo((byte) 0x16);
  }
}
