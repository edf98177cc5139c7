package io.jctds.protocol.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two connected in-memory {@link Transport}s that record every byte each side wrote. A read returns
 * everything buffered (up to the destination's room), so bytes written back to back arrive
 * together, as they may on a socket. A read that waits longer than 30 s fails instead of hanging
 * the build.
 */
final class MemoryPipe {
  private final Direction toServer = new Direction();
  private final Direction toClient = new Direction();
  final End client = new End(toClient, toServer);
  final End server = new End(toServer, toClient);

  /** Every byte the client wrote. */
  byte[] clientToServer() {
    return toServer.log();
  }

  /** Every byte the server wrote. */
  byte[] serverToClient() {
    return toClient.log();
  }

  private static final class Direction {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition data = lock.newCondition();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private int consumed;
    private boolean writerClosed;
    private boolean readerClosed;

    void write(ByteBuffer src) throws IOException {
      lock.lock();
      try {
        if (writerClosed || readerClosed) {
          throw new IOException("pipe closed");
        }
        byte[] bytes = new byte[src.remaining()];
        src.get(bytes);
        log.write(bytes, 0, bytes.length);
        data.signalAll();
      } finally {
        lock.unlock();
      }
    }

    int read(ByteBuffer dst) throws IOException {
      lock.lock();
      try {
        while (consumed == log.size() && !writerClosed && !readerClosed) {
          if (!data.await(30, TimeUnit.SECONDS)) {
            throw new IOException("test pipe: nothing arrived for 30 s (deadlock?)");
          }
        }
        if (readerClosed) {
          throw new IOException("pipe closed");
        }
        if (consumed == log.size()) {
          return -1;
        }
        byte[] all = log.toByteArray();
        int n = Math.min(dst.remaining(), all.length - consumed);
        dst.put(all, consumed, n);
        consumed += n;
        return n;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException();
      } finally {
        lock.unlock();
      }
    }

    void close(boolean writer) {
      lock.lock();
      try {
        if (writer) {
          writerClosed = true;
        } else {
          readerClosed = true;
        }
        data.signalAll();
      } finally {
        lock.unlock();
      }
    }

    byte[] log() {
      lock.lock();
      try {
        return log.toByteArray();
      } finally {
        lock.unlock();
      }
    }
  }

  /** One side of the pipe. */
  static final class End implements Transport {
    private final Direction in;
    private final Direction out;
    private volatile boolean closed;

    private End(Direction in, Direction out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return in.read(dst);
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
      out.write(src);
    }

    @Override
    public void close() {
      closed = true;
      in.close(false);
      out.close(true);
    }

    boolean isClosed() {
      return closed;
    }
  }
}
