package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.server.sql.EngineSession;
import io.jctds.server.sql.ResultSink;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cancel (the endpoint's answer to an ATTENTION) stops the running request wherever it is —
 * WAITFOR, a loop, a result being streamed, a statement H2 runs, a lock wait — without an error
 * message, past TRY ... CATCH, and leaves the session usable with its transaction open; under SET
 * XACT_ABORT ON the transaction is rolled back. SQL Server's behaviour: "TRY...CATCH
 * (Transact-SQL)" lists attentions among the events a CATCH block does not handle; "SET XACT_ABORT
 * (Transact-SQL)" and the answers on dba.stackexchange.com/questions/10912 (a client timeout leaves
 * the transaction and its locks in place unless XACT_ABORT is ON). Each waiting batch would run a
 * minute without the cancel: the class timeout turns such a regression into a failure.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancelTest extends EngineTest {

  /** Runs {@code sql} on a thread of its own, like the endpoint's session thread. */
  private static final class Request {
    final RecordingSink sink = new RecordingSink();
    final Thread thread;

    Request(EngineSession session, String sql) {
      thread = new Thread(() -> session.execute(sql, sink));
      thread.start();
    }

    /** Waits until the request sleeps (WAITFOR, or H2 waiting for a lock). */
    void awaitWaiting() {
      while (thread.getState() != Thread.State.TIMED_WAITING
          && thread.getState() != Thread.State.WAITING
          && thread.isAlive()) {
        Thread.onSpinWait();
      }
    }

    RecordingSink join() throws InterruptedException {
      thread.join();
      return sink;
    }
  }

  /** A sink that records into {@code recorded} and runs a hook on each message or row. */
  private static final class Hooked implements ResultSink {
    final RecordingSink recorded = new RecordingSink();
    private final Runnable onMessage;
    private final Runnable onRow;

    Hooked(Runnable onMessage, Runnable onRow) {
      this.onMessage = onMessage;
      this.onRow = onRow;
    }

    @Override
    public void columns(ColMetadata metadata) {
      recorded.columns(metadata);
    }

    @Override
    public void row(RowWriter values) {
      recorded.row(values);
      onRow.run();
    }

    @Override
    public void message(ServerMessage message) {
      recorded.message(message);
      onMessage.run();
    }

    @Override
    public void envChange(EnvChange change) {
      recorded.envChange(change);
    }

    @Override
    public void done(int status, int curCmd, long rowCount) {
      recorded.done(status, curCmd, rowCount);
    }
  }

  @Test
  void waitForWakesUpAndTheBatchEndsWithoutAnError() throws InterruptedException {
    Request r = new Request(session, "WAITFOR DELAY '00:01:00'\nPRINT 'after'");
    r.awaitWaiting();
    session.cancel();
    RecordingSink s = r.join();
    assertThat(s.events).isEmpty(); // no DONE for the WAITFOR, no error, nothing after it
    session.clearCancel();
    assertThat(scalar("SELECT 1")).isEqualTo(1);
  }

  @Test
  void aCancelledTransactionStaysOpen() throws InterruptedException {
    ok("CREATE TABLE kept (n int)");
    Request r =
        new Request(session, "BEGIN TRAN\nINSERT INTO kept VALUES (1)\nWAITFOR DELAY '00:01:00'");
    r.awaitWaiting();
    session.cancel();
    assertThat(r.join().errors()).isEmpty();
    session.clearCancel();
    assertThat(scalar("SELECT @@TRANCOUNT")).isEqualTo(1);
    assertThat(scalar("SELECT COUNT(*) FROM kept")).isEqualTo(1);
    ok("ROLLBACK");
  }

  @Test
  void xactAbortRollsTheCancelledTransactionBack() throws InterruptedException {
    ok("CREATE TABLE undone (n int)");
    Request r =
        new Request(
            session,
            "SET XACT_ABORT ON\nBEGIN TRAN\nINSERT INTO undone VALUES (1)\n"
                + "WAITFOR DELAY '00:01:00'");
    r.awaitWaiting();
    session.cancel();
    RecordingSink s = r.join();
    assertThat(s.errors()).isEmpty();
    assertThat(s.envChanges())
        .extracting(EnvChange::changeType)
        .containsExactly(EnvChange.BEGIN_TRAN, EnvChange.ROLLBACK_TRAN);
    session.clearCancel();
    assertThat(scalar("SELECT @@TRANCOUNT")).isEqualTo(0);
    assertThat(scalar("SELECT COUNT(*) FROM undone")).isEqualTo(0);
  }

  @Test
  void catchDoesNotSeeACancel() throws InterruptedException {
    Request r =
        new Request(
            session,
            "BEGIN TRY\nWAITFOR DELAY '00:01:00'\nEND TRY\nBEGIN CATCH\nPRINT 'caught'\n"
                + "END CATCH\nPRINT 'after'");
    r.awaitWaiting();
    session.cancel();
    assertThat(r.join().events).isEmpty();
  }

  @Test
  void anEndlessLoopStops() throws InterruptedException {
    CountDownLatch looping = new CountDownLatch(1);
    Hooked hooked = new Hooked(looping::countDown, () -> {});
    RecordingSink sink = hooked.recorded;
    Thread t =
        new Thread(
            () ->
                session.execute(
                    "DECLARE @i int = 0\nWHILE 1 = 1\nBEGIN\nSET @i += 1\n"
                        + "IF @i = 10 PRINT 'looping'\nEND",
                    hooked));
    t.start();
    looping.await();
    session.cancel();
    t.join();
    assertThat(sink.errors()).isEmpty();
    assertThat(sink.infos()).extracting(ServerMessage::message).containsExactly("looping");
  }

  @Test
  void aStreamedResultStopsAfterTheRowsSent() {
    ok("CREATE TABLE digits (d int)");
    ok("INSERT INTO digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
    int[] rows = {0};
    Hooked hooked =
        new Hooked(
            () -> {},
            () -> {
              if (++rows[0] == 3) {
                session.cancel(); // as the reader thread would, here on the same thread
              }
            });
    RecordingSink sink = hooked.recorded;
    // 10^8 rows: without the cancel the test would time out
    session.execute(
        "SELECT a.d FROM digits a CROSS JOIN digits b CROSS JOIN digits c CROSS JOIN digits d"
            + " CROSS JOIN digits e CROSS JOIN digits f CROSS JOIN digits g CROSS JOIN digits h\n"
            + "PRINT 'after'",
        hooked);
    assertThat(sink.rows()).hasSize(3);
    assertThat(sink.errors()).isEmpty();
    assertThat(sink.infos()).isEmpty();
    assertThat(sink.dones()).isEmpty();
    session.clearCancel();
    assertThat(scalar("SELECT COUNT(*) FROM digits")).isEqualTo(10);
  }

  @Test
  void aStatementH2RunsIsCancelled() throws InterruptedException {
    ok("CREATE TABLE ten (d int)");
    ok("INSERT INTO ten VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
    CountDownLatch started = new CountDownLatch(1);
    Hooked hooked = new Hooked(started::countDown, () -> {});
    RecordingSink sink = hooked.recorded;
    // one H2 statement counting 10^10 rows: cancelled before it starts or while H2 runs it
    Thread t =
        new Thread(
            () ->
                session.execute(
                    "PRINT 'counting'\nSELECT COUNT_BIG(*) FROM ten a, ten b, ten c, ten d,"
                        + " ten e, ten f, ten g, ten h, ten i, ten j",
                    hooked));
    t.start();
    started.await();
    session.cancel();
    t.join();
    assertThat(sink.errors()).isEmpty();
    assertThat(sink.rows()).isEmpty();
  }

  @Test
  void aLockWaitEnds() throws InterruptedException {
    ok("CREATE TABLE contended (id int PRIMARY KEY, v int)");
    ok("INSERT INTO contended VALUES (1, 0)");
    EngineSession other = engine.open(new TestSession(58));
    try {
      ok("BEGIN TRAN\nUPDATE contended SET v = 1 WHERE id = 1");
      Request r = new Request(other, "UPDATE contended SET v = 2 WHERE id = 1\nPRINT 'after'");
      r.awaitWaiting(); // H2 waits for the row lock, which this session holds
      other.cancel();
      RecordingSink s = r.join();
      assertThat(s.errors()).isEmpty(); // no 1222: the lock wait had no timeout
      assertThat(s.infos()).isEmpty();
      ok("COMMIT");
      other.clearCancel();
      RecordingSink check = new RecordingSink();
      other.execute("SELECT v FROM contended", check);
      assertThat(check.rows()).containsExactly(List.of(1));
    } finally {
      other.close();
    }
  }

  @Test
  void aCancelIsForgottenBeforeTheNextRequest() {
    session.cancel();
    assertThat(run("SELECT 1").rows()).isEmpty(); // still in force: the batch stops at once
    session.clearCancel();
    assertThat(scalar("SELECT 2")).isEqualTo(2);
  }
}
