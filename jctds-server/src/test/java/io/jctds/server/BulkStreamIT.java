package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.TypeInfo;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BulkLoadBCP messages far larger than one read ([MS-TDS] 2.2.6.1: COLMETADATA, ROW tokens, DONE),
 * decoded while they arrive: each message here is 30,000 rows of one int column (180 KB in 4 KB
 * packets). What the server must do whatever the size: insert all rows or none (SQL Server's
 * batch), read the whole message before answering so the session stays in step, undo a message the
 * client abandons with the IGNORE bit ([MS-TDS] 2.2.1.7: "the server MUST ignore the message" —
 * answered with a DONE with the error bit), and end the session when the client goes away in the
 * middle, keeping nothing.
 */
class BulkStreamIT {
  private static final int ROWS = 30_000;
  private static TdsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.builder(EncryptionPolicy.OFF).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** COLMETADATA of one nullable int column (INTN, length 4), as bcp clients send it. */
  private static void metadata(TdsWriter out) {
    new ColMetadata(
            List.of(ColMetadata.Column.of("id", TypeInfo.intN(4), ColMetadata.FLAG_NULLABLE)))
        .encode(out, TdsVersion.V7_4);
  }

  /** ROW tokens 1..ROWS, value NULL where {@code isNull} says so; DONE after them. */
  private static void rows(TdsWriter out, IntPredicate isNull) {
    metadata(out);
    for (int i = 1; i <= ROWS; i++) {
      out.u8(TokenType.ROW);
      if (isNull.test(i)) {
        out.u8(0); // INTN NULL: length 0
      } else {
        out.u8(4);
        out.i32(i);
      }
    }
    new Done(TokenType.DONE, 0, 0, 0).encode(out, TdsVersion.V7_4);
  }

  private static RawClient table(String name) throws IOException {
    RawClient c = RawClient.connect(server);
    c.loginOk();
    c.batch("CREATE TABLE " + name + " (id int NOT NULL)");
    assertThat(Responses.errors(c.batch("INSERT BULK " + name + " ([id] int)"))).isEmpty();
    return c;
  }

  @Test
  void aLargeMessageIsInsertedWhole() throws IOException {
    try (RawClient c = table("streamed_ok")) {
      c.sendMessage(PacketType.BULK_LOAD, out -> rows(out, i -> false));
      List<Token> answer = c.tokens();
      assertThat(Responses.errors(answer)).isEmpty();
      assertThat(Responses.lastDone(answer).rowCount()).isEqualTo(ROWS);
      assertThat(Responses.scalar(c.batch("SELECT SUM(CAST(id AS bigint)) FROM streamed_ok")))
          .isEqualTo((long) ROWS * (ROWS + 1) / 2);
    }
  }

  @Test
  void aBadRowLateInTheMessageKeepsNothingAndTheSessionGoesOn() throws IOException {
    try (RawClient c = table("streamed_null")) {
      c.sendMessage(PacketType.BULK_LOAD, out -> rows(out, i -> i == 20_000));
      List<Token> answer = c.tokens();
      // SQL Server's 515 "Cannot insert the value NULL into column ..."
      assertThat(Responses.errors(answer)).extracting(ServerMessage::number).containsExactly(515);
      assertThat(Responses.lastDone(answer).status() & Done.STATUS_ERROR).isNotZero();
      assertThat(Responses.scalar(c.batch("SELECT COUNT(*) FROM streamed_null"))).isEqualTo(0);
    }
  }

  @Test
  void anAbandonedMessageIsUndone() throws IOException {
    try (RawClient c = table("streamed_ignored")) {
      c.sendAbandoned(PacketType.BULK_LOAD, out -> rows(out, i -> false));
      List<Token> answer = c.tokens();
      assertThat(Responses.errors(answer)).isEmpty();
      assertThat(Responses.lastDone(answer).status() & Done.STATUS_ERROR).isNotZero();
      assertThat(Responses.scalar(c.batch("SELECT COUNT(*) FROM streamed_ignored"))).isEqualTo(0);
    }
  }

  @Test
  void aLargeMessageNoInsertBulkAnnouncedIsReadThroughAndRefused() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      c.sendMessage(PacketType.BULK_LOAD, out -> rows(out, i -> false));
      assertThat(Responses.errors(c.tokens()))
          .extracting(ServerMessage::number)
          .containsExactly(4804);
      assertThat(Responses.scalar(c.batch("SELECT 42"))).isEqualTo(42);
    }
  }

  @Test
  void aClientThatGoesAwayMidMessageEndsItsSessionAndKeepsNothing() throws Exception {
    int before = server.sessions().size();
    RawClient c = table("streamed_gone");
    class Gone extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }
    assertThatThrownBy(
            () ->
                c.sendMessage(
                    PacketType.BULK_LOAD,
                    out -> {
                      metadata(out);
                      for (int i = 1; i <= ROWS / 2; i++) {
                        out.u8(TokenType.ROW);
                        out.u8(4);
                        out.i32(i);
                      }
                      throw new Gone(); // half the rows went out in full packets, no EOM
                    }))
        .isInstanceOf(Gone.class);
    c.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // against a hang only
    while (server.sessions().size() > before && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.sessions()).hasSize(before);
    try (RawClient other = RawClient.connect(server)) {
      other.loginOk();
      assertThat(Responses.scalar(other.batch("SELECT COUNT(*) FROM streamed_gone"))).isEqualTo(0);
    }
  }
}
