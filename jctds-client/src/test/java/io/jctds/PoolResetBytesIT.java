package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.framing.PacketType;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.MessageRelay;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes a pooled connection sends, recorded by a relay. [MS-TDS] 2.2.3.1.2 defines status bit
 * 0x08 RESETCONNECTION ("Reset this connection before processing event. Only set for event types
 * Batch, RPC, or Transaction Manager request") on the first packet of a message; mssql-jdbc 13 sets
 * the same bit (its TDS.STATUS_BIT_RESET_CONN, 0x08) on the next message when
 * SQLServerPooledConnection hands a physical connection out again. With EOM (0x01) the first and
 * only packet of a small batch has status 0x09.
 */
class PoolResetBytesIT {
  @TempDir Path dir;

  private static final int EOM = 0x01;
  private static final int EOM_RESET = 0x09;

  @Test
  void theFirstRequestAfterAReturnCarriesResetConnectionAndNothingElseDoes() throws Exception {
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
      try (ConnectionPool pool = ConnectionPool.builder("rogue", options).build()) {
        try (Connection c = pool.borrow();
            Cursor cur = c.cursor()) {
          cur.execute("SELECT 1");
          cur.execute("SELECT 2");
        }
        try (Connection c = pool.borrow();
            Cursor cur = c.cursor()) {
          cur.execute("SELECT 3");
          cur.execute("SELECT 4");
        }
        try (Connection c = pool.borrow();
            Cursor cur = c.cursor()) {
          cur.execute("SELECT :0", 5); // an RPC (sp_executesql) first
          assertThat(cur.fetchOne().get(0)).isEqualTo(5);
        }
      }
      List<MessageRelay.Sent> sent = relay.sent();
      assertThat(sent).allSatisfy(m -> assertThat(m.connection()).isZero());
      // setup + SELECT 1, SELECT 2 | setup + SELECT 3 (reset), SELECT 4 | setup (reset), the RPC
      // (the login's setup starts the first request: no batch of its own at connect)
      assertThat(sent).hasSize(6);
      String first = sent.get(0).sql();
      assertThat(first).startsWith("SET ").endsWith("SET IMPLICIT_TRANSACTIONS ON;SELECT 1");
      String setup = first.substring(0, first.length() - "SELECT 1".length());
      assertThat(sent.get(0).firstStatus()).isEqualTo(EOM);
      assertThat(sent.get(1))
          .isEqualTo(new MessageRelay.Sent(0, PacketType.SQL_BATCH, EOM, "SELECT 2"));
      // one message: the reset, the options' SET statements and the borrower's SQL together
      assertThat(sent.get(2))
          .isEqualTo(new MessageRelay.Sent(0, PacketType.SQL_BATCH, EOM_RESET, setup + "SELECT 3"));
      assertThat(sent.get(3))
          .isEqualTo(new MessageRelay.Sent(0, PacketType.SQL_BATCH, EOM, "SELECT 4"));
      // an RPC cannot carry SET statements: they go first, in a batch with the bit
      assertThat(sent.get(4))
          .isEqualTo(new MessageRelay.Sent(0, PacketType.SQL_BATCH, EOM_RESET, setup));
      assertThat(sent.get(5).type()).isEqualTo(PacketType.RPC);
      assertThat(sent.get(5).firstStatus()).isEqualTo(EOM);
    }
  }

  @Test
  void theSetStatementsAreSentAgainAfterAFailedBatchAndApartBeforeCreateProcedure()
      throws Exception {
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
          world
              .options(world.conf(relay.port(), "encryption = off"), "pw")
              .autocommit(true) // no implicit transaction: no ROLLBACK on return
              .build();
      try (ConnectionPool pool = ConnectionPool.builder("rogue", options).build()) {
        pool.borrow().close();
        try (Connection c = pool.borrow();
            Cursor cur = c.cursor()) {
          assertThatThrownBy(() -> cur.execute("SELECT * FROM dbo.nowhere"))
              .isInstanceOf(ProgrammingError.class);
          cur.execute("SELECT 6");
          cur.execute("SELECT 7");
        }
        try (Connection c = pool.borrow();
            Cursor cur = c.cursor()) {
          cur.execute("CREATE PROCEDURE dbo.p AS SELECT 1");
        }
      }
      List<MessageRelay.Sent> sent = relay.sent();
      // the first borrower sent nothing: not even the login's setup, which starts the first request
      String first = sent.get(0).sql();
      assertThat(first).startsWith("SET ").endsWith(";SELECT * FROM dbo.nowhere");
      String setup = first.substring(0, first.length() - "SELECT * FROM dbo.nowhere".length());
      assertThat(sent)
          .containsExactly(
              // the failed batch may have stopped before its SET statements: they go again
              new MessageRelay.Sent(
                  0, PacketType.SQL_BATCH, EOM_RESET, setup + "SELECT * FROM dbo.nowhere"),
              new MessageRelay.Sent(0, PacketType.SQL_BATCH, EOM, setup + "SELECT 6"),
              new MessageRelay.Sent(0, PacketType.SQL_BATCH, EOM, "SELECT 7"),
              // CREATE PROCEDURE must be first in its batch (T-SQL "CREATE PROCEDURE")
              new MessageRelay.Sent(0, PacketType.SQL_BATCH, EOM_RESET, setup),
              new MessageRelay.Sent(
                  0, PacketType.SQL_BATCH, EOM, "CREATE PROCEDURE dbo.p AS SELECT 1"));
    }
  }
}
