package io.jctds.session;

import io.jctds.config.Encryption;
import io.jctds.protocol.prelogin.EncryptionOption;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;

/**
 * What a TDS 7.x client does after the server's PRELOGIN answer (FreeTDS 1.5 {@code
 * tds71_do_login}, FREETDS.md 4.2), with jctds's two deliberate differences:
 *
 * <table>
 *   <caption>server ENCRYPTION byte × client encryption</caption>
 *   <tr><th>server</th><th>require</th><th>request / default</th><th>off</th></tr>
 *   <tr><td>NOT_SUP 0x02</td><td><b>refuse</b> (as FreeTDS)</td><td>plain</td><td>plain</td></tr>
 *   <tr><td>OFF 0x00</td><td>login-only TLS</td><td>login-only TLS</td><td>login-only TLS</td></tr>
 *   <tr><td>ON 0x01</td><td>full TLS</td><td>full TLS</td><td>full TLS</td></tr>
 *   <tr><td>REQ 0x03</td><td>full TLS</td><td>full TLS</td><td><b>refuse</b> (FreeTDS: TLS)</td></tr>
 *   <tr><td>other</td><td>full TLS</td><td>full TLS</td><td>full TLS</td></tr>
 * </table>
 *
 * <p>FreeTDS performs TLS for {@code off} when the server answers REQ; jctds refuses before any TLS
 * byte with the seed page's promise spelled out ("the server requires encryption, but encryption =
 * off ..."). Strict mode does not come here: its PRELOGIN travels inside TLS and the answer is
 * ignored.
 */
public sealed interface EncryptionDecision {

  /** Log in without TLS. */
  record Plain() implements EncryptionDecision {}

  /**
   * Run the TLS handshake inside PRELOGIN packets.
   *
   * @param scope the whole connection, or the first LOGIN7 packet only
   */
  record Tls(Scope scope) implements EncryptionDecision {}

  /**
   * Do not continue.
   *
   * @param serverRequires true: the server requires encryption and the client said {@code off};
   *     false: the client requires encryption and the server cannot do it
   */
  record Refuse(boolean serverRequires) implements EncryptionDecision {}

  /** The ENCRYPTION byte a TDS 7.x client sends (FREETDS.md 4.1). */
  static int clientByte(Encryption mode) {
    return switch (mode) {
      case OFF, STRICT -> EncryptionOption.NOT_SUP.value();
      case REQUIRE -> EncryptionOption.ON.value();
      case DEFAULT, REQUEST -> EncryptionOption.OFF.value();
    };
  }

  /**
   * The decision for the client's {@code mode} and the server's ENCRYPTION byte (null when the
   * server's answer has no ENCRYPTION option: FreeTDS takes that as NOT_SUP).
   */
  static EncryptionDecision decide(Encryption mode, Integer serverByte) {
    int server = serverByte == null ? EncryptionOption.NOT_SUP.value() : serverByte & 0xFF;
    if (server == EncryptionOption.NOT_SUP.value()) {
      return mode == Encryption.REQUIRE ? new Refuse(false) : new Plain();
    }
    if (server == EncryptionOption.OFF.value()) {
      return new Tls(Scope.LOGIN_ONLY);
    }
    if (server == EncryptionOption.REQ.value() && mode == Encryption.OFF) {
      return new Refuse(true);
    }
    return new Tls(Scope.WHOLE_CONNECTION);
  }
}
