package io.jctds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted TDS "server" on 127.0.0.1 for flow tests: accepts connections one after another and
 * plays a script for each (built with jctds-protocol), recording every raw byte the client sent.
 * Failures of a script are rethrown by {@link #await()}.
 */
final class RogueServer implements AutoCloseable {
  /** What the server does with one connection. */
  @FunctionalInterface
  interface Script {
    void play(Peer peer) throws Exception;
  }

  private final ServerSocket socket;
  private final List<Script> scripts;
  private final Thread thread;
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final List<Peer> peers = new CopyOnWriteArrayList<>();

  /** Starts a server that plays {@code scripts[i]} on the i-th connection. */
  RogueServer(Script... scripts) throws IOException {
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.scripts = List.of(scripts);
    this.thread = new Thread(this::serve, "rogue-server-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    for (Script script : scripts) {
      try (Socket s = socket.accept()) {
        s.setSoTimeout(20_000);
        Peer peer = new Peer(s);
        peers.add(peer);
        script.play(peer);
      } catch (Throwable e) {
        failures.add(e);
      }
    }
  }

  /** Waits for every script to finish and rethrows the first failure. */
  void await() throws Exception {
    thread.join(30_000);
    if (thread.isAlive()) {
      throw new AssertionError("the rogue server's scripts did not finish");
    }
    if (!failures.isEmpty()) {
      Throwable f = failures.get(0);
      if (f instanceof Exception e) {
        throw e;
      }
      throw (Error) f;
    }
  }

  /** The peers served so far, in order. */
  List<Peer> peers() {
    return new ArrayList<>(peers);
  }

  /** All raw bytes the client sent over every connection (below TLS). */
  byte[] received() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Peer p : peers) {
      all.writeBytes(p.rawReceived());
    }
    return all.toByteArray();
  }

  /** Whether a client connected within {@code millis}; the connection is closed at once. */
  static boolean connectionArrives(ServerSocket s, int millis) throws IOException {
    s.setSoTimeout(millis);
    try (Socket ignored = s.accept()) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
