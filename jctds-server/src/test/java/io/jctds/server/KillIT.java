package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KILL over sockets: the victim's connection is closed and it leaves the session views at once; the
 * errors are SQL Server's (sys.messages): 6104 "Cannot use KILL to kill your own process.", 6106
 * "Process ID %d is not an active process ID.", 6107 "Only user processes can be killed." (KILL
 * (Transact-SQL): "You cannot kill your own process", "System processes ... cannot be terminated").
 */
class KillIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.builder(EncryptionPolicy.ON).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawClient loggedIn() throws IOException {
    RawClient c = RawClient.connect(server);
    c.loginOk();
    return c;
  }

  private static Object sessionsNamed(RawClient c, int spid) throws IOException {
    return Responses.scalar(
        c.batch("SELECT COUNT(*) FROM sys.dm_exec_sessions WHERE session_id = " + spid));
  }

  private static ServerMessage onlyError(List<Token> t) {
    assertThat(Responses.errors(t)).hasSize(1);
    return Responses.errors(t).get(0);
  }

  @Test
  void theVictimIsClosedAndLeavesTheSessionViewsAtOnce() throws IOException {
    try (RawClient victim = loggedIn();
        RawClient killer = loggedIn()) {
      int spid = victim.spid();
      assertThat(sessionsNamed(killer, spid)).isEqualTo(1);
      assertThat(Responses.errors(killer.batch("KILL " + spid))).isEmpty();
      assertThat(sessionsNamed(killer, spid)).isEqualTo(0);
      assertThat(
              Responses.scalar(
                  killer.batch(
                      "SELECT COUNT(*) FROM sys.dm_exec_connections WHERE session_id = " + spid)))
          .isEqualTo(0);
      assertThat(server.sessions()).noneMatch(s -> s.spid() == spid);
      assertThat(victim.closedByServer()).isTrue();
    }
  }

  @Test
  void aVictimInTheMiddleOfARequestIsClosed() throws IOException {
    try (RawClient victim = loggedIn();
        RawClient killer = loggedIn()) {
      victim.sendMessage(
          PacketType.SQL_BATCH,
          out -> SqlBatch.of("WAITFOR DELAY '01:00:00'").encode(out, TdsVersion.V7_4));
      assertThat(Responses.errors(killer.batch("KILL " + victim.spid()))).isEmpty();
      // the read gives up after 30 s (RawClient), far short of the hour the request would take
      assertThat(victim.closedByServer()).isTrue();
    }
  }

  @Test
  void aClientThatClosedLeavesTheCountOnceTheServerSawIt() throws Exception {
    // a server of its own, so that no other test's sessions come or go meanwhile
    try (TdsServer own = TestServers.builder(EncryptionPolicy.ON).build().start();
        RawClient stays = RawClient.connect(own)) {
      stays.loginOk();
      RawClient leaves = RawClient.connect(own);
      leaves.loginOk();
      int spid = leaves.spid();
      assertThat(own.awaitSessionCount(2, java.time.Duration.ofSeconds(30))).isTrue();
      leaves.close();
      assertThat(own.awaitSessionCount(1, java.time.Duration.ofSeconds(30))).isTrue();
      assertThat(own.sessions()).extracting(SessionInfo::spid).containsExactly(stays.spid());
      assertThat(sessionsNamed(stays, spid)).isEqualTo(0);
      // a count that is never reached: false once the time is up, not an exception
      assertThat(own.awaitSessionCount(5, java.time.Duration.ofMillis(50))).isFalse();
    }
  }

  @Test
  void anUnknownSpidIs6106() throws IOException {
    try (RawClient killer = loggedIn()) {
      ServerMessage e = onlyError(killer.batch("KILL 999"));
      assertThat(e.number()).isEqualTo(6106);
      assertThat(e.severity()).isEqualTo(16);
      assertThat(e.message()).isEqualTo("Process ID 999 is not an active process ID.");
    }
  }

  @Test
  void theKillersOwnSpidIs6104() throws IOException {
    try (RawClient killer = loggedIn()) {
      ServerMessage e = onlyError(killer.batch("KILL " + killer.spid()));
      assertThat(e.number()).isEqualTo(6104);
      assertThat(e.severity()).isEqualTo(16);
      assertThat(e.message()).isEqualTo("Cannot use KILL to kill your own process.");
      assertThat(Responses.scalar(killer.batch("SELECT 1"))).isEqualTo(1);
    }
  }

  @Test
  void aSystemSpidIs6107() throws IOException {
    try (RawClient killer = loggedIn()) {
      ServerMessage e = onlyError(killer.batch("KILL 5"));
      assertThat(e.number()).isEqualTo(6107);
      assertThat(e.severity()).isEqualTo(14);
      assertThat(e.message()).isEqualTo("Only user processes can be killed.");
    }
  }
}
