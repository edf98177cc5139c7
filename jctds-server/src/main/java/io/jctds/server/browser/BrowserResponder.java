package io.jctds.server.browser;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;

/**
 * A SQL Server Browser for the embedded server ([MC-SQLR]): a UDP socket and one daemon thread
 * ({@code jctds-browser-<port>}) answering {@link BrowserMessages} requests about this server's
 * instance. Malformed datagrams and unknown instances get no answer, as SQL Server Browser.
 */
public final class BrowserResponder implements AutoCloseable {
  private final DatagramSocket socket;
  private final List<BrowserMessages.Instance> instances;
  private final System.Logger logger;
  private final Thread thread;
  private volatile boolean closed;

  private BrowserResponder(
      DatagramSocket socket, List<BrowserMessages.Instance> instances, System.Logger logger) {
    this.socket = socket;
    this.instances = List.copyOf(instances);
    this.logger = logger;
    this.thread = new Thread(this::serve, "jctds-browser-" + socket.getLocalPort());
    thread.setDaemon(true);
  }

  /**
   * Binds UDP {@code bind}:{@code port} (0: an ephemeral port) and starts answering.
   *
   * @throws IOException naming the UDP port when it cannot be bound (e.g. another Browser has it)
   */
  public static BrowserResponder start(
      String bind, int port, List<BrowserMessages.Instance> instances, System.Logger logger)
      throws IOException {
    DatagramSocket socket = new DatagramSocket(null);
    try {
      socket.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
    } catch (IOException e) {
      socket.close();
      throw new IOException(
          "cannot answer SQL Server Browser requests on UDP "
              + bind
              + ":"
              + port
              + ": "
              + e.getMessage()
              + " (another SQL Server Browser or jctds server --instance may hold UDP port "
              + port
              + "; stop it, or choose another --browser-port, 0 for any free port)",
          e);
    }
    BrowserResponder r = new BrowserResponder(socket, instances, logger);
    r.thread.start();
    return r;
  }

  /** The bound UDP port. */
  public int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[65535];
    while (!closed) {
      DatagramPacket request = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(request);
        Optional<byte[]> answer = BrowserMessages.answer(buffer, request.getLength(), instances);
        if (answer.isPresent()) {
          byte[] a = answer.get();
          socket.send(new DatagramPacket(a, a.length, request.getSocketAddress()));
        } else {
          logger.log(
              System.Logger.Level.DEBUG,
              "SQL Server Browser: no answer to a {0}-byte datagram from {1}",
              request.getLength(),
              request.getSocketAddress());
        }
      } catch (SocketException e) {
        if (!closed) {
          logger.log(System.Logger.Level.ERROR, "SQL Server Browser stopped: " + e.getMessage(), e);
        }
        return;
      } catch (IOException | RuntimeException e) {
        // one bad exchange (e.g. an unreachable sender) must not stop the Browser
        logger.log(System.Logger.Level.WARNING, "SQL Server Browser: " + e.getMessage(), e);
      }
    }
  }

  /** Closes the socket and waits for the thread to end. Idempotent. */
  @Override
  public void close() {
    closed = true;
    socket.close();
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
