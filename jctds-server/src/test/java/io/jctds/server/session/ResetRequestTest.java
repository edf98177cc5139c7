package io.jctds.server.session;

import static io.jctds.protocol.framing.PacketHeader.STATUS_EOM;
import static io.jctds.protocol.framing.PacketHeader.STATUS_RESET_CONNECTION;
import static io.jctds.protocol.framing.PacketHeader.STATUS_RESET_CONNECTION_SKIP_TRAN;
import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import org.junit.jupiter.api.Test;

/**
 * Which reset a first packet's status asks for, by [MS-TDS] 2.2.3.1.2: RESETCONNECTION "(Introduced
 * in TDS 7.1)", RESETCONNECTIONSKIPTRAN "(Introduced in TDS 7.3)", "Only set for event types Batch,
 * RPC, or Transaction Manager request".
 */
class ResetRequestTest {
  private static final int RESET = STATUS_EOM | STATUS_RESET_CONNECTION;
  private static final int SKIP = STATUS_EOM | STATUS_RESET_CONNECTION_SKIP_TRAN;

  @Test
  void resetConnectionOnTheThreeRequestKinds() {
    for (int type :
        new int[] {PacketType.SQL_BATCH, PacketType.RPC, PacketType.TRANSACTION_MANAGER}) {
      assertThat(ResetRequest.of(type, RESET, TdsVersion.V7_1)).isEqualTo(ResetRequest.RESET);
      assertThat(ResetRequest.of(type, STATUS_EOM, TdsVersion.V7_4)).isEqualTo(ResetRequest.NONE);
    }
  }

  @Test
  void otherMessagesIgnoreTheBits() {
    assertThat(ResetRequest.of(PacketType.BULK_LOAD, RESET, TdsVersion.V7_4))
        .isEqualTo(ResetRequest.NONE);
    assertThat(ResetRequest.of(PacketType.ATTENTION, RESET, TdsVersion.V7_4))
        .isEqualTo(ResetRequest.NONE);
  }

  @Test
  void skipTranFromTds73On() {
    assertThat(ResetRequest.of(PacketType.SQL_BATCH, SKIP, TdsVersion.V7_2))
        .isEqualTo(ResetRequest.NONE);
    assertThat(ResetRequest.of(PacketType.SQL_BATCH, SKIP, TdsVersion.V7_3A))
        .isEqualTo(ResetRequest.RESET_KEEP_TRANSACTION);
    assertThat(ResetRequest.of(PacketType.RPC, SKIP, TdsVersion.V7_4))
        .isEqualTo(ResetRequest.RESET_KEEP_TRANSACTION);
  }

  @Test
  void bothBitsKeepTheTransactionWhereSkipTranExists() {
    int both = RESET | SKIP;
    assertThat(ResetRequest.of(PacketType.SQL_BATCH, both, TdsVersion.V7_4))
        .isEqualTo(ResetRequest.RESET_KEEP_TRANSACTION);
    assertThat(ResetRequest.of(PacketType.SQL_BATCH, both, TdsVersion.V7_2))
        .isEqualTo(ResetRequest.RESET);
  }
}
