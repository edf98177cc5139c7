package io.jctds.protocol.token;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import io.jctds.protocol.type.Collation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * ENVCHANGE ([MS-TDS] 2.2.7.9): the server tells the client that a session setting changed. The
 * value layout depends on the change type: text ({@link Text}), bytes ({@link Binary}), the routing
 * target ({@link Routing}), a promoted transaction's DTC token ({@link Promote}); unknown types are
 * kept raw ({@link Unknown}).
 */
public sealed interface EnvChange extends Token
    permits EnvChange.Text,
        EnvChange.Binary,
        EnvChange.Routing,
        EnvChange.Promote,
        EnvChange.Unknown {
  /** Database (B_VARCHAR). */
  int DATABASE = 1;

  /** Language (B_VARCHAR). */
  int LANGUAGE = 2;

  /** Character set (B_VARCHAR, TDS 7.0). */
  int CHARSET = 3;

  /** Packet size, as decimal text (B_VARCHAR). */
  int PACKET_SIZE = 4;

  /** Unicode data sorting locale id (B_VARCHAR). */
  int UNICODE_SORT_LOCALE = 5;

  /** Unicode data sorting comparison flags (B_VARCHAR). */
  int UNICODE_SORT_FLAGS = 6;

  /** SQL collation (B_VARBYTE, 5 bytes). */
  int SQL_COLLATION = 7;

  /** Begin transaction: new value is the 8-byte descriptor. */
  int BEGIN_TRAN = 8;

  /** Commit transaction: old value is the descriptor. */
  int COMMIT_TRAN = 9;

  /** Rollback transaction: old value is the descriptor. */
  int ROLLBACK_TRAN = 10;

  /** Enlist DTC transaction. */
  int ENLIST_DTC = 11;

  /** Defect transaction. */
  int DEFECT_TRAN = 12;

  /** Database mirroring partner (B_VARCHAR). */
  int MIRROR_PARTNER = 13;

  /** Promote transaction (L_VARBYTE DTC token). */
  int PROMOTE_TRAN = 15;

  /** Transaction manager address. */
  int TRAN_MANAGER_ADDRESS = 16;

  /** Transaction ended. */
  int TRAN_ENDED = 17;

  /** Acknowledges RESETCONNECTION. */
  int RESET_ACK = 18;

  /** User instance started (B_VARCHAR). */
  int USER_INSTANCE = 19;

  /** Routing: connect to another server. */
  int ROUTING = 20;

  @Override
  default int type() {
    return TokenType.ENVCHANGE;
  }

  /** The change type (1 ... 20). */
  int changeType();

  /**
   * A change carried as two B_VARCHARs (database, language, charset, packet size, ...).
   *
   * @param changeType the change type
   * @param newValue the new value
   * @param oldValue the old value
   */
  record Text(int changeType, String newValue, String oldValue) implements EnvChange {
    /** The new value as an integer (packet size). */
    public int intValue() {
      try {
        return Integer.parseInt(newValue.trim());
      } catch (NumberFormatException e) {
        throw new TdsProtocolException(
            "ENVCHANGE " + changeType + " value \"" + newValue + "\" is not a number");
      }
    }

    @Override
    public void encode(TdsWriter out, TdsVersion v) {
      Bounded.writeUshort(out, type(), b -> b.u8(changeType).bVarchar(newValue).bVarchar(oldValue));
    }
  }

  /**
   * A change carried as two B_VARBYTEs (collation, transaction descriptors, reset ack).
   *
   * @param changeType the change type
   * @param newValue the new value
   * @param oldValue the old value
   */
  record Binary(int changeType, byte[] newValue, byte[] oldValue) implements EnvChange {
    /** Copies the arrays. */
    public Binary {
      newValue = newValue.clone();
      oldValue = oldValue.clone();
    }

    @Override
    public byte[] newValue() {
      return newValue.clone();
    }

    @Override
    public byte[] oldValue() {
      return oldValue.clone();
    }

    /** The new collation of a {@link #SQL_COLLATION} change, or null if it is empty. */
    public Collation collation() {
      return newValue.length == Collation.SIZE ? Collation.fromBytes(newValue) : null;
    }

    /**
     * The 8-byte transaction descriptor: the new value for BEGIN_TRAN (and ENLIST/DEFECT), else the
     * old value.
     */
    public long descriptor() {
      byte[] d = newValue.length == 8 ? newValue : oldValue;
      if (d.length != 8) {
        throw new TdsProtocolException("ENVCHANGE " + changeType + " carries no 8-byte descriptor");
      }
      return ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override
    public void encode(TdsWriter out, TdsVersion v) {
      Bounded.writeUshort(out, type(), b -> b.u8(changeType).bVarbyte(newValue).bVarbyte(oldValue));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Binary b
          && b.changeType == changeType
          && Arrays.equals(b.newValue, newValue)
          && Arrays.equals(b.oldValue, oldValue);
    }

    @Override
    public int hashCode() {
      return changeType * 31 + Arrays.hashCode(newValue) * 17 + Arrays.hashCode(oldValue);
    }

    @Override
    public String toString() {
      return "EnvChange.Binary["
          + changeType
          + " new="
          + Wire.hex(ByteBuffer.wrap(newValue))
          + " old="
          + Wire.hex(ByteBuffer.wrap(oldValue))
          + "]";
    }
  }

  /**
   * ROUTING (type 20): reconnect to {@code server}:{@code port}.
   *
   * @param protocol 0 = TCP
   * @param port TCP port
   * @param server alternate server name
   */
  record Routing(int protocol, int port, String server) implements EnvChange {
    @Override
    public int changeType() {
      return ROUTING;
    }

    @Override
    public void encode(TdsWriter out, TdsVersion v) {
      Bounded.writeUshort(
          out,
          type(),
          b ->
              b.u8(ROUTING)
                  .u16(5 + 2 * server.length())
                  .u8(protocol)
                  .u16(port)
                  .usVarchar(server)
                  .u16(0));
    }
  }

  /**
   * PROMOTE_TRAN (type 15): the DTC token of a promoted transaction.
   *
   * @param dtcToken the token bytes
   */
  record Promote(byte[] dtcToken) implements EnvChange {
    /** Copies the token. */
    public Promote {
      dtcToken = dtcToken.clone();
    }

    @Override
    public byte[] dtcToken() {
      return dtcToken.clone();
    }

    @Override
    public int changeType() {
      return PROMOTE_TRAN;
    }

    @Override
    public void encode(TdsWriter out, TdsVersion v) {
      Bounded.writeUshort(
          out, type(), b -> b.u8(PROMOTE_TRAN).i32(dtcToken.length).bytes(dtcToken).u8(0));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Promote p && Arrays.equals(p.dtcToken, dtcToken);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(dtcToken);
    }
  }

  /**
   * A change type this library does not know, kept raw.
   *
   * @param changeType the change type
   * @param body the bytes after the type byte
   */
  record Unknown(int changeType, byte[] body) implements EnvChange {
    /** Copies the body. */
    public Unknown {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public void encode(TdsWriter out, TdsVersion v) {
      Bounded.writeUshort(out, type(), b -> b.u8(changeType).bytes(body));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Unknown u && u.changeType == changeType && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
      return changeType * 31 + Arrays.hashCode(body);
    }
  }

  /** Database change. */
  static Text database(String newDb, String oldDb) {
    return new Text(DATABASE, newDb, oldDb);
  }

  /** Language change. */
  static Text language(String newLang, String oldLang) {
    return new Text(LANGUAGE, newLang, oldLang);
  }

  /** Packet size change. */
  static Text packetSize(int newSize, int oldSize) {
    return new Text(PACKET_SIZE, Integer.toString(newSize), Integer.toString(oldSize));
  }

  /** Collation change; {@code oldCollation} may be null (empty old value). */
  static Binary collation(Collation newCollation, Collation oldCollation) {
    return new Binary(
        SQL_COLLATION,
        newCollation.toBytes(),
        oldCollation == null ? new byte[0] : oldCollation.toBytes());
  }

  /** Begin transaction with its descriptor. */
  static Binary beginTransaction(long descriptor) {
    return new Binary(BEGIN_TRAN, le(descriptor), new byte[0]);
  }

  /** Commit of the transaction {@code descriptor}. */
  static Binary commitTransaction(long descriptor) {
    return new Binary(COMMIT_TRAN, new byte[0], le(descriptor));
  }

  /** Rollback of the transaction {@code descriptor}. */
  static Binary rollbackTransaction(long descriptor) {
    return new Binary(ROLLBACK_TRAN, new byte[0], le(descriptor));
  }

  /** RESETCONNECTION acknowledgement. */
  static Binary resetAck() {
    return new Binary(RESET_ACK, new byte[0], new byte[0]);
  }

  private static byte[] le(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  /** Reads one ENVCHANGE after its type byte. */
  static EnvChange decode(ByteBuffer in, TdsVersion v) {
    int len = Wire.u16(in, "ENVCHANGE length");
    return Bounded.read(in, len, "ENVCHANGE", EnvChangeCodec::body);
  }
}
