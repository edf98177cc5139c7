package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.MessageRelay;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Cursor#executePrepared}: the RPCs a relay sees. [MS-TDS] 2.2.6.6 numbers the special
 * procedures: 10 sp_executesql, 12 sp_execute, 13 sp_prepexec, 15 sp_unprepare. As mssql-jdbc's
 * default (prepareMethod=prepexec, enablePrepareOnFirstPreparedStatementCall=false) the first
 * execution is sp_executesql, the second sp_prepexec, later ones sp_execute with the handle; other
 * parameter types are another statement; a handle the server forgot is prepared again.
 */
class PreparedHandlesIT {
  @TempDir Path dir;

  @Test
  void executesqlThenPrepexecThenExecute() throws Exception {
    try (TdsServer server =
            TdsServer.builder()
                .port(0)
                .encryption(EncryptionPolicy.OFF)
                .user("sa", "pw")
                .build()
                .start();
        MessageRelay relay = new MessageRelay(server.port())) {
      TestWorld world = new TestWorld(dir);
      ConnectOptions options =
          world.options(world.conf(relay.port(), "encryption = off"), "pw").build();
      int[] handle = new int[1];
      try (Connection c = Jctds.connect("rogue", options);
          Cursor cur = c.cursor()) {
        for (int i = 1; i <= 4; i++) {
          cur.executePrepared("SELECT :0 AS v", i);
          assertThat(cur.fetchOne().getInt(0)).isEqualTo(i);
        }
        cur.executePrepared("SELECT :0 AS v", "x"); // nvarchar: another statement
        assertThat(cur.fetchAll()).hasSize(1);
        cur.executePrepared("SELECT :0 AS v", 10);
        assertThat(cur.fetchOne().getInt(0)).isEqualTo(10);
        handle[0] = c.preparedHandles().entry(key(c, 10)).handle;
        cur.execute("EXEC sp_unprepare " + handle[0]); // the server forgets it
        cur.executePrepared("SELECT :0 AS v", 20);
        assertThat(cur.fetchOne().getInt(0)).isEqualTo(20);
      }
      List<String> rpcs =
          relay.sent().stream().map(MessageRelay.Sent::sql).filter(s -> s != null).toList();
      assertThat(rpcs)
          .endsWith(
              "rpc #10", // 1: sp_executesql
              "rpc #13", // 2: sp_prepexec
              "rpc #12", // 3: sp_execute
              "rpc #12", // 4
              "rpc #10", // nvarchar: another statement, first time
              "rpc #12", // int again: its handle
              "EXEC sp_unprepare " + handle[0],
              "rpc #12", // the forgotten handle: the server answers 8179 ...
              "rpc #13"); // ... and the statement is prepared again
    }
  }

  @Test
  void mssqlJdbcSendsTheSameSequence() throws Exception {
    try (TdsServer server =
            TdsServer.builder()
                .port(0)
                .encryption(EncryptionPolicy.OFF)
                .user("sa", "pw")
                .build()
                .start();
        MessageRelay relay = new MessageRelay(server.port())) {
      try (java.sql.Connection c =
              java.sql.DriverManager.getConnection(
                  "jdbc:sqlserver://127.0.0.1:"
                      + relay.port()
                      + ";encrypt=false;user=sa;password=pw");
          java.sql.PreparedStatement p = c.prepareStatement("SELECT ? AS v")) {
        for (int i = 1; i <= 4; i++) {
          p.setInt(1, i);
          try (java.sql.ResultSet rs = p.executeQuery()) {
            assertThat(rs.next()).isTrue();
          }
        }
      }
      List<String> rpcs =
          relay.sent().stream()
              .map(MessageRelay.Sent::sql)
              .filter(s -> s != null && s.startsWith("rpc"))
              .toList();
      assertThat(rpcs).containsExactly("rpc #10", "rpc #13", "rpc #12", "rpc #12");
    }
  }

  private static String key(Connection c, int value) {
    return io.jctds.internal.params.PreparedCall.of(
            "SELECT :0 AS v",
            List.of(value),
            new io.jctds.internal.params.EncodeContext(
                c.session().version(), c.session().collation()))
        .key();
  }
}
