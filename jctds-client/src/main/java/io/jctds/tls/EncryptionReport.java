package io.jctds.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a connection is encrypted and how the server was checked: what {@code
 * connection.encryption()} returns. {@link #describe()} renders it for people.
 */
public final class EncryptionReport {

  /** How much of the connection TLS protects. */
  public enum Level {
    /** No TLS at all. */
    NONE("none"),
    /** Only the first LOGIN7 packet (the server answered ENCRYPT_OFF); the rest is plaintext. */
    LOGIN_ONLY("login-only"),
    /** The whole connection after PRELOGIN (TDS 7.x). */
    FULL("full"),
    /** TDS 8.0: TLS first, everything inside it. */
    STRICT("strict");

    private final String label;

    Level(String label) {
      this.label = label;
    }

    /** {@code none}, {@code login-only}, {@code full} or {@code strict}. */
    public String label() {
      return label;
    }
  }

  private final String tdsVersion;
  private final Level level;
  private final String protocol;
  private final String cipherSuite;
  private final String applicationProtocol;
  private final List<CertificateInfo> peerCertificates;
  private final Validation validation;
  private final HostnameCheck hostnameCheck;
  private final String matchedName;
  private final String hostnameNotChecked;
  private final Path crlFile;
  private final String authentication;

  EncryptionReport(
      String tdsVersion,
      Level level,
      String protocol,
      String cipherSuite,
      String applicationProtocol,
      List<CertificateInfo> peerCertificates,
      Validation validation,
      HostnameCheck hostnameCheck,
      String matchedName,
      String hostnameNotChecked,
      Path crlFile) {
    this.tdsVersion = Objects.requireNonNull(tdsVersion, "tdsVersion");
    this.level = Objects.requireNonNull(level, "level");
    this.protocol = protocol;
    this.cipherSuite = cipherSuite;
    this.applicationProtocol =
        applicationProtocol == null || applicationProtocol.isEmpty() ? null : applicationProtocol;
    this.peerCertificates = List.copyOf(peerCertificates);
    this.validation = Objects.requireNonNull(validation, "validation");
    this.hostnameCheck = hostnameCheck;
    this.matchedName = matchedName;
    this.hostnameNotChecked = hostnameNotChecked;
    this.crlFile = crlFile;
    this.authentication = null;
  }

  private EncryptionReport(EncryptionReport r, String authentication) {
    this.tdsVersion = r.tdsVersion;
    this.level = r.level;
    this.protocol = r.protocol;
    this.cipherSuite = r.cipherSuite;
    this.applicationProtocol = r.applicationProtocol;
    this.peerCertificates = r.peerCertificates;
    this.validation = r.validation;
    this.hostnameCheck = r.hostnameCheck;
    this.matchedName = r.matchedName;
    this.hostnameNotChecked = r.hostnameNotChecked;
    this.crlFile = r.crlFile;
    this.authentication = authentication;
  }

  /** The report of a connection without TLS. */
  public static EncryptionReport unencrypted(String tdsVersion) {
    return new EncryptionReport(
        tdsVersion,
        Level.NONE,
        null,
        null,
        null,
        List.of(),
        new Validation.None(),
        null,
        null,
        "not checked: the connection is not encrypted",
        null);
  }

  /** The negotiated TDS version: {@code 7.1} ... {@code 7.4}, or {@code 8.0} when strict. */
  public String tdsVersion() {
    return tdsVersion;
  }

  public Level level() {
    return level;
  }

  /** Whether any TLS was used (also login-only). */
  public boolean isEncrypted() {
    return level != Level.NONE;
  }

  /** The TLS protocol ({@code TLSv1.2}, {@code TLSv1.3}, ...), empty without TLS. */
  public Optional<String> protocol() {
    return Optional.ofNullable(protocol);
  }

  /** The cipher suite's IANA name, empty without TLS. */
  public Optional<String> cipherSuite() {
    return Optional.ofNullable(cipherSuite);
  }

  /** The ALPN protocol agreed ({@code tds/8.0} when strict), empty when none. */
  public Optional<String> applicationProtocol() {
    return Optional.ofNullable(applicationProtocol);
  }

  /** The server's certificate chain as it sent it, leaf first; empty without TLS. */
  public List<CertificateInfo> peerCertificates() {
    return peerCertificates;
  }

  /** How the chain was validated: not at all, CA file, or system store. */
  public Validation validation() {
    return validation;
  }

  /** Whether the server's certificate chain was validated. */
  public boolean isCertificateValidated() {
    return isEncrypted() && validation.validates();
  }

  /** The name the certificate was checked against, when it was. */
  public Optional<HostnameCheck> hostnameCheck() {
    return Optional.ofNullable(hostnameCheck);
  }

  /**
   * The certificate name that matched ({@code DNS:x}, {@code IP:x} or {@code CN=x}), if checked.
   */
  public Optional<String> matchedName() {
    return Optional.ofNullable(matchedName);
  }

  /** Why the host name was not checked, when it was not. */
  public Optional<String> hostnameNotCheckedReason() {
    return Optional.ofNullable(hostnameNotChecked);
  }

  /**
   * This report with the login's authentication, shown as a {@code Login:} line: set for Windows
   * (NTLM) logins, e.g. {@code Windows (NTLMv2)}, and with the warning when NTLMv1 was used.
   *
   * @return a copy of this report with it
   */
  public EncryptionReport withAuthentication(String authentication) {
    return new EncryptionReport(this, authentication);
  }

  /** The Windows login's authentication, when it was one (empty for a SQL login). */
  public Optional<String> authentication() {
    return Optional.ofNullable(authentication);
  }

  /** The CRL file the chain was checked against, if any. */
  public Optional<Path> crlFile() {
    return Optional.ofNullable(crlFile);
  }

  /** A multi-line report, one {@code Label: value} per line, then the certificate chain. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    line(s, "TDS version", tdsVersion);
    line(s, "Encryption", level.label() + " (" + levelMeaning() + ")");
    if (authentication != null) {
      line(s, "Login", authentication);
    }
    if (!isEncrypted()) {
      return s.toString();
    }
    line(s, "TLS protocol", protocol);
    line(s, "Cipher suite", cipherSuite);
    line(s, "ALPN", applicationProtocol == null ? "none" : applicationProtocol);
    line(
        s,
        "Certificate",
        validation.validates() ? "validated against " + validation.describe() : "NOT validated");
    if (hostnameCheck != null) {
      line(
          s,
          "Host name",
          "checked against "
              + hostnameCheck.describe()
              + (matchedName == null ? "" : ", matched " + matchedName));
    } else {
      line(s, "Host name", hostnameNotChecked);
    }
    line(
        s,
        "CRL",
        crlFile != null
            ? "checked against " + crlFile
            : validation.validates() ? "not checked (no crl file)" : "not checked");
    for (int i = 0; i < peerCertificates.size(); i++) {
      certificate(s, i, peerCertificates.get(i));
    }
    return s.toString();
  }

  private String levelMeaning() {
    return switch (level) {
      case NONE -> "nothing is encrypted";
      case LOGIN_ONLY -> "only the login packet is encrypted";
      case FULL -> "TLS inside TDS 7.x for the whole connection";
      case STRICT -> "TDS 8.0: TLS first, everything inside it";
    };
  }

  private static void certificate(StringBuilder s, int index, CertificateInfo c) {
    s.append("Certificate [").append(index).append("]\n");
    line(s, "  Subject", c.subject());
    line(s, "  Issuer", c.issuer());
    List<String> sans = c.subjectAltNames();
    line(s, "  SANs", sans.isEmpty() ? "none" : String.join(", ", sans));
    line(s, "  Valid", c.notBefore() + " to " + c.notAfter());
    line(s, "  Serial", c.serialNumber());
    line(s, "  SHA-256", c.sha256Fingerprint());
  }

  private static void line(StringBuilder s, String label, String value) {
    s.append(label).append(':');
    s.append(" ".repeat(Math.max(1, 14 - label.length())));
    s.append(value).append('\n');
  }

  @Override
  public String toString() {
    return describe();
  }
}
