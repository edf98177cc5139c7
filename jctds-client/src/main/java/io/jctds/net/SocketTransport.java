package io.jctds.net;

import io.jctds.protocol.tls.Transport;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A {@link Transport} over a TCP socket with the timeouts a TDS client needs: a {@link Deadline}
 * during login (the login timeout covers the whole exchange) and a per-read timeout afterwards (the
 * query timeout). A read that times out throws {@link SocketTimeoutException} and consumes nothing,
 * so the caller may send an attention and read on.
 */
public final class SocketTransport implements Transport, ReadTimeout {
  /** The shortest read timeout a socket takes. */
  private static final int PROBE_MILLIS = 1;

  private final Socket socket;
  private final Transport streams;
  private volatile Deadline deadline = Deadline.NONE;
  private volatile Duration readTimeout;

  /**
   * @param socket a connected socket; closed by {@link #close()}
   * @throws IOException if its streams cannot be obtained
   */
  public SocketTransport(Socket socket) throws IOException {
    this.socket = socket;
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
   * Looks at the idle socket without waiting for the server: unread bytes ({@code available()}) or
   * a read that returns within {@value #PROBE_MILLIS} ms — a byte the server sent unasked (SQL
   * Server sends nothing between responses) or the end of the stream (the server closed the
   * connection, as after KILL) — mean not quiet; a read that times out means quiet. Works under TLS
   * too: TLS records arrive on this socket, and none is due between responses either.
   */
  @Override
  public boolean quiet() {
    try {
      java.io.InputStream in = socket.getInputStream();
      if (in.available() > 0) {
        return false;
      }
      socket.setSoTimeout(PROBE_MILLIS);
      in.read(); // a byte or the end of the stream: the connection is discarded either way
      return false;
    } catch (SocketTimeoutException quiet) {
      return true;
    } catch (IOException broken) {
      return false;
    }
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
