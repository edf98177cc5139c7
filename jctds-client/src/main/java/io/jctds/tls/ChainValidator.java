package io.jctds.tls;

import io.jctds.tls.TlsValidationException.Reason;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a server's chain as a {@link TlsPolicy} says: PKIX path validation against the CA
 * certificates (with revocation from the CRL file only: no OCSP, no CRL download), the leaf's
 * extended key usage, then the host name ({@link HostnameMatcher}).
 *
 * <p>Revocation: the JDK's PKIX revocation checker with {@code PREFER_CRLS} and {@code NO_FALLBACK}
 * (never OCSP) over a {@code Collection} cert store of the CRL file's CRLs; every certificate of
 * the path needs a current CRL from its issuer (as OpenSSL's whole-chain CRL check), else {@code
 * REVOCATION_UNKNOWN}. CRL distribution points are not fetched, because the JDK fetches them only
 * when the process sets {@code -Dcom.sun.security.enableCRLDP=true}.
 */
final class ChainValidator {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String ANY_EKU = "2.5.29.37.0";
  private static final int MAX_PATH = 10;

  private final TlsPolicy policy;
  private final TrustMaterial trust;
  private final Set<TrustAnchor> anchors;
  private final Clock clock;

  ChainValidator(TlsPolicy policy, TrustMaterial trust, Clock clock) {
    this.policy = policy;
    this.trust = trust;
    this.clock = clock;
    Set<TrustAnchor> set = new HashSet<>();
    for (X509Certificate ca : trust.caCertificates()) {
      set.add(new TrustAnchor(ca, null));
    }
    this.anchors = Set.copyOf(set);
  }

  /**
   * Checks {@code chain} (leaf first, as the server sent it).
   *
   * @return the certificate name that matched the wanted host, or null when it was not checked
   * @throws TlsValidationException saying what failed
   */
  String check(X509Certificate[] chain) throws TlsValidationException {
    if (chain == null || chain.length == 0) {
      throw new TlsValidationException(
          Reason.NO_CERTIFICATE, "the server sent no certificate", null);
    }
    if (!policy.validation().validates()) {
      return null;
    }
    X509Certificate leaf = chain[0];
    validatePath(buildPath(chain));
    checkServerUsage(leaf);
    if (policy.hostnameCheck().isEmpty()) {
      return null;
    }
    HostnameCheck wanted = policy.hostnameCheck().get();
    SubjectNames names = SubjectNames.of(leaf);
    return HostnameMatcher.match(wanted.name(), names)
        .orElseThrow(() -> mismatch(wanted, leaf, names));
  }

  /**
   * Orders the path from the leaf up: each next certificate is the issuer of the previous one,
   * taken from what the server sent; it stops at a certificate a CA certificate issued (the anchor
   * is not part of the path), at a self-signed one, or when no issuer was sent.
   */
  private List<X509Certificate> buildPath(X509Certificate[] chain) {
    List<X509Certificate> path = new ArrayList<>();
    X509Certificate current = chain[0];
    path.add(current);
    while (path.size() < MAX_PATH && !issuedByAnchor(current) && !selfIssued(current)) {
      X509Certificate next = null;
      for (X509Certificate candidate : chain) {
        if (!path.contains(candidate) && issued(current, candidate)) {
          next = candidate;
          break;
        }
      }
      if (next == null) {
        break;
      }
      path.add(next);
      current = next;
    }
    return path;
  }

  private boolean issuedByAnchor(X509Certificate certificate) {
    for (X509Certificate ca : trust.caCertificates()) {
      if (issued(certificate, ca)) {
        return true;
      }
    }
    return false;
  }

  private static boolean selfIssued(X509Certificate c) {
    return c.getIssuerX500Principal().equals(c.getSubjectX500Principal());
  }

