package io.jctds.protocol.tls;

import java.io.IOException;

/**
 * TLS failed on an established connection, or the peer sent bytes that are not TLS where TLS was
 * expected. The connection is no longer usable.
 */
public class TlsException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, where, and what to do
   * @param cause the underlying failure, or null
   */
  public TlsException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param message what failed, where, and what to do
   */
  public TlsException(String message) {
    super(message);
  }
}
