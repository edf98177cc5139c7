package io.jctds.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One certificate of the server's chain, as the encryption report shows it.
 *
 * @param subject the subject DN (RFC 2253)
 * @param issuer the issuer DN (RFC 2253)
 * @param dnsNames the subjectAltName DNS entries, in certificate order
 * @param ipAddresses the subjectAltName IP entries (IPv4 dotted, IPv6 compressed), in order
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param serialNumber the serial number in hex
 * @param sha256Fingerprint SHA-256 of the DER encoding, upper-case hex bytes joined by colons
 */
public record CertificateInfo(
    String subject,
    String issuer,
    List<String> dnsNames,
    List<String> ipAddresses,
    Instant notBefore,
    Instant notAfter,
    String serialNumber,
    String sha256Fingerprint) {

  public CertificateInfo {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuer, "issuer");
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
  }

  /** Describes {@code certificate}. */
  public static CertificateInfo of(X509Certificate certificate) {
    SubjectNames names = SubjectNames.of(certificate);
    return new CertificateInfo(
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        names.dnsNames(),
        names.ipAddresses().stream().map(IpLiteral::format).toList(),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        certificate.getSerialNumber().toString(16),
        fingerprint(certificate));
  }

  /** The SHA-256 fingerprint of {@code certificate}: {@code AB:CD:...}. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint the certificate: " + e, e);
    }
  }

  /** The subjectAltName entries as {@code DNS:name} and {@code IP:address}, DNS first. */
  public List<String> subjectAltNames() {
    return java.util.stream.Stream.concat(
            dnsNames.stream().map(n -> "DNS:" + n), ipAddresses.stream().map(a -> "IP:" + a))
        .toList();
  }
}
