package io.jctds.protocol.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/** {@link InputStream} and {@link OutputStream} views of a {@link Transport}. */
final class TransportStreams {
  private TransportStreams() {}

  static final class In extends InputStream {
    private final Transport transport;
    private final byte[] one = new byte[1];

    In(Transport transport) {
      this.transport = transport;
    }

    @Override
    public int read() throws IOException {
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      return transport.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void close() throws IOException {
      transport.close();
    }
  }

  static final class Out extends OutputStream {
    private final Transport transport;

    Out(Transport transport) {
      this.transport = transport;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      transport.write(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void close() throws IOException {
      transport.close();
    }
  }
}
