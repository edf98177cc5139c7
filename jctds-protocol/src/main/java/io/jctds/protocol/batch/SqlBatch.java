package io.jctds.protocol.batch;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The SQLBatch message ([MS-TDS] 2.2.6.7), packet type 0x01: ALL_HEADERS (TDS 7.2+) and the SQL
 * text in UCS-2. {@link #encode} streams the text straight into the writer, so a large batch never
 * exists twice in memory when written to a {@link io.jctds.protocol.framing.PacketWriter}.
 *
 * @param headers ALL_HEADERS; ignored before TDS 7.2 (and null when decoded from such a stream)
 * @param sql the batch text
 */
public record SqlBatch(AllHeaders headers, String sql) {
  /** A batch outside any transaction, with one outstanding request. */
  public static SqlBatch of(String sql) {
    return new SqlBatch(AllHeaders.transaction(0, 1), sql);
  }

  /** A batch inside the transaction {@code descriptor} (from ENVCHANGE BEGIN_TRAN). */
  public static SqlBatch inTransaction(long descriptor, String sql) {
    return new SqlBatch(AllHeaders.transaction(descriptor, 1), sql);
  }

  /** Writes the payload for {@code version}: ALL_HEADERS from 7.2 on, then the text. */
  public void encode(TdsWriter out, TdsVersion version) {
    if (version.atLeast(TdsVersion.V7_2)) {
      (headers == null ? AllHeaders.transaction(0, 1) : headers).encode(out);
    }
    out.ucs2(sql);
  }

  /**
   * Decodes a complete SQLBatch payload (the buffer's remaining bytes).
   *
   * @throws TdsProtocolException if the headers are malformed or the text has an odd length
   */
  public static SqlBatch decode(ByteBuffer in, TdsVersion version) {
    AllHeaders h = version.atLeast(TdsVersion.V7_2) ? AllHeaders.decode(in) : null;
    if (in.remaining() % 2 != 0) {
      throw new TdsProtocolException(
          "SQLBatch text has an odd number of bytes (" + in.remaining() + "); UCS-2 expected",
          in.position());
    }
    return new SqlBatch(h, Wire.string(in, in.remaining(), StandardCharsets.UTF_16LE, "SQL text"));
  }
}
