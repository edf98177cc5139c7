package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.TypeInfo;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request flow against scripted token streams, for shapes the embedded server does not produce:
 * token order as [MS-TDS] 2.2.7 describes it (an ERROR token, then the DONE of the failed statement
 * with DONE_ERROR; the attention acknowledgement, a DONE with DONE_ATTN, 3.2.5.1, may follow in a
 * message of its own after the cancelled response).
 */
class ScriptedFlowTest {
  @TempDir Path dir;

  private static final ColMetadata ONE =
      new ColMetadata(List.of(ColMetadata.Column.of("x", TypeInfo.intN(4), 1)));

  private static void login(Peer peer) throws Exception {
    peer.readPrelogin();
    peer.answerPrelogin(0x02, true);
    peer.readLogin7();
    peer.loginOk(TdsVersion.V7_4.wire(), 4096);
    peer.expectSetup();
  }

  private Connection connect(RogueServer server) {
    TestWorld w = new TestWorld(dir);
    Path conf = w.conf(server.port(), "encryption = off");
    return Jctds.connect("rogue", w.options(conf, "pw").build());
  }

  @Test
  void connectionBreakingWhileCommitIsInFlightRaisesCommitOutcomeUnknown() throws Exception {
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              assertThat(peer.readBatch()).contains("COMMIT");
              // the socket closes here, before any answer
            })) {
      Connection c = connect(server);
      assertThatThrownBy(c::commit)
          .isInstanceOfSatisfying(
              CommitOutcomeUnknownError.class,
              e -> {
                assertThat(e.reason()).isEqualTo(OperationalError.Reason.COMMIT_OUTCOME_UNKNOWN);
                assertThat(e.isConnectionBroken()).isTrue();
              });
      assertThat(c.isClosed()).isTrue();
      server.await();
    }
  }

  @Test
  void rowsBeforeAnErrorStayReadableAndTheNextStatementFollows() throws Exception {
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              peer.readBatch();
              peer.send(
                  PacketType.TABULAR_RESULT,
                  out -> {
                    ONE.encode(out, TdsVersion.V7_4);
                    io.jctds.protocol.token.Row.write(out, ONE, 1);
                    io.jctds.protocol.token.Row.write(out, ONE, 2);
                    new ServerMessage(
                            true, 8134, 1, 16, "Divide by zero error encountered.", "r", "", 1)
                        .encode(out, TdsVersion.V7_4);
                    new Done(TokenType.DONE, Done.STATUS_ERROR | Done.STATUS_MORE, 0xC1, 0)
                        .encode(out, TdsVersion.V7_4);
                    ONE.encode(out, TdsVersion.V7_4);
                    io.jctds.protocol.token.Row.write(out, ONE, 3);
                    Done.count(1).encode(out, TdsVersion.V7_4);
                  });
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      try (Connection c = connect(server);
          Cursor cursor = c.cursor()) {
        cursor.execute("SELECT 10 / v FROM t; SELECT 3");
        assertThat(cursor.fetchOne().getInt(0)).isEqualTo(1);
        assertThat(cursor.fetchOne().getInt(0)).isEqualTo(2);
        assertThatThrownBy(cursor::fetchOne)
            .isInstanceOfSatisfying(DataError.class, e -> assertThat(e.number()).isEqualTo(8134));
        assertThat(cursor.nextSet()).isTrue();
        assertThat(cursor.fetchOne().getInt(0)).isEqualTo(3);
        assertThat(cursor.fetchOne()).isNull();
        assertThat(cursor.rowCounts()).containsExactly(1);
      }
      server.await();
    }
  }

  @Test
  @Timeout(30)
  void cancelReadsOnToTheAcknowledgementInAMessageOfItsOwn() throws Exception {
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              peer.readBatch();
              peer.readMessage(PacketType.ATTENTION);
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_ERROR, 0xC1, 0));
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_ATTN, 0, 0));
              peer.expectSetup(); // the cancelled first request may not have run the setup: it
              // comes again
              assertThat(peer.readBatch()).isEqualTo("SELECT 1");
              peer.send(
                  PacketType.TABULAR_RESULT,
                  out -> {
                    ONE.encode(out, TdsVersion.V7_4);
                    io.jctds.protocol.token.Row.write(out, ONE, 1);
                    Done.count(1).encode(out, TdsVersion.V7_4);
                  });
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      try (Connection c = connect(server);
          Cursor cursor = c.cursor()) {
        Thread canceller =
            new Thread(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    cursor.cancel(); // nothing until the request is in flight
                    Thread.onSpinWait();
                  }
                });
        canceller.start();
        try {
          assertThatThrownBy(() -> cursor.execute("WAITFOR DELAY '01:00:00'"))
              .isInstanceOf(QueryCancelledError.class);
        } finally {
          canceller.interrupt();
          canceller.join();
        }
        cursor.execute("SELECT 1");
        assertThat(cursor.fetchOne().getInt(0)).isEqualTo(1);
      }
      server.await();
    }
  }

  @Test
  @Timeout(30)
  void cancelledUnreadResponseIsDiscardedByTheNextExecute() throws Exception {
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              peer.readBatch();
              // the first packet of the response, without EOM: the rest never comes
              BufferWriter w = new BufferWriter();
              ONE.encode(w, TdsVersion.V7_4);
              io.jctds.protocol.token.Row.write(w, ONE, 1);
              byte[] payload = w.toByteArray();
              ByteBuffer packet = ByteBuffer.allocate(PacketHeader.SIZE + payload.length);
              new PacketHeader(
                      PacketType.TABULAR_RESULT, 0, PacketHeader.SIZE + payload.length, 0, 1, 0)
                  .encode(packet);
              packet.put(payload);
              peer.sendRaw(packet.array());
              peer.readMessage(PacketType.ATTENTION);
              // the end of the cancelled response (EOM), then the acknowledgement
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_ERROR, 0xC1, 0));
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_ATTN, 0, 0));
              peer.expectSetup(); // the cancelled first request may not have run the setup: it
              // comes again
              assertThat(peer.readBatch()).isEqualTo("SELECT 2");
              peer.send(
                  PacketType.TABULAR_RESULT,
                  out -> {
                    ONE.encode(out, TdsVersion.V7_4);
                    io.jctds.protocol.token.Row.write(out, ONE, 2);
                    Done.count(1).encode(out, TdsVersion.V7_4);
                  });
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      try (Connection c = connect(server);
          Cursor cursor = c.cursor()) {
        cursor.execute("SELECT 1");
        cursor.cancel(); // from this thread: nobody is reading
        cursor.execute("SELECT 2");
        assertThat(cursor.fetchOne().getInt(0)).isEqualTo(2);
      }
      server.await();
    }
  }

  @Test
  @Timeout(30)
  void cancelAfterTheWholeResponseArrivedStillReadsTheAcknowledgement() throws Exception {
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              peer.readBatch();
              peer.send(
                  PacketType.TABULAR_RESULT,
                  out -> {
                    ONE.encode(out, TdsVersion.V7_4);
                    io.jctds.protocol.token.Row.write(out, ONE, 1);
                    Done.count(1).encode(out, TdsVersion.V7_4);
                  });
              peer.readMessage(PacketType.ATTENTION);
              // the request had ended: the server acknowledges in a message of its own
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_ATTN, 0, 0));
              peer.expectSetup(); // the cancelled first request may not have run the setup: it
              // comes again
              assertThat(peer.readBatch()).isEqualTo("SELECT 2");
              peer.send(
                  PacketType.TABULAR_RESULT,
                  out -> {
                    ONE.encode(out, TdsVersion.V7_4);
                    io.jctds.protocol.token.Row.write(out, ONE, 2);
                    Done.count(1).encode(out, TdsVersion.V7_4);
                  });
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      try (Connection c = connect(server);
          Cursor cursor = c.cursor()) {
        cursor.execute("SELECT 1");
        assertThat(cursor.fetchOne().getInt(0)).isEqualTo(1);
        assertThat(cursor.fetchOne()).isNull(); // at the DONE; the end of the message is unread
        cursor.cancel();
        assertThatThrownBy(cursor::nextSet).isInstanceOf(QueryCancelledError.class);
        cursor.execute("SELECT 2");
        assertThat(cursor.fetchOne().getInt(0)).isEqualTo(2);
      }
      server.await();
    }
  }
}
