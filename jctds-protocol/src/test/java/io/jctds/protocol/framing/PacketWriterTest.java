package io.jctds.protocol.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketWriterTest {
  private final List<byte[]> packets = new ArrayList<>();

  private PacketWriter writer(int size) {
    return new PacketWriter(
        size,
        p -> {
          byte[] b = new byte[p.remaining()];
          p.get(b);
          packets.add(b);
        });
  }

  private static byte[] payload(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private byte[] joinedPayloads() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : packets) {
      out.write(p, PacketHeader.SIZE, p.length - PacketHeader.SIZE);
    }
    return out.toByteArray();
  }

  @Test
  void splitsAtThePacketSizeIncludingTheHeader() {
    PacketWriter w = writer(512);
    byte[] data = payload(504 * 2 + 10, 1);
    w.writeMessage(PacketType.SQL_BATCH, ByteBuffer.wrap(data));

    assertThat(packets).hasSize(3);
    assertThat(packets.get(0)).hasSize(512);
    assertThat(packets.get(1)).hasSize(512);
    assertThat(packets.get(2)).hasSize(18);
    for (int i = 0; i < 3; i++) {
      PacketHeader h = PacketHeader.decode(ByteBuffer.wrap(packets.get(i)));
      assertThat(h.type()).isEqualTo(PacketType.SQL_BATCH);
      assertThat(h.length()).isEqualTo(packets.get(i).length);
      assertThat(h.isEndOfMessage()).isEqualTo(i == 2);
      assertThat(h.packetId()).isEqualTo(1 + i);
    }
    assertThat(joinedPayloads()).isEqualTo(data);
  }

  @Test
  void anExactlyFullPacketIsTheLastOneWithNoEmptyTrailer() {
    PacketWriter w = writer(512);
    w.writeMessage(PacketType.RPC, ByteBuffer.wrap(payload(504, 2)));
    assertThat(packets).hasSize(1);
    assertThat(packets.get(0)).hasSize(512);
    assertThat(packets.get(0)[1]).isEqualTo((byte) PacketHeader.STATUS_EOM);

    packets.clear();
    w.writeMessage(PacketType.RPC, ByteBuffer.wrap(payload(505, 2)));
    assertThat(packets).extracting(p -> p.length).containsExactly(512, 9);
  }

  @Test
  void anEmptyMessageIsOneHeaderOnlyPacket() {
    PacketWriter w = writer(4096);
    w.beginMessage(PacketType.ATTENTION);
    w.endMessage();
    assertThat(packets).hasSize(1);
    assertThat(packets.get(0)).containsExactly(0x06, 0x01, 0x00, 0x08, 0x00, 0x00, 0x01, 0x00);
  }

  @Test
  void packetIdWrapsModulo256AndRestartsPerMessage() {
    PacketWriter w = writer(512);
    w.firstPacketId(250);
    w.writeMessage(PacketType.BULK_LOAD, ByteBuffer.wrap(payload(504 * 10, 3)));
    assertThat(packets).hasSize(10);
    assertThat(packets)
        .extracting(p -> p[6] & 0xFF)
        .containsExactly(250, 251, 252, 253, 254, 255, 0, 1, 2, 3);
    packets.clear();
    w.writeMessage(PacketType.BULK_LOAD, ByteBuffer.wrap(payload(10, 3)));
    assertThat(packets.get(0)[6] & 0xFF).isEqualTo(250);
  }

  @Test
  void spidAndFirstPacketStatusBits() {
    PacketWriter w = writer(512);
    w.spid(0x1234);
    w.beginMessage(PacketType.SQL_BATCH, PacketHeader.STATUS_RESET_CONNECTION);
    w.bytes(payload(600, 4));
    w.endMessage();
    assertThat(packets).hasSize(2);
    assertThat(packets.get(0)[1]).isEqualTo((byte) PacketHeader.STATUS_RESET_CONNECTION);
    assertThat(packets.get(1)[1]).isEqualTo((byte) PacketHeader.STATUS_EOM);
    assertThat(packets.get(0)[4]).isEqualTo((byte) 0x12);
    assertThat(packets.get(0)[5]).isEqualTo((byte) 0x34);
    assertThat(w.packetsInMessage()).isEqualTo(2);
  }

  @Test
  void multiByteValuesSplitAcrossPacketsReassembleExactly() {
    PacketWriter w = writer(512);
    BufferWriter ref = new BufferWriter();
    Random r = new Random(5);
    w.beginMessage(PacketType.SQL_BATCH);
    for (int i = 0; i < 1000; i++) {
      switch (r.nextInt(6)) {
        case 0 -> {
          int v = r.nextInt();
          w.u8(v);
          ref.u8(v);
        }
        case 1 -> {
          int v = r.nextInt();
          w.u16(v);
          ref.u16(v);
        }
        case 2 -> {
          int v = r.nextInt();
          w.i32(v).i32be(v);
          ref.i32(v).i32be(v);
        }
        case 3 -> {
          long v = r.nextLong();
          w.i64(v);
          ref.i64(v);
        }
        case 4 -> {
          w.ucs2("héllo wörld");
          ref.ucs2("héllo wörld");
        }
        default -> {
          long v = r.nextLong();
          w.uint(v, 5);
          ref.uint(v, 5);
        }
      }
    }
    w.endMessage();
    assertThat(packets.size()).isGreaterThan(5);
    assertThat(joinedPayloads()).isEqualTo(ref.toByteArray());
  }

  /**
   * A sink that fails (a broken or interrupted socket) ends the message: the failure reaches the
   * caller, no abort can frame the half-sent buffer again (it used to: a 0-byte "packet" whose
   * header check replaced the I/O failure), and the next message starts clean.
   */
  @Test
  void aFailedSendEndsTheMessageAndTheNextOneStartsClean() {
    boolean[] broken = {true};
    PacketWriter w =
        new PacketWriter(
            512,
            p -> {
              if (broken[0]) {
                p.position(p.position() + 3); // part of it written, then the socket fails
                throw new java.io.UncheckedIOException(new java.io.IOException("interrupted"));
              }
              byte[] b = new byte[p.remaining()];
              p.get(b);
              packets.add(b);
            });
    w.beginMessage(PacketType.SQL_BATCH);
    w.bytes(payload(100, 1));
    assertThatThrownBy(w::endMessage)
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("interrupted");
    assertThat(w.inMessage()).isFalse();
    assertThatThrownBy(w::abortMessage).isInstanceOf(IllegalStateException.class);
    broken[0] = false;
    w.beginMessage(PacketType.SQL_BATCH);
    w.bytes(payload(10, 2));
    w.endMessage();
    assertThat(packets).hasSize(1);
    assertThat(packets.get(0)).hasSize(PacketHeader.SIZE + 10);
  }

  @Test
  void abortSendsEomPlusIgnore() {
    PacketWriter w = writer(512);
    w.beginMessage(PacketType.SQL_BATCH);
    w.bytes(payload(700, 6));
    w.abortMessage();
    assertThat(packets).hasSize(2);
    assertThat(packets.get(1)[1])
        .isEqualTo((byte) (PacketHeader.STATUS_EOM | PacketHeader.STATUS_IGNORE));
    assertThat(w.inMessage()).isFalse();
  }

  @Test
  void packetSizeChangesOnlyBetweenMessages() {
    PacketWriter w = writer(512);
    w.packetSize(8192);
    w.writeMessage(PacketType.SQL_BATCH, ByteBuffer.wrap(payload(10000, 7)));
    assertThat(packets).extracting(p -> p.length).containsExactly(8192, 10000 - 8184 + 8);
    w.beginMessage(PacketType.SQL_BATCH);
    assertThatThrownBy(() -> w.packetSize(4096)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> w.beginMessage(PacketType.RPC))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SQLBatch");
  }

  @Test
  void rejectsInvalidSizesAndWritesOutsideAMessage() {
    assertThatThrownBy(() -> writer(511)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer(65536)).isInstanceOf(IllegalArgumentException.class);
    PacketWriter w = writer(512);
    assertThatThrownBy(w::endMessage).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> w.spid(70000)).isInstanceOf(IllegalArgumentException.class);
  }

  /** What a gathering sink sees: "P<len>" per packet, "F" per flush request. */
  private static final class RecordingSink implements PacketWriter.PacketSink {
    final List<String> events = new ArrayList<>();

    @Override
    public void send(ByteBuffer packet) {
      events.add("P" + packet.remaining());
      packet.position(packet.limit());
    }

    @Override
    public void flush() {
      events.add("F");
    }
  }

  @Test
  void theSinkIsAskedToFlushAfterEachMessageAndEachExplicitFlushOnly() {
    RecordingSink sink = new RecordingSink();
    PacketWriter w = new PacketWriter(512, sink);
    w.writeMessage(PacketType.TABULAR_RESULT, ByteBuffer.wrap(payload(504 * 2 + 10, 2)));
    w.beginMessage(PacketType.TABULAR_RESULT);
    w.bytes(ByteBuffer.wrap(payload(20, 3)));
    w.flush(); // RAISERROR ... WITH NOWAIT: the client must see it now
    w.bytes(ByteBuffer.wrap(payload(30, 4)));
    w.abortMessage();

    // full packets are not flushed one by one; a message's end, flush() and an abort are
    assertThat(sink.events).containsExactly("P512", "P512", "P18", "F", "P28", "F", "P38", "F");
  }
}
