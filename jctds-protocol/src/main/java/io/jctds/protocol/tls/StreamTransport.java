package io.jctds.protocol.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** {@link Transport} over an input and an output stream. */
final class StreamTransport implements Transport {
  private static final int SCRATCH = 16 * 1024;

  private final InputStream in;
  private final OutputStream out;
  private final byte[] readScratch = new byte[SCRATCH];
  private final byte[] writeScratch = new byte[SCRATCH];

  StreamTransport(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (dst.hasArray()) {
      int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    }
    int n = in.read(readScratch, 0, Math.min(readScratch.length, dst.remaining()));
    if (n > 0) {
      dst.put(readScratch, 0, n);
    }
    return n;
  }

  @Override
  public void write(ByteBuffer src) throws IOException {
    if (src.hasArray()) {
      out.write(src.array(), src.arrayOffset() + src.position(), src.remaining());
      src.position(src.limit());
    } else {
      while (src.hasRemaining()) {
        int n = Math.min(writeScratch.length, src.remaining());
        src.get(writeScratch, 0, n);
        out.write(writeScratch, 0, n);
      }
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      in.close();
    } finally {
      out.close();
    }
  }
}
