package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection.bulkInsert against a scripted server: the FMTONLY probe, the INSERT BULK batch and the
 * BulkLoadBCP message (packet type 7) byte for byte.
 */
class BulkFlowTest {
  @TempDir Path dir;

  /** The table of [MS-TDS] 4.12: one column c1 of FIXEDLENTYPE 0x32 (bit), flags 0x0005. */
  private static final ColMetadata BIT_TABLE =
      new ColMetadata(List.of(ColMetadata.Column.of("c1", TypeInfo.fixed(TdsType.BIT), 0x0005)));

  /**
   * The PacketData of the BulkLoadBCP example in [MS-TDS] 4.12 (Bulk Load): COLMETADATA of c1 bit,
   * one ROW holding 0, DONE with zeros.
   */
  private static final String MS_TDS_4_12 =
      "81 01 00 00 00 00 00 05 00 32 02 63 00 31 00 D1 00 FD 00 00 00 00 00 00 00 00 00 00 00 00";

  private static void login(Peer peer) throws Exception {
    peer.readPrelogin();
    peer.answerPrelogin(0x02, true);
    peer.readLogin7();
    peer.loginOk(TdsVersion.V7_4.wire(), 4096);
    peer.expectSetup();
  }

  /** Answers the FMTONLY probe as SQL Server does: SET's DONE, the metadata, then the DONEs. */
  private static void answerFmtOnly(Peer peer, ColMetadata table) throws Exception {
    assertThat(peer.readBatch()).isEqualTo("SET FMTONLY ON; SELECT * FROM t; SET FMTONLY OFF");
    peer.send(
        PacketType.TABULAR_RESULT,
        out -> {
          new Done(TokenType.DONE, Done.STATUS_MORE, 0, 0).encode(out, TdsVersion.V7_4);
          table.encode(out, TdsVersion.V7_4);
          new Done(TokenType.DONE, Done.STATUS_MORE, 0xC1, 0).encode(out, TdsVersion.V7_4);
          new Done(TokenType.DONE, 0, 0, 0).encode(out, TdsVersion.V7_4);
        });
  }

  private Connection connect(RogueServer server) {
    TestWorld w = new TestWorld(dir);
    Path conf = w.conf(server.port(), "encryption = off");
    return Jctds.connect("rogue", w.options(conf, "pw").build());
  }

