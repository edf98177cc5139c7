package io.jctds.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * Opens the TCP connection as FreeTDS does ({@code tds_open_socket}): each resolved address in
 * order until one accepts, within the login timeout, with TCP_NODELAY and SO_KEEPALIVE. A socket
 * that failed is always closed: no half-open socket is left behind.
 *
 * <p>The socket is a {@link SocketChannel}'s ({@link SocketChannel#socket()}), so that {@link
 * SocketTransport#quiet()} can look at an idle connection without waiting. Its I/O is therefore
 * interruptible: a thread interrupted while blocked in it (or entering it interrupted) gets a
 * {@link ClosedByInterruptException} and the socket is closed.
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
      Socket socket = SocketChannel.open().socket();
      boolean connected = false;
      try {
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        int millis = deadline.remainingMillis("TCP connect to " + address.getHostAddress());
        socket.connect(new InetSocketAddress(address, port), millis);
        connected = true;
        LOG.log(System.Logger.Level.DEBUG, () -> "connected to " + socket.getRemoteSocketAddress());
        return socket;
      } catch (SocketTimeoutException | ClosedByInterruptException e) {
        failure = chain(failure, e); // the deadline passed or the thread was interrupted: stop
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
