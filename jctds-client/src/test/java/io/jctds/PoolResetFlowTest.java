package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.TokenType;
import io.jctds.session.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client half of a reset against scripted bytes. [MS-TDS] 2.2.3.1.2: status 0x08
 * RESETCONNECTION on the first packet of the request; [MS-TDS] 2.2.7.9: ENVCHANGE type 18, with
 * empty new and old values, acknowledges the reset, after which the session has the login's
 * settings and no transaction (the server rolled it back); type 8 begins a transaction with its
 * 8-byte descriptor.
 */
class PoolResetFlowTest {
  @TempDir Path dir;

  private static final Done DONE = new Done(TokenType.DONE, 0, 0, 0);

  @Test
  void theResetRequestCarriesTheBitAndTheAcknowledgementEndsTheTransaction() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x02, true);
              peer.readLogin7();
              peer.loginOk(TdsVersion.V7_4.wire(), 4096);
              peer.expectSetup();
              assertThat(peer.readBatch()).isEqualTo("USE [shop]");
              peer.sendTokens(new EnvChange.Text(EnvChange.DATABASE, "shop", "master"), DONE);
              assertThat(peer.readBatch()).isEqualTo("INSERT INTO t VALUES (1)");
              peer.sendTokens(
                  new EnvChange.Binary(
                      EnvChange.BEGIN_TRAN, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, new byte[0]),
                  Done.count(1));
              int before = peer.headers().size();
              assertThat(peer.readBatch()).isEqualTo(peer.setup() + "SELECT 1");
              List<PacketHeader> sent = peer.headers();
              assertThat(sent).hasSize(before + 1);
              assertThat(sent.get(before).type()).isEqualTo(PacketType.SQL_BATCH);
              assertThat(sent.get(before).status()).isEqualTo(0x09); // EOM | RESETCONNECTION
              peer.sendTokens(
                  new EnvChange.Binary(EnvChange.RESET_ACK, new byte[0], new byte[0]), DONE);
              assertThat(peer.readBatch()).isEqualTo("SELECT 2");
              assertThat(peer.headers().get(before + 1).status()).isEqualTo(0x01);
              peer.sendTokens(DONE);
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      ConnectOptions options = w.options(w.conf(server.port(), "encryption = off"), "pw").build();
      try (Connection c = Jctds.connect("rogue", options);
          Cursor cursor = c.cursor()) {
        Session session = c.session();
        c.use("shop");
        cursor.execute("INSERT INTO t VALUES (1)");
        assertThat(session.inTransaction()).isTrue();
        session.resetOnNextRequest();
        assertThat(c.database()).isEqualTo("master"); // the login's, expected from the reset
        cursor.execute("SELECT 1");
        assertThat(session.inTransaction()).isFalse();
        assertThat(session.resetPending()).isFalse();
        assertThat(c.database()).isEqualTo("master");
        cursor.execute("SELECT 2");
      }
      server.await();
    }
  }
}
