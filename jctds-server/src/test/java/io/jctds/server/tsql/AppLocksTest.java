package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ServerMessage;
import io.jctds.server.sql.EngineSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * sp_getapplock and sp_releaseapplock between two sessions: the return codes of "sp_getapplock
 * (Transact-SQL)" (0 granted, 1 granted after waiting, -1 timed out, -2 cancelled, -3 deadlock
 * victim, -999 a call error), the lock compatibility table of the "Transaction locking and row
 * versioning guide", the owners' lifetimes the page gives (a transaction's locks end with it, a
 * session's with the session), and the errors and messages of the "Database engine events and
 * errors" list.
 */
class AppLocksTest extends EngineTest {
  private TestSession otherTds;
  private EngineSession other;

  @BeforeEach
  void openOther() {
    otherTds = new TestSession(54);
    other = engine.open(otherTds);
  }

  @AfterEach
  void closeOther() {
    other.close();
  }

  private RecordingSink runOther(String sql) {
    RecordingSink sink = new RecordingSink(otherTds.version);
    other.execute(sql, sink);
    return sink;
  }

  private static String get(String resource, String mode, String owner, int timeout) {
    return "DECLARE @rc int; EXEC @rc = sp_getapplock @Resource = N'"
        + resource
        + "', @LockMode = '"
        + mode
        + "', @LockOwner = '"
        + owner
        + "', @LockTimeout = "
        + timeout
        + "; SELECT @rc";
  }

  private static String release(String resource, String owner) {
    return "DECLARE @rc int; EXEC @rc = sp_releaseapplock @Resource = N'"
        + resource
        + "', @LockOwner = '"
        + owner
        + "'; SELECT @rc";
  }

  /** The status a batch ending in SELECT @rc returned. */
  private static Object status(RecordingSink s) {
    return s.rows().get(s.rows().size() - 1).get(0);
  }

  @Test
  void compatibleModesShareAResourceAndIncompatibleOnesTimeOut() {
    assertThat(status(run(get("c1", "Shared", "Session", 0)))).isEqualTo(0);
    // Shared with Shared: compatible
    assertThat(status(runOther(get("c1", "Shared", "Session", 0)))).isEqualTo(0);
    // Exclusive with Shared: not; a time-out of 0 returns -1 at once
    assertThat(status(runOther(get("c1", "Exclusive", "Session", 0)))).isEqualTo(-1);
    assertThat(status(runOther(release("c1", "Session")))).isEqualTo(0);
    assertThat(status(run(release("c1", "Session")))).isEqualTo(0);
    assertThat(status(runOther(get("c1", "Exclusive", "Session", 0)))).isEqualTo(0);
    // IntentShared with Exclusive: not compatible either
    assertThat(status(run(get("c1", "IntentShared", "Session", 0)))).isEqualTo(-1);
  }

  @Test
  void twoRequestsHoldTheUnionOfTheirModesUntilBothAreReleased() {
    run("BEGIN TRAN");
    assertThat(status(run(get("u1", "Shared", "Transaction", 0)))).isEqualTo(0);
    assertThat(status(run(get("u1", "IntentExclusive", "Transaction", 0)))).isEqualTo(0);
    // Shared and IntentExclusive make SharedIntentExclusive: IntentShared may join it, Shared
    // may not
    assertThat(status(runOther(get("u1", "IntentShared", "Session", 0)))).isEqualTo(0);
    assertThat(status(runOther(get("u1", "Shared", "Session", 0)))).isEqualTo(-1);
    // "sp_releaseapplock must be called the same number of times"
    assertThat(status(run(release("u1", "Transaction")))).isEqualTo(0);
    assertThat(status(runOther(get("u1", "Shared", "Session", 0)))).isEqualTo(-1);
    assertThat(status(run(release("u1", "Transaction")))).isEqualTo(0);
    assertThat(status(runOther(get("u1", "Shared", "Session", 0)))).isEqualTo(0);
    run("COMMIT");
  }

  @Test
  void transactionLocksEndWithTheTransaction() {
    run("BEGIN TRAN");
    assertThat(status(run(get("t1", "Exclusive", "Transaction", 0)))).isEqualTo(0);
    assertThat(status(runOther(get("t1", "Exclusive", "Session", 0)))).isEqualTo(-1);
    run("COMMIT");
    assertThat(status(runOther(get("t1", "Exclusive", "Session", 0)))).isEqualTo(0);
    assertThat(status(runOther(release("t1", "Session")))).isEqualTo(0);
    run("BEGIN TRAN");
    assertThat(status(run(get("t1", "Update", "Transaction", 0)))).isEqualTo(0);
    run("ROLLBACK");
    assertThat(status(runOther(get("t1", "Exclusive", "Session", 0)))).isEqualTo(0);
  }

