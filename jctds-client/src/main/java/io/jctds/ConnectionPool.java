package io.jctds;

import io.jctds.session.Session;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A pool of connections to one server with one set of options, with k-cTDS's pool semantics ({@code
 * ctds.pool.ConnectionPool(dbapi2, params, idlettl, maxsize, block)}) plus a borrow timeout, a
 * minimum of idle connections, a maximum lifetime and validation. See docs/pool.md.
 *
 * <pre>{@code
 * ConnectionPool pool = ConnectionPool.builder("myserver", options).maxSize(10).block(true).build();
 * try (Connection c = pool.borrow(); Cursor cursor = c.cursor()) { // close() returns it
 *   cursor.execute("SELECT 1");
 * }
 * }</pre>
 *
 * <p>{@link #borrow()} hands out a new {@link Connection} object over a pooled session each time;
 * its {@code close()} returns the session, after which that object throws {@link InterfaceError}.
 * The next request on a returned session carries the TDS RESETCONNECTION bit (the server rolls
 * back, drops temp tables, restores the login's SET options and database) and starts with the
 * options' SET statements again, in the same round trip. A transaction the server reported open is
 * rolled back when the connection is returned, so its locks are not held while it is idle.
 *
 * <p>There is no background thread: expired connections are closed during {@link #borrow()},
 * returns and {@link #maintain()} (as k-cTDS collects idle connections only in {@code acquire()}).
 * Thread-safe; no lock is held during I/O.
 */
public final class ConnectionPool implements AutoCloseable {
  /** How long {@link #borrow()} waits for a free connection unless set (HikariCP's default). */
  public static final Duration DEFAULT_BORROW_TIMEOUT = Duration.ofSeconds(30);

  /** How recently a connection must have been used to skip the validation round trip. */
  public static final Duration DEFAULT_VALIDATION_INTERVAL = Duration.ofSeconds(5);

  /** How long {@link #close()} waits for borrowed connections to come back. */
  public static final Duration DEFAULT_CLOSE_WAIT = Duration.ofSeconds(30);

  /** How long the validation round trip may take at most. */
  static final Duration VALIDATION_LIMIT = Duration.ofSeconds(5);

  /** One pooled session and its history. */
  private static final class Pooled {
    final Session session;
    final long createdAt;
    final Duration timeout;
    final String timeoutOrigin;
    long lastUsed;
    boolean gone;

    Pooled(Session session, long now) {
      this.session = session;
      this.createdAt = now;
      this.lastUsed = now;
      this.timeout = session.timeout();
      this.timeoutOrigin = session.timeoutOrigin();
    }
  }

  private final String server;
  private final ConnectOptions options;
  private final int maxSize;
  private final boolean block;
  private final Duration idleTtl;
  private final Duration borrowTimeout;
  private final int minIdle;
  private final Duration maxLifetime;
  private final long validationNanos;
  private final LongSupplier clock;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Pooled> idle = new ArrayDeque<>(); // most recently used first
  private final Set<Pooled> borrowed = Collections.newSetFromMap(new IdentityHashMap<>());
  private int opening;
  private int waiting;
  private long created;
  private long destroyed;
  private long timeouts;
  private boolean closed;

  private ConnectionPool(Builder b) {
    this.server = b.server;
    this.options = b.options;
    this.maxSize = b.maxSize;
    this.block = b.block;
    this.idleTtl = b.idleTtl;
    this.borrowTimeout = b.borrowTimeout;
    this.minIdle = b.minIdle;
    this.maxLifetime = b.maxLifetime;
    this.validationNanos = b.validationInterval.toNanos();
    this.clock = b.clock;
  }

  /**
   * A builder for a pool of connections made as {@link Jctds#connect(String, ConnectOptions)} makes
   * them.
   */
  public static Builder builder(String server, ConnectOptions options) {
    return new Builder(server, Objects.requireNonNull(options, "options"));
  }

  /**
   * A connection from the pool: an idle one (the most recently used) that passes validation, else a
   * new one. With {@code block(true)} and {@code maxSize} connections borrowed, waits up to the
   * borrow timeout for one to be returned.
   *
   * @throws PoolTimeoutError if none became free within the borrow timeout
   * @throws InterfaceError if the pool is closed, or the thread was interrupted while waiting
   * @throws OperationalError if a new connection cannot be opened (as {@link Jctds#connect})
   */
  public Connection borrow() {
    long start = System.nanoTime();
    while (true) {
      Pooled p = take(start);
      if (p == null) {
        return lease(open());
      }
      if (usable(p)) {
        return lease(p);
      }
      retire(p, true);
    }
  }

  /** An idle connection (now borrowed), or null when the caller is to open one (now opening). */
  private Pooled take(long start) {
    List<Pooled> expired = new ArrayList<>();
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw new InterfaceError("the connection pool is closed");
        }
        evict(expired);
        Pooled p = idle.pollFirst();
        if (p != null) {
          borrowed.add(p);
          return p;
        }
        if (!block || borrowed.size() + opening < maxSize) {
          opening++;
          return null;
        }
        awaitFree(start);
      }
    } finally {
      lock.unlock();
      closeAll(expired);
    }
  }

  /** Waits (lock held) until something changes, or throws when the borrow timeout has passed. */
  private void awaitFree(long start) {
    long left =
        borrowTimeout == null
            ? Long.MAX_VALUE
            : borrowTimeout.toNanos() - (System.nanoTime() - start);
    if (left <= 0) {
      timeouts++;
      throw new PoolTimeoutError(
          "no pooled connection became free within "
              + borrowTimeout
              + ": all "
              + maxSize
              + " (maxSize, block) are borrowed; return connections sooner (close()), or raise"
              + " maxSize or borrowTimeout");
    }
    waiting++;
    try {
      changed.awaitNanos(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterfaceError("interrupted while waiting for a pooled connection", null, e);
    } finally {
      waiting--;
    }
  }

  /** Opens a connection for a borrower (counted in {@code opening} by {@link #take}). */
  private Pooled open() {
    Pooled p = null;
    try {
      p = new Pooled(Jctds.connect(server, options).session(), clock.getAsLong());
    } finally {
      if (p == null) {
        lock.lock();
        try {
          opening--;
          changed.signalAll(); // a waiter may open one instead
        } finally {
          lock.unlock();
        }
      }
    }
    boolean refused;
    lock.lock();
    try {
      opening--;
      created++;
      borrowed.add(p);
      refused = closed;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (refused) {
      retire(p, true);
      throw new InterfaceError("the connection pool was closed while a connection was opened");
    }
    return p;
  }

  /**
   * Whether an idle connection may be handed out: not past its lifetime, quiet (no unread bytes, no
   * end of stream: no round trip), and either used within the validation interval or answering one
   * round trip (which also completes its pending reset).
   */
  private boolean usable(Pooled p) {
    long now = clock.getAsLong();
    if (expired(p, now) || !p.session.isQuiet()) {
      return false;
    }
    if (now - p.lastUsed <= validationNanos) {
      return true;
    }
    try {
      p.session.ping(VALIDATION_LIMIT);
      p.lastUsed = clock.getAsLong();
      return true;
    } catch (RuntimeException e) {
      return false; // a JctdsException, or anything else: never hand it out
    }
  }

  private boolean expired(Pooled p, long now) {
    return maxLifetime != null && now - p.createdAt >= maxLifetime.toNanos();
  }

  private Connection lease(Pooled p) {
    return new Connection(
        p.session,
        options.paramstyle().orElse(ParamStyle.NUMERIC),
        options.autocommit().orElse(false),
        options.enableBcp().orElse(true),
        c -> release(p));
  }

  /** {@link Connection#close()} of a borrowed connection. */
  private void release(Pooled p) {
    putBack(p, prepare(p));
  }

  /** Returns a borrowed {@code p} to the idle list when {@code keep} and there is room. */
  private void putBack(Pooled p, boolean keep) {
    Pooled surplus = null;
    lock.lock();
    try {
      if (!borrowed.remove(p)) {
        return; // not borrowed (cannot happen: Connection returns once)
      }
      long now = clock.getAsLong();
      if (keep && !closed && !p.gone && !expired(p, now) && idle.size() < maxSize) {
        p.lastUsed = now;
        idle.addFirst(p);
      } else {
        surplus = p;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (surplus != null) {
      retire(surplus, false);
    }
  }

  /**
   * Readies a returned session for the next borrower: cancels a response left unread, restores the
   * options' query timeout and arms the reset for the next request. When the server reported a
   * transaction open, that request is made now (a ROLLBACK with the reset bit and the setup) so the
   * idle connection holds no locks. False when the session is broken.
   */
  private static boolean prepare(Pooled p) {
    Session s = p.session;
    if (s.isClosed()) {
      return false;
    }
    try {
      if (s.busy()) {
        s.cancel(); // read on to the acknowledgement by resetOnNextRequest
      }
      s.timeout(p.timeout, p.timeoutOrigin);
      s.resetOnNextRequest();
      if (s.inTransaction()) {
        s.run("IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION");
      }
      return !s.isClosed();
    } catch (RuntimeException e) {
      return false; // the session is closed by retire: the borrower's close() must not fail
    }
  }

  /** Closes {@code p} and counts it destroyed (once); {@code borrowed}: it was taken. */
  private void retire(Pooled p, boolean wasBorrowed) {
    lock.lock();
    try {
      if (wasBorrowed) {
        borrowed.remove(p);
      }
      count(p);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    p.session.close();
  }

  /** Counts {@code p} destroyed unless it was (lock held). */
  private void count(Pooled p) {
    if (!p.gone) {
      p.gone = true;
      destroyed++;
    }
  }

  /**
   * Moves the idle connections past their lifetime, or idle longer than idleTtl beyond the first
   * minIdle, to {@code out} (lock held; the caller closes them without the lock).
   */
  private void evict(List<Pooled> out) {
    if (idle.isEmpty() || (idleTtl == null && maxLifetime == null)) {
      return;
    }
    long now = clock.getAsLong();
    Iterator<Pooled> oldest = idle.descendingIterator();
    while (oldest.hasNext()) {
      Pooled p = oldest.next();
      boolean stale = idleTtl != null && now - p.lastUsed >= idleTtl.toNanos();
      if (expired(p, now) || (stale && idle.size() > minIdle)) {
        oldest.remove();
        count(p);
        out.add(p);
      }
    }
    if (!out.isEmpty()) {
      changed.signalAll();
    }
  }

  private static void closeAll(List<Pooled> sessions) {
    for (Pooled p : sessions) {
      p.session.close();
    }
  }

  /**
   * Closes the idle connections that expired (idleTtl beyond minIdle, maxLifetime) and opens
   * connections until minIdle are idle (within maxSize when blocking). The pool does this itself
   * only when borrowing; call this from a scheduler to keep minIdle warm.
   *
   * @throws OperationalError if a connection cannot be opened
   */
  public void maintain() {
    List<Pooled> expired = new ArrayList<>();
    lock.lock();
    try {
      evict(expired);
    } finally {
      lock.unlock();
      closeAll(expired);
    }
    while (true) {
      lock.lock();
      try {
        if (closed
            || idle.size() + opening >= minIdle
            || (block && borrowed.size() + idle.size() + opening >= maxSize)) {
          return;
        }
        opening++;
      } finally {
        lock.unlock();
      }
      putBack(open(), true); // a new session needs no reset
    }
  }

  /** The pool's counters now. */
  public PoolStats stats() {
    lock.lock();
    try {
      return new PoolStats(borrowed.size(), idle.size(), waiting, created, destroyed, timeouts);
    } finally {
      lock.unlock();
    }
  }

  /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_WAIT} (30 seconds). */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_WAIT);
  }

  /**
   * Closes the pool: idle connections at once; borrowed ones as they are returned, waiting up to
   * {@code wait} for them, then closes those still borrowed (their borrowers get errors). Borrowing
   * afterwards throws {@link InterfaceError}; waiting borrowers get it too. Closing twice only
   * waits again.
   */
  public void close(Duration wait) {
    List<Pooled> toClose = new ArrayList<>();
    lock.lock();
    try {
      closed = true;
      for (Pooled p : idle) {
        count(p);
        toClose.add(p);
      }
      idle.clear();
      changed.signalAll();
      long left = wait.toNanos();
      while ((!borrowed.isEmpty() || opening > 0) && left > 0) {
        left = changed.awaitNanos(left);
      }
      for (Pooled p : borrowed) {
        count(p);
        toClose.add(p);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
      closeAll(toClose);
    }
  }

  /** Whether {@link #close} was called. */
  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "ConnectionPool[" + server + ", " + stats() + "]";
  }

  /** Settings of a {@link ConnectionPool}; each has k-cTDS's or HikariCP's default. */
  public static final class Builder {
    private final String server;
    private final ConnectOptions options;
    private int maxSize = Integer.MAX_VALUE;
    private boolean block;
    private Duration idleTtl;
    private Duration borrowTimeout = DEFAULT_BORROW_TIMEOUT;
    private int minIdle;
    private Duration maxLifetime;
    private Duration validationInterval = DEFAULT_VALIDATION_INTERVAL;
    private LongSupplier clock = System::nanoTime;

    private Builder(String server, ConnectOptions options) {
      this.server = server;
      this.options = options;
    }

    /**
     * k-cTDS's {@code maxsize}: the most connections the pool keeps idle; with {@link
     * #block(boolean) block(true)} also the most it opens at once (borrowed plus idle). Default: no
     * limit.
     */
    public Builder maxSize(int maxSize) {
      if (maxSize < 1) {
        throw new InterfaceError("maxSize must be at least 1, got " + maxSize);
      }
      this.maxSize = maxSize;
      return this;
    }

    /**
     * k-cTDS's {@code block}: when maxSize connections are borrowed, {@code true} makes {@link
     * #borrow()} wait (up to the borrow timeout) for one to come back; {@code false} (the default)
     * opens another one, which is closed on return if maxSize are already idle.
     */
    public Builder block(boolean block) {
      this.block = block;
      return this;
    }

    /**
     * k-cTDS's {@code idlettl}: an idle connection unused this long is closed (at the next borrow
     * or {@link #maintain()}), except the {@link #minIdle} most recently used. Default (null):
     * kept.
     */
    public Builder idleTtl(Duration idleTtl) {
      this.idleTtl = positiveOrNull(idleTtl, "idleTtl");
      return this;
    }

    /** How long {@link #borrow()} waits when blocking (null: for ever, as k-cTDS); default 30 s. */
    public Builder borrowTimeout(Duration borrowTimeout) {
      this.borrowTimeout = borrowTimeout == null ? null : nonNegative(borrowTimeout);
      return this;
    }

    /**
     * Idle connections kept despite idleTtl; {@link #build()} opens this many (failing if it
     * cannot) and {@link #maintain()} tops them up. Default 0.
     */
    public Builder minIdle(int minIdle) {
      if (minIdle < 0) {
        throw new InterfaceError("minIdle must not be negative, got " + minIdle);
      }
      this.minIdle = minIdle;
      return this;
    }

    /**
     * A connection older than this is closed when it is returned or found idle, never while
     * borrowed. Default (null): no limit.
     */
    public Builder maxLifetime(Duration maxLifetime) {
      this.maxLifetime = positiveOrNull(maxLifetime, "maxLifetime");
      return this;
    }

    /**
     * An idle connection used within this interval is handed out after the socket check alone; one
     * idle longer first answers a round trip. Default 5 s; zero validates every borrow.
     */
    public Builder validationInterval(Duration validationInterval) {
      this.validationInterval = nonNegative(Objects.requireNonNull(validationInterval));
      return this;
    }

    /** The clock (nanoseconds) that ages connections; for tests. */
    Builder clock(LongSupplier nanos) {
      this.clock = nanos;
      return this;
    }

    /**
     * The pool, with {@link #minIdle} connections opened.
     *
     * @throws OperationalError if one of them cannot be opened (none is left open)
     */
    public ConnectionPool build() {
      if (block && minIdle > maxSize) {
        throw new InterfaceError("minIdle " + minIdle + " exceeds maxSize " + maxSize);
      }
      ConnectionPool pool = new ConnectionPool(this);
      try {
        pool.maintain();
      } catch (RuntimeException e) {
        pool.close(Duration.ZERO);
        throw e;
      }
      return pool;
    }

    private static Duration positiveOrNull(Duration d, String name) {
      if (d != null && (d.isNegative() || d.isZero())) {
        throw new InterfaceError(name + " must be positive, got " + d);
      }
      return d;
    }

    private static Duration nonNegative(Duration d) {
      if (d.isNegative()) {
        throw new InterfaceError("a negative duration: " + d);
      }
      return d;
    }
  }
}
