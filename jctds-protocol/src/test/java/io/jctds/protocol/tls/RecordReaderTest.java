package io.jctds.protocol.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.framing.PacketType;
import java.io.EOFException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RecordReaderTest {
  private final MemoryPipe pipe = new MemoryPipe();

  private RecordReader reader(boolean wrapped) {
    return new RecordReader(new InboundBuffer(pipe.server, 2 * RecordReader.MAX_RECORD), wrapped);
  }

  @Test
  void rawRecordsAreCutAtTheirLengthAndTheRestStaysBuffered() throws Exception {
    pipe.client.write(ByteBuffer.wrap(new byte[] {23, 3, 3, 0, 2, 'h', 'i', 23, 3, 3, 0, 1}));
    RecordReader reader = reader(false);
    ByteBuffer first = reader.next();
    assertThat(first.remaining()).isEqualTo(7);
    assertThat(first.get(5)).isEqualTo((byte) 'h');
    assertThat(reader.hasBufferedRecord()).as("second record is incomplete").isFalse();
    pipe.client.write(ByteBuffer.wrap(new byte[] {'!'}));
    pipe.client.close();
    assertThat(reader.next().remaining()).isEqualTo(6);
    assertThat(reader.next()).as("clean end at a record boundary").isNull();
  }

  @Test
  void recordsSpanningPreloginPacketsAreReassembled() throws Exception {
    byte[] record = {22, 3, 1, 0, 4, 1, 2, 3, 4};
    pipe.client.write(
        ByteBuffer.wrap(TlsTestSupport.packet(PacketType.PRELOGIN, slice(record, 0, 3))));
    pipe.client.write(
        ByteBuffer.wrap(TlsTestSupport.packet(PacketType.PRELOGIN, slice(record, 3, 6))));
    assertThat(reader(true).next()).isEqualTo(ByteBuffer.wrap(record));
  }

  @Test
  void bytesThatAreNotATlsRecordAreRefused() throws Exception {
    pipe.client.write(ByteBuffer.wrap(new byte[] {0x04, 0x01, 0x00, 0x20, 0, 0}));
    assertThatThrownBy(() -> reader(false).next())
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("peer sent 04 01 00 20 00");
  }

  @Test
  void truncatedRecordIsAnEof() throws Exception {
    pipe.client.write(ByteBuffer.wrap(new byte[] {23, 3, 3, 0, 9, 1}));
    pipe.client.close();
    assertThatThrownBy(() -> reader(false).next())
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("6 of 14 bytes");
  }

  @Test
  void oversizedRecordLengthIsRefused() throws Exception {
    pipe.client.write(ByteBuffer.wrap(new byte[] {23, 3, 3, (byte) 0x48, 1}));
    assertThatThrownBy(() -> reader(false).next()).isInstanceOf(TlsException.class);
  }

  private static byte[] slice(byte[] b, int from, int length) {
    byte[] s = new byte[length];
    System.arraycopy(b, from, s, 0, length);
    return s;
  }
}
