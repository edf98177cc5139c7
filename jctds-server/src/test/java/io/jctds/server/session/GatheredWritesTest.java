package io.jctds.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.tls.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The server gathers response packets into writes of up to {@link PacketChannel#GATHER_BYTES}: the
 * packets on the wire are those of [MS-TDS] 2.2.3 (header, then payload, EOM on the last), only
 * fewer system calls carry them; a message's end and an explicit flush reach the client at once.
 */
class GatheredWritesTest {
  /** Records each write as one array. */
  private static final class RecordingTransport implements Transport {
    final List<byte[]> writes = new ArrayList<>();

    @Override
    public int read(ByteBuffer dst) {
      return -1;
    }

    @Override
    public void write(ByteBuffer src) {
      byte[] b = new byte[src.remaining()];
      src.get(b);
      writes.add(b);
    }

    @Override
    public void close() {}
  }

  private static byte[] payload(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  /** The packets in a byte stream, each checked against its header's length. */
  private static List<PacketHeader> packets(byte[] stream, ByteArrayOutputStream payloads) {
    List<PacketHeader> headers = new ArrayList<>();
    ByteBuffer in = ByteBuffer.wrap(stream);
    while (in.hasRemaining()) {
      PacketHeader h = PacketHeader.decode(in.duplicate());
      payloads.write(stream, in.position() + PacketHeader.SIZE, h.length() - PacketHeader.SIZE);
      in.position(in.position() + h.length());
      headers.add(h);
    }
    return headers;
  }

  private static byte[] joined(List<byte[]> writes) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    writes.forEach(all::writeBytes);
    return all.toByteArray();
  }

  @Test
  void aLargeResponseLeavesInWholePacketsEightTo32KiBWrite() {
    RecordingTransport t = new RecordingTransport();
    PacketChannel channel = new PacketChannel(t);
    PacketWriter w = channel.writer();
    byte[] data = payload(100_000);
    w.writeMessage(PacketType.TABULAR_RESULT, ByteBuffer.wrap(data));

    // 100,000 payload bytes in 4088-byte payloads: 24 full packets (98,112 bytes), one of 1,888
    ByteArrayOutputStream payloads = new ByteArrayOutputStream();
    List<PacketHeader> headers = packets(joined(t.writes), payloads);
    assertThat(headers).hasSize(25);
    assertThat(payloads.toByteArray()).isEqualTo(data);
    for (int i = 0; i < headers.size(); i++) {
      assertThat(headers.get(i).isEndOfMessage()).isEqualTo(i == 24);
      assertThat(headers.get(i).packetId()).isEqualTo((1 + i) & 0xFF);
    }
    // 8 packets of 4096 bytes fill 32 KiB: three such writes, then the last packet at EOM
    assertThat(t.writes).extracting(b -> b.length).containsExactly(32_768, 32_768, 32_768, 1_896);
    assertThat(channel.writes()).isEqualTo(25);
  }

  @Test
  void aSmallMessageAndAnExplicitFlushAreWrittenAtOnce() {
    RecordingTransport t = new RecordingTransport();
    PacketChannel channel = new PacketChannel(t);
    PacketWriter w = channel.writer();
    w.writeMessage(PacketType.TABULAR_RESULT, ByteBuffer.wrap(payload(30)));
    assertThat(t.writes).extracting(b -> b.length).containsExactly(38);

    w.beginMessage(PacketType.TABULAR_RESULT);
    w.bytes(ByteBuffer.wrap(payload(40)));
    w.flush(); // RAISERROR ... WITH NOWAIT
    assertThat(t.writes).extracting(b -> b.length).containsExactly(38, 48);
    w.bytes(ByteBuffer.wrap(payload(50)));
    assertThat(t.writes).hasSize(2); // held until the message ends
    w.endMessage();
    assertThat(t.writes).extracting(b -> b.length).containsExactly(38, 48, 58);
  }
}