  @Test
  void sessionLocksEndWithTheSession() {
    assertThat(status(runOther(get("s1", "Exclusive", "Session", 0)))).isEqualTo(0);
    assertThat(status(run(get("s1", "Shared", "Session", 0)))).isEqualTo(-1);
    other.close();
    other = engine.open(otherTds = new TestSession(55));
    assertThat(status(run(get("s1", "Shared", "Session", 0)))).isEqualTo(0);
  }

  @Test
  void aWaitingRequestIsGrantedWhenTheLockIsReleased() throws Exception {
    assertThat(status(run(get("w1", "Exclusive", "Session", 0)))).isEqualTo(0);
    CompletableFuture<RecordingSink> waiting =
        CompletableFuture.supplyAsync(() -> runOther(get("w1", "Exclusive", "Session", -1)));
    awaitWaiting(54);
    assertThat(status(run(release("w1", "Session")))).isEqualTo(0);
    // 1: "granted successfully after waiting for other incompatible locks to be released"
    assertThat(status(waiting.get(30, TimeUnit.SECONDS))).isEqualTo(1);
  }

  @Test
  void aCancelledWaitReturnsMinusTwo() throws Exception {
    assertThat(status(run(get("x1", "Exclusive", "Session", 0)))).isEqualTo(0);
    CompletableFuture<RecordingSink> waiting =
        CompletableFuture.supplyAsync(
            () ->
                runOther(
                    "DECLARE @rc int; EXEC @rc = sp_getapplock 'x1', 'Shared', 'Session';"
                        + " SELECT @rc"));
    awaitWaiting(54);
    other.cancel();
    RecordingSink s = waiting.get(30, TimeUnit.SECONDS);
    // the cancel ends the batch; the lock was not granted
    assertThat(s.rows()).isEmpty();
    assertThat(
            engine
                .appLocks()
                .mode(new AppLockManager.Owner(54, false), AppLockManager.key(1, "public", "x1")))
        .isNull();
    assertThat(status(run(release("x1", "Session")))).isEqualTo(0);
  }

  @Test
  void aWaitThatClosesACycleIsTheDeadlockVictim() throws Exception {
    assertThat(status(run(get("d1", "Exclusive", "Session", 0)))).isEqualTo(0);
    assertThat(status(runOther(get("d2", "Exclusive", "Session", 0)))).isEqualTo(0);
    CompletableFuture<RecordingSink> waiting =
        CompletableFuture.supplyAsync(() -> runOther(get("d1", "Exclusive", "Session", -1)));
    awaitWaiting(54);
    // -3: "chosen as a deadlock victim"; the other request goes on waiting
    assertThat(status(run(get("d2", "Exclusive", "Session", -1)))).isEqualTo(-3);
    assertThat(status(run(release("d1", "Session")))).isEqualTo(0);
    assertThat(status(waiting.get(30, TimeUnit.SECONDS))).isEqualTo(1);
    runOther(release("d1", "Session") + "; " + release("d2", "Session"));
  }

  /** Waits until session {@code spid} waits for a lock (it has called Object.wait). */
  private static void awaitWaiting(int spid) throws InterruptedException {
    for (int i = 0; i < 6000 && !engine.appLocks().isWaiting(spid); i++) {
      Thread.sleep(5);
    }
    assertThat(engine.appLocks().isWaiting(spid)).as("session %d waits", spid).isTrue();
  }

