package io.jctds.protocol.token;

import static io.jctds.protocol.Bytes.buf;
import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenDecoderTest {
  /** LOGINACK of SQL Server 2019 (15.0.2000), "Microsoft SQL Server" plus two NULs. */
  static final String LOGINACK =
      "AD 36 00 01 74 00 00 04 16 4D 00 69 00 63 00 72 00 6F 00 73 00 6F 00 66 00 74 00 20 00"
          + " 53 00 51 00 4C 00 20 00 53 00 65 00 72 00 76 00 65 00 72 00 00 00 00 00 0F 00 07 D0";

  static final String ENV_DATABASE =
      "E3 1B 00 01 06 6D 00 61 00 73 00 74 00 65 00 72 00 06 6D 00 61 00 73 00 74 00 65 00 72 00";
  static final String ENV_COLLATION = "E3 08 00 07 05 09 04 D0 00 34 00";
  static final String ENV_PACKET_SIZE =
      "E3 13 00 04 04 38 00 31 00 39 00 32 00 04 34 00 30 00 39 00 36 00";
  static final String INFO_5701 =
      "AB 5E 00 45 16 00 00 02 00 25 00 43 00 68 00 61 00 6E 00 67 00 65 00 64 00 20 00 64 00"
          + " 61 00 74 00 61 00 62 00 61 00 73 00 65 00 20 00 63 00 6F 00 6E 00 74 00 65 00 78 00"
          + " 74 00 20 00 74 00 6F 00 20 00 27 00 6D 00 61 00 73 00 74 00 65 00 72 00 27 00 2E 00"
          + " 03 53 00 52 00 56 00 00 01 00 00 00";
  static final String DONE_FINAL = "FD 00 00 00 00 00 00 00 00 00 00 00 00";

  /** select 1 as a, N'x' as b */
  static final String SELECT =
      "81 02 00 00 00 00 00 00 00 38 01 61 00"
          + " 00 00 00 00 01 00 E7 02 00 09 04 D0 00 34 01 62 00"
          + " D1 01 00 00 00 02 00 78 00"
          + " FD 10 00 C1 00 01 00 00 00 00 00 00 00";

  private static List<Token> all(String hex, TdsVersion v) {
    return new TokenDecoder(v).decodeAll(buf(hex));
  }

  private static String reencode(List<Token> tokens, TdsVersion v) {
    BufferWriter w = new BufferWriter();
    tokens.forEach(t -> t.encode(w, v));
    return Bytes.toHex(w.toByteArray());
  }

  @Test
  void decodesALoginResponse() {
    String stream =
        LOGINACK + ENV_DATABASE + ENV_COLLATION + ENV_PACKET_SIZE + INFO_5701 + DONE_FINAL;
    List<Token> tokens = all(stream, TdsVersion.V7_4);
    assertThat(tokens).hasSize(6);
    LoginAck ack = (LoginAck) tokens.get(0);
    assertThat(ack.interfaceType()).isEqualTo(LoginAck.SQL_TSQL);
    assertThat(ack.version()).isEqualTo(TdsVersion.V7_4);
    assertThat(ack.progName()).isEqualTo("Microsoft SQL Server\0\0");
    assertThat(ack.productVersion()).isEqualTo("15.0.2000");
    assertThat(tokens.get(1)).isEqualTo(EnvChange.database("master", "master"));
    EnvChange.Binary coll = (EnvChange.Binary) tokens.get(2);
    assertThat(coll.collation()).isEqualTo(Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
    assertThat(((EnvChange.Text) tokens.get(3)).intValue()).isEqualTo(8192);
    ServerMessage info = (ServerMessage) tokens.get(4);
    assertThat(info.error()).isFalse();
    assertThat(info.number()).isEqualTo(5701);
    assertThat(info.state()).isEqualTo(2);
    assertThat(info.message()).isEqualTo("Changed database context to 'master'.");
    assertThat(info.serverName()).isEqualTo("SRV");
    assertThat(info.lineNumber()).isEqualTo(1);
    assertThat(info.toString()).contains("Info 5701");
    Done done = (Done) tokens.get(5);
    assertThat(done.hasMore()).isFalse();
    assertThat(done.isError()).isFalse();
    assertThat(reencode(tokens, TdsVersion.V7_4)).isEqualTo(Bytes.toHex(hex(stream)));
  }

  @Test
  void decodesASelectResult() {
    List<Token> tokens = all(SELECT, TdsVersion.V7_4);
    ColMetadata md = (ColMetadata) tokens.get(0);
    assertThat(md.size()).isEqualTo(2);
    assertThat(md.column(0).name()).isEqualTo("a");
    assertThat(md.column(0).typeInfo().type()).isEqualTo(TdsType.INT4);
    assertThat(md.column(1).isNullable()).isTrue();
    assertThat(md.column(1).typeInfo().sqlName()).isEqualTo("nvarchar(1)");
    assertThat(md.indexOf("B")).isEqualTo(1);
    Row row = (Row) tokens.get(1);
    assertThat(row.getInt(0)).isEqualTo(1);
    assertThat(row.getString(1)).isEqualTo("x");
    assertThat(row.toArray()).containsExactly(1, "x");
    Done done = (Done) tokens.get(2);
    assertThat(done.hasCount()).isTrue();
    assertThat(done.rowCount()).isEqualTo(1);
    assertThat(done.curCmd()).isEqualTo(0xC1);
    assertThat(reencode(tokens, TdsVersion.V7_4)).isEqualTo(Bytes.toHex(hex(SELECT)));
  }

  @Test
  void streamingNeverConsumesAPartialToken() {
    String stream = LOGINACK + ENV_DATABASE + INFO_5701 + SELECT;
    byte[] all = hex(stream);
    List<Token> expected = all(stream, TdsVersion.V7_4);
    for (int step : new int[] {1, 2, 3, 7, 13, 64}) {
      TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
      ByteBuffer window = ByteBuffer.allocate(all.length);
      window.flip();
      List<Token> got = new ArrayList<>();
      for (int fed = 0; fed < all.length; ) {
        int n = Math.min(step, all.length - fed);
        window.limit(window.limit() + n); // more bytes "arrive" after the same position
        window.duplicate().position(fed).put(all, fed, n);
        fed += n;
        Token t;
        while ((t = d.next(window)) != null) {
          got.add(t);
        }
        assertThat(d.missing()).isPositive();
      }
      assertThat(window.hasRemaining()).isFalse();
      assertThat(got).as("step %d", step).isEqualTo(expected);
    }
  }

  /**
   * A row cut inside a value waits for exactly the bytes the value still needs: [MS-TDS] 2.2.7.19
   * ROW holds each column as its TYPE_VARBYTE, here an INT4 (4 bytes, fixed) and an NVARCHAR
   * (USHORTLEN: 2-byte length, then that many bytes) of the SELECT above.
   */
  @Test
  void aRowCutInsideAValueReportsTheBytesThatValueStillNeeds() {
    String head = SELECT.substring(0, SELECT.indexOf(" D1 "));
    assertThat(missingAfter(head + " D1 01 00 00")).isEqualTo(1); // INT4: 3 of 4 bytes
    assertThat(missingAfter(head + " D1 01 00 00 00 02")).isEqualTo(1); // length: 1 of 2
    assertThat(missingAfter(head + " D1 01 00 00 00 02 00")).isEqualTo(2); // data: 0 of 2
    assertThat(missingAfter(head + " D1 01 00 00 00 02 00 78")).isEqualTo(1); // data: 1 of 2
  }

  private static int missingAfter(String prefix) {
    TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
    ByteBuffer in = buf(prefix);
    assertThat(d.next(in)).isInstanceOf(ColMetadata.class);
    int at = in.position();
    assertThat(d.next(in)).isNull();
    assertThat(in.position()).isEqualTo(at);
    return d.missing();
  }

  @Test
  void everyTruncatedPrefixOfEachTokenIsNeedMoreOrAnError() {
    String[] tokens = {LOGINACK, ENV_DATABASE, ENV_COLLATION, INFO_5701, DONE_FINAL, SELECT};
    for (String tok : tokens) {
      byte[] full = hex(tok);
      for (int n = 0; n < full.length; n++) {
        ByteBuffer b = buf(Arrays.copyOf(full, n));
        TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
        Token first = d.next(b);
        if (first != null) {
          continue; // SELECT: a complete COLMETADATA token inside the prefix
        }
        assertThat(b.position()).isZero();
      }
      if (tok.equals(SELECT)) {
        continue; // its prefixes include whole token sequences
      }
      Bytes.assertEveryPrefixFails(
          full,
          b -> {
            List<Token> t = new TokenDecoder(TdsVersion.V7_4).decodeAll(b);
            if (t.isEmpty()) {
              throw new TdsProtocolException("no token");
            }
            return t;
          });
    }
  }

  @Test
  void versionDependentFields() {
    Done d = new Done(TokenType.DONEPROC, Done.STATUS_COUNT | Done.STATUS_MORE, 0xE0, 7);
    byte[] v71 = Bytes.encode(w -> d.encode(w, TdsVersion.V7_1));
    assertThat(v71).hasSize(Done.size(TdsVersion.V7_1)).hasSize(9);
    assertThat(new TokenDecoder(TdsVersion.V7_1).decodeAll(buf(v71))).containsExactly(d);
    assertThat(Bytes.encode(w -> d.encode(w, TdsVersion.V7_2))).hasSize(13);

    ServerMessage e =
        new ServerMessage(true, 208, 1, 16, "Invalid object name 'x'.", "S", "p", 70000);
    byte[] e72 = Bytes.encode(w -> e.encode(w, TdsVersion.V7_2));
    ServerMessage e71 =
        new ServerMessage(true, 208, 1, 16, "Invalid object name 'x'.", "S", "p", 7);
    byte[] e71b = Bytes.encode(w -> e71.encode(w, TdsVersion.V7_1));
    assertThat(e72.length - e71b.length).isEqualTo(2);
    assertThat(new TokenDecoder(TdsVersion.V7_2).decodeAll(buf(e72))).containsExactly(e);
    assertThat(new TokenDecoder(TdsVersion.V7_1).decodeAll(buf(e71b))).containsExactly(e71);
    // a 7.1 ERROR read as 7.2 overruns its declared length
    assertThatThrownBy(() -> new TokenDecoder(TdsVersion.V7_2).decodeAll(buf(e71b)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("overruns its declared length");
  }

  @Test
  void everyTokenRoundTrips() {
    for (TdsVersion v : new TdsVersion[] {TdsVersion.V7_1, TdsVersion.V7_2, TdsVersion.V7_4}) {
      List<Token> tokens = TokenSamples.all();
      byte[] wire = Bytes.encode(w -> tokens.forEach(t -> t.encode(w, v)));
      List<Token> back = new TokenDecoder(v).decodeAll(buf(wire));
      assertThat(back).as("%s", v).isEqualTo(tokens);
      assertThat(reencode(back, v)).isEqualTo(Bytes.toHex(wire));
    }
  }

  @Test
  void rejectsMalformedStreams() {
    TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
    assertThatThrownBy(() -> d.next(buf("D1 01 00 00 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("ROW token before any COLMETADATA");
    assertThatThrownBy(() -> d.next(buf("42 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("unexpected token 0x42");
    assertThatThrownBy(() -> d.next(buf("88 00 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("COMPUTE BY");
    // ENVCHANGE whose declared length cuts its second string
    assertThatThrownBy(() -> d.next(buf("E3 04 00 01 06 6D 00 61 00 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("ENVCHANGE body overruns");
    assertThatThrownBy(() -> d.next(buf("A9 03 00 01 00 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("odd");
    // Always Encrypted column metadata
    assertThatThrownBy(() -> d.next(buf("81 01 00 00 00 00 00 00 08 38 01 61 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("Always Encrypted");
    assertThat(d.next(buf(""))).isNull();
  }

  @Test
  void randomBytesGiveATokenNeedMoreOrAProtocolError() {
    Random r = new Random(7);
    byte[] seed = hex(LOGINACK + ENV_DATABASE + SELECT + INFO_5701);
    for (int i = 0; i < 20000; i++) {
      byte[] b = seed.clone();
      for (int k = 0; k < 1 + r.nextInt(4); k++) {
        b[r.nextInt(b.length)] = (byte) r.nextInt();
      }
      int from = r.nextInt(b.length);
      ByteBuffer in = buf(Arrays.copyOfRange(b, from, b.length));
      TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
      try {
        Token t;
        while ((t = d.next(in)) != null) {
          if (t instanceof Row row) {
            row.toString(); // convert every column
          }
        }
      } catch (TdsProtocolException expected) {
        // fine
      } catch (io.jctds.protocol.type.ConversionException expected) {
        // a mutated value that is not a number etc.: fine
      }
    }
  }
}
