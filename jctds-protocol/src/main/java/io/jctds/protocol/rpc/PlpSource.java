package io.jctds.protocol.rpc;

import java.io.IOException;

/**
 * Where a streamed (max) parameter value comes from: {@link RpcRequest#encodeMessage} pulls it
 * chunk by chunk and writes each chunk as one PLP chunk ([MS-TDS] 2.2.5.2.3) after an unknown total
 * length, so a value is never held whole in memory. {@code InputStream::read} fits as is.
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
}
