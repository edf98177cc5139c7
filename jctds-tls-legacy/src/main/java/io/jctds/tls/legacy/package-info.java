/**
 * TLS 1.0 and 1.1 for single connections, because the JDK refuses these versions per connection:
 * {@link io.jctds.tls.legacy.BcLegacyTlsProvider} implements jctds-protocol's {@link
 * io.jctds.protocol.tls.spi.LegacyTlsProvider} for jctds-client, and {@link
 * io.jctds.tls.legacy.BcTlsEngine} adapts BouncyCastle's non-blocking {@code TlsProtocol} (client
 * or server) to {@link io.jctds.protocol.tls.TlsEngine} for the client and the embedded server.
 */
package io.jctds.tls.legacy;