  /** Whether {@code issuer} signed {@code subject}. */
  private static boolean issued(X509Certificate subject, X509Certificate issuer) {
    if (!subject.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      subject.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private void validatePath(List<X509Certificate> path) throws TlsValidationException {
    try {
      CertPathValidator validator = CertPathValidator.getInstance("PKIX");
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setDate(Date.from(clock.instant()));
      if (trust.crls().isEmpty()) {
        parameters.setRevocationEnabled(false);
      } else {
        parameters.addCertStore(
            CertStore.getInstance("Collection", new CollectionCertStoreParameters(trust.crls())));
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        // CRLs only, from the crl file only: no OCSP, no fallback to it
        revocation.setOptions(
            EnumSet.of(
                PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK));
        parameters.addCertPathChecker(revocation);
        parameters.setRevocationEnabled(true);
      }
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      validator.validate(certPath, parameters);
    } catch (CertPathValidatorException e) {
      throw pathFailure(e, path);
    } catch (GeneralSecurityException e) {
      throw new TlsValidationException(
          Reason.INVALID_CHAIN, "cannot validate the server's certificate chain: " + e, e);
    }
  }

  private TlsValidationException pathFailure(
      CertPathValidatorException e, List<X509Certificate> path) {
    int index = e.getIndex() >= 0 && e.getIndex() < path.size() ? e.getIndex() : 0;
    X509Certificate cert = path.get(index);
    String who = describe(cert, index);
    CertPathValidatorException.Reason reason = e.getReason();
    if (reason == PKIXReason.NO_TRUST_ANCHOR || reason == BasicReason.INVALID_SIGNATURE) {
      return untrusted(e, path);
    }
    if (reason == BasicReason.EXPIRED) {
      return new TlsValidationException(
          Reason.EXPIRED,
          who
              + " expired on "
              + cert.getNotAfter().toInstant()
              + " (checked at "
              + clock.instant()
              + "); the server needs a renewed certificate",
          e);
    }
    if (reason == BasicReason.NOT_YET_VALID) {
      return new TlsValidationException(
          Reason.NOT_YET_VALID,
          who
              + " is not valid before "
              + cert.getNotBefore().toInstant()
              + " (checked at "
              + clock.instant()
              + "); check the clocks of this machine and of the server",
          e);
    }
    if (reason == BasicReason.REVOKED) {
      return new TlsValidationException(
          Reason.REVOKED,
          who
              + " is revoked according to the CRL file "
              + crlDescription()
              + ": "
              + revocationDetail(e)
              + "; the server needs a new certificate",
          e);
    }
    if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
      return revocationUnknown(e, cert, who);
    }
    return new TlsValidationException(
        Reason.INVALID_CHAIN,
        "the server's certificate chain is invalid at " + who + ": " + e.getMessage(),
        e);
  }

  private TlsValidationException untrusted(
      CertPathValidatorException e, List<X509Certificate> path) {
    X509Certificate top = path.get(path.size() - 1);
    return new TlsValidationException(
        Reason.UNTRUSTED,
        "the server's certificate is not trusted: "
            + describe(top, path.size() - 1)
            + " was issued by '"
            + top.getIssuerX500Principal().getName()
            + "', which is not a certificate of the "
            + trust.caDescription()
            + " (or not the one with that name that signed it); add that CA's certificate"
            + " to the file, or point 'ca file' at the right bundle",
        e);
  }

  private TlsValidationException revocationUnknown(
      CertPathValidatorException e, X509Certificate cert, String who) {
    return new TlsValidationException(
        Reason.REVOCATION_UNKNOWN,
        "cannot tell whether "
            + who
            + " is revoked: the CRL file "
            + crlDescription()
            + " has no current CRL from '"
            + cert.getIssuerX500Principal().getName()
            + "' ("
            + e.getMessage()
            + "); add that issuer's current CRL to the file (CRLs are never downloaded)",
        e);
  }

  /** The JDK's revocation detail (reason, date, authority) without the extension OIDs. */
  private static String revocationDetail(CertPathValidatorException e) {
    String m = String.valueOf(e.getMessage());
    int cut = m.indexOf(", extension OIDs");
    return cut > 0 ? m.substring(0, cut) : m;
  }

  private String crlDescription() {
    return policy
        .crlFile()
        .map(p -> p + " (crl file, " + policy.crlSource().describe() + ")")
        .orElse("(none)");
  }

  private static String describe(X509Certificate c, int index) {
    return (index == 0 ? "the server certificate '" : "the chain certificate '")
        + c.getSubjectX500Principal().getName()
        + "'";
  }

  /**
   * The leaf must be usable by a TLS server: no extendedKeyUsage extension, or one that lists
   * serverAuth or anyExtendedKeyUsage. RFC 5280 4.2.1.12 lets an application that needs a purpose
   * reject anyExtendedKeyUsage ("MAY"); jctds accepts it, as Debian's FreeTDS does (its GnuTLS
   * build checks no key purpose at all) and as GnuTLS's purpose check does, rather than as
   * FreeTDS's OpenSSL build (whose "sslserver" purpose wants serverAuth itself). A certificate
   * restricted to other purposes (clientAuth only, say) is refused, as the OpenSSL build refuses
   * it.
   */
  private static void checkServerUsage(X509Certificate leaf) throws TlsValidationException {
    List<String> usages;
    try {
      usages = leaf.getExtendedKeyUsage();
    } catch (java.security.cert.CertificateParsingException e) {
      throw new TlsValidationException(
          Reason.NOT_A_SERVER_CERTIFICATE,
          "the server certificate's extended key usage cannot be read: " + e.getMessage(),
          e);
    }
    if (usages != null && !usages.contains(SERVER_AUTH) && !usages.contains(ANY_EKU)) {
      throw new TlsValidationException(
          Reason.NOT_A_SERVER_CERTIFICATE,
          "the server certificate '"
              + leaf.getSubjectX500Principal().getName()
              + "' is not for TLS servers: its extended key usage "
              + usages
              + " lacks serverAuth ("
              + SERVER_AUTH
              + ")",
          null);
    }
  }

  private static TlsValidationException mismatch(
      HostnameCheck wanted, X509Certificate leaf, SubjectNames names) {
    StringBuilder m = new StringBuilder("the server certificate '");
    m.append(leaf.getSubjectX500Principal().getName()).append("' is not issued for ");
    m.append(wanted.describe()).append("; it names ").append(names.describe());
    if (names.hasSanEntries() && !names.commonNames().isEmpty()) {
      m.append(" (the CN is not used when subjectAltName entries exist)");
    } else if (names.commonNames().size() > 1) {
      m.append(" (a certificate with several CNs and no subjectAltName matches no name)");
    }
    if (wanted.name() != null && wanted.name().endsWith(".")) {
      m.append("; the wanted name ends with a dot, which certificates never carry");
    }
    m.append(
        "; connect by a name the certificate carries, set 'certificate hostname' to one of"
            + " them, or set 'check certificate hostname = no'");
    return new TlsValidationException(Reason.HOSTNAME_MISMATCH, m.toString(), null);
  }
}
