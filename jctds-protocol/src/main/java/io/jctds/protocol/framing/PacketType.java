package io.jctds.protocol.framing;

/** TDS packet types ([MS-TDS] 2.2.3.1.1). */
public final class PacketType {
  public static final int SQL_BATCH = 0x01;
  public static final int PRE_TDS7_LOGIN = 0x02;
  public static final int RPC = 0x03;
  public static final int TABULAR_RESULT = 0x04;
  public static final int ATTENTION = 0x06;
  public static final int BULK_LOAD = 0x07;
  public static final int FEDAUTH_TOKEN = 0x08;
  public static final int TRANSACTION_MANAGER = 0x0E;
  public static final int LOGIN7 = 0x10;
  public static final int SSPI = 0x11;
  public static final int PRELOGIN = 0x12;

  private PacketType() {}

  /** A short name for dumps and messages. */
  public static String name(int type) {
    return switch (type) {
      case SQL_BATCH -> "SQLBatch";
      case PRE_TDS7_LOGIN -> "PreTDS7Login";
      case RPC -> "RPC";
      case TABULAR_RESULT -> "TabularResult";
      case ATTENTION -> "Attention";
      case BULK_LOAD -> "BulkLoad";
      case FEDAUTH_TOKEN -> "FedAuthToken";
      case TRANSACTION_MANAGER -> "TransactionManager";
      case LOGIN7 -> "Login7";
      case SSPI -> "SSPI";
      case PRELOGIN -> "PreLogin";
      default -> String.format("Unknown(0x%02X)", type);
    };
  }

  /** Whether {@code type} is a packet type defined by [MS-TDS]. */
  public static boolean isKnown(int type) {
    return !name(type).startsWith("Unknown");
  }
}
