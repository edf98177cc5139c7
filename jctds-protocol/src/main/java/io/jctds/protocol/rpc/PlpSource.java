package io.jctds.protocol.rpc;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.type.PlpCodec;
import java.io.IOException;

/**
 * Where a streamed (max) value comes from: an RPC parameter ({@link RpcRequest#encodeMessage}) or a
 * column of a BulkLoadBCP row pulls it chunk by chunk through {@link #writeUnknownLength}, which
 * writes each read as one PLP chunk ([MS-TDS] 2.2.5.2.3) after an unknown total length, so a value
 * is never held whole in memory. {@code InputStream::read} fits as is.
 */
@FunctionalInterface
public interface PlpSource {
  /**
   * Reads up to {@code len} bytes into {@code buf} at {@code off}.
   *
   * @return the number of bytes read (0 is allowed and means "try again"), or -1 at the end
   * @throws IOException if the source fails; the request is then abandoned
   */
  int read(byte[] buf, int off, int len) throws IOException;

  /**
   * Writes {@code source} as an unknown-length PLP value ([MS-TDS] 2.2.5.2.3): PLP_UNKNOWN_LEN
   * (0xFFFFFFFFFFFFFFFE), one chunk (ULONG length, data) per non-empty read into {@code buf}, then
   * the zero-length PLP_TERMINATOR.
   *
   * @param buf the chunk buffer, reused; its length is the largest chunk
   * @return the number of data bytes written
   * @throws IOException if the source fails (the value is then incomplete)
   */
  static long writeUnknownLength(TdsWriter out, PlpSource source, byte[] buf) throws IOException {
    PlpCodec.writeUnknownLengthHeader(out);
    long total = 0;
    int n;
    while ((n = source.read(buf, 0, buf.length)) >= 0) {
      if (n > 0) {
        PlpCodec.writeChunk(out, buf, 0, n);
        total += n;
      }
    }
    PlpCodec.writeTerminator(out);
    return total;
  }

  /**
   * {@code source} read until each request is filled or the source ends, so that {@link
   * #writeUnknownLength} writes chunks of the buffer's full size (the last one shorter) whatever
   * sizes the underlying reads return.
   */
  static PlpSource filling(PlpSource source) {
    return (buf, off, len) -> {
      int got = 0;
      while (got < len) {
        int n = source.read(buf, off + got, len - got);
        if (n < 0) {
          return got == 0 ? -1 : got;
        }
        got += n;
      }
      return got;
    };
  }
}
