package io.jctds.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {
  private static List<byte[]> frame(int type, byte[] payload, int packetSize) {
    List<byte[]> out = new ArrayList<>();
    PacketWriter w =
        new PacketWriter(
            packetSize,
            p -> {
              byte[] b = new byte[p.remaining()];
              p.get(b);
              out.add(b);
            });
    w.writeMessage(type, ByteBuffer.wrap(payload));
    return out;
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    parts.forEach(p -> o.write(p, 0, p.length));
    return o.toByteArray();
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] drain(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  @Test
  void reassemblesPacketsAddedOneByOne() {
    byte[] payload = random(3000, 1);
    MessageAssembler a = new MessageAssembler(512, 1 << 20);
    List<byte[]> packets = frame(PacketType.TABULAR_RESULT, payload, 512);
    for (int i = 0; i < packets.size(); i++) {
      PacketHeader h = a.add(ByteBuffer.wrap(packets.get(i)));
      assertThat(h.packetId()).isEqualTo(i + 1);
      assertThat(a.isComplete()).isEqualTo(i == packets.size() - 1);
    }
    assertThat(a.type()).isEqualTo(PacketType.TABULAR_RESULT);
    assertThat(a.packets()).isEqualTo(packets.size());
    assertThat(drain(a.payload())).isEqualTo(payload);
  }

  @Test
  void reassemblesFromRandomStreamChunks() {
    Random r = new Random(2);
    for (int round = 0; round < 50; round++) {
      byte[] payload = random(r.nextInt(5000), round);
      byte[] stream = concat(frame(PacketType.SQL_BATCH, payload, 512));
      MessageAssembler a = new MessageAssembler(512, 1 << 20);
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      int at = 0;
      boolean done = false;
      while (!done) {
        int n = Math.min(stream.length - at, 1 + r.nextInt(700));
        ByteBuffer chunk = ByteBuffer.wrap(stream, at, n);
        done = a.feed(chunk);
        at += n - chunk.remaining();
        got.writeBytes(drain(a.payload())); // consume while streaming
        a.compact();
      }
      assertThat(at).isEqualTo(stream.length);
      assertThat(got.toByteArray()).isEqualTo(payload);
    }
  }

  @Test
  void leavesTheNextMessagesBytesInTheChunk() {
    byte[] first = concat(frame(PacketType.TABULAR_RESULT, random(700, 3), 512));
    byte[] second = concat(frame(PacketType.TABULAR_RESULT, random(10, 4), 512));
    ByteBuffer chunk = ByteBuffer.wrap(concat(List.of(first, second)));
    MessageAssembler a = new MessageAssembler(512, 1 << 20);
    assertThat(a.feed(chunk)).isTrue();
    assertThat(chunk.remaining()).isEqualTo(second.length);
    assertThat(a.payload().remaining()).isEqualTo(700);
    assertThat(a.feed(chunk)).isTrue(); // starts the next message
    assertThat(drain(a.payload())).isEqualTo(random(10, 4));
  }

  @Test
  void rejectsATypeChangeInTheMiddleOfAMessage() {
    List<byte[]> packets = frame(PacketType.SQL_BATCH, random(600, 5), 512);
    packets.get(1)[0] = PacketType.RPC;
    MessageAssembler a = new MessageAssembler(512, 1 << 20);
    a.add(ByteBuffer.wrap(packets.get(0)));
    assertThatThrownBy(() -> a.add(ByteBuffer.wrap(packets.get(1))))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("packet type changed from SQLBatch to RPC");
  }

  @Test
  void rejectsALengthBelowTheHeaderSize() {
    byte[] bad = {0x04, 0x01, 0x00, 0x07, 0, 0, 1, 0};
    MessageAssembler a = new MessageAssembler(512, 1 << 20);
    assertThatThrownBy(() -> a.feed(ByteBuffer.wrap(bad)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("length 7");
  }

  @Test
  void rejectsAPacketLargerThanNegotiated() {
    byte[] big = concat(frame(PacketType.TABULAR_RESULT, random(1000, 6), 4096));
    MessageAssembler a = new MessageAssembler(512, 1 << 20);
    assertThatThrownBy(() -> a.feed(ByteBuffer.wrap(big)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("exceeds the negotiated packet size 512");
    MessageAssembler b = new MessageAssembler(512, 1 << 20);
    b.maxPacketSize(4096);
    assertThat(b.feed(ByteBuffer.wrap(big))).isTrue();
  }

  @Test
  void addInsistsOnExactlyOnePacket() {
    byte[] p = frame(PacketType.TABULAR_RESULT, random(100, 7), 512).get(0);
    MessageAssembler a = new MessageAssembler(512, 1 << 20);
    ByteBuffer longer = ByteBuffer.allocate(p.length + 1).put(p).put((byte) 0).flip();
    assertThatThrownBy(() -> a.add(longer))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("says 108 but the packet has 109");
    assertThatThrownBy(() -> a.add(ByteBuffer.wrap(p, 0, 5)))
        .isInstanceOf(TdsProtocolException.class);
  }

  @Test
  void capsTheBufferedMessageSize() {
    byte[] stream = concat(frame(PacketType.TABULAR_RESULT, random(3000, 8), 512));
    MessageAssembler a = new MessageAssembler(512, 2000);
    assertThatThrownBy(() -> a.feed(ByteBuffer.wrap(stream)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("limit of 2000");
  }

  @Test
  void anAttentionAckIsAnEmptyCompleteMessage() {
    MessageAssembler a = new MessageAssembler(512, 100);
    assertThat(a.feed(ByteBuffer.wrap(new byte[] {0x04, 0x01, 0, 8, 0, 55, 1, 0}))).isTrue();
    assertThat(a.payload().remaining()).isZero();
    assertThat(a.lastHeader().spid()).isEqualTo(55);
  }

  /**
   * Lent bytes are never overwritten: compact and reset move on to a fresh array and leave the old
   * one as it was; without lend() compaction stays in place. The expected bytes are the random
   * payload the test framed itself.
   */
  @Test
  void lentBytesSurviveCompactAndReset() {
    byte[] payload = random(3000, 7);
    MessageAssembler a = new MessageAssembler(512, 1 << 20);
    List<byte[]> packets = frame(PacketType.TABULAR_RESULT, payload, 512);
    a.add(ByteBuffer.wrap(packets.get(0))); // 504 payload bytes
    ByteBuffer lentView = a.payload();
    lentView.position(500); // consumed up to 500
    a.lend();
    a.compact();
    assertThat(a.payload()).isNotSameAs(lentView);
    assertThat(drain(lentView.duplicate().position(0).limit(504)))
        .isEqualTo(java.util.Arrays.copyOf(payload, 504));
    a.add(ByteBuffer.wrap(packets.get(1)));
    assertThat(drain(a.payload().duplicate()))
        .isEqualTo(java.util.Arrays.copyOfRange(payload, 500, 1008));
    ByteBuffer second = a.payload();
    second.position(second.limit());
    a.lend();
    a.reset();
    a.add(ByteBuffer.wrap(frame(PacketType.TABULAR_RESULT, new byte[100], 512).get(0)));
    assertThat(drain(second.duplicate().position(0)))
        .isEqualTo(java.util.Arrays.copyOfRange(payload, 500, 1008));
    ByteBuffer notLent = a.payload();
    notLent.position(50);
    a.compact();
    assertThat(a.payload()).isSameAs(notLent);
    assertThat(notLent.remaining()).isEqualTo(50);
  }
}
