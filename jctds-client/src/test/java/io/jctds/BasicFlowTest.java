package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.tls.EncryptionReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain login and a query against scripted bytes: the whole path, end to end. */
class BasicFlowTest {
  @TempDir Path dir;

  static final ColMetadata TWO_COLUMNS =
      new ColMetadata(
          List.of(
              ColMetadata.Column.of("id", TypeInfo.intN(4), ColMetadata.FLAG_NULLABLE),
              ColMetadata.Column.of(
                  "name",
                  TypeInfo.nvarchar(50, Collation.fromBytes(new byte[] {9, 4, (byte) 0xD0, 0, 52})),
                  ColMetadata.FLAG_NULLABLE)));

  @Test
  void logsInPlainAndStreamsRows() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              PreLogin p = peer.readPrelogin();
              assertThat(p.encryption()).isEqualTo(0x02);
              peer.answerPrelogin(0x02, true);
              Login7 login = peer.readLogin7();
              assertThat(login.userName()).isEqualTo("sa");
              assertThat(login.password()).isEqualTo("s3cret!");
              assertThat(login.serverName()).isEqualTo("rogue");
              assertThat(login.cltIntName()).isEqualTo("jctds");
              peer.loginOk(TdsVersion.V7_4.wire(), 4096);
              peer.expectSetup();
              // k-cTDS's setup (its connection.c) starts the first batch: no round trip of its own
              assertThat(peer.readBatch()).isEqualTo("SELECT id, name FROM t");
              assertThat(peer.setup())
                  .isEqualTo(
                      "SET ARITHABORT ON;SET ANSI_DEFAULTS ON;SET CONCAT_NULL_YIELDS_NULL ON;"
                          + "SET TEXTSIZE 2147483647;SET IMPLICIT_TRANSACTIONS ON;");
              peer.send(
                  PacketType.TABULAR_RESULT,
                  out -> {
                    TWO_COLUMNS.encode(out, TdsVersion.V7_4);
                    io.jctds.protocol.token.Row.write(out, TWO_COLUMNS, 1, "one");
                    io.jctds.protocol.token.Row.write(out, TWO_COLUMNS, 2, null);
                    new ServerMessage(false, 0, 1, 0, "hello", "rogue", "", 1)
                        .encode(out, TdsVersion.V7_4);
                    new Done(TokenType.DONE, Done.STATUS_COUNT, 0xC1, 2)
                        .encode(out, TdsVersion.V7_4);
                  });
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port(), "encryption = off");
      try (Connection c = Jctds.connect("rogue", w.options(conf, "s3cret!").build());
          Cursor cursor = c.cursor()) {
        assertThat(c.tdsVersion()).isEqualTo("7.4");
        assertThat(c.spid()).isEqualTo(Peer.SPID);
        assertThat(c.database()).isEqualTo("master");
        assertThat(c.encryption().level()).isEqualTo(EncryptionReport.Level.NONE);
        cursor.execute("SELECT id, name FROM t");
        assertThat(cursor.description()).extracting(Column::name).containsExactly("id", "name");
        Row first = cursor.fetchOne();
        assertThat(first.get(0)).isEqualTo(1);
        assertThat(first.get("name")).isEqualTo("one");
        Row second = cursor.fetchOne();
        assertThat(second.asMap()).containsEntry("id", 2).containsEntry("name", null);
        assertThat(first.getString(1)).isEqualTo("one"); // still valid after the cursor moved
        assertThat(cursor.fetchOne()).isNull();
        assertThat(cursor.rowCount()).isEqualTo(2);
        assertThat(cursor.nextSet()).isFalse();
        assertThat(c.messages()).extracting(SqlServerMessage::text).containsExactly("hello");
      }
      server.await();
    }
  }

  @Test
  void connectSendsNothingAfterLogin7UntilTheFirstRequest() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x02, true);
              peer.readLogin7();
              int afterLogin = peer.rawReceived().length;
              peer.loginOk(TdsVersion.V7_4.wire(), 4096);
              assertThat(peer.seesEof(10_000)).isTrue();
              // no setup batch of its own: connect is PRELOGIN + LOGIN7 only (two round trips)
              assertThat(peer.rawReceived()).hasSize(afterLogin);
            })) {
      Path conf = w.conf(server.port());
      Jctds.connect("rogue", w.options(conf, "pw").build()).close();
      server.await();
    }
  }

  @Test
  void closedConnectionRefusesUse() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x02, true);
              peer.readLogin7();
              peer.loginOk(TdsVersion.V7_4.wire(), 4096);
              peer.expectSetup();
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port());
      Connection c = Jctds.connect("rogue", w.options(conf, "pw").autocommit(true).build());
      c.close();
      c.close();
      assertThat(c.isClosed()).isTrue();
      assertThatThrownBy(c::cursor)
          .isInstanceOf(InterfaceError.class)
          .hasMessageContaining("closed");
      server.await();
    }
  }

  @Test
  void hostAndPortWorkWithoutAnyFreetdsConf() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x02, true);
              assertThat(peer.readLogin7().serverName()).isEqualTo("127.0.0.1");
              peer.loginOk(TdsVersion.V7_4.wire(), 4096);
              peer.expectSetup();
              peer.seesEof(10_000);
            })) {
      ConnectOptions options =
          ConnectOptions.builder()
              .user("sa")
              .password("pw")
              .configResolver(w.resolver(null))
              .build();
      try (Connection c = Jctds.connect("127.0.0.1:" + server.port(), options)) {
        assertThat(c.encryption().isEncrypted()).isFalse();
      }
      server.await();
    }
  }
}
