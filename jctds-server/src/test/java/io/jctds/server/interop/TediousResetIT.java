package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.Tedious.Step;
import io.jctds.server.interop.Tedious.Steps;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * tedious 19's {@code Connection.reset}, "useful for connection pool implementations": it sends its
 * initial SQL (the SET options its config asks for, isolation level included) as a SQL batch with
 * RESETCONNECTION on the first packet and emits 'resetConnection' on the ENVCHANGE 18. What its
 * initial SQL does not set again (the database, a temporary table, an open transaction, NOCOUNT) is
 * the server's reset.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TediousResetIT {
  private static Tedious tedious;
  private static TdsServer server;

  @BeforeAll
  static void start() {
    tedious = Tedious.find();
    server = Interop.start(EncryptionPolicy.OFF);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void resetGivesTheSessionBackAsAtLogin() {
    List<Step> steps =
        tedious.run(
            server,
            null,
            new Steps()
                .batch(0, "CREATE TABLE dbo.tedious_reset (x int)")
                .batch(
                    0,
                    "CREATE TABLE #left_behind (x int); BEGIN TRAN;"
                        + " INSERT INTO dbo.tedious_reset VALUES (1); USE tempdb; SET NOCOUNT ON")
                .batch(0, "SELECT @@SPID, DB_NAME(), @@TRANCOUNT, @@OPTIONS & 512")
                .reset(0)
                .batch(
                    0,
                    "SELECT @@SPID, DB_NAME(), @@TRANCOUNT, @@OPTIONS & 512,"
                        + " (SELECT COUNT(*) FROM master.dbo.tedious_reset)")
                .batch(0, "SELECT * FROM #left_behind"));
    for (Step s : steps.subList(0, 5)) {
      assertThat(s.error()).isNull();
    }
    List<Object> before = steps.get(2).rows().get(0);
    assertThat(before.subList(1, 4)).containsExactly("tempdb", 1L, 512L);
    // ENVCHANGE 18, then ENVCHANGE 10 for the transaction the reset rolled back: tedious's
    // inTransaction follows that event at TDS 7.2+ (it clears the flag itself only below)
    assertThat(steps.get(3).kinds()).containsSubsequence("resetConnection", "rollbackTransaction");
    List<Object> after = steps.get(4).rows().get(0);
    assertThat(after.get(0)).isEqualTo(before.get(0)); // the same session
    assertThat(after.subList(1, 5)).containsExactly("master", 0L, 0L, 0L);
    assertThat(steps.get(5).errorNumbers()).containsExactly(208);
  }
}