  @Test
  void applockModeAndApplockTestAsTheirPagesExampleShows() {
    // User A
    run("BEGIN TRAN");
    RecordingSink a =
        ok(
            "DECLARE @result int; EXEC @result = sp_getapplock @DbPrincipal = 'public',"
                + " @Resource = 'Form1', @LockMode = 'Shared', @LockOwner = 'Transaction';"
                + " SELECT APPLOCK_MODE('public', 'Form1', 'Transaction')");
    assertThat(a.rows()).containsExactly(java.util.List.of("Shared"));
    // APPLOCK_MODE returns nvarchar(32), APPLOCK_TEST smallint
    assertThat(a.results().get(0).columns().get(0).typeInfo().sqlName()).isEqualTo("nvarchar(32)");
    // User B: NoLock; Shared grantable (1), Exclusive not (0)
    runOther("BEGIN TRAN");
    assertThat(status(runOther("SELECT APPLOCK_MODE('public', 'Form1', 'Transaction')")))
        .isEqualTo("NoLock");
    assertThat(status(runOther("SELECT APPLOCK_TEST('public', 'Form1', 'Shared', 'Transaction')")))
        .isEqualTo((short) 1);
    assertThat(
            status(runOther("SELECT APPLOCK_TEST('public', 'Form1', 'Exclusive', 'Transaction')")))
        .isEqualTo((short) 0);
    // User A releases; Exclusive is grantable
    ok("EXEC sp_releaseapplock @Resource = 'Form1', @DbPrincipal = 'public'");
    assertThat(
            status(runOther("SELECT APPLOCK_TEST('public', 'Form1', 'Exclusive', 'Transaction')")))
        .isEqualTo((short) 1);
    run("COMMIT");
    runOther("COMMIT");
    // "If default or Transaction is explicitly specified, APPLOCK_TEST must be executed from
    // within a transaction": 3918; an owner or mode it does not know: 1226, 1225
    assertThat(error("SELECT APPLOCK_TEST('public', 'Form1', 'Shared', 'Transaction')"))
        .isEqualTo(3918);
    assertThat(error("SELECT APPLOCK_MODE('public', 'Form1', 'Nobody')")).isEqualTo(1226);
    assertThat(error("SELECT APPLOCK_TEST('public', 'Form1', 'Bogus', 'Session')")).isEqualTo(1225);
  }

  @Test
  void releasingALockNotHeldIs1223() {
    RecordingSink s = run(release("nothing", "Session") + ", @@ERROR");
    ServerMessage e = s.errors().get(0);
    assertThat(e.number()).isEqualTo(1223);
    assertThat(e.severity()).isEqualTo(16);
    assertThat(e.message())
        .isEqualTo(
            "Cannot release the application lock (Database Principal: 'public', Resource:"
                + " 'nothing') because it is not currently held.");
    // the procedure still returns its status, -999
    assertThat(s.rows().get(0)).containsExactly(-999, 1223);
  }

  @Test
  void callErrorsReturnMinus999() {
    // "Option '%ls' not recognized for '%ls' parameter." (15625, severity 10, sent as 0)
    RecordingSink mode = run(get("e1", "Bogus", "Session", 0));
    assertThat(status(mode)).isEqualTo(-999);
    ServerMessage info = mode.infos().get(0);
    assertThat(info.number()).isEqualTo(15625);
    assertThat(info.severity()).isEqualTo(0);
    assertThat(info.message())
        .isEqualTo("Option 'Bogus' not recognized for '@LockMode' parameter.");
    assertThat(run(get("e1", "Shared", "Nobody", 0)).infos().get(0).message())
        .isEqualTo("Option 'Nobody' not recognized for '@LockOwner' parameter.");
    // a Transaction lock outside a transaction: 15626
    RecordingSink noTran = run(get("e1", "Shared", "Transaction", 0));
    assertThat(status(noTran)).isEqualTo(-999);
    assertThat(noTran.infos().get(0).message())
        .isEqualTo(
            "You attempted to acquire a transactional application lock without an active"
                + " transaction.");
    assertThat(error("EXEC sp_getapplock 'e1', 'Shared', 'Session', -5")).isEqualTo(1227);
    assertThat(error("EXEC sp_getapplock NULL, 'Shared', 'Session'")).isEqualTo(1224);
    assertThat(error("EXEC sp_getapplock 'e1', 'Shared', 'Session', 0, 'nobody'")).isEqualTo(1202);
    assertThat(error("EXEC sp_releaseapplock 'e1'")).isEqualTo(3918);
  }

  @Test
  void locksAreSeparatePerDatabaseAndCaseSensitive() {
    assertThat(status(run(get("Res", "Exclusive", "Session", 0)))).isEqualTo(0);
    // "resource_name is binary compared, and thus is case-sensitive"
    assertThat(status(runOther(get("res", "Exclusive", "Session", 0)))).isEqualTo(0);
    // "if sp_getapplock is executed, even with identical parameter values on different
    // databases, the result is separate locks on separate resources"
    assertThat(status(runOther("USE sales; " + get("Res", "Exclusive", "Session", 0))))
        .isEqualTo(0);
    run(release("Res", "Session"));
    runOther(release("Res", "Session") + "; USE master; " + release("res", "Session"));
  }
}
