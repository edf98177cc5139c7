package io.jctds.protocol.tls;

import java.util.List;

/**
 * What a JSSE engine may negotiate.
 *
 * @param protocols enabled protocols in JSSE spelling ({@code TLSv1.2}, {@code TLSv1.3}); empty
 *     means the JDK's defaults
 * @param cipherSuites enabled cipher suites (IANA names); empty means the JDK's defaults
 * @param applicationProtocol the ALPN protocol, or null for none: a client offers exactly this one;
 *     a server requires it, and fails the handshake of a client that does not offer it (with the
 *     alert {@code no_application_protocol})
 */
public record TlsParameters(
    List<String> protocols, List<String> cipherSuites, String applicationProtocol) {

  /** The ALPN protocol of TDS 8.0. */
  public static final String TDS8_APPLICATION_PROTOCOL = "tds/8.0";

  /**
   * The TDS 7.x placement (handshake inside PRELOGIN packets): TLS 1.2, as SQL Server offers TLS
   * 1.3 only with TDS 8.0.
   */
  public static final TlsParameters TDS7 = new TlsParameters(List.of("TLSv1.2"), List.of(), null);

  /** TDS 8.0 (strict): TLS 1.3 or 1.2, ALPN {@code tds/8.0}. */
  public static final TlsParameters TDS8 =
      new TlsParameters(List.of("TLSv1.3", "TLSv1.2"), List.of(), TDS8_APPLICATION_PROTOCOL);

  public TlsParameters {
    protocols = List.copyOf(protocols);
    cipherSuites = List.copyOf(cipherSuites);
    if (applicationProtocol != null && applicationProtocol.isEmpty()) {
      throw new IllegalArgumentException("the ALPN protocol must be null (none) or non-empty");
    }
  }

  /** These parameters with other enabled protocols. */
  public TlsParameters withProtocols(String... protocols) {
    return new TlsParameters(List.of(protocols), cipherSuites, applicationProtocol);
  }

  /** These parameters with another ALPN protocol (null for none). */
  public TlsParameters withApplicationProtocol(String applicationProtocol) {
    return new TlsParameters(protocols, cipherSuites, applicationProtocol);
  }
}
