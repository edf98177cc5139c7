package io.jctds.protocol.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a completed TLS handshake negotiated.
 *
 * @param protocol the protocol in JSSE spelling: {@code TLSv1}, {@code TLSv1.1}, {@code TLSv1.2} or
 *     {@code TLSv1.3}
 * @param cipherSuite the cipher suite's IANA name, such as {@code
 *     TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}
 * @param applicationProtocol the ALPN protocol both sides agreed on, or "" when none
 * @param peerCertificates the peer's certificate chain, leaf first; empty when the peer sent none
 * @param localCertificates the certificates this side sent, leaf first; empty when none
 */
public record TlsSessionInfo(
    String protocol,
    String cipherSuite,
    String applicationProtocol,
    List<X509Certificate> peerCertificates,
    List<X509Certificate> localCertificates) {

  public TlsSessionInfo {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    applicationProtocol = applicationProtocol == null ? "" : applicationProtocol;
    peerCertificates = List.copyOf(peerCertificates);
    localCertificates = List.copyOf(localCertificates);
  }
}
