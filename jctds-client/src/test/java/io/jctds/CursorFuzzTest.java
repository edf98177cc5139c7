package io.jctds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.net.PacketChannel;
import io.jctds.net.ProtocolDump;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.tls.Transport;
import io.jctds.session.Session;
import io.jctds.tls.EncryptionReport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Any bytes a server may answer to a SQL batch, read through the public cursor API (every result
 * set, every row, every column): the answer is rows or a jctds exception, never anything else (no
 * IndexOutOfBounds, no OOM, no hang — the scripted transport ends).
 *
 * <p>Input: the first byte picks the packet size (512 + 64 × b mod 3584); the rest is the response
 * payload, split into TabularResult packets.
 */
class CursorFuzzTest {

  /** Serves the scripted bytes, then the end of the stream; swallows what the client sends. */
  private static Transport scripted(byte[] input) {
    ByteBuffer in = ByteBuffer.wrap(input);
    return new Transport() {
      @Override
      public int read(ByteBuffer dst) {
        if (!in.hasRemaining()) {
          return -1;
        }
        int n = Math.min(dst.remaining(), Math.min(in.remaining(), 97));
        dst.put(in.slice(in.position(), n));
        in.position(in.position() + n);
        return n;
      }

      @Override
      public void write(ByteBuffer src) {
        src.position(src.limit());
      }

      @Override
      public void close() {}
    };
  }

  private static byte[] packets(byte[] payload, int size) {
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

  @FuzzTest(maxDuration = "60s")
  void fetch(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int size = 512 + 64 * (input[0] & 0xFF) % 3584;
    byte[] wire = packets(Arrays.copyOfRange(input, 1, input.length), size);
    PacketChannel channel = new PacketChannel(scripted(wire), size, ProtocolDump.NONE, "fuzz");
    Session.Established e =
        new Session.Established(
            t -> {},
            channel,
            TdsVersion.V7_4,
            "7.4",
            55,
            "master",
            "us_english",
            null,
            EncryptionReport.Level.NONE,
            null,
            List.of());
    Session session = new Session(e, EncryptionReport.unencrypted("7.4"), null, null, "fuzz");
    try (Connection c = new Connection(session, ParamStyle.NUMERIC, false);
        Cursor cursor = c.cursor()) {
      cursor.execute("SELECT 1");
      do {
        cursor.description();
        for (Row row : cursor.fetchAll()) {
          row.toList();
          row.asMap();
        }
      } while (cursor.nextSet());
    } catch (JctdsException expected) {
      // a typed failure is the right answer to bytes that are not a valid response
    }
  }
}
