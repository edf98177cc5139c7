package io.jctds.server.tls;

import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.tls.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A connected pair of loopback sockets, the client side's thread, and TDS packet helpers. Socket
 * reads time out after 30 s so that a broken test fails instead of hanging the build.
 */
final class Loopback implements AutoCloseable {
  private static final ExecutorService PEERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tls-test-client");
            t.setDaemon(true);
            return t;
          });

  private final Socket client;
  private final Socket server;

  private Loopback(Socket client, Socket server) {
    this.client = client;
    this.server = server;
  }

  static Loopback open() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
      Socket server = listener.accept();
      client.setSoTimeout(30_000);
      server.setSoTimeout(30_000);
      return new Loopback(client, server);
    }
  }

  Transport client() throws IOException {
    return Transport.of(client.getInputStream(), client.getOutputStream());
  }

  Transport server() throws IOException {
    return Transport.of(server.getInputStream(), server.getOutputStream());
  }

  boolean serverClosed() {
    return server.isClosed();
  }

  boolean clientClosed() {
    return client.isClosed();
  }

  @Override
  public void close() throws IOException {
    client.close();
    server.close();
  }

  /** Runs the client side on its own thread. */
  static <T> Future<T> onClientThread(Callable<T> task) {
    return PEERS.submit(task);
  }

  /** The task's result, or its exception unwrapped. */
  static <T> T join(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** A whole TDS packet with EOM status. */
  static byte[] packet(int type, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(PacketHeader.SIZE + payload.length);
    new PacketHeader(type, PacketHeader.STATUS_EOM, b.capacity(), 0, 1, 0).encode(b);
    return b.put(payload).array();
  }

  /** Reads one whole TDS packet, its length taken from the header. */
  static byte[] readPacket(Transport transport) throws IOException {
    ByteBuffer header = readFully(transport, ByteBuffer.allocate(PacketHeader.SIZE));
    int length = PacketHeader.decode(header.duplicate()).length();
    ByteBuffer whole = ByteBuffer.allocate(length).put(header);
    return readFully(transport, whole).array();
  }

  private static ByteBuffer readFully(Transport transport, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      if (transport.read(b) < 0) {
        throw new IOException("end of stream after " + b.position() + " bytes");
      }
    }
    return b.flip();
  }
}
