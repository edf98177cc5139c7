package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConnectionPool} against the embedded server. Expected behaviour comes from k-cTDS's pool
 * documentation (zillow.github.io/ctds/pool.html: idlettl, maxsize, block), [MS-TDS] 2.2.3.1.2
 * (RESETCONNECTION: "Reset this connection before processing event"), Microsoft's "@@OPTIONS" page
 * (IMPLICIT_TRANSACTIONS is bit 2) and "KILL" page (the session's connection is ended).
 */
class ConnectionPoolIT {
  private static TdsServer server;
  private static Path conf;
  private static TestWorld world;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("sa", "pw")
            .database("shop")
            .build()
            .start();
    world = new TestWorld(dir);
    conf = world.conf(server.port(), "encryption = off");
    try (Connection c = Jctds.connect("rogue", options().autocommit(true).build());
        Cursor cur = c.cursor()) {
      cur.execute("CREATE TABLE dbo.items (id INT PRIMARY KEY)");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The options every pool uses: database shop, autocommit off (k-cTDS's default). */
  static ConnectOptions.Builder options() {
    return world.options(conf, "pw").database("shop");
  }

  static ConnectionPool.Builder pool() {
    return ConnectionPool.builder("rogue", options().build());
  }

  static Object one(Connection c, String sql) {
    try (Cursor cur = c.cursor()) {
      cur.execute(sql);
      return cur.fetchOne().get(0);
    }
  }

  @Test
  void closeReturnsTheSessionAndRetiresTheConnectionObject() {
    try (ConnectionPool pool = pool().build()) {
      Connection first = pool.borrow();
      Cursor old = first.cursor();
      int spid = first.spid();
      first.close();
      assertThat(first.isClosed()).isTrue();
      assertThatThrownBy(first::cursor).isInstanceOf(InterfaceError.class);
      assertThatThrownBy(() -> old.execute("SELECT 1")).isInstanceOf(InterfaceError.class);
      first.close(); // closing twice returns nothing twice
      try (Connection second = pool.borrow()) {
        assertThat(second).isNotSameAs(first);
        assertThat(second.spid()).isEqualTo(spid);
        assertThat(one(second, "SELECT 7")).isEqualTo(7);
        assertThat(first.isClosed()).isTrue();
      }
      assertThat(pool.stats()).isEqualTo(new PoolStats(0, 1, 0, 1, 0, 0));
    }
  }

  @Test
  void theNextBorrowerFindsNoTempTableNoTransactionAndTheLoginSettings() {
    try (ConnectionPool pool = pool().build()) {
      int spid;
      try (Connection c = pool.borrow();
          Cursor cur = c.cursor()) {
        spid = c.spid();
        cur.execute("CREATE TABLE #scratch (x INT)");
        cur.execute("INSERT INTO dbo.items VALUES (1)"); // opens a transaction (autocommit off)
        cur.execute("SET IMPLICIT_TRANSACTIONS OFF");
        c.use("master");
        c.timeout(Duration.ofSeconds(99));
        assertThat(c.database()).isEqualTo("master");
      }
      try (Connection c = pool.borrow();
          Cursor cur = c.cursor()) {
        assertThat(c.spid()).isEqualTo(spid); // the same session, reset
        assertThat(c.database()).isEqualTo("shop");
        assertThat(c.timeout()).isEmpty();
        assertThat(c.autocommit()).isFalse();
        cur.execute(
            "SELECT OBJECT_ID('tempdb..#scratch'), @@TRANCOUNT, DB_NAME(), @@OPTIONS & 2,"
                + " (SELECT COUNT(*) FROM dbo.items)");
        Row r = cur.fetchOne();
        assertThat(r.get(0)).isNull();
        assertThat(r.get(1)).isEqualTo(0);
        assertThat(r.get(2)).isEqualTo("shop");
        assertThat(r.get(3)).isEqualTo(2); // IMPLICIT_TRANSACTIONS ON again: autocommit off
        assertThat(r.get(4)).isEqualTo(0); // the insert was rolled back
      }
    }
  }

  @Test
  void theResetRidesOnTheNextBatchWhenNoTransactionWasLeftOpen() {
    try (ConnectionPool pool =
        ConnectionPool.builder("rogue", options().autocommit(true).build()).build()) {
      try (Connection c = pool.borrow();
          Cursor cur = c.cursor()) {
        cur.execute("CREATE TABLE #lazy (x INT)");
        cur.execute("SET IMPLICIT_TRANSACTIONS ON");
      }
      try (Connection c = pool.borrow();
          Cursor cur = c.cursor()) {
        assertThat(c.autocommit()).isTrue();
        cur.execute("SELECT OBJECT_ID('tempdb..#lazy'), @@OPTIONS & 2, @@TRANCOUNT");
        Row r = cur.fetchOne();
        assertThat(r.get(0)).isNull();
        assertThat(r.get(1)).isEqualTo(0); // IMPLICIT_TRANSACTIONS OFF: autocommit on
        assertThat(r.get(2)).isEqualTo(0);
        assertThat(cur.description()).hasSize(3);
        assertThat(cur.nextSet()).isFalse();
      }
    }
  }

  @Test
  void aTempTableIsGoneWhenTheResetRidesOnAnRpc() {
    try (ConnectionPool pool = pool().build()) {
      try (Connection c = pool.borrow();
          Cursor cur = c.cursor()) {
        cur.execute("CREATE TABLE #left (x INT)");
        cur.execute("SET IMPLICIT_TRANSACTIONS OFF");
        c.commit();
      }
      try (Connection c = pool.borrow();
          Cursor cur = c.cursor()) {
        cur.execute("SELECT OBJECT_ID('tempdb..#left'), @@OPTIONS & :0", 2);
        Row r = cur.fetchOne();
        assertThat(r.get(0)).isNull();
        assertThat(r.get(1)).isEqualTo(2);
      }
    }
  }

  @Test
  void aBatchThatMustComeFirstStillRunsAfterAReset() {
    try (ConnectionPool pool = pool().build()) {
      try (Connection c = pool.borrow();
          Cursor cur = c.cursor()) {
        cur.execute("SET IMPLICIT_TRANSACTIONS OFF");
      }
      try (Connection c = pool.borrow();
          Cursor cur = c.cursor()) {
        cur.execute("/* first */ CREATE PROCEDURE dbo.first_in_batch AS SELECT 5");
        cur.execute("EXEC dbo.first_in_batch");
        assertThat(cur.fetchOne().get(0)).isEqualTo(5);
        assertThat(one(c, "SELECT @@OPTIONS & 2")).isEqualTo(2);
        c.rollback();
      }
    }
  }

  @Test
  void aConnectionKilledWhileIdleIsReplacedWithoutARoundTrip() {
    AtomicLong now = new AtomicLong();
    try (ConnectionPool pool = pool().clock(now::get).build();
        Connection killer = Jctds.connect("rogue", options().autocommit(true).build())) {
      int victim;
      try (Connection c = pool.borrow()) {
        victim = c.spid();
      }
      killer.cursor().execute("KILL " + victim);
      // the clock did not move: used within validationInterval, so only the socket check runs;
      // a killed session handed out would fail here (spids are reused, so they prove nothing)
      try (Connection c = pool.borrow()) {
        assertThat(one(c, "SELECT 1")).isEqualTo(1);
      }
      PoolStats s = pool.stats();
      assertThat(s.created()).isEqualTo(2);
      assertThat(s.destroyed()).isEqualTo(1);
      assertThat(s.idle()).isEqualTo(1);
    }
  }

  @Test
  void aKilledConnectionIsReplacedUnderTlsToo() throws Exception {
    try (TdsServer tls =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.REQUIRED)
            .user("sa", "pw")
            .build()
            .start()) {
      TestWorld own = new TestWorld(java.nio.file.Files.createDirectories(dir.resolve("tls")));
      Path ca = tls.writeTrustedCertificate(own.dir.resolve("ca.pem"));
      Path file = own.conf(tls.port(), "encryption = require", "ca file = " + ca);
      ConnectOptions o = own.options(file, "pw").autocommit(true).build();
      try (ConnectionPool pool = ConnectionPool.builder("rogue", o).build();
          Connection killer = Jctds.connect("rogue", o)) {
        int victim;
        try (Connection c = pool.borrow()) {
          assertThat(
                  one(
                      c,
                      "SELECT encrypt_option FROM sys.dm_exec_connections"
                          + " WHERE session_id = @@SPID"))
              .isEqualTo("TRUE");
          victim = c.spid();
        }
        killer.cursor().execute("KILL " + victim);
        try (Connection c = pool.borrow()) {
          assertThat(one(c, "SELECT 1")).isEqualTo(1);
        }
        assertThat(pool.stats().destroyed()).isEqualTo(1);
      }
    }
  }

  @Test
  void aConnectionIdlePastTheValidationIntervalIsCheckedWithARoundTrip() {
    AtomicLong now = new AtomicLong();
    try (ConnectionPool pool =
        pool().clock(now::get).validationInterval(Duration.ofSeconds(5)).build()) {
      int spid;
      try (Connection c = pool.borrow()) {
        spid = c.spid();
        c.cursor().execute("CREATE TABLE #gone (x INT)");
      }
      now.addAndGet(Duration.ofSeconds(6).toNanos());
      try (Connection c = pool.borrow()) {
        assertThat(c.spid()).isEqualTo(spid);
        assertThat(one(c, "SELECT OBJECT_ID('tempdb..#gone')")).isNull();
      }
      assertThat(pool.stats().created()).isEqualTo(1);
    }
  }

  @Test
  void borrowTimesOutWithATypedErrorWhenBlockingAtMaxSize() {
    try (ConnectionPool pool = pool().maxSize(1).block(true).borrowTimeout(Duration.ZERO).build();
        Connection held = pool.borrow()) {
      assertThatThrownBy(pool::borrow)
          .isInstanceOf(PoolTimeoutError.class)
          .hasMessageContaining("maxSize")
          .satisfies(
              e ->
                  assertThat(((OperationalError) e).reason())
                      .isEqualTo(OperationalError.Reason.POOL_TIMEOUT));
      assertThat(pool.stats().timeouts()).isEqualTo(1);
      assertThat(held.spid()).isPositive();
    }
  }

  @Test
  void aBlockedBorrowerGetsTheReturnedConnection() throws Exception {
    try (ConnectionPool pool = pool().maxSize(1).block(true).borrowTimeout(null).build()) {
      Connection held = pool.borrow();
      int spid = held.spid();
      int[] got = new int[1];
      Thread waiter =
          new Thread(
              () -> {
                try (Connection c = pool.borrow()) {
                  got[0] = c.spid();
                }
              });
      waiter.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (pool.stats().waiting() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(pool.stats().waiting()).isEqualTo(1);
      held.close();
      waiter.join(Duration.ofSeconds(60).toMillis());
      assertThat(waiter.isAlive()).isFalse();
      assertThat(got[0]).isEqualTo(spid);
      assertThat(pool.stats().created()).isEqualTo(1);
    }
  }

  @Test
  void withoutBlockMaxSizeOnlyCapsTheConnectionsKept() {
    try (ConnectionPool pool = pool().maxSize(1).build()) {
      Connection a = pool.borrow();
      Connection b = pool.borrow(); // k-cTDS: "a new connection will be created as needed"
      assertThat(a.spid()).isNotEqualTo(b.spid());
      a.close();
      b.close(); // "... never exceed maxsize": the second is closed
      assertThat(pool.stats()).isEqualTo(new PoolStats(0, 1, 0, 2, 1, 0));
    }
  }

  @Test
  void idleTtlClosesIdleConnectionsBeyondMinIdle() {
    AtomicLong now = new AtomicLong();
    try (ConnectionPool pool =
        pool().clock(now::get).idleTtl(Duration.ofMinutes(1)).minIdle(1).build()) {
      assertThat(pool.stats().idle()).isEqualTo(1); // build() opened minIdle
      Connection a = pool.borrow();
      Connection b = pool.borrow();
      a.close();
      now.addAndGet(Duration.ofSeconds(30).toNanos());
      b.close(); // b was used last
      now.addAndGet(Duration.ofSeconds(31).toNanos()); // a idle 61 s, b 31 s
      pool.maintain();
      assertThat(pool.stats()).isEqualTo(new PoolStats(0, 1, 0, 2, 1, 0));
      now.addAndGet(Duration.ofMinutes(5).toNanos()); // b idle too long, but it is minIdle's
      pool.maintain();
      assertThat(pool.stats().idle()).isEqualTo(1);
      assertThat(pool.stats().destroyed()).isEqualTo(1);
    }
  }

  @Test
  void maxLifetimeRetiresConnectionsOnReturnAndWhenIdle() {
    AtomicLong now = new AtomicLong();
    try (ConnectionPool pool = pool().clock(now::get).maxLifetime(Duration.ofMinutes(30)).build()) {
      pool.borrow().close();
      now.addAndGet(Duration.ofMinutes(31).toNanos());
      try (Connection c = pool.borrow()) {
        assertThat(pool.stats().created()).isEqualTo(2); // the idle one was too old
        assertThat(pool.stats().destroyed()).isEqualTo(1);
        now.addAndGet(Duration.ofMinutes(31).toNanos()); // expires while borrowed: still usable
        assertThat(one(c, "SELECT 3")).isEqualTo(3);
      }
      assertThat(pool.stats()).isEqualTo(new PoolStats(0, 0, 0, 2, 2, 0));
    }
  }

  @Test
  void aResponseLeftUnreadIsCancelledOnReturn() {
    try (ConnectionPool pool = pool().build()) {
      try (Connection c = pool.borrow()) {
        Cursor cur = c.cursor();
        cur.execute(
            "WITH n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                + " SELECT i FROM n OPTION (MAXRECURSION 0)");
        assertThat(cur.fetchOne().get(0)).isEqualTo(1);
      }
      try (Connection c = pool.borrow()) {
        assertThat(one(c, "SELECT 11")).isEqualTo(11);
      }
      assertThat(pool.stats().created()).isEqualTo(1);
    }
  }

  @Test
  void closingThePoolClosesBorrowedConnectionsAfterTheWait() {
    ConnectionPool pool = pool().build();
    Connection held = pool.borrow();
    pool.borrow().close();
    pool.close(Duration.ZERO);
    assertThat(held.isClosed()).isTrue();
    assertThatThrownBy(pool::borrow).isInstanceOf(InterfaceError.class);
    held.close();
    assertThat(pool.stats()).isEqualTo(new PoolStats(0, 0, 0, 2, 2, 0));
  }
}
