/**
 * TLS 1.0 and 1.1 for single connections: {@link io.jctds.tls.legacy.BcLegacyTlsProvider}
 * implements jctds-client's {@link io.jctds.tls.spi.LegacyTlsProvider} with BouncyCastle's
 * non-blocking {@code TlsClientProtocol}, because the JDK refuses these versions per connection.
 */
package io.jctds.tls.legacy;
