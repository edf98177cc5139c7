package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.OperationalError.Reason;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.tls.EncryptionReport.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cancel and query timeout against the embedded server, which acknowledges an ATTENTION as [MS-TDS]
 * 2.2.1.7 and 3.2.5.1 describe (a DONE with the attention bit, after the cancelled request's
 * response). No durations are asserted; the @Timeout only stops a hung test.
 */
class CancelFlowIT {
  private static TdsServer server;
  private static TdsServer tlsServer;

  @BeforeAll
  static void start() {
    server = FlowServer.start();
    tlsServer = FlowServer.start(EncryptionPolicy.REQUIRED);
  }

  @AfterAll
  static void stop() {
    server.close();
    tlsServer.close();
  }

  @Test
  @Timeout(value = 50, unit = TimeUnit.SECONDS)
  void cancelOverTlsWhileTheReaderWaits() throws Exception {
    try (Connection conn = FlowServer.connect(tlsServer);
        Cursor c = conn.cursor()) {
      assertThat(conn.encryption().level()).isEqualTo(Level.FULL);
      AtomicBoolean stop = new AtomicBoolean();
      Thread canceller = new Thread(() -> cancelUntilStopped(c, stop));
      canceller.start();
      try {
        assertThatThrownBy(() -> c.execute("WAITFOR DELAY '00:01:00'"))
            .isInstanceOf(QueryCancelledError.class);
      } finally {
        stop.set(true); // not an interrupt: one landing in cancel()'s write closes the channel
        canceller.join();
      }
      c.execute("SELECT 45");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(45);
    }
  }

  private static void cancelUntilStopped(Cursor c, AtomicBoolean stop) {
    // cancel() is a no-op until the request is in flight: repeat until it lands
    while (!stop.get()) {
      c.cancel();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Test
  @Timeout(value = 50, unit = TimeUnit.SECONDS)
  void cancelFromAnotherThreadRaisesQueryCancelledAndTheConnectionStaysUsable() throws Exception {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      CountDownLatch started = new CountDownLatch(1);
      AtomicBoolean stop = new AtomicBoolean();
      Thread canceller =
          new Thread(
              () -> {
                try {
                  started.await();
                  // cancel() is a no-op until the request is in flight: repeat until it lands
                  while (!stop.get()) {
                    c.cancel();
                    Thread.sleep(50);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      canceller.start();
      try {
        started.countDown();
        assertThatThrownBy(() -> c.execute("SELECT 1; WAITFOR DELAY '00:01:00'; SELECT 2"))
            .isInstanceOfSatisfying(
                QueryCancelledError.class,
                e -> {
                  assertThat(e.reason()).isEqualTo(Reason.QUERY_CANCELLED);
                  assertThat(e.isConnectionBroken()).isFalse();
                });
      } finally {
        stop.set(true);
        canceller.join();
      }
      c.execute("SELECT 42");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(42);
    }
  }

  @Test
  @Timeout(value = 50, unit = TimeUnit.SECONDS)
  void cancelWithNoRequestInFlightDoesNothing() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute("SELECT 1");
      assertThat(c.fetchAll()).hasSize(1);
      assertThat(c.nextSet()).isFalse();
      c.cancel();
      c.execute("SELECT 43");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(43);
    }
  }

  @Test
  @Timeout(value = 50, unit = TimeUnit.SECONDS)
  void queryTimeoutCancelsAndTheConnectionStaysUsable() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      conn.timeout(Duration.ofSeconds(1));
      assertThatThrownBy(() -> c.execute("WAITFOR DELAY '00:01:00'"))
          .isInstanceOfSatisfying(
              QueryTimeoutError.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.QUERY_TIMEOUT);
                assertThat(e.isConnectionBroken()).isFalse();
              });
      conn.timeout(null);
      c.execute("SELECT 44");
      assertThat(c.fetchOne().getInt(0)).isEqualTo(44);
    }
  }
}
