/**
 * The client's TLS: how a connection's TLS is set up from freetds.conf ({@link
 * io.jctds.tls.TlsPolicy}, {@link io.jctds.tls.ClientTls}), how the server certificate is checked
 * (CA file or system store, CRL file, RFC 6125 host name rules: {@link
 * io.jctds.tls.HostnameMatcher}), and what {@code connection.encryption()} reports ({@link
 * io.jctds.tls.EncryptionReport}).
 */
package io.jctds.tls;
