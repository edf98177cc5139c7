package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsParameters;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ATTENTION and the IGNORE bit on the wire ([MS-TDS] 2.2.1.7 Attention, 2.2.7.6 DONE, 3.3.5.9
 * Client Request Execution State), over every way a session can be carried: the server reads while
 * a request runs, cancels it, ends its response with a DONE carrying the error bit and answers the
 * ATTENTION with its own message, a lone DONE with the ATTN bit — the two messages mssql-jdbc
 * (TDSCommand.onResponseEOM reads one more packet) and tedious 19 (SentAttention reads one more
 * message) expect. A WAITFOR of a minute that ends proves the cancel: the class timeout makes a
 * regression fail instead of hang.
 */
@Timeout(value = 50, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AttentionIT {
  private static TdsServer server;

  /** How the session is carried. */
  enum Carrier {
    PLAIN,
    LOGIN_ONLY_TLS,
    FULL_TLS,
    TDS8_STRICT
  }

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.builder(EncryptionPolicy.ON).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawClient loggedIn(Carrier carrier) throws IOException {
    RawClient c = RawClient.connect(server);
    switch (carrier) {
      case PLAIN -> {
        c.prelogin(2);
        c.loginOk();
      }
      case LOGIN_ONLY_TLS -> {
        c.prelogin(0);
        c.tls(TdsTlsTransport.Scope.LOGIN_ONLY);
        c.loginOk();
      }
      case FULL_TLS -> {
        c.prelogin(1);
        c.tls(TdsTlsTransport.Scope.WHOLE_CONNECTION);
        c.loginOk();
      }
      case TDS8_STRICT -> {
        c.tlsFirst(TlsParameters.TDS8_APPLICATION_PROTOCOL);
        c.prelogin(2);
        c.login(RawClient.login().tdsVersion(TdsVersion.V8_0.wire()).build());
      }
    }
    return c;
  }

  /** Sends a batch and waits until the server has read it (its packet count went up). */
  private static void sendAndAwaitArrival(RawClient c, String sql) {
    long before = c.info(server).numReads();
    c.sendMessage(PacketType.SQL_BATCH, out -> SqlBatch.of(sql).encode(out, TdsVersion.V7_4));
    while (c.info(server).numReads() == before) {
      Thread.onSpinWait();
    }
  }

  private static void attention(RawClient c) {
    c.sendMessage(PacketType.ATTENTION, out -> {});
  }

  /** The response of a cancelled request: it ends with DONE and the error bit, not the ack. */
  private static List<Token> cancelledResponse(RawClient c) throws IOException {
    List<Token> t = c.tokens();
    Done last = Responses.lastDone(t);
    assertThat(last.tokenType()).isEqualTo(TokenType.DONE);
    assertThat(last.isError()).isTrue();
    assertThat(last.hasMore()).isFalse();
    assertThat(Responses.dones(t)).noneMatch(Done::isAttentionAck);
    assertThat(Responses.errors(t)).isEmpty(); // a cancel raises no error
    return t;
  }

  /** The ATTENTION's own response: exactly one DONE with the ATTN bit. */
  private static void acknowledgement(RawClient c) throws IOException {
    List<Token> ack = c.tokens();
    assertThat(ack).singleElement().isInstanceOf(Done.class);
    Done d = (Done) ack.get(0);
    assertThat(d.isAttentionAck()).isTrue();
    assertThat(d.hasMore()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void attentionCancelsARunningWaitFor(Carrier carrier) throws IOException {
    try (RawClient c = loggedIn(carrier)) {
      sendAndAwaitArrival(c, "BEGIN TRAN\nWAITFOR DELAY '00:01:00'\nSELECT 1");
      attention(c);
      List<Token> t = cancelledResponse(c);
      assertThat(Responses.rows(t)).isEmpty();
      assertThat(Responses.envChanges(t))
          .extracting(EnvChange::changeType)
          .containsExactly(EnvChange.BEGIN_TRAN);
      acknowledgement(c);
      // the session goes on, its transaction still open (SQL Server leaves it open)
      assertThat(Responses.scalar(c.batch("SELECT @@TRANCOUNT"))).isEqualTo(1);
      c.batch("ROLLBACK");
    }
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void attentionStopsAResultTheClientIsNotReading(Carrier carrier) throws IOException {
    try (RawClient c = loggedIn(carrier)) {
      c.batch(
          "CREATE TABLE #d (n int); INSERT INTO #d VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
      // 10^8 rows: the server streams until the socket's buffers are full, then waits
      sendAndAwaitArrival(
          c, "SELECT a.n, b.n, c.n, d.n FROM #d a, #d b, #d c, #d d, #d e, #d f, #d g, #d h");
      attention(c);
      List<Token> t = cancelledResponse(c);
      assertThat(Responses.rows(t).size()).isLessThan(100_000_000);
      acknowledgement(c);
      assertThat(Responses.scalar(c.batch("SELECT COUNT(*) FROM #d"))).isEqualTo(10);
    }
  }

  @Test
  void attentionAfterTheResponseIsAnsweredAlone() throws IOException {
    try (RawClient c = loggedIn(Carrier.PLAIN)) {
      assertThat(Responses.scalar(c.batch("SELECT 5"))).isEqualTo(5);
      attention(c); // the race every client has: the response ended while it was sent
      acknowledgement(c);
      assertThat(Responses.scalar(c.batch("SELECT 6"))).isEqualTo(6);
    }
  }

  @Test
  void anIgnoredMessageIsAnsweredWithADoneError() throws IOException {
    try (RawClient c = loggedIn(Carrier.PLAIN)) {
      // [MS-TDS] 2.2.1.7: a client that cannot finish a request sends its next packet with the
      // ignore and EOM bits; the server ignores the request and answers one DONE with DONE_ERROR
      ByteBuffer first = ByteBuffer.allocate(200);
      byte[] text = SqlBatchBytes.of("SELECT 1 AS never_run");
      new PacketHeader(PacketType.SQL_BATCH, 0, 8 + text.length, 0, 1, 0).encode(first);
      first.put(text).flip();
      ByteBuffer last = ByteBuffer.allocate(8);
      int status = PacketHeader.STATUS_EOM | PacketHeader.STATUS_IGNORE;
      new PacketHeader(PacketType.SQL_BATCH, status, 8, 0, 2, 0).encode(last);
      last.flip();
      c.sendRaw(bytes(first));
      c.sendRaw(bytes(last));
      List<Token> t = c.tokens();
      assertThat(t).singleElement().isInstanceOf(Done.class);
      Done d = (Done) t.get(0);
      assertThat(d.isError()).isTrue();
      assertThat(d.isAttentionAck()).isFalse();
      assertThat(Responses.scalar(c.batch("SELECT 8"))).isEqualTo(8);
    }
  }

  @Test
  void pipelinedRequestsAreQueuedAndAnsweredInOrder() throws IOException {
    try (RawClient c = loggedIn(Carrier.FULL_TLS)) {
      // [MS-TDS] 3.3.5.9: "the TDS server SHOULD queue the new client request"
      for (int i = 1; i <= 5; i++) {
        String sql = "SELECT " + i;
        c.sendMessage(PacketType.SQL_BATCH, out -> SqlBatch.of(sql).encode(out, TdsVersion.V7_4));
      }
      for (int i = 1; i <= 5; i++) {
        assertThat(Responses.scalar(c.tokens())).isEqualTo(i);
      }
    }
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  /** A SQL batch payload as bytes (ALL_HEADERS and UCS-2 text). */
  private static final class SqlBatchBytes {
    static byte[] of(String sql) {
      io.jctds.protocol.BufferWriter w = new io.jctds.protocol.BufferWriter();
      SqlBatch.of(sql).encode(w, TdsVersion.V7_4);
      return w.toByteArray();
    }
  }
}
