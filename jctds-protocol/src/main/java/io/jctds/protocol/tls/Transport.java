package io.jctds.protocol.tls;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A blocking byte stream in both directions: the one seam between TDS code and a socket. The TLS
 * adapter both consumes one (the raw connection) and is one (the protected connection), so session
 * code reads and writes TDS packets through this interface whether TLS is in use or not.
 *
 * <p>One thread may read while another writes; two concurrent readers (or writers) are not
 * supported.
 */
public interface Transport extends Closeable {

  /**
   * Reads at least one byte into {@code dst}, blocking until some are available.
   *
   * @param dst buffer with at least one byte remaining
   * @return the number of bytes read, or -1 at the end of the stream
   * @throws IOException if the stream fails
   */
  int read(ByteBuffer dst) throws IOException;

  /**
   * Writes all remaining bytes of {@code src} and flushes them.
   *
   * @throws IOException if the stream fails
   */
  void write(ByteBuffer src) throws IOException;

  /** Closes the stream in both directions. Closing twice has no further effect. */
  @Override
  void close() throws IOException;

  /** A view of the reading side as an {@link InputStream}; closing it closes this transport. */
  default InputStream asInputStream() {
    return new TransportStreams.In(this);
  }

  /** A view of the writing side as an {@link OutputStream}; closing it closes this transport. */
  default OutputStream asOutputStream() {
    return new TransportStreams.Out(this);
  }

  /**
   * A transport over a pair of streams, such as a socket's. {@link #close()} closes both.
   *
   * @param in the stream to read from
   * @param out the stream to write to; flushed after every write
   */
  static Transport of(InputStream in, OutputStream out) {
    return new StreamTransport(
        Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"));
  }

  /**
   * A transport that first returns the remaining bytes of {@code prefix}, then reads from {@code
   * transport}. A server uses it after peeking at the first byte of a connection (0x12 PRELOGIN or
   * 0x16 TLS ClientHello) to hand that byte back to the code that parses the stream.
   *
   * @param prefix bytes already read from {@code transport}; copied
   * @param transport the stream the bytes were read from
   */
  static Transport withPrefix(ByteBuffer prefix, Transport transport) {
    return new PrefixedTransport(prefix, Objects.requireNonNull(transport, "transport"));
  }
}
