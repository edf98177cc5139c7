package io.jctds.server.interop;

import io.jctds.protocol.framing.MessageAssembler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on 127.0.0.1 between clients and a server that keeps every byte each client sent, to
 * look at real clients' requests. Plain TDS only (it does not see inside TLS).
 */
final class RecordingRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final List<ByteArrayOutputStream> connections = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();

  /** A client message: its packet type and payload. */
  record Message(int type, byte[] payload) {}

  RecordingRelay(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "recording-relay");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        synchronized (this) {
          connections.add(sent);
          sockets.add(client);
          sockets.add(server);
        }
        pump(client.getInputStream(), server.getOutputStream(), sent);
        pump(server.getInputStream(), client.getOutputStream(), null);
      }
    } catch (IOException closed) {
      // the relay was closed
    }
  }

  private synchronized void pump(InputStream in, OutputStream out, ByteArrayOutputStream copy) {
    Thread t =
        new Thread(
            () -> {
              byte[] b = new byte[8192];
              try {
                int n;
                while ((n = in.read(b)) > 0) {
                  if (copy != null) {
                    synchronized (copy) {
                      copy.write(b, 0, n);
                    }
                  }
                  out.write(b, 0, n);
                  out.flush();
                }
                out.close();
              } catch (IOException e) {
                // one side closed
              }
            },
            "recording-relay-pump");
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  /** The messages the clients sent, connection after connection, in order. */
  synchronized List<Message> messages() {
    List<Message> out = new ArrayList<>();
    for (ByteArrayOutputStream sent : connections) {
      byte[] bytes;
      synchronized (sent) {
        bytes = sent.toByteArray();
      }
      MessageAssembler a = new MessageAssembler(65535, 1 << 24);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      while (in.hasRemaining() && a.feed(in)) {
        ByteBuffer p = a.payload();
        byte[] payload = new byte[p.remaining()];
        p.duplicate().get(payload);
        out.add(new Message(a.type(), payload));
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (this) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
