package io.jctds.protocol.tls;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A {@link Transport} that returns some already-read bytes before reading on. */
final class PrefixedTransport implements Transport {
  private final ByteBuffer prefix;
  private final Transport transport;

  PrefixedTransport(ByteBuffer prefix, Transport transport) {
    ByteBuffer copy = ByteBuffer.allocate(prefix.remaining());
    copy.put(prefix.duplicate()).flip();
    this.prefix = copy;
    this.transport = transport;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!prefix.hasRemaining()) {
      return transport.read(dst);
    }
    int n = Math.min(prefix.remaining(), dst.remaining());
    dst.put(prefix.slice(prefix.position(), n));
    prefix.position(prefix.position() + n);
    return n;
  }

  @Override
  public void write(ByteBuffer src) throws IOException {
    transport.write(src);
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
