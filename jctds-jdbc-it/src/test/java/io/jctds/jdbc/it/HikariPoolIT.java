package io.jctds.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HikariCP 7.1.0 over {@code jdbc:jctds:} (issue 13): a pool of 10 under 32 threads x 2,000
 * queries, validation through JDBC 4's isValid (no connectionTestQuery), connections killed
 * server-side (KILL) evicted and replaced, and no connection leaked.
 */
class HikariPoolIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = ItServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HikariDataSource pool() {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(ItServer.url(server));
    c.setUsername("sa");
    c.setPassword("pw");
    c.setMaximumPoolSize(10);
    c.setMinimumIdle(10);
    c.setConnectionTimeout(30_000);
    c.setLeakDetectionThreshold(60_000);
    c.setPoolName("jctds-it");
    return new HikariDataSource(c);
  }

  @Test
  void thirtyTwoThreadsShareTenConnections() throws Exception {
    try (HikariDataSource ds = pool()) {
      ExecutorService threads = Executors.newFixedThreadPool(32);
      AtomicInteger wrong = new AtomicInteger();
      Set<Integer> spids = java.util.concurrent.ConcurrentHashMap.newKeySet();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  for (int q = 0; q < 2_000; q++) {
                    int want = thread * 100_000 + q;
                    try (Connection c = ds.getConnection();
                        PreparedStatement p = c.prepareStatement("SELECT ?, @@SPID")) {
                      p.setInt(1, want);
                      try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) != want) {
                          wrong.incrementAndGet();
                        }
                        spids.add(rs.getInt(2));
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
      threads.shutdown();
      assertThat(wrong).hasValue(0);
      assertThat(spids).hasSizeLessThanOrEqualTo(10);
      assertThat(ds.getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @Test
  void killedConnectionsAreEvictedAndReplaced() throws Exception {
    try (HikariDataSource ds = pool()) {
      Set<Integer> before = new HashSet<>();
      List<Connection> held = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Connection c = ds.getConnection();
        held.add(c);
        before.add(spid(c));
      }
      for (Connection c : held) {
        c.close();
      }
      try (Connection admin = ds.getConnection();
          Statement s = admin.createStatement()) {
        int mine = spid(admin);
        for (int spid : before) {
          if (spid != mine) {
            s.execute("KILL " + spid);
          }
        }
      }
      // every later query succeeds: Hikari validates idle connections (isValid) or evicts one
      // whose query fails with a connection SQLState (08xxx), and opens a new one
      int failed = 0;
      int lastFailure = -1;
      for (int i = 0; i < 40; i++) {
        try (Connection c = ds.getConnection();
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT 1")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(1);
        } catch (SQLException e) {
          // a killed connection fails once with a connection SQLState, and Hikari evicts it
          assertThat(e.getSQLState()).startsWith("08");
          failed++;
          lastFailure = i;
        }
      }
      assertThat(failed).isLessThanOrEqualTo(before.size() - 1);
      assertThat(lastFailure).isLessThan(20); // the killed ones are gone before the last 20
      Set<Integer> after = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        try (Connection c = ds.getConnection()) {
          after.add(spid(c));
        }
      }
      assertThat(after).isNotEmpty();
      assertThat(ds.getHikariPoolMXBean().getActiveConnections()).isZero();
      assertThat(ds.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(10);
    }
  }

  private static int spid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@SPID")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
