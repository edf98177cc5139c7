package io.jctds.net;

import io.jctds.protocol.tls.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] readChunk = new byte[16 * 1024];
  private final byte[] writeChunk = new byte[16 * 1024];
  private volatile Deadline deadline = Deadline.NONE;
  private volatile Duration readTimeout;

  /**
   * @param socket a connected socket; closed by {@link #close()}
   * @throws IOException if its streams cannot be obtained
   */
  public SocketTransport(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
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
    int n = in.read(readChunk, 0, Math.min(readChunk.length, dst.remaining()));
    if (n > 0) {
      dst.put(readChunk, 0, n);
    }
    return n;
  }

  private int timeoutMillis() throws SocketTimeoutException {
    Duration t = readTimeout;
    if (t != null) {
      return (int) Math.max(1, Math.min(Integer.MAX_VALUE, t.toMillis()));
    }
    return deadline.remainingMillis("reading from the server");
  }

  @Override
  public void write(ByteBuffer src) throws IOException {
    if (src.hasArray()) {
      out.write(src.array(), src.arrayOffset() + src.position(), src.remaining());
      src.position(src.limit());
    } else {
      while (src.hasRemaining()) {
        int n = Math.min(writeChunk.length, src.remaining());
        src.get(writeChunk, 0, n);
        out.write(writeChunk, 0, n);
      }
    }
    out.flush();
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
