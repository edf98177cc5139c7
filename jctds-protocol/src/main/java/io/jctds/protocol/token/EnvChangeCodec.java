package io.jctds.protocol.token;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/** Decodes the body of an ENVCHANGE by change type. */
final class EnvChangeCodec {
  private EnvChangeCodec() {}

  static EnvChange body(ByteBuffer b) {
    int type = Wire.u8(b, "ENVCHANGE type");
    return switch (type) {
      case EnvChange.DATABASE,
          EnvChange.LANGUAGE,
          EnvChange.CHARSET,
          EnvChange.PACKET_SIZE,
          EnvChange.UNICODE_SORT_LOCALE,
          EnvChange.UNICODE_SORT_FLAGS,
          EnvChange.MIRROR_PARTNER,
          EnvChange.USER_INSTANCE ->
          new EnvChange.Text(type, Wire.bVarchar(b, "ENVCHANGE new value"), oldText(b));
      case EnvChange.SQL_COLLATION,
          EnvChange.BEGIN_TRAN,
          EnvChange.COMMIT_TRAN,
          EnvChange.ROLLBACK_TRAN,
          EnvChange.ENLIST_DTC,
          EnvChange.DEFECT_TRAN,
          EnvChange.TRAN_MANAGER_ADDRESS,
          EnvChange.TRAN_ENDED,
          EnvChange.RESET_ACK ->
          new EnvChange.Binary(
              type,
              Wire.bVarbyte(b, "ENVCHANGE new value"),
              b.hasRemaining() ? Wire.bVarbyte(b, "ENVCHANGE old value") : new byte[0]);
      case EnvChange.PROMOTE_TRAN -> promote(b);
      case EnvChange.ROUTING -> routing(b);
      default -> new EnvChange.Unknown(type, Wire.bytes(b, b.remaining(), "ENVCHANGE body"));
    };
  }

  private static String oldText(ByteBuffer b) {
    return b.hasRemaining() ? Wire.bVarchar(b, "ENVCHANGE old value") : "";
  }

  private static EnvChange promote(ByteBuffer b) {
    int at = b.position();
    long len = Wire.u32(b, "ENVCHANGE promote token length");
    if (len > b.remaining()) {
      throw new TdsProtocolException(
          "ENVCHANGE promote token of " + len + " bytes exceeds the token", at);
    }
    return new EnvChange.Promote(Wire.bytes(b, (int) len, "ENVCHANGE promote token"));
  }

  private static EnvChange routing(ByteBuffer b) {
    int at = b.position();
    int len = Wire.u16(b, "ENVCHANGE routing data length");
    if (len < 5 || len > b.remaining()) {
      throw new TdsProtocolException("ENVCHANGE routing data length " + len + " is invalid", at);
    }
    int protocol = Wire.u8(b, "routing protocol");
    int port = Wire.u16(b, "routing port");
    String server = Wire.usVarchar(b, "routing server name");
    return new EnvChange.Routing(protocol, port, server);
  }
}
