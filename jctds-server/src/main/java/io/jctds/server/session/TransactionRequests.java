package io.jctds.server.session;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.Wire;
import io.jctds.protocol.batch.AllHeaders;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.server.sql.SqlException;
import io.jctds.server.sql.TransactionControl;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Transaction-manager requests ([MS-TDS] 2.2.6.9, packet type 0x0E): begin, commit, rollback and
 * save, answered with ENVCHANGE 8/9/10 carrying the transaction descriptor. Distributed (DTC)
 * requests are refused with an error.
 */
final class TransactionRequests {
  static final int TM_GET_DTC_ADDRESS = 0;
  static final int TM_PROPAGATE_XACT = 1;
  static final int TM_BEGIN_XACT = 5;
  static final int TM_PROMOTE_XACT = 6;
  static final int TM_COMMIT_XACT = 7;
  static final int TM_ROLLBACK_XACT = 8;
  static final int TM_SAVE_XACT = 9;

  private final Session session;
  private final TransactionControl control;
  private final ResponseWriter response;

  TransactionRequests(Session session, TransactionControl control, ResponseWriter response) {
    this.session = session;
    this.control = control;
    this.response = response;
  }

  /** Serves one request; the caller began the response and ends it. */
  void serve(ByteBuffer payload) {
    if (response.version().atLeast(TdsVersion.V7_2)) {
      AllHeaders.decode(payload);
    }
    int type = Wire.u16(payload, "transaction manager request type");
    switch (type) {
      case TM_BEGIN_XACT -> begin(isolation(Wire.u8(payload, "isolation")));
      case TM_COMMIT_XACT, TM_ROLLBACK_XACT -> {
        Wire.bVarchar(payload, "transaction name");
        boolean beginNew =
            payload.hasRemaining() && (Wire.u8(payload, "fBeginXact flag") & 0x01) != 0;
        if (end(type == TM_COMMIT_XACT) && beginNew) {
          begin(payload.hasRemaining() ? isolation(Wire.u8(payload, "isolation")) : null);
        }
      }
      case TM_SAVE_XACT -> {
        if (control.count() == 0) {
          error(628, "Cannot issue SAVE TRANSACTION when there is no active transaction.");
        } else {
          response.done(0, 0, 0);
        }
      }
      default ->
          error(
              8509,
              "Distributed transactions (transaction manager request "
                  + type
                  + ") are not supported by the jctds server.");
    }
  }

  private void begin(String isolation) {
    long d = control.begin(isolation);
    if (d != 0) {
      response.envChange(new EnvChange.Binary(EnvChange.BEGIN_TRAN, bytes(d), new byte[0]));
    }
    response.done(0, 0, 0);
  }

  private boolean end(boolean commit) {
    if (control.count() == 0) {
      error(
          commit ? 3902 : 3903,
          "The "
              + (commit ? "COMMIT" : "ROLLBACK")
              + " TRANSACTION request has no corresponding BEGIN TRANSACTION.");
      return false;
    }
    long d;
    try {
      d = commit ? control.commit() : control.rollback();
    } catch (SqlException e) {
      error(e.number(), e.getMessage());
      return false;
    }
    if (d != 0) {
      int kind = commit ? EnvChange.COMMIT_TRAN : EnvChange.ROLLBACK_TRAN;
      response.envChange(new EnvChange.Binary(kind, new byte[0], bytes(d)));
    }
    response.done(0, 0, 0);
    return true;
  }

  private void error(int number, String text) {
    response.message(new ServerMessage(true, number, 1, 16, text, session.serverName(), "", 1));
    response.done(Done.STATUS_ERROR, 0, 0);
  }

  static byte[] bytes(long descriptor) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(descriptor).array();
  }

  private static String isolation(int level) {
    return switch (level) {
      case 1 -> "READ UNCOMMITTED";
      case 3 -> "REPEATABLE READ";
      case 4 -> "SERIALIZABLE";
      case 5 -> "SNAPSHOT";
      default -> "READ COMMITTED";
    };
  }
}
