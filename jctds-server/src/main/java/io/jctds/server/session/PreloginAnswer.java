package io.jctds.server.session;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.prelogin.EncryptionOption;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.server.EncryptionPolicy;

/**
 * The server's PRELOGIN response, laid out as SQL Server 2022 sends it: VERSION 16.0.1000.0,
 * ENCRYPTION, INSTOPT 0x00 (instance accepted), THREADID empty, MARS 0x00, and FEDAUTHREQUIRED 0x00
 * only when the client sent that option.
 *
 * @param encryption the ENCRYPTION byte to answer
 * @param fedAuthRequired whether to include FEDAUTHREQUIRED
 */
record PreloginAnswer(int encryption, boolean fedAuthRequired) {
  /** SQL Server 2022 RTM: 16.0.1000. */
  static final int MAJOR = 16;

  static final int MINOR = 0;
  static final int BUILD = 1000;

  /** What the client's ENCRYPTION byte and the policy make of the TDS 7.x connection. */
  record Decision(int answer, EncryptionState state, boolean refuse) {}

  /**
   * Applies [MS-TDS] 2.2.6.5's table: policy ON behaves as a server with a certificate and
   * encryption off, REQUIRED as "force encryption", OFF as a server without encryption.
   *
   * @param clientByte the client's ENCRYPTION byte, or null when absent (taken as NOT_SUP)
   */
  static Decision decide(EncryptionPolicy policy, Integer clientByte) {
    EncryptionOption client =
        clientByte == null
            ? EncryptionOption.NOT_SUP
            : EncryptionOption.fromByte(clientByte & ~EncryptionOption.CLIENT_CERT_BIT);
    if (client == EncryptionOption.UNKNOWN || client == EncryptionOption.REQ) {
      client = EncryptionOption.ON;
    }
    return switch (policy) {
      case OFF -> new Decision(EncryptionOption.NOT_SUP.value(), EncryptionState.NONE, false);
      case ON ->
          switch (client) {
            case OFF ->
                new Decision(EncryptionOption.OFF.value(), EncryptionState.LOGIN_ONLY, false);
            case NOT_SUP ->
                new Decision(EncryptionOption.NOT_SUP.value(), EncryptionState.NONE, false);
            default -> new Decision(EncryptionOption.ON.value(), EncryptionState.FULL, false);
          };
      case REQUIRED ->
          switch (client) {
            case ON -> new Decision(EncryptionOption.ON.value(), EncryptionState.FULL, false);
            case NOT_SUP -> new Decision(EncryptionOption.REQ.value(), EncryptionState.NONE, true);
            default -> new Decision(EncryptionOption.REQ.value(), EncryptionState.FULL, false);
          };
      case STRICT -> throw new IllegalStateException("STRICT serves no TDS 7.x PRELOGIN");
    };
  }

  /**
   * The answer inside a TLS-first (TDS 8.0) connection. Clients send NOT_SUP there and ignore the
   * answer (mssql-jdbc, tedious, FreeTDS); answer ON only to a client that asked for it, so a
   * client checking "ON requested → ON or REQ answered" is satisfied too.
   */
  static int strictAnswer(Integer clientByte) {
    int c = clientByte == null ? EncryptionOption.NOT_SUP.value() : clientByte & 0x7F;
    return c == EncryptionOption.ON.value() || c == EncryptionOption.REQ.value()
        ? EncryptionOption.ON.value()
        : EncryptionOption.NOT_SUP.value();
  }

  /** For the client's PRELOGIN. */
  static PreloginAnswer to(PreLogin client, int encryption) {
    return new PreloginAnswer(encryption, client.fedAuthRequired() != null);
  }

  /** Writes the payload: option table in token order, then the data. */
  void encode(TdsWriter out) {
    int options = fedAuthRequired ? 6 : 5;
    int offset = options * 5 + 1;
    offset = entry(out, PreLogin.VERSION, offset, 6);
    offset = entry(out, PreLogin.ENCRYPTION, offset, 1);
    offset = entry(out, PreLogin.INSTOPT, offset, 1);
    offset = entry(out, PreLogin.THREADID, offset, 0);
    offset = entry(out, PreLogin.MARS, offset, 1);
    if (fedAuthRequired) {
      entry(out, PreLogin.FEDAUTHREQUIRED, offset, 1);
    }
    out.u8(PreLogin.TERMINATOR);
    out.u8(MAJOR).u8(MINOR).u16be(BUILD).u16be(0);
    out.u8(encryption);
    out.u8(0); // INSTOPT: instance name accepted
    out.u8(0); // MARS off
    if (fedAuthRequired) {
      out.u8(0);
    }
  }

  private static int entry(TdsWriter out, int token, int offset, int length) {
    out.u8(token).u16be(offset).u16be(length);
    return offset + length;
  }
}
