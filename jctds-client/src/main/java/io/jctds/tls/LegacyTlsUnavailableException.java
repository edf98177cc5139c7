package io.jctds.tls;

import io.jctds.protocol.tls.TlsException;

/**
 * {@code enable tls v1 = yes} asks for TLS 1.0/1.1, which the JDK refuses per connection, and the
 * optional module {@code io.jctds:jctds-tls-legacy} that provides them is not on the class path or
 * module path.
 */
public class LegacyTlsUnavailableException extends TlsException {
  private static final long serialVersionUID = 1L;

  /** The artifact that provides TLS 1.0/1.1. */
  public static final String ARTIFACT = "io.jctds:jctds-tls-legacy";

  /**
   * @param message what is missing, which setting asked for it, and which artifact to add
   */
  public LegacyTlsUnavailableException(String message) {
    super(message);
  }
}
