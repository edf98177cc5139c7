package io.jctds.server.tls;

/**
 * The server's certificate or key cannot be loaded, generated or written. The message names the
 * file and says what to change; it never contains key material or a password.
 */
public class TlsCredentialsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, in which file, and what to do
   * @param cause the underlying failure, or null
   */
  public TlsCredentialsException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param message what failed, in which file, and what to do
   */
  public TlsCredentialsException(String message) {
    super(message);
  }
}
