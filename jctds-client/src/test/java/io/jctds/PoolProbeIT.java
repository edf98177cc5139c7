package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.OperationalError.Reason;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.SessionInfo;
import io.jctds.server.TdsServer;
import io.jctds.testkit.MessageRelay;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's check of an idle connection, which costs no round trip, seen from the wire through a
 * {@link MessageRelay} that records every message a client sends after login. Expected behaviour:
 * issue 11 ("a returned connection whose socket shows no EOF or unread bytes ... is handed out as
 * is"), Microsoft's "KILL" page (the killed session's connection is ended), and the JDK's
 * AbstractInterruptibleChannel documentation (an interrupt during blocking I/O closes the channel
 * and throws ClosedByInterruptException). No durations are asserted; @Timeout only stops a hang.
 */
class PoolProbeIT {
  private static TdsServer server;
  private static MessageRelay relay;
  private static TestWorld direct;
  private static TestWorld relayed;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("sa", "pw")
            .build()
            .start();
    relay = new MessageRelay(server.port());
    direct = new TestWorld(Files.createDirectories(dir.resolve("direct")));
    relayed = new TestWorld(Files.createDirectories(dir.resolve("relayed")));
  }

  @AfterAll
  static void stop() throws Exception {
    relay.close();
    server.close();
  }

  private static ConnectOptions directOptions() throws Exception {
    return direct
        .options(direct.conf(server.port(), "encryption = off"), "pw")
        .autocommit(true)
        .build();
  }

  private static ConnectOptions relayedOptions() {
    return relayed
        .options(relayed.conf(relay.port(), "encryption = off"), "pw")
        .autocommit(true)
        .build();
  }

  private static int selectOne(Connection c, String sql) {
    try (Cursor cur = c.cursor()) {
      cur.execute(sql);
      return cur.fetchOne().getInt(0);
    }
  }

  /** The messages the relay recorded on its {@code connection}-th client connection. */
  private static List<MessageRelay.Sent> sentOn(int connection) {
    return relay.sent().stream().filter(s -> s.connection() == connection).toList();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aHealthyConnectionIsHandedOutWithNothingSentAndAKilledOneIsReplacedWithNothingSent()
      throws Exception {
    AtomicLong now = new AtomicLong(); // the clock stands still: always within validationInterval
    try (ConnectionPool pool =
            ConnectionPool.builder("rogue", relayedOptions()).clock(now::get).build();
        Connection killer = Jctds.connect("rogue", directOptions())) {
      int victim;
      try (Connection c = pool.borrow()) {
        victim = c.spid();
        assertThat(selectOne(c, "SELECT 11")).isEqualTo(11);
      }
      int first = 0; // only this test connects through the relay
      int sentBefore = sentOn(first).size();
      for (int i = 0; i < 3; i++) { // borrow and return, nothing used: the check sends nothing
        try (Connection c = pool.borrow()) {
          assertThat(c.spid()).isEqualTo(victim);
        }
      }
      assertThat(sentOn(first)).hasSize(sentBefore);
      try (Connection c = pool.borrow()) { // and consumed nothing: the next answer is whole
        assertThat(selectOne(c, "SELECT 12")).isEqualTo(12);
      }
      assertThat(sentOn(first)).hasSize(sentBefore + 1);
      assertThat(sentOn(first).get(sentBefore).sql()).endsWith("SELECT 12");

      killer.cursor().execute("KILL " + victim);
      // the server closed the victim's socket; the relay passes the end of stream on (one hop
      // more than without it): the pool can only see an end of stream that has arrived
      assertThat(relay.awaitClosed(first, 30, TimeUnit.SECONDS)).isTrue();
      try (Connection c = pool.borrow()) {
        assertThat(selectOne(c, "SELECT 13")).isEqualTo(13);
      }
      // nothing went to the killed connection: its end of stream was seen without a round trip
      assertThat(sentOn(first)).hasSize(sentBefore + 1);
      PoolStats s = pool.stats();
      assertThat(s.created()).isEqualTo(2);
      assertThat(s.destroyed()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aThreadInterruptedWhileWaitingForAResultClosesItsConnectionAndThePoolReplacesIt()
      throws Exception {
    // a session of another test (KILLed) may still be ending under the same spid: numReads must
    // count this connection's packets
    assertThat(server.awaitSessionCount(0, Duration.ofSeconds(30))).isTrue();
    try (ConnectionPool pool = ConnectionPool.builder("rogue", directOptions()).build()) {
      Connection c = pool.borrow();
      try { // a failed assertion must not leave c borrowed: pool.close() would wait 30 s
        int spid = c.spid();
        long readsBefore = numReads(spid);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread waiter =
            new Thread(
                () -> {
                  try (Cursor cur = c.cursor()) {
                    cur.execute("WAITFOR DELAY '00:00:30'; SELECT 1");
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                  stillInterrupted.set(Thread.currentThread().isInterrupted());
                });
        waiter.start();
        while (numReads(spid) == readsBefore) { // the server has the request: WAITFOR is running
          Thread.sleep(5);
        }
        waiter.interrupt();
        waiter.join();
        assertThat(failure.get())
            .isInstanceOfSatisfying(
                OperationalError.class,
                e -> {
                  assertThat(e.reason())
                      .as("%s, caused by %s", e, e.getCause())
                      .isEqualTo(Reason.CONNECTION_BROKEN);
                  assertThat(e.isConnectionBroken()).isTrue();
                  assertThat(e.getMessage()).contains("interrupted", "Cursor.cancel()");
                })
            .hasCauseInstanceOf(ClosedByInterruptException.class);
        assertThat(stillInterrupted.get()).isTrue();
        assertThatThrownBy(() -> selectOne(c, "SELECT 2")).isInstanceOf(JctdsException.class);
      } finally {
        c.close(); // back to the pool, which must not keep it
      }
      assertThat(pool.stats().idle()).isZero();
      assertThat(pool.stats().destroyed()).isEqualTo(1);
      assertThat(server.awaitSessionCount(0, Duration.ofSeconds(30))).isTrue(); // ended there too
      try (Connection next = pool.borrow()) {
        assertThat(selectOne(next, "SELECT 3")).isEqualTo(3);
      }
    }
  }

  @Test
  void aLoginByAnInterruptedThreadFailsSayingSoAndLeavesNoSession() throws Exception {
    ConnectOptions o = directOptions();
    assertThat(server.awaitSessionCount(0, Duration.ofSeconds(30))).isTrue();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Jctds.connect("rogue", o))
          .isInstanceOfSatisfying(
              OperationalError.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.CONNECTION_BROKEN);
                assertThat(e.getMessage()).contains("interrupted");
              })
          .hasCauseInstanceOf(ClosedByInterruptException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(server.awaitSessionCount(0, Duration.ofSeconds(30))).isTrue();
  }

  private static long numReads(int spid) {
    return server.sessions().stream()
        .filter(s -> s.spid() == spid)
        .mapToLong(SessionInfo::numReads)
        .findFirst()
        .orElse(-1);
  }
}
