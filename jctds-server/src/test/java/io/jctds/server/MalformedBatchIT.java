package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session that sends malformed SQL batches — unterminated strings, identifiers and comments,
 * 10,000 nested parentheses, a megabyte of garbage, random text — gets an error for each and stays
 * usable; random bytes instead of TDS packets close only that session. Meanwhile another session
 * keeps working: it runs queries before the first malformed batch, while each one's answer is still
 * unread (the server has the bad batch in hand), and after each. No response may take longer than
 * the client's 30 s read timeout, every closed session's thread ends, and nothing is logged at
 * ERROR (an exception that escaped a session or the engine).
 */
class MalformedBatchIT {
  private static final RecordingLogger LOG = new RecordingLogger();
  private static TdsServer server;
  private static RawClient witness;
  private static int witnessQueries;

  @BeforeAll
  static void start() throws IOException {
    server =
        TestServers.builder(EncryptionPolicy.ON)
            .loginTimeout(Duration.ofSeconds(5))
            .logger(LOG)
            .build()
            .start();
    witness = RawClient.connect(server);
    witness.loginOk();
    witness.batch("CREATE TABLE witness (id int PRIMARY KEY, name nvarchar(20))");
    witnessWorks(); // before
  }

  @AfterEach
  void witnessStillWorksAndNothingFailedInside() throws IOException {
    witnessWorks(); // after
    assertThat(LOG.lines())
        .as("no exception escaped a session or the engine")
        .noneMatch(l -> l.startsWith("ERROR"));
  }

  @AfterAll
  static void stop() throws IOException {
    witness.close();
    server.close();
  }

  /** The witness inserts a row and reads back how many it has inserted. */
  private static void witnessWorks() throws IOException {
    witnessQueries++;
    List<Token> insert =
        witness.batch(
            "INSERT INTO witness VALUES (" + witnessQueries + ", N'row " + witnessQueries + "')");
    assertThat(Responses.errors(insert)).isEmpty();
    List<Token> count = witness.batch("SELECT COUNT(*) FROM witness");
    assertThat(Responses.scalar(count)).isEqualTo(witnessQueries);
  }

  /**
   * Sends {@code sql} on a new session, lets the witness work while the server has it, then reads
   * the answer: an error, ended by a DONE with the error bit; the session still answers a query.
   *
   * @return the errors
   */
  private static List<ServerMessage> malformed(String sql) throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      c.sendMessage(PacketType.SQL_BATCH, out -> SqlBatch.of(sql).encode(out, TdsVersion.V7_4));
      witnessWorks(); // during
      List<Token> answer = c.tokens();
      assertThat(answer).as("a response, not a closed connection").isNotEmpty();
      List<ServerMessage> errors = Responses.errors(answer);
      assertThat(errors).as("an error for %.60s", sql).isNotEmpty();
      assertThat(errors).allSatisfy(e -> assertThat(e.number()).isPositive());
      assertThat(Responses.lastDone(answer).status() & Done.STATUS_ERROR).isNotZero();
      assertThat(Responses.scalar(c.batch("SELECT 42"))).isEqualTo(42);
      assertSessionThreadEnds(c);
      return errors;
    }
  }

  /** Closes {@code c} and waits (bounded) for the server's thread of that session to end. */
  private static void assertSessionThreadEnds(RawClient c) throws IOException {
    String name = "jctds-session-" + c.spid();
    c.close();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (sessionThread(name) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(sessionThread(name)).as("%s ended", name).isFalse();
  }

  private static boolean sessionThread(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  @Test
  void unterminatedString() throws IOException {
    // SQL Server: Msg 105 "Unclosed quotation mark after the character string '%.*ls'."
    assertThat(malformed("SELECT 'abc\nFROM t")).extracting(ServerMessage::number).contains(105);
  }

  @Test
  void unterminatedBracketIdentifier() throws IOException {
    // SQL Server answers 105 as for a string; the engine answers another syntax error (1038)
    assertThat(malformed("SELECT [abc FROM t")).isNotEmpty();
  }

  @Test
  void unterminatedComment() throws IOException {
    // SQL Server: Msg 113 "Missing end comment mark '*/'."
    assertThat(malformed("SELECT 1 /* never closed\n/* nested */"))
        .extracting(ServerMessage::number)
        .contains(113);
  }

  @Test
  void tenThousandNestedParentheses() throws IOException {
    // SQL Server: Msg 191, Level 15 "Some part of your SQL statement is nested too deeply. ..."
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    assertThat(malformed("SELECT " + deep)).extracting(ServerMessage::number).containsExactly(191);
    assertThat(malformed("SELECT * FROM witness WHERE id IN " + "(".repeat(10_000)))
        .extracting(ServerMessage::number)
        .containsExactly(191);
    String minus = "-(".repeat(10_000) + "1" + ")".repeat(10_000);
    assertThat(malformed("SELECT CASE WHEN 1 = 1 THEN " + minus + " END"))
        .extracting(ServerMessage::number)
        .containsExactly(191);
  }

  @Test
  void aMegabyteOfGarbage() throws IOException {
    Random random = new Random(20_000_000); // fixed seed: the same garbage every run
    StringBuilder sb = new StringBuilder(1 << 20);
    String alphabet = "abc XYZ 019 ;,.()[]'\"@#$%^&*-+=/\\<>\n\t_";
    while (sb.length() < 1 << 20) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    malformed(sb.toString());
  }

  @Test
  void randomTextInTheBatch() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 5; i++) {
      char[] text = new char[1 + random.nextInt(5000)];
      for (int j = 0; j < text.length; j++) {
        text[j] = (char) random.nextInt(0x10000); // lone surrogates and control characters too
      }
      malformed("SELECT 1 " + new String(text));
    }
  }

  @Test
  void randomBytesInsteadOfPacketsCloseOnlyThatSession() throws IOException {
    Random random = new Random(11);
    for (int i = 0; i < 5; i++) {
      try (RawClient c = RawClient.connect(server)) {
        c.loginOk();
        byte[] bytes = new byte[1 + random.nextInt(20_000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) (0x20 + random.nextInt(0xD0)); // no valid packet type: never a request
        c.sendRaw(bytes);
        witnessWorks(); // during
        assertThat(c.closedByServer()).isTrue();
        assertSessionThreadEnds(c);
      }
    }
  }
}
