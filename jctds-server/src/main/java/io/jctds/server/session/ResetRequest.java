package io.jctds.server.session;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.EnvChange;

/**
 * What the RESETCONNECTION bits of a request ask for ([MS-TDS] 2.2.3.1.2 Status): RESETCONNECTION
 * (0x08, TDS 7.1 on) resets the session, RESETCONNECTIONSKIPTRAN (0x10, TDS 7.3 on) resets it but
 * keeps the transaction. Only the first packet's status counts ("This bit SHOULD be ignored if it
 * is set in a packet that is not the first packet of the message"), and only on a SQL batch, an RPC
 * or a transaction-manager request ("Only set for event types Batch, RPC, or Transaction Manager
 * request"): on a bulk load it is ignored (ATTENTION never reaches here). Both bits together, which
 * the spec forbids, keep the transaction: the client asked for that much at least.
 */
enum ResetRequest {
  NONE,
  RESET,
  RESET_KEEP_TRANSACTION;

  /**
   * The reset a message asks for.
   *
   * @param type the message type
   * @param status the status of its first packet
   * @param version the session's TDS version (7.4 for TDS 8.0)
   */
  static ResetRequest of(int type, int status, TdsVersion version) {
    boolean request =
        type == PacketType.SQL_BATCH
            || type == PacketType.RPC
            || type == PacketType.TRANSACTION_MANAGER;
    if (!request || !version.atLeast(TdsVersion.V7_1)) {
      return NONE;
    }
    if ((status & PacketHeader.STATUS_RESET_CONNECTION_SKIP_TRAN) != 0
        && version.atLeast(TdsVersion.V7_3A)) {
      return RESET_KEEP_TRANSACTION;
    }
    return (status & PacketHeader.STATUS_RESET_CONNECTION) != 0 ? RESET : NONE;
  }

  /**
   * Answers a reset: ENVCHANGE 18 with empty values ([MS-TDS] 2.2.7.9), then, when the reset rolled
   * back a transaction, ENVCHANGE 10 for it as a ROLLBACK would, so that the client forgets its
   * descriptor (tedious clears its inTransaction flag itself after a reset only below TDS 7.2,
   * "inTransaction state ... maintained based on the events 'beginTransaction', 'commitTransaction'
   * and 'rollbackTransaction'"). Both from TDS 7.2 on, where these types exist: tedious's "should
   * reset Connection" test, "TDS 7_1 doesnt send RESETCONNECTION acknowledgement packet".
   *
   * @param rolledBack the descriptor of the transaction the reset rolled back, 0 for none
   */
  static void acknowledge(ResponseWriter response, long rolledBack) {
    if (!response.version().atLeast(TdsVersion.V7_2)) {
      return;
    }
    byte[] none = new byte[0];
    response.envChange(new EnvChange.Binary(EnvChange.RESET_ACK, none, none));
    if (rolledBack != 0) {
      response.envChange(
          new EnvChange.Binary(
              EnvChange.ROLLBACK_TRAN, none, TransactionRequests.bytes(rolledBack)));
    }
  }
}
