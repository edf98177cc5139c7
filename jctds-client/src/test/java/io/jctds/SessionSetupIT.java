package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The session setup (k-cTDS's {@code SET ARITHABORT ON;SET ANSI_DEFAULTS ON;SET
 * CONCAT_NULL_YIELDS_NULL ON;SET TEXTSIZE 2147483647;SET IMPLICIT_TRANSACTIONS ...}) no longer has
 * a round trip of its own at connect: it starts the first request. Whatever that first request is,
 * the session's options when the caller's statements run must be those the setup gives.
 *
 * <p>Expected {@code @@OPTIONS} values come from Microsoft's documentation, not from our server:
 * "SET ANSI_DEFAULTS (Transact-SQL)" (ON turns on ANSI_NULLS, CURSOR_CLOSE_ON_COMMIT,
 * ANSI_NULL_DFLT_ON, IMPLICIT_TRANSACTIONS, ANSI_PADDING, QUOTED_IDENTIFIER, ANSI_WARNINGS) and the
 * bit values of "user options" ("Configure the user options server configuration option"):
 * IMPLICIT_TRANSACTIONS 2, CURSOR_CLOSE_ON_COMMIT 4, ANSI_WARNINGS 8, ANSI_PADDING 16, ANSI_NULLS
 * 32, ARITHABORT 64, QUOTED_IDENTIFIER 256, ANSI_NULL_DFLT_ON 1024, CONCAT_NULL_YIELDS_NULL 4096.
 */
class SessionSetupIT {
  /** The setup with autocommit on: everything but IMPLICIT_TRANSACTIONS (2). */
  static final int AUTOCOMMIT_OPTIONS = 4 + 8 + 16 + 32 + 64 + 256 + 1024 + 4096;

  /** The setup with autocommit off (k-cTDS's default): IMPLICIT_TRANSACTIONS ON too. */
  static final int DEFAULT_OPTIONS = AUTOCOMMIT_OPTIONS + 2;

  /** TEXTSIZE of k-cTDS's setup. */
  static final long TEXTSIZE = 2147483647L;

  @TempDir Path dir;

  private Connection connect(TdsServer server, boolean autocommit) {
    TestWorld w = new TestWorld(dir);
    Path conf = w.conf(server.port(), "encryption = off");
    return Jctds.connect("rogue", w.options(conf, "pw").autocommit(autocommit).build());
  }

  private static TdsServer server() throws java.io.IOException {
    return TdsServer.builder()
        .port(0)
        .encryption(EncryptionPolicy.OFF)
        .user("sa", "pw")
        .build()
        .start();
  }

  @ParameterizedTest(name = "autocommit {0}")
  @ValueSource(booleans = {false, true})
  void aFirstSqlBatchSeesTheSetupOptions(boolean autocommit) throws Exception {
    try (TdsServer server = server();
        Connection c = connect(server, autocommit);
        Cursor cur = c.cursor()) {
      cur.execute("SELECT @@OPTIONS, @@TEXTSIZE");
      Row r = cur.fetchOne();
      assertThat(r.get(0)).isEqualTo(autocommit ? AUTOCOMMIT_OPTIONS : DEFAULT_OPTIONS);
      assertThat(((Number) r.get(1)).longValue()).isEqualTo(TEXTSIZE);
    }
  }

  @Test
  void aFirstRpcGetsTheSetupAsABatchOfItsOwnFirst() throws Exception {
    try (TdsServer server = server();
        Connection c = connect(server, false);
        Cursor cur = c.cursor()) {
      cur.execute("SELECT @@OPTIONS + :0, @@TEXTSIZE", 0); // parameters: sp_executesql, an RPC
      Row r = cur.fetchOne();
      assertThat(r.get(0)).isEqualTo(DEFAULT_OPTIONS);
      assertThat(((Number) r.get(1)).longValue()).isEqualTo(TEXTSIZE);
    }
  }

  @Test
  void aBatchThatMustComeFirstRunsAfterTheSetup() throws Exception {
    try (TdsServer server = server();
        Connection c = connect(server, true);
        Cursor cur = c.cursor()) {
      // CREATE PROCEDURE must be the first statement of its batch ("CREATE PROCEDURE", Remarks)
      cur.execute("CREATE PROCEDURE dbo.opts AS SELECT @@OPTIONS");
      cur.execute("EXEC dbo.opts");
      assertThat(cur.fetchOne().get(0)).isEqualTo(AUTOCOMMIT_OPTIONS);
    }
  }

  @Test
  void aFailedFirstBatchLeavesTheSetupForTheNext() throws Exception {
    try (TdsServer server = server();
        Connection c = connect(server, true);
        Cursor cur = c.cursor()) {
      try {
        cur.execute("SELEC 1"); // a syntax error: the whole batch, setup included, never ran
      } catch (ProgrammingError expected) {
        // the next batch carries the setup again
      }
      cur.execute("SELECT @@OPTIONS");
      assertThat(cur.fetchOne().get(0)).isEqualTo(AUTOCOMMIT_OPTIONS);
    }
  }
}
