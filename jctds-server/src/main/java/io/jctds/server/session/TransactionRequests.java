package io.jctds.server.session;

import io.jctds.protocol.TdsProtocolException;
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
 * Transaction-manager requests ([MS-TDS] 2.2.6.9, packet type 0x0E): ALL_HEADERS, a USHORT request
 * type and its payload.
 *
 * <ul>
 *   <li>TM_BEGIN_XACT (5): ISOLATION_LEVEL (BYTE, 0 = no change, 1 read uncommitted ... 5 snapshot)
 *       and BEGIN_XACT_NAME. A level is a session setting, as SET TRANSACTION ISOLATION LEVEL then
 *       BEGIN TRANSACTION (which tedious sends instead before TDS 7.2).
 *   <li>TM_COMMIT_XACT (7), TM_ROLLBACK_XACT (8): XACT_NAME, XACT_FLAGS (BYTE, bit 0 fBeginXact),
 *       then with fBeginXact NEW_ISOLATION_LEVEL and NEW_XACT_NAME: a new transaction begins once
 *       the old one ended. A rollback named after a savepoint rolls back to it and the transaction
 *       goes on (tedious's nested transaction(), "ROLLBACK TRANSACTION").
 *   <li>TM_SAVE_XACT (9): XACT_SAVEPOINT_NAME. Names are B_VARBYTE holding UCS-2 text.
 *   <li>TM_GET_DTC_ADDRESS (0), TM_PROPAGATE_XACT (1), TM_PROMOTE_XACT (6): distributed
 *       transactions, which need MS DTC: answered as SQL Server answers when it cannot reach it,
 *       error 8501 ("MSDTC on server '...' is unavailable.", severity 16, state 3).
 * </ul>
 *
 * Each is answered with the ENVCHANGEs of the transactions it began (8, new value the 8-byte
 * descriptor) and ended (9 commit, 10 rollback, old value the descriptor) — from TDS 7.2, as for
 * transaction statements — or an ERROR, then one DONE (with the error bit after an error).
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
    int at = payload.position();
    int type = Wire.u16(payload, "transaction manager request type");
    boolean ok;
    try {
      ok =
          switch (type) {
            case TM_BEGIN_XACT -> begin(payload);
            case TM_COMMIT_XACT, TM_ROLLBACK_XACT -> end(payload, type == TM_COMMIT_XACT);
            case TM_SAVE_XACT -> {
              control.save(name(payload, "XACT_SAVEPOINT_NAME"));
              yield true;
            }
            case TM_GET_DTC_ADDRESS, TM_PROPAGATE_XACT, TM_PROMOTE_XACT ->
                error(
                    new SqlException(
                        8501,
                        16,
                        3,
                        "MSDTC on server '" + session.serverName() + "' is unavailable.",
                        false));
            default ->
                throw new TdsProtocolException(
                    "unknown transaction manager request type " + type, at);
          };
    } catch (SqlException e) {
      ok = error(e);
    }
    response.done(ok ? 0 : Done.STATUS_ERROR, 0, 0);
  }

  private boolean begin(ByteBuffer payload) {
    String isolation = isolation(Wire.u8(payload, "ISOLATION_LEVEL"));
    if (payload.hasRemaining()) {
      name(payload, "BEGIN_XACT_NAME");
    }
    report(EnvChange.BEGIN_TRAN, control.begin(isolation));
    return true;
  }

  /** TM_COMMIT_XACT or TM_ROLLBACK_XACT, then the new transaction fBeginXact asks for. */
  private boolean end(ByteBuffer payload, boolean commit) {
    String name = name(payload, "XACT_NAME");
    int flags = payload.hasRemaining() ? Wire.u8(payload, "XACT_FLAGS") : 0;
    String newIsolation = null;
    if ((flags & 0x01) != 0) {
      newIsolation = isolation(Wire.u8(payload, "NEW_ISOLATION_LEVEL"));
      if (payload.hasRemaining()) {
        name(payload, "NEW_XACT_NAME");
      }
    }
    if (control.count() == 0) {
      return error(
          new SqlException(
              commit ? 3902 : 3903,
              16,
              1,
              "The "
                  + (commit ? "COMMIT" : "ROLLBACK")
                  + " TRANSACTION request has no corresponding BEGIN TRANSACTION.",
              false));
    }
    long ended = commit ? control.commit() : control.rollback(name);
    report(commit ? EnvChange.COMMIT_TRAN : EnvChange.ROLLBACK_TRAN, ended);
    if ((flags & 0x01) != 0) {
      report(EnvChange.BEGIN_TRAN, control.begin(newIsolation));
    }
    return true;
  }

  /**
   * A transaction or savepoint name: B_VARBYTE, a byte count then UCS-2 (as tedious and Microsoft's
   * mssql-tds write it: the length byte is twice the name's length).
   */
  private static String name(ByteBuffer payload, String what) {
    byte[] b = Wire.bVarbyte(payload, what);
    if (b.length % 2 != 0) {
      throw new TdsProtocolException(what + ": " + b.length + " bytes is no UCS-2 text", 0);
    }
    return new String(b, java.nio.charset.StandardCharsets.UTF_16LE);
  }

  /** ENVCHANGE for a transaction that began or ended ({@code descriptor} 0: none did). */
  private void report(int type, long descriptor) {
    if (descriptor == 0 || !response.version().atLeast(TdsVersion.V7_2)) {
      return;
    }
    byte[] d = bytes(descriptor);
    byte[] none = new byte[0];
    response.envChange(
        type == EnvChange.BEGIN_TRAN
            ? new EnvChange.Binary(type, d, none)
            : new EnvChange.Binary(type, none, d));
  }

  private boolean error(SqlException e) {
    response.message(
        new ServerMessage(
            true,
            e.number(),
            e.state(),
            e.severity(),
            e.getMessage(),
            session.serverName(),
            "",
            1));
    return false;
  }

  static byte[] bytes(long descriptor) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(descriptor).array();
  }

  /**
   * The isolation level of a request ([MS-TDS] 2.2.6.9), null for 0 (no change).
   *
   * @throws TdsProtocolException for a value the spec does not define
   */
  static String isolation(int level) {
    return switch (level) {
      case 0 -> null;
      case 1 -> "READ UNCOMMITTED";
      case 2 -> "READ COMMITTED";
      case 3 -> "REPEATABLE READ";
      case 4 -> "SERIALIZABLE";
      case 5 -> "SNAPSHOT";
      default -> throw new TdsProtocolException("isolation level " + level + " is undefined", 0);
    };
  }
}
