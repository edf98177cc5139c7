package io.jctds.internal.params;

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
 * A TCP relay on 127.0.0.1 in front of the embedded server that keeps the bytes one client sends,
 * to compare a real client's RPC parameters with ours (as jctds-server's RecordingRelay). Plain TDS
 * only; one connection.
 */
final class PeerRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
  private final List<Socket> sockets = new ArrayList<>();

  PeerRelay(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "peer-relay");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    try {
      Socket client = listener.accept();
      Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
      synchronized (sockets) {
        sockets.add(client);
        sockets.add(server);
      }
      pump(client.getInputStream(), server.getOutputStream(), sent);
      pump(server.getInputStream(), client.getOutputStream(), null);
    } catch (IOException closed) {
      // the relay was closed
    }
  }

  private static void pump(InputStream in, OutputStream out, ByteArrayOutputStream copy) {
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
            "peer-relay-pump");
    t.setDaemon(true);
    t.start();
  }

  /** The payloads of the messages of {@code type} the client sent, in order. */
  List<byte[]> payloads(int type) {
    byte[] bytes;
    synchronized (sent) {
      bytes = sent.toByteArray();
    }
    List<byte[]> out = new ArrayList<>();
    MessageAssembler a = new MessageAssembler(65535, 1 << 24);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    while (in.hasRemaining() && a.feed(in)) {
      if (a.type() == type) {
        ByteBuffer p = a.payload();
        byte[] payload = new byte[p.remaining()];
        p.duplicate().get(payload);
        out.add(payload);
      }
    }
    return out;
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
