package io.jctds.protocol.tls.spi;

/**
 * Implemented by the exception a {@link LegacyTlsRequest#trustManager()} throws when it refuses the
 * server's certificate, to name the TLS alert that tells the server why (RFC 5246 section 7.2
 * names: {@code unknown_ca}, {@code certificate_expired}, {@code certificate_revoked}, {@code
 * bad_certificate}, {@code unsupported_certificate}, {@code certificate_unknown}). A legacy engine
 * sends {@code certificate_unknown} for a refusal that does not implement it.
 */
public interface CertificateRefusal {

  /** The RFC name of the alert to send for this refusal. */
  String tlsAlert();
}
