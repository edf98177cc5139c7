package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.internal.params.EncodeContext;
import io.jctds.internal.params.ParamEncoder;
import io.jctds.internal.params.Rpcs;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.LoginAck;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.Collation;
import io.jctds.session.Session;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session.call and the server collation against a scripted server: the login's ENVCHANGE 7
 * (SQL_COLLATION, [MS-TDS] 2.2.7.9) decides the code page varchar parameters are encoded in, a
 * later ENVCHANGE 7 replaces it, and call() sends one RPC message (packet type 3) with the calls.
 * Polish_CI_AS is LCID 0x0415 with code page 1250 (COLLATIONPROPERTY('Polish_CI_AS', 'CodePage'));
 * in windows-1250 ł, ó, d, ź are B3, F3, 64, 9F (Microsoft's code page 1250 table).
 */
class SessionRpcFlowTest {
  @TempDir Path dir;

  private static final Collation POLISH =
      new Collation(
          0x0415, Collation.IGNORE_CASE | Collation.IGNORE_KANA | Collation.IGNORE_WIDTH, 0, 0);

  @Test
  void theLoginCollationEncodesVarCharAndCallSendsAnRpcMessage() throws Exception {
    TestWorld w = new TestWorld(dir);
    AtomicReference<List<RpcRequest>> received = new AtomicReference<>();
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x02, true);
              peer.readLogin7();
              peer.sendTokens(
                  new EnvChange.Binary(EnvChange.SQL_COLLATION, POLISH.toBytes(), new byte[0]),
                  new EnvChange.Text(EnvChange.DATABASE, "master", ""),
                  new LoginAck(1, TdsVersion.V7_4.wire(), "Microsoft SQL Server", 16, 0, 3, 0xE8),
                  new Done(TokenType.DONE, 0, 0, 0));
              peer.expectSetup();
              ByteBuffer rpc = peer.readMessage(PacketType.RPC).order(ByteOrder.LITTLE_ENDIAN);
              received.set(RpcRequest.decodeMessage(rpc, TdsVersion.V7_4));
              peer.sendTokens(
                  new EnvChange.Binary(
                      EnvChange.SQL_COLLATION,
                      Collation.LATIN1_GENERAL_100_CI_AS_SC_UTF8.toBytes(),
                      POLISH.toBytes()),
                  new Done(TokenType.DONE, 0, 0, 0));
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf = w.conf(server.port(), "encryption = off");
      try (Connection c = Jctds.connect("rogue", w.options(conf, "pw").build())) {
        Session s = c.session();
        assertThat(s.collation()).isEqualTo(POLISH);
        EncodeContext ctx = new EncodeContext(s.version(), s.collation());
        byte[] v = ParamEncoder.encode(new SqlVarChar("łódź"), ctx).value();
        assertThat(HexFormat.of().formatHex(v)).isEqualTo("0400b3f3649f");
        RpcRequest call = Rpcs.executeSql("SELECT :0", List.of(new SqlVarChar("łódź")), ctx);
        assertThat(s.call(List.of(call, call)).next()).isInstanceOf(Done.class);
        assertThat(s.collation()).isEqualTo(Collation.LATIN1_GENERAL_100_CI_AS_SC_UTF8);
      }
      server.await();
    }
    assertThat(received.get()).hasSize(2);
    assertThat(received.get().get(0).displayName()).isEqualTo("sp_executesql");
    assertThat(received.get().get(0).parameters().get(2).getObject()).isEqualTo("łódź");
  }
}
