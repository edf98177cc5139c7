package io.jctds.protocol.tls;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Bytes read from the raw transport and not yet consumed. Reads are as large as the buffer allows;
 * whatever arrives beyond the current record or packet stays here for the next reader, which is how
 * a switch from TLS to plaintext (login-only encryption) loses nothing.
 */
final class InboundBuffer {
  private final Transport transport;
  private final ByteBuffer buffer; // read mode: position..limit are the unconsumed bytes

  InboundBuffer(Transport transport, int capacity) {
    this.transport = transport;
    this.buffer = ByteBuffer.allocate(capacity).flip();
  }

  /** The unconsumed bytes, from the buffer's position. */
  ByteBuffer buffer() {
    return buffer;
  }

  int available() {
    return buffer.remaining();
  }

  /**
   * Reads until at least {@code n} bytes are buffered.
   *
   * @return false if the stream ended before any byte was buffered and nothing is buffered
   * @throws EOFException if the stream ended after some but fewer than {@code n} bytes
   */
  boolean fill(int n, String what) throws IOException {
    if (n > buffer.capacity()) {
      throw new IllegalStateException(what + " of " + n + " bytes exceeds " + buffer.capacity());
    }
    while (buffer.remaining() < n) {
      buffer.compact();
      int read;
      try {
        read = transport.read(buffer);
      } finally {
        buffer.flip();
      }
      if (read < 0) {
        if (buffer.remaining() == 0) {
          return false;
        }
        throw new EOFException(
            "the connection ended inside a "
                + what
                + ": "
                + buffer.remaining()
                + " of "
                + n
                + " bytes arrived");
      }
    }
    return true;
  }

  /** Like {@link #fill} but an end of stream before any byte is also an {@link EOFException}. */
  void require(int n, String what) throws IOException {
    if (!fill(n, what)) {
      throw new EOFException("the connection ended where a " + what + " was expected");
    }
  }

  /** Consumes the next {@code n} buffered bytes and returns them as a view. */
  ByteBuffer take(int n) {
    ByteBuffer slice = buffer.slice(buffer.position(), n);
    buffer.position(buffer.position() + n);
    return slice;
  }

  /** Reads into {@code dst}: buffered bytes first, then straight from the transport. */
  int read(ByteBuffer dst) throws IOException {
    if (buffer.hasRemaining()) {
      int n = Math.min(buffer.remaining(), dst.remaining());
      dst.put(take(n));
      return n;
    }
    return transport.read(dst);
  }
}