  @Test
  void oneRowOfTheSpecExampleIsSentAsTheSpecShowsIt() throws Exception {
    List<String> sent = new ArrayList<>();
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              answerFmtOnly(peer, BIT_TABLE);
              sent.add(peer.readBatch());
              peer.sendTokens(new Done(TokenType.DONE, 0, 0, 0));
              sent.add(hex(peer.readMessage(PacketType.BULK_LOAD)));
              peer.sendTokens(Done.count(1));
            })) {
      try (Connection c = connect(server)) {
        assertThat(c.bulkInsert("t", List.of(List.of(false)))).isEqualTo(1);
      }
      server.await();
    }
    assertThat(sent.get(0)).isEqualTo("INSERT BULK t ([c1] bit)");
    assertThat(sent.get(1)).isEqualTo(MS_TDS_4_12);
  }

  @Test
  void eachBatchIsItsOwnInsertBulkAndMessageAndTheCountsAddUp() throws Exception {
    List<String> sent = new ArrayList<>();
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              answerFmtOnly(peer, BIT_TABLE);
              for (int b = 0; b < 2; b++) {
                sent.add(peer.readBatch());
                peer.sendTokens(new Done(TokenType.DONE, 0, 0, 0));
                sent.add(hex(peer.readMessage(PacketType.BULK_LOAD)));
                peer.sendTokens(Done.count(1));
              }
            })) {
      try (Connection c = connect(server)) {
        BulkOptions o = BulkOptions.builder().batchSize(1).tablock(true).build();
        assertThat(c.bulkInsert("t", List.of(Map.of("c1", false), Map.of("c1", false)), o))
            .isEqualTo(2);
      }
      server.await();
    }
    assertThat(sent)
        .containsExactly(
            "INSERT BULK t ([c1] bit) WITH (TABLOCK)",
            MS_TDS_4_12,
            "INSERT BULK t ([c1] bit) WITH (TABLOCK)",
            MS_TDS_4_12);
  }

  @Test
  void aBadRowIsDataErrorAndItsMessageIsEndedWithTheIgnoreBit() throws Exception {
    List<PacketHeader> headers = new ArrayList<>();
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              answerFmtOnly(peer, BIT_TABLE);
              peer.readBatch();
              peer.sendTokens(new Done(TokenType.DONE, 0, 0, 0));
              peer.readMessage(PacketType.BULK_LOAD);
              headers.addAll(peer.headers());
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_ERROR, 0, 0));
              assertThat(peer.readBatch()).isEqualTo("SELECT 1");
              peer.sendTokens(Done.count(0));
            })) {
      try (Connection c = connect(server)) {
        List<Object> rows = new ArrayList<>();
        rows.add(List.of(true));
        rows.add(java.util.Arrays.asList((Object) null)); // bit NOT NULL (fixed BIT)
        assertThatThrownBy(() -> c.bulkInsert("t", rows))
            .isInstanceOf(DataError.class)
            .hasMessageContaining("row 2")
            .hasMessageContaining("[c1]");
        assertThat(c.isClosed()).isFalse();
        c.cursor().execute("SELECT 1");
      }
      server.await();
    }
    // [MS-TDS] 2.2.3.1.2: a message the server is to ignore ends with status EOM | ignore (0x03)
    PacketHeader last = headers.get(headers.size() - 1);
    assertThat(last.type()).isEqualTo(PacketType.BULK_LOAD);
    assertThat(last.status()).isEqualTo(PacketHeader.STATUS_EOM | PacketHeader.STATUS_IGNORE);
  }

  @Test
  void theCallersRowSourceFailingEndsTheMessageWithTheIgnoreBitAndPropagates() throws Exception {
    sourceFails(new IllegalStateException("the source failed"));
  }

  /**
   * An UncheckedIOException from the caller (Files.lines, a CSV reader) is the caller's failure,
   * not the connection's: it propagates unchanged and the connection stays usable.
   */
  @Test
  void anUncheckedIoExceptionOfTheRowSourceDoesNotCloseTheConnection() throws Exception {
    sourceFails(new java.io.UncheckedIOException(new java.io.IOException("the file failed")));
  }

  /** A row source whose second row throws {@code failure}. */
  private void sourceFails(RuntimeException failure) throws Exception {
    List<PacketHeader> headers = new ArrayList<>();
    try (RogueServer server =
        new RogueServer(
            peer -> {
              login(peer);
              answerFmtOnly(peer, BIT_TABLE);
              peer.readBatch();
              peer.sendTokens(new Done(TokenType.DONE, 0, 0, 0));
              peer.readMessage(PacketType.BULK_LOAD);
              headers.addAll(peer.headers());
              peer.sendTokens(new Done(TokenType.DONE, Done.STATUS_ERROR, 0, 0));
              assertThat(peer.readBatch()).isEqualTo("SELECT 1");
              peer.sendTokens(Done.count(0));
            })) {
      try (Connection c = connect(server)) {
        java.util.Iterator<Object> rows =
            java.util.stream.Stream.<Object>of(List.of(true), "boom")
                .map(
                    r -> {
                      if (r.equals("boom")) {
                        throw failure;
                      }
                      return r;
                    })
                .iterator();
        assertThatThrownBy(() -> c.bulkInsert("t", rows)).isSameAs(failure);
        assertThat(c.isClosed()).isFalse();
        c.cursor().execute("SELECT 1");
      }
      server.await();
    }
    PacketHeader last = headers.get(headers.size() - 1);
    assertThat(last.status()).isEqualTo(PacketHeader.STATUS_EOM | PacketHeader.STATUS_IGNORE);
  }

  @Test
  void withEnableBcpOffBulkInsertIsInterfaceError() throws Exception {
    try (RogueServer server = new RogueServer(BulkFlowTest::login)) {
      TestWorld w = new TestWorld(dir);
      Path conf = w.conf(server.port(), "encryption = off");
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").enableBcp(false).build())) {
        assertThatThrownBy(() -> c.bulkInsert("t", List.of(List.of(true))))
            .isInstanceOf(InterfaceError.class)
            .hasMessageContaining("enableBcp");
      }
      server.await();
    }
  }

  private static String hex(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.get(a);
    return Hex.of(a);
  }
}
