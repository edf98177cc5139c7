package io.jctds.net;

import io.jctds.protocol.tls.Transport;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A {@link Transport} over a TCP socket with the timeouts a TDS client needs: a {@link Deadline}
 * during login (the login timeout covers the whole exchange) and a per-read timeout afterwards (the
 * query timeout). A read that times out throws {@link SocketTimeoutException} and consumes nothing,
 * so the caller may send an attention and read on.
 */
public final class SocketTransport implements Transport, ReadTimeout {
  /** The shortest read timeout a socket takes (the probe of a socket without a channel). */
  private static final int PROBE_MILLIS = 1;

  private final Socket socket;
  private final Transport streams;

  /** The socket's channel (null for a plain {@link Socket}): the probe reads it non-blocking. */
  private final SocketChannel channel;

  /** The probe's one byte; only touched while the connection is idle. */
  private final ByteBuffer probe = ByteBuffer.allocate(1);

  private volatile Deadline deadline = Deadline.NONE;
  private volatile Duration readTimeout;

  /**
   * @param socket a connected socket; closed by {@link #close()}
   * @throws IOException if its streams cannot be obtained
   */
  public SocketTransport(Socket socket) throws IOException {
    this.socket = socket;
    this.channel = socket.getChannel();
    this.streams = Transport.of(socket.getInputStream(), socket.getOutputStream());
  }

  /** Makes every read fail once {@code d} has passed (and no per-read timeout applies). */
  public void deadline(Deadline d) {
    this.deadline = d;
    this.readTimeout = null;
  }

  @Override
  public void readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    this.deadline = Deadline.NONE;
  }

  /** The socket (for its addresses). */
  public Socket socket() {
    return socket;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    socket.setSoTimeout(timeoutMillis());
    return streams.read(dst);
  }

  private int timeoutMillis() throws SocketTimeoutException {
    Duration t = readTimeout;
    if (t != null) {
      return (int) Math.max(1, Math.min(Integer.MAX_VALUE, t.toMillis()));
    }
    return deadline.remainingMillis("reading from the server");
  }

  /**
   * Looks at the idle socket without waiting for the server. A byte the server sent unasked (SQL
   * Server sends nothing between responses) or the end of the stream (the server closed the
   * connection, as after KILL) mean not quiet; nothing to read means quiet, and nothing was
   * consumed. Works under TLS too: TLS records arrive on this socket, and none is due between
   * responses either.
   *
   * <p>A socket opened by {@link SocketConnector} has a channel: it is switched to non-blocking
   * mode for one read of at most one byte (0 = quiet, -1 = end of stream, 1 = a byte unasked) and
   * back, with no wait at all. A plain socket is read with a {@value #PROBE_MILLIS} ms timeout
   * instead, the shortest a socket takes.
   */
  @Override
  public boolean quiet() {
    try {
      return channel != null ? channelQuiet() : socketQuiet();
    } catch (SocketTimeoutException quiet) {
      return true;
    } catch (IOException | RuntimeException broken) {
      return false; // closed (also by an interrupt), reset, or not switchable: discard it
    }
  }

  private boolean channelQuiet() throws IOException {
    channel.configureBlocking(false);
    try {
      probe.clear();
      return channel.read(probe) == 0;
    } finally {
      channel.configureBlocking(true);
    }
  }

  private boolean socketQuiet() throws IOException {
    java.io.InputStream in = socket.getInputStream();
    if (in.available() > 0) {
      return false;
    }
    socket.setSoTimeout(PROBE_MILLIS);
    in.read(); // a byte or the end of the stream: the connection is discarded either way
    return false;
  }

  @Override
  public void write(ByteBuffer src) throws IOException {
    streams.write(src);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public String toString() {
    return "SocketTransport[" + socket.getRemoteSocketAddress() + "]";
  }
}
