/**
 * TLS for the embedded server: its certificate (generated with a private CA, or loaded from PEM or
 * PKCS#12), CRLs for client tests, and the per-connection TLS engines ({@link
 * io.jctds.server.tls.ServerTlsContext}) that plug into {@link
 * io.jctds.protocol.tls.TdsTlsTransport}: JSSE for TLS 1.2/1.3, BouncyCastle for TLS 1.0/1.1.
 */
package io.jctds.server.tls;
