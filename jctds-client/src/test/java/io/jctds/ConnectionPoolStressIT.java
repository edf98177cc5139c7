package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32 threads borrow 2,000 times each from a blocking pool of 16 while sessions are killed
 * server-side at random ({@code KILL spid} from another connection, Microsoft's "KILL" page: the
 * session ends and its connection is closed). A borrower kills the session it holds, between its
 * requests, in about one borrow of 100, and then returns it: the pool must find the dead session
 * and never hand it out again, so every borrower's first request must succeed; the only failure
 * allowed is a typed {@link PoolTimeoutError}. At the end no connection leaked: the pool's counts
 * agree with each other and with the server's sys.dm_exec_sessions. The run is bounded at 60 s (a
 * deadline that fails the test, not a measurement).
 */
class ConnectionPoolStressIT {
  private static final int THREADS = 32;
  private static final int BORROWS = 2_000;
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void noLeakNoDeadConnectionHandedOut() throws Exception {
    try (TdsServer server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("sa", "pw")
            .build()
            .start()) {
      TestWorld world = new TestWorld(dir);
      ConnectOptions options =
          world.options(world.conf(server.port(), "encryption = off"), "pw").build();
      ConnectionPool pool =
          ConnectionPool.builder("rogue", options)
              .maxSize(16)
              .block(true)
              .borrowTimeout(Duration.ofSeconds(20))
              .build();
      try (Connection killer =
          Jctds.connect("rogue", options.toBuilder().autocommit(true).build())) {
        Outcome outcome = run(pool, killer);
        assertThat(outcome.failures).isEmpty();
        assertThat(outcome.ok.get() + outcome.timeouts.get()).isEqualTo((long) THREADS * BORROWS);
        assertThat(outcome.kills.get()).isPositive();
        borrowEveryIdleConnection(pool); // a session killed by the last borrowers is still idle
        PoolStats s = pool.stats();
        assertThat(s.inUse()).isZero();
        assertThat(s.waiting()).isZero();
        assertThat(s.timeouts()).isEqualTo(outcome.timeouts.get());
        assertThat(s.open()).isEqualTo(s.idle());
        assertThat(s.destroyed()).isGreaterThanOrEqualTo(outcome.kills.get());
        // the server agrees: the pool's idle sessions plus the killer's
        assertThat(sessionsOnceSettled(killer, s.idle() + 1)).isEqualTo(s.idle() + 1);
        pool.close(Duration.ZERO);
        assertThat(pool.stats().open()).isZero();
        assertThat(sessionsOnceSettled(killer, 1)).isEqualTo(1);
      } finally {
        pool.close(Duration.ZERO);
      }
    }
  }

  /** Borrows as many connections as are idle, all at once, then returns them. */
  private static void borrowEveryIdleConnection(ConnectionPool pool) {
    List<Connection> all = new ArrayList<>();
    for (int i = pool.stats().idle(); i > 0; i--) {
      Connection c = pool.borrow();
      all.add(c);
      assertThat(c.spid()).isPositive();
    }
    all.forEach(Connection::close);
  }

  private static final class Outcome {
    final AtomicLong ok = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong kills = new AtomicLong();
    final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
  }

  private static Outcome run(ConnectionPool pool, Connection killer) throws Exception {
    Outcome o = new Outcome();
    ReentrantLock killerLock = new ReentrantLock();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(threads.submit(() -> borrowMany(pool, killer, killerLock, o)));
    }
    threads.shutdown();
    boolean finished = threads.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      threads.shutdownNow();
    }
    assertThat(finished).as("all borrows done within %s", BOUND).isTrue();
    for (Future<?> f : done) {
      f.get();
    }
    return o;
  }

  private static void borrowMany(
      ConnectionPool pool, Connection killer, ReentrantLock killerLock, Outcome o) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < BORROWS && o.failures.size() < 10; i++) {
      try (Connection c = pool.borrow()) {
        try (Cursor cur = c.cursor()) {
          cur.execute("SELECT @@SPID");
          int spid = ((Number) cur.fetchOne().get(0)).intValue();
          if (spid != c.spid()) {
            throw new AssertionError("@@SPID " + spid + " on a connection of spid " + c.spid());
          }
          if (random.nextInt(100) == 0) {
            kill(killer, killerLock, spid);
            o.kills.incrementAndGet();
          }
        }
        o.ok.incrementAndGet();
      } catch (PoolTimeoutError e) {
        o.timeouts.incrementAndGet();
      } catch (Throwable e) {
        o.failures.add(e);
      }
    }
  }

  private static void kill(Connection killer, ReentrantLock lock, int spid) {
    lock.lock();
    try (Cursor cur = killer.cursor()) {
      cur.execute("KILL " + spid);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The number of sessions the server lists, read until it equals {@code expected} (sessions that
   * were closed end asynchronously) or the bound passes.
   */
  private static long sessionsOnceSettled(Connection c, long expected) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    long count;
    do {
      try (Cursor cur = c.cursor()) {
        cur.execute("SELECT COUNT(*) FROM sys.dm_exec_sessions");
        count = ((Number) cur.fetchOne().get(0)).longValue();
      }
      if (count == expected) {
        return count;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    return count;
  }
}
