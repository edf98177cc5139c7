/**
 * Service provider interface for the optional legacy TLS module: {@link
 * io.jctds.protocol.tls.spi.LegacyTlsProvider}, which jctds-client finds through {@link
 * java.util.ServiceLoader} when {@code enable tls v1 = yes} needs TLS 1.0/1.1, and {@link
 * io.jctds.protocol.tls.spi.CertificateRefusal}, which tells the engine which alert to send when
 * the client's trust manager refuses a certificate. It lives in jctds-protocol so that the provider
 * needs no jctds-client (and the embedded server can share its engine).
 */
package io.jctds.protocol.tls.spi;
