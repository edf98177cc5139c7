package io.jctds.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Byte counters under the readers and writers of {@code jctds bcp}, for its progress: counted per
 * buffer read or written (not per byte), so they run ahead of (in) or behind (out) the record being
 * handled by at most a buffer.
 */
final class BcpBytes {
  private BcpBytes() {}

  /** An InputStream that counts the bytes read from it. */
  static final class In extends FilterInputStream {
    private long count;

    In(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = in.skip(n);
      count += s;
      return s;
    }
  }

  /** An OutputStream that counts the bytes written to it. */
  static final class Out extends FilterOutputStream {
    private long count;

    Out(OutputStream out) {
      super(out);
    }

    long count() {
      return count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
