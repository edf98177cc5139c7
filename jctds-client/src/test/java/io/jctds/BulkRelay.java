package io.jctds;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.TokenType;
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
import java.util.Locale;

/**
 * A TCP relay in front of the embedded server that answers the bulk part of a bulk copy itself, so
 * a peer's bytes can be recorded whether or not the server accepts INSERT BULK: a SQL batch
 * starting with INSERT BULK is kept and answered with DONE, a BulkLoadBCP message (packet type 7)
 * is kept and answered with DONE; everything else goes to the server. Plain TDS; one connection.
 */
final class BulkRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final List<String> insertBulks = new ArrayList<>();
  private final List<byte[]> bulkLoads = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();

  BulkRelay(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "bulk-relay");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  synchronized List<String> insertBulks() {
    return List.copyOf(insertBulks);
  }

  synchronized List<byte[]> bulkLoads() {
    return List.copyOf(bulkLoads);
  }

  private void accept() {
    try {
      Socket client = listener.accept();
      Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
      synchronized (sockets) {
        sockets.add(client);
        sockets.add(server);
      }
      OutputStream toClient = client.getOutputStream();
      Thread back = new Thread(() -> copy(server, toClient), "bulk-relay-back");
      back.setDaemon(true);
      back.start();
      InputStream fromClient = client.getInputStream();
      Thread forth = new Thread(() -> relay(fromClient, server, toClient), "bulk-relay-forth");
      forth.setDaemon(true);
      forth.start();
    } catch (IOException closed) {
      // the relay was closed
    }
  }

  private static void copy(Socket server, OutputStream toClient) {
    byte[] b = new byte[8192];
    try (InputStream in = server.getInputStream()) {
      int n;
      while ((n = in.read(b)) > 0) {
        synchronized (toClient) {
          toClient.write(b, 0, n);
          toClient.flush();
        }
      }
    } catch (IOException e) {
      // one side closed
    }
  }

  private void relay(InputStream fromClient, Socket server, OutputStream toClient) {
    try {
      DataInputStream in = new DataInputStream(fromClient);
      OutputStream toServer = server.getOutputStream();
      ByteArrayOutputStream packets = new ByteArrayOutputStream();
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      while (true) {
        byte[] header = new byte[PacketHeader.SIZE];
        in.readFully(header);
        PacketHeader h = PacketHeader.decode(ByteBuffer.wrap(header));
        byte[] body = new byte[h.length() - PacketHeader.SIZE];
        in.readFully(body);
        packets.write(header);
        packets.write(body);
        payload.write(body);
        if (h.isEndOfMessage()) {
          if (!intercepted(h.type(), payload.toByteArray(), toClient)) {
            toServer.write(packets.toByteArray());
            toServer.flush();
          }
          packets.reset();
          payload.reset();
        }
      }
    } catch (IOException e) {
      // one side closed
    } catch (java.io.UncheckedIOException e) {
      // not a batch the relay can read
    }
  }

  private boolean intercepted(int type, byte[] payload, OutputStream toClient) throws IOException {
    if (type == PacketType.BULK_LOAD) {
      synchronized (this) {
        bulkLoads.add(payload);
      }
      answerDone(toClient);
      return true;
    }
    if (type == PacketType.SQL_BATCH) {
      ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
      String sql = SqlBatch.decode(b, TdsVersion.V7_4).sql();
      if (sql.trim().toUpperCase(Locale.ROOT).startsWith("INSERT BULK")) {
        synchronized (this) {
          insertBulks.add(sql);
        }
        answerDone(toClient);
        return true;
      }
    }
    return false;
  }

  private static void answerDone(OutputStream toClient) throws IOException {
    BufferWriter w = new BufferWriter();
    w.zeros(PacketHeader.SIZE);
    new Done(TokenType.DONE, 0, 0, 0).encode(w, TdsVersion.V7_4);
    byte[] bytes = w.toByteArray();
    new PacketHeader(PacketType.TABULAR_RESULT, PacketHeader.STATUS_EOM, bytes.length, 0, 1, 0)
        .encodeAt(ByteBuffer.wrap(bytes), 0);
    synchronized (toClient) {
      toClient.write(bytes);
      toClient.flush();
    }
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
