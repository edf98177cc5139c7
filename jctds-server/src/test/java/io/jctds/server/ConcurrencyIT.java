package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Twenty sessions at once, in every encryption mode, each on its own server thread. */
class ConcurrencyIT {
  private static final int SESSIONS = 20;

  @Test
  void twentyConcurrentSessions() throws Exception {
    try (TdsServer server = TestServers.builder(EncryptionPolicy.ON).build().start()) {
      CyclicBarrier allLoggedIn = new CyclicBarrier(SESSIONS + 1);
      CyclicBarrier allQueried = new CyclicBarrier(SESSIONS + 1);
      ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
      try {
        List<Future<Integer>> spids = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
          int mode = i % 3;
          spids.add(pool.submit(() -> session(server, mode, allLoggedIn, allQueried)));
        }
        allLoggedIn.await(60, TimeUnit.SECONDS);
        assertThat(server.sessions()).hasSize(SESSIONS);
        allQueried.await(60, TimeUnit.SECONDS);
        Set<Integer> distinct = new HashSet<>();
        for (Future<Integer> f : spids) {
          distinct.add(f.get(60, TimeUnit.SECONDS));
        }
        assertThat(distinct).hasSize(SESSIONS).allMatch(s -> s >= 51 && s < 51 + SESSIONS);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static int session(TdsServer server, int mode, CyclicBarrier in, CyclicBarrier done)
      throws Exception {
    try (RawClient c = RawClient.connect(server)) {
      switch (mode) {
        case 0 -> c.prelogin(2);
        case 1 -> {
          c.prelogin(0);
          c.tls(TdsTlsTransport.Scope.LOGIN_ONLY);
        }
        default -> {
          c.prelogin(1);
          c.tls(TdsTlsTransport.Scope.WHOLE_CONNECTION);
        }
      }
      c.loginOk();
      in.await(60, TimeUnit.SECONDS);
      List<Token> t = c.batch("SELECT session_id, encrypt_option FROM sys.dm_exec_connections");
      List<Row> rows = Responses.rows(t);
      assertThat(rows).hasSize(SESSIONS);
      Row mine = rows.stream().filter(r -> r.getInt(0) == c.spid()).findFirst().orElseThrow();
      assertThat(mine.getString(1)).isEqualTo(mode == 2 ? "TRUE" : "FALSE");
      assertThat(Responses.scalar(c.batch("SELECT @@SPID"))).isEqualTo((short) c.spid());
      done.await(60, TimeUnit.SECONDS);
      return c.spid();
    }
  }
}
