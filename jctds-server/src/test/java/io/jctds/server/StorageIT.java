package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.token.Token;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's storage seen from a client: databases kept in files across restarts ({@code
 * dataDirectory}), in memory and private to each server otherwise, and the start-up script.
 */
class StorageIT {
  @TempDir Path dir;

  private static TdsServer server(TdsServer.Builder b) throws IOException {
    return b.port(0)
        .encryption(EncryptionPolicy.OFF)
        .user(TestServers.USER, TestServers.PASSWORD)
        .build()
        .start();
  }

  private static List<Token> run(TdsServer s, String sql) throws IOException {
    try (RawClient c = RawClient.connect(s)) {
      c.loginOk();
      return c.batch(sql);
    }
  }

  @Test
  void aDataDirectoryKeepsDatabasesAcrossRestarts() throws IOException {
    Path data = dir.resolve("data");
    try (TdsServer s = server(TdsServer.builder().dataDirectory(data))) {
      assertThat(
              Responses.errors(
                  run(
                      s,
                      "CREATE DATABASE kept\nCREATE TABLE kept.dbo.t (n int,"
                          + " s nvarchar(10))\nINSERT INTO kept.dbo.t VALUES (1, N'one'), (2, N'two')")))
          .isEmpty();
    }
    try (TdsServer s = server(TdsServer.builder().dataDirectory(data))) {
      List<Token> t = run(s, "SELECT n, s FROM kept.dbo.t ORDER BY n");
      assertThat(Responses.rows(t))
          .extracting(r -> List.of(r.toArray()))
          .containsExactly(List.of(1, "one"), List.of(2, "two"));
      assertThat(Responses.metadata(t).get(0).column(1).typeInfo().sqlName())
          .isEqualTo("nvarchar(10)");
    }
  }

  @Test
  void inMemoryServersDoNotShareDatabases() throws IOException {
    try (TdsServer a = server(TdsServer.builder());
        TdsServer b = server(TdsServer.builder())) {
      assertThat(Responses.errors(run(a, "CREATE TABLE only_in_a (n int)"))).isEmpty();
      assertThat(Responses.errors(run(b, "SELECT * FROM only_in_a")))
          .extracting(m -> m.number())
          .containsExactly(208);
    }
  }

  @Test
  void theInitScriptRunsBeforeClientsConnect() throws IOException {
    Path script = dir.resolve("init.sql");
    Files.writeString(
        script,
        "CREATE TABLE items (id int PRIMARY KEY, name varchar(20))\nGO\n"
            + "  go  \nINSERT INTO items VALUES (1, 'first')\nINSERT INTO items VALUES (2, 'second')\n"
            + "go\nPRINT 'ready'\n",
        StandardCharsets.UTF_8);
    try (TdsServer s = server(TdsServer.builder().initScript(script))) {
      assertThat(Responses.rows(run(s, "SELECT COUNT(*) FROM items")).get(0).getObject(0))
          .isEqualTo(2);
    }
  }

  @Test
  void aFailingInitScriptStopsTheStartWithFileAndLine() throws IOException {
    Path script = dir.resolve("broken.sql");
    Files.writeString(
        script,
        "CREATE TABLE a (n int)\ngo\n-- comment\n\nINSERT INTO a VALUES (1)\n"
            + "SELECT * FROM missing_table\n",
        StandardCharsets.UTF_8);
    TdsServer.Builder b =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user(TestServers.USER, TestServers.PASSWORD)
            .initScript(script);
    TdsServer s = b.build();
    try {
      assertThatThrownBy(s::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(
              script + ":6: Msg 208, Level 16, State 1: Invalid object name" + " 'missing_table'.");
    } finally {
      s.close();
    }
  }
}
