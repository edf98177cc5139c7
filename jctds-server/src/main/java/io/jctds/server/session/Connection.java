package io.jctds.server.session;

import io.jctds.protocol.tls.Transport;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The one I/O seam of a session: a byte stream, its read timeout and its addresses. {@link
 * #of(Socket)} is the real thing; tests drive a {@link Session} with scripted bytes through their
 * own implementation.
 */
interface Connection extends Closeable {

  /** The raw byte stream, without TLS. */
  Transport transport() throws IOException;

  /** How long a read may block (0 = forever). */
  void readTimeout(long millis) throws IOException;

  /** The client's address, or null when unknown. */
  InetSocketAddress remote();

  /** This server's address of the connection, or null when unknown. */
  InetSocketAddress local();

  /** Closes the stream; a blocked read then fails. Closing twice has no further effect. */
  @Override
  void close();

  /** A TCP connection: TCP_NODELAY and keep-alive on. */
  static Connection of(Socket socket) {
    return new Connection() {
      @Override
      public Transport transport() throws IOException {
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        return Transport.of(socket.getInputStream(), socket.getOutputStream());
      }

      @Override
      public void readTimeout(long millis) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
      }

      @Override
      public InetSocketAddress remote() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
      }

      @Override
      public InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
      }

      @Override
      public void close() {
        try {
          socket.close();
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    };
  }
}
