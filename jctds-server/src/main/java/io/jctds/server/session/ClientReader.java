package io.jctds.server.session;

import io.jctds.protocol.framing.PacketType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads the client's messages on a thread of its own while the session thread serves requests
 * ([MS-TDS] 3.3.5.9: the server listens for messages while a request executes). An ATTENTION that
 * arrives while a request runs cancels it at once; one that arrives between requests (the race
 * every client has: the response ended while the cancel was on its way) is answered on its own.
 * Another request is queued ("the TDS server SHOULD queue the new client request"), but only one:
 * while it waits, nothing more is read, so a client that pipelines requests makes the server hold
 * at most the request being served and the next one (TCP pushes back on the rest). A BulkLoadBCP
 * message is handed over as soon as it starts ({@link PacketChannel#read(Runnable)}); the session
 * thread reads the rest of it while inserting, and this thread waits until it has ended.
 *
 * <p>Every client message gets one response message, in order: the session thread takes {@link
 * #ATTENTION} (answer DONE with the ATTN bit) or a request from {@link #take}, serves it and then
 * asks {@link #finish} how many ATTENTIONs arrived for it, each answered after its response.
 */
final class ClientReader implements Runnable {
  /** What {@link #take} returns for an ATTENTION that arrived while no request ran. */
  static final PacketChannel.Message ATTENTION =
      new PacketChannel.Message(PacketType.ATTENTION, 0, 0, ByteBuffer.allocate(0), 1);

  private final PacketChannel channel;
  private final Cancellable engine;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private PacketChannel.Message pending;
  private boolean streaming;
  private int pendingAttentions;
  private boolean running;
  private int attentions;
  private int idleAttentions;
  private boolean ended;
  private Exception failure;
  private boolean closed;

  /** What the reader needs of the engine session. */
  interface Cancellable {
    /** Stops the running request as soon as possible; any thread. */
    void cancel();

    /** Forgets a cancel meant for an earlier request; before each request. */
    void clearCancel();
  }

  ClientReader(PacketChannel channel, Cancellable engine) {
    this.channel = channel;
    this.engine = engine;
  }

  /** Starts the reading thread (a daemon named after the session). */
  Thread start(String name) {
    Thread t = new Thread(this, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void run() {
    try {
      while (awaitRoom()) {
        PacketChannel.Message m = channel.read(this::streamEnded);
        if (m == null) {
          end(null);
          return;
        }
        if (m.type() == PacketType.ATTENTION) {
          if (!m.ignored()) {
            attention();
          }
        } else {
          offer(m);
        }
      }
    } catch (IOException | RuntimeException e) {
      end(e);
    }
  }

  /**
   * Waits until no request is queued and no streamed message is being read by the session thread;
   * false once closed.
   */
  private boolean awaitRoom() {
    lock.lock();
    try {
      while ((pending != null || streaming) && !closed) {
        changed.awaitUninterruptibly();
      }
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  private void offer(PacketChannel.Message m) {
    lock.lock();
    try {
      pending = m;
      streaming = m.stream() != null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The session thread has read a streamed message to its end: reading goes on here. */
  private void streamEnded() {
    lock.lock();
    try {
      streaming = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** An ATTENTION belongs to the latest request the client sent before it. */
  private void attention() {
    lock.lock();
    try {
      if (pending != null) {
        pendingAttentions++;
      } else if (running) {
        attentions++;
        engine.cancel();
      } else {
        idleAttentions++;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The client closed the connection or broke the protocol: nobody waits for the request. */
  private void end(Exception e) {
    lock.lock();
    try {
      ended = true;
      failure = e;
      if (running) {
        engine.cancel();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next message to answer, in the order the client sent them: {@link #ATTENTION}, or a request
   * (now running; an ATTENTION that followed it while it was queued has cancelled it already).
   *
   * @return the message, or null when the client closed the connection
   * @throws IOException when reading failed (also a protocol error, see {@link PacketChannel#read})
   */
  PacketChannel.Message take() throws IOException {
    lock.lock();
    try {
      while (true) {
        if (idleAttentions > 0) {
          idleAttentions--;
          return ATTENTION;
        }
        if (pending != null) {
          return start();
        }
        if (ended) {
          rethrowFailure();
          return null;
        }
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  private PacketChannel.Message start() {
    PacketChannel.Message m = pending;
    pending = null;
    engine.clearCancel();
    running = true;
    attentions = pendingAttentions;
    pendingAttentions = 0;
    if (attentions > 0 || ended) {
      engine.cancel();
    }
    changed.signalAll();
    return m;
  }

  private void rethrowFailure() throws IOException {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof IOException e) {
      throw e;
    }
  }

  /** Whether an ATTENTION cancelled the running request (its response ends as cancelled). */
  boolean cancelled() {
    lock.lock();
    try {
      return attentions > 0;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The running request's response is complete.
   *
   * @return how many ATTENTIONs arrived for it, each to be acknowledged now
   */
  int finish() {
    lock.lock();
    try {
      running = false;
      int n = attentions;
      attentions = 0;
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** The session is ending: the reader stops waiting (its blocked read fails on the close). */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
