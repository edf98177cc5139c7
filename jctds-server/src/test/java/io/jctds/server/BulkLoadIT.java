package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BulkLoadBCP messages (packet type 7, [MS-TDS] 2.2.6.1) the server must refuse: one that no INSERT
 * BULK announced, one whose bytes are not COLMETADATA, an INSERT BULK into a missing table. Each is
 * answered with an error and a DONE with the error bit; the session answers the next query and
 * nothing was written.
 */
class BulkLoadIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.builder(EncryptionPolicy.OFF).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<ServerMessage> bulkMessage(RawClient c, byte[] payload) throws IOException {
    c.sendMessage(PacketType.BULK_LOAD, out -> out.bytes(payload));
    List<Token> answer = c.tokens();
    assertThat(Responses.lastDone(answer).status() & Done.STATUS_ERROR).isNotZero();
    return Responses.errors(answer);
  }

  @Test
  void aBulkLoadWithoutInsertBulkIsRefused() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      List<ServerMessage> errors = bulkMessage(c, new byte[] {(byte) 0x81, 1, 0});
      // SQL Server's error 4804 (bulk data it cannot read: "While reading current row from
      // host, a premature end-of-message was encountered")
      assertThat(errors).extracting(ServerMessage::number).containsExactly(4804);
      assertThat(Responses.scalar(c.batch("SELECT 42"))).isEqualTo(42);
    }
  }

  @Test
  void bulkDataThatIsNotColMetadataIsRefusedAndNothingIsWritten() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      c.batch("CREATE TABLE bulk_garbage (id int)");
      assertThat(Responses.errors(c.batch("INSERT BULK bulk_garbage ([id] int)"))).isEmpty();
      List<ServerMessage> errors = bulkMessage(c, new byte[] {(byte) 0xD1, 4, 1, 0, 0, 0});
      assertThat(errors).extracting(ServerMessage::number).containsExactly(4804);
      assertThat(Responses.scalar(c.batch("SELECT COUNT(*) FROM bulk_garbage"))).isEqualTo(0);
      // the INSERT BULK was used up: another bulk message is refused too
      assertThat(bulkMessage(c, new byte[] {(byte) 0x81, 1, 0}))
          .extracting(ServerMessage::number)
          .containsExactly(4804);
    }
  }

  @Test
  void anRpcBetweenInsertBulkAndItsDataForgetsTheInsertBulk() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      c.batch("CREATE TABLE bulk_rpc_between (id int)");
      assertThat(Responses.errors(c.batch("INSERT BULK bulk_rpc_between ([id] int)"))).isEmpty();
      TypeInfo nvarchar = TypeInfo.nvarchar(4000, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
      List<Token> t =
          c.rpc(
              RpcRequest.named(
                  "sp_executesql", List.of(RpcParameter.of("", nvarchar, "SELECT 5"))));
      assertThat(Responses.scalar(t)).isEqualTo(5);
      // as after another SQL batch, the bulk data has nothing to go to: 4804. The message is a
      // valid one-row load ([MS-TDS] 2.2.6.1): it would be inserted if the INSERT BULK held
      c.sendMessage(
          PacketType.BULK_LOAD,
          out -> {
            new ColMetadata(
                    List.of(
                        ColMetadata.Column.of("id", TypeInfo.intN(4), ColMetadata.FLAG_NULLABLE)))
                .encode(out, TdsVersion.V7_4);
            out.u8(TokenType.ROW).u8(4).i32(7);
            new Done(TokenType.DONE, 0, 0, 0).encode(out, TdsVersion.V7_4);
          });
      assertThat(Responses.errors(c.tokens()))
          .extracting(ServerMessage::number)
          .containsExactly(4804);
      assertThat(Responses.scalar(c.batch("SELECT COUNT(*) FROM bulk_rpc_between"))).isEqualTo(0);
    }
  }

  @Test
  void insertBulkIntoAMissingTableIs208() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.loginOk();
      // SQL Server's error 208 "Invalid object name '%.*ls'."
      assertThat(Responses.errors(c.batch("INSERT BULK no_such_table ([id] int)")))
          .extracting(ServerMessage::number)
          .containsExactly(208);
      assertThat(Responses.scalar(c.batch("SELECT 42"))).isEqualTo(42);
    }
  }
}
