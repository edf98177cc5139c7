package io.jctds.testkit;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay in front of the embedded server that records, for every message a client sends after
 * its login, the packet type, the status byte of the message's first packet and (for SQL batches)
 * the SQL text, for RPC messages "rpc" and each call's procedure name or #ProcID; bytes pass
 * unchanged in both directions. Plain TDS (encryption off); any number of connections.
 */
public final class MessageRelay implements AutoCloseable {
  /** One recorded client message. */
  public record Sent(int connection, int type, int firstStatus, String sql) {}

  private final ServerSocket listener;
  private final int target;
  private final List<Sent> sent = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();
  private final List<java.util.concurrent.CountDownLatch> closed = new ArrayList<>();

  public MessageRelay(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "pool-relay");
    accept.setDaemon(true);
    accept.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The messages clients sent after their LOGIN7, in order. */
  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  private void accept() {
    try {
      for (int n = 0; ; n++) {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
          closed.add(ended);
        }
        // when either side ends, both are closed: a server that closes (KILL) is seen by the client
        start(() -> copy(server.getInputStream(), client.getOutputStream()), client, server, ended);
        int connection = n;
        start(
            () -> relay(connection, client.getInputStream(), server.getOutputStream()),
            client,
            server,
            ended);
      }
    } catch (IOException closed) {
      // the relay was closed
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  /**
   * Waits until the relay has closed both sides of its {@code connection}-th client connection
   * (after either side ended), so that the client has the end of stream.
   */
  public boolean awaitClosed(int connection, long timeout, java.util.concurrent.TimeUnit unit)
      throws InterruptedException {
    java.util.concurrent.CountDownLatch ended;
    synchronized (sockets) {
      ended = closed.get(connection);
    }
    return ended.await(timeout, unit);
  }

  private static void start(
      Io body, Socket client, Socket server, java.util.concurrent.CountDownLatch ended) {
    Thread t =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (IOException closed) {
                // one side closed
              } finally {
                closeQuietly(client);
                closeQuietly(server);
                ended.countDown();
              }
            },
            "pool-relay-copy");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] b = new byte[8192];
    int n;
    while ((n = in.read(b)) > 0) {
      out.write(b, 0, n);
      out.flush();
    }
  }

  private void relay(int connection, InputStream fromClient, OutputStream toServer)
      throws IOException {
    DataInputStream in = new DataInputStream(fromClient);
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    boolean loggedIn = false;
    int firstStatus = -1;
    while (true) {
      byte[] header = new byte[PacketHeader.SIZE];
      in.readFully(header);
      PacketHeader h = PacketHeader.decode(ByteBuffer.wrap(header));
      byte[] body = new byte[h.length() - PacketHeader.SIZE];
      in.readFully(body);
      toServer.write(header);
      toServer.write(body);
      toServer.flush();
      if (firstStatus < 0) {
        firstStatus = h.status();
      }
      payload.write(body);
      if (h.isEndOfMessage()) {
        if (loggedIn) {
          record(connection, h.type(), firstStatus, payload.toByteArray());
        }
        loggedIn |= h.type() == PacketType.LOGIN7;
        payload.reset();
        firstStatus = -1;
      }
    }
  }

  private synchronized void record(int connection, int type, int status, byte[] payload) {
    String sql = null;
    if (type == PacketType.SQL_BATCH) {
      ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
      sql = SqlBatch.decode(b, TdsVersion.V7_4).sql();
    } else if (type == PacketType.RPC) {
      ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
      List<String> procs = new ArrayList<>();
      for (io.jctds.protocol.rpc.RpcRequest r :
          io.jctds.protocol.rpc.RpcRequest.decodeMessage(b, TdsVersion.V7_4)) {
        procs.add(r.procName() != null ? r.procName() : "#" + r.procId());
      }
      sql = "rpc " + String.join(" ", procs);
    }
    sent.add(new Sent(connection, type, status, sql));
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
