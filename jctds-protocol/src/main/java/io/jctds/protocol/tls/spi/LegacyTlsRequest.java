package io.jctds.protocol.tls.spi;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What a legacy TLS client engine must do for one connection.
 *
 * @param protocols the versions to offer, JSSE names ({@code TLSv1}, {@code TLSv1.1}, {@code
 *     TLSv1.2}), lowest first
 * @param peerHost the host connected to, for messages only: no SNI is sent (FreeTDS sends none)
 * @param peerPort the port connected to, for messages only
 * @param trustManager decides on the server's chain: call {@link
 *     X509ExtendedTrustManager#checkServerTrusted(java.security.cert.X509Certificate[], String)}
 *     with the chain (leaf first) during the handshake and fail the handshake if it throws, with
 *     the alert its {@link CertificateRefusal} names (certificate_unknown when it names none). It
 *     does the chain, CRL and host name checks itself, and accepts everything when no {@code ca
 *     file} is set.
 * @param applicationProtocol the one ALPN protocol to offer, or null for none (TDS 7.x)
 */
public record LegacyTlsRequest(
    List<String> protocols,
    String peerHost,
    int peerPort,
    X509ExtendedTrustManager trustManager,
    String applicationProtocol) {
  public LegacyTlsRequest {
    protocols = List.copyOf(protocols);
    Objects.requireNonNull(trustManager, "trustManager");
  }
}
