package io.jctds.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * Opens the TCP connection as FreeTDS does ({@code tds_open_socket}): each resolved address in
 * order until one accepts, within the login timeout, with TCP_NODELAY and SO_KEEPALIVE. A socket
 * that failed is always closed: no half-open socket is left behind.
 */
public final class SocketConnector {
  private static final System.Logger LOG = System.getLogger("io.jctds.net");

  private SocketConnector() {}

  /**
   * Connects to the first address of {@code addresses} that accepts.
   *
   * @param addresses the resolved addresses, in order; not empty
   * @param port the TCP port
   * @param deadline when to give up
   * @return the connected socket
   * @throws SocketTimeoutException if the deadline passes
   * @throws IOException the failure of the last address tried, with the others suppressed
   */
  public static Socket connect(List<InetAddress> addresses, int port, Deadline deadline)
      throws IOException {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("no address to connect to");
    }
    IOException failure = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      boolean connected = false;
      try {
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        int millis = deadline.remainingMillis("TCP connect to " + address.getHostAddress());
        socket.connect(new InetSocketAddress(address, port), millis);
        connected = true;
        LOG.log(System.Logger.Level.DEBUG, () -> "connected to " + socket.getRemoteSocketAddress());
        return socket;
      } catch (SocketTimeoutException e) {
        failure = chain(failure, e);
        throw failure;
      } catch (IOException e) {
        failure = chain(failure, e);
      } finally {
        if (!connected) {
          closeQuietly(socket);
        }
      }
    }
    throw failure;
  }

  private static <E extends IOException> E chain(IOException previous, E next) {
    if (previous != null && previous != next) {
      next.addSuppressed(previous);
    }
    return next;
  }

  /** Closes {@code socket}, ignoring failures. */
  public static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing more can be done
    }
  }

  /** Whether {@code e} means the peer refused the connection (nothing listens on the port). */
  public static boolean isRefused(IOException e) {
    return e instanceof ConnectException;
  }
}
