package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.LoginAck;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.TypeInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logged-in session against scripted bytes: timeouts, errors, packet size, routing. */
class SessionFlowTest {
  @TempDir Path dir;

  private static void login(Peer peer, int packetSize) throws Exception {
    peer.readPrelogin();
    peer.answerPrelogin(0x02, true);
    peer.readLogin7();
    peer.loginOk(TdsVersion.V7_4.wire(), packetSize);
    peer.expectSetup();
  }

  private static final Done DONE = new Done(TokenType.DONE, 0, 0, 0);

  @Test
  void queryTimeoutSendsAttentionAndKeepsTheConnection() throws Exception {
    TestWorld w = new TestWorld(dir);
    ColMetadata one = new ColMetadata(List.of(ColMetadata.Column.of("x", TypeInfo.intN(4), 1)));
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer, 4096);
              assertThat(peer.readBatch()).isEqualTo("WAITFOR DELAY '01:00:00'");
              peer.readMessage(PacketType.ATTENTION); // nothing answered until the cancel
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_ATTN, 0, 0));
              peer.expectSetup(); // the cancelled first request may not have run the setup: it
              // comes again
              assertThat(peer.readBatch()).isEqualTo("SELECT 1");
              peer.send(
                  PacketType.TABULAR_RESULT,
                  out -> {
                    one.encode(out, TdsVersion.V7_4);
                    io.jctds.protocol.token.Row.write(out, one, 1);
                    Done.count(1).encode(out, TdsVersion.V7_4);
                  });
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port(), "encryption = off");
      ConnectOptions options = w.options(conf, "pw").timeout(Duration.ofMillis(400)).build();
      try (Connection c = Jctds.connect("rogue", options);
          Cursor cursor = c.cursor()) {
        assertThatThrownBy(() -> cursor.execute("WAITFOR DELAY '01:00:00'"))
            .isInstanceOfSatisfying(
                OperationalError.class,
                e -> {
                  assertThat(e.reason()).isEqualTo(OperationalError.Reason.QUERY_TIMEOUT);
                  assertThat(e.isConnectionBroken()).isFalse();
                })
            .hasMessageContaining("0.4 s");
        assertThat(c.isClosed()).isFalse();
        cursor.execute("SELECT 1");
        assertThat(cursor.fetchOne().getInt(0)).isEqualTo(1);
      }
      server.await();
    }
  }

  @Test
  void failedStatementIsDrainedAndTyped() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer, 4096);
              peer.readBatch();
              peer.sendTokens(
                  new ServerMessage(
                      true, 208, 1, 16, "Invalid object name 'nope'.", "rogue", "", 1),
                  new Done(TokenType.DONE, Done.STATUS_ERROR | Done.STATUS_MORE, 0, 0),
                  new ServerMessage(false, 0, 1, 0, "after", "rogue", "", 2),
                  DONE);
              peer.readBatch();
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_COUNT, 0, 3));
              peer.readBatch();
              peer.sendTokens(
                  new ServerMessage(true, 2627, 1, 14, "Violation of PRIMARY KEY", "rogue", "", 1),
                  new Done(TokenType.DONE, Done.STATUS_ERROR, 0, 0));
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port(), "encryption = off");
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build());
          Cursor cursor = c.cursor()) {
        assertThatThrownBy(() -> cursor.execute("SELECT * FROM nope"))
            .isInstanceOfSatisfying(
                ProgrammingError.class, e -> assertThat(e.number()).isEqualTo(208))
            .hasMessageContaining("Invalid object name 'nope'.");
        // the error surfaces at its statement's DONE; the rest of the response follows
        assertThat(cursor.nextSet()).isFalse();
        assertThat(c.messages()).extracting(SqlServerMessage::text).contains("after");
        cursor.execute("UPDATE t SET a = 1");
        assertThat(cursor.rowCount()).isEqualTo(3);
        assertThat(cursor.description()).isEmpty();
        assertThatThrownBy(() -> cursor.execute("INSERT t VALUES (1)"))
            .isInstanceOf(IntegrityError.class);
      }
      server.await();
    }
  }

  @Test
  void packetSizeFromEnvchangeIsObeyed() throws Exception {
    TestWorld w = new TestWorld(dir);
    AtomicReference<List<PacketHeader>> seen = new AtomicReference<>();
    String sql = "SELECT '" + "x".repeat(10_000) + "'";
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer, 2048);
              int before = peer.headers().size();
              assertThat(peer.readBatch()).isEqualTo(sql);
              seen.set(List.copyOf(peer.headers().subList(before, peer.headers().size())));
              peer.sendTokens(DONE);
              peer.seesEof(10_000);
            })) {
      Path conf = w.conf(server.port(), "encryption = off", "initial block size = 16384");
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build());
          Cursor cursor = c.cursor()) {
        cursor.execute(sql);
      }
      server.await();
    }
    List<PacketHeader> packets = seen.get();
    assertThat(packets).hasSizeGreaterThan(9);
    assertThat(packets.get(0).length()).isEqualTo(2048);
    assertThat(packets.get(0).packetId()).isEqualTo(1);
    assertThat(packets.get(packets.size() - 1).isEndOfMessage()).isTrue();
  }

  @Test
  void routingIsFollowedOnce() throws Exception {
    TestWorld w = new TestWorld(dir);
    AtomicReference<Login7> routedLogin = new AtomicReference<>();
    try (RogueServer target =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x02, true);
              routedLogin.set(peer.readLogin7());
              peer.sendTokens(
                  new EnvChange.Text(EnvChange.DATABASE, "routed", "master"),
                  new LoginAck(1, TdsVersion.V7_4.wire(), "Microsoft SQL Server", 16, 0, 3, 0xE8),
                  DONE);
              peer.expectSetup();
              peer.seesEof(10_000);
            })) {
      try (RogueServer gateway =
          new RogueServer(
              peer -> {
                peer.readPrelogin();
                peer.answerPrelogin(0x02, true);
                peer.readLogin7();
                peer.sendTokens(
                    new LoginAck(1, TdsVersion.V7_4.wire(), "Microsoft SQL Server", 16, 0, 3, 0xE8),
                    new EnvChange.Routing(0, target.port(), "127.0.0.1"),
                    DONE);
                assertThat(peer.seesEof(10_000)).as("the client left the gateway").isTrue();
              })) {
        Path conf = w.conf(gateway.port(), "encryption = off");
        try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build())) {
          assertThat(c.database()).isEqualTo("routed");
        }
        gateway.await();
      }
      target.await();
    }
    assertThat(routedLogin.get().serverName()).startsWith("127.0.0.1,");
  }

  @Test
  void aNewExecuteDiscardsTheRestOfThePreviousResult() throws Exception {
    TestWorld w = new TestWorld(dir);
    ColMetadata one = new ColMetadata(List.of(ColMetadata.Column.of("x", TypeInfo.intN(4), 1)));
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer, 4096);
              for (int query = 0; query < 2; query++) {
                peer.readBatch();
                peer.send(
                    PacketType.TABULAR_RESULT,
                    out -> {
                      one.encode(out, TdsVersion.V7_4);
                      for (int i = 0; i < 3; i++) {
                        io.jctds.protocol.token.Row.write(out, one, i);
                      }
                      new Done(TokenType.DONE, Done.STATUS_COUNT | Done.STATUS_MORE, 0xC1, 3)
                          .encode(out, TdsVersion.V7_4);
                      one.encode(out, TdsVersion.V7_4);
                      io.jctds.protocol.token.Row.write(out, one, 42);
                      Done.count(1).encode(out, TdsVersion.V7_4);
                    });
              }
              peer.seesEof(10_000);
            })) {
      Path conf = w.conf(server.port(), "encryption = off");
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build());
          Cursor a = c.cursor();
          Cursor b = c.cursor()) {
        a.execute("SELECT 1");
        assertThat(a.fetchOne().getInt(0)).isZero();
        b.execute("SELECT 2");
        assertThat(b.fetchMany(2)).extracting(r -> r.getInt(0)).containsExactly(0, 1);
        assertThat(b.nextSet()).isTrue();
        assertThat(b.rowCount()).isEqualTo(3);
        assertThat(b.fetchAll()).extracting(r -> r.get("x")).containsExactly(42);
        assertThat(b.rowCount()).isEqualTo(1);
        assertThat(b.nextSet()).isFalse();
        assertThat(a.fetchOne()).as("a's result was discarded").isNull();
      }
      server.await();
    }
  }
}
