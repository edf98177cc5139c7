package io.jctds.protocol.type;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/**
 * Partially length-prefixed values ([MS-TDS] 2.2.5.2.3): an 8-byte total length (all ones = NULL,
 * 0xFFFFFFFFFFFFFFFE = unknown), then chunks of a 4-byte length and data, ended by a zero-length
 * chunk. In a decoded row a PLP column is addressed by the offset of its first chunk header and the
 * byte count of all its chunks including the terminator.
 */
public final class PlpCodec {
  private PlpCodec() {}

  /** The total-length value that means NULL. */
  public static final long PLP_NULL = -1L;

  /** The total-length value that means "unknown, read the chunks". */
  public static final long UNKNOWN_LENGTH = -2L;

  /** Sum of the chunk data lengths in the chunk area {@code [off, off+len)}. */
  public static long dataLength(ByteBuffer b, int off, int len) {
    long total = 0;
    int at = off;
    int end = off + len;
    while (at + 4 <= end) {
      long chunk = Wire.i32At(b, at) & 0xFFFFFFFFL;
      if (chunk == 0) {
        return total;
      }
      total += chunk;
      at += 4 + (int) chunk;
    }
    throw new TdsProtocolException("PLP chunks are not terminated", at);
  }

  /** Joins the chunk data into one array. */
  public static byte[] readAll(ByteBuffer b, int off, int len) {
    long n = dataLength(b, off, len);
    if (n > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("PLP value of " + n + " bytes is too large for an array");
    }
    byte[] out = new byte[(int) n];
    int at = off;
    int pos = 0;
    while (pos < out.length) {
      int chunk = Wire.i32At(b, at);
      b.get(at + 4, out, pos, chunk);
      pos += chunk;
      at += 4 + chunk;
    }
    return out;
  }

  /** Writes a whole non-null value: its total length, one chunk (if not empty), terminator. */
  public static void write(TdsWriter out, byte[] data) {
    out.i64(data.length);
    if (data.length > 0) {
      out.i32(data.length).bytes(data);
    }
    out.i32(0);
  }

  /** Writes the PLP NULL marker. */
  public static void writeNull(TdsWriter out) {
    out.i64(PLP_NULL);
  }

  /** Starts a streamed value whose length is not known in advance; follow with chunks. */
  public static void writeUnknownLengthHeader(TdsWriter out) {
    out.i64(UNKNOWN_LENGTH);
  }

  /** Writes one chunk (must not be empty: an empty chunk ends the value). */
  public static void writeChunk(TdsWriter out, byte[] data, int off, int len) {
    if (len <= 0) {
      throw new IllegalArgumentException("a PLP chunk must not be empty");
    }
    out.i32(len).bytes(data, off, len);
  }

  /** Ends a streamed value. */
  public static void writeTerminator(TdsWriter out) {
    out.i32(0);
  }
}
