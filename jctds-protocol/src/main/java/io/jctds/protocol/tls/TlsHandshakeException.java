package io.jctds.protocol.tls;

import java.util.Optional;

/**
 * The TLS handshake failed: the peer sent a fatal alert, this side refused the peer (certificate,
 * protocol version, ALPN ...), or the connection ended during the handshake. Whoever throws it has
 * already sent the alert (when there was one) and closed the transport.
 */
public class TlsHandshakeException extends TlsException {
  private static final long serialVersionUID = 1L;

  private final String peerAlert;
  private final String localAlert;

  /**
   * @param message what failed, where, and what to do
   * @param peerAlert the TLS alert description received from the peer (RFC 8446 name such as {@code
   *     handshake_failure}), or null if none was received
   * @param localAlert the alert this side sent, when known, or null
   * @param cause the underlying failure, or null
   */
  public TlsHandshakeException(
      String message, String peerAlert, String localAlert, Throwable cause) {
    super(message, cause);
    this.peerAlert = peerAlert;
    this.localAlert = localAlert;
  }

  /**
   * @param message what failed, where, and what to do
   * @param cause the underlying failure, or null
   */
  public TlsHandshakeException(String message, Throwable cause) {
    this(message, null, null, cause);
  }

  /**
   * A copy of {@code e} with a message that adds where the handshake ran, keeping the alerts and
   * using {@code e} as the cause.
   */
  static TlsHandshakeException inContext(String context, TlsHandshakeException e) {
    return new TlsHandshakeException(context + ": " + e.getMessage(), e.peerAlert, e.localAlert, e);
  }

  /** The fatal alert the peer sent (for example {@code certificate_unknown}), if one arrived. */
  public Optional<String> peerAlert() {
    return Optional.ofNullable(peerAlert);
  }

  /** The alert this side sent to the peer, when the TLS implementation tells which. */
  public Optional<String> localAlert() {
    return Optional.ofNullable(localAlert);
  }
}
