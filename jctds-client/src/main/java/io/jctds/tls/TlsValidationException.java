package io.jctds.tls;

import io.jctds.protocol.tls.spi.CertificateRefusal;
import java.security.cert.CertificateException;
import java.util.Objects;
import java.util.Optional;

/**
 * The server certificate was refused, or the trust material to check it could not be loaded. The
 * message says what failed (the certificate, the CA file, the wanted name and where it came from);
 * the connect layer adds the freetds.conf file, section and directive and what to change.
 *
 * <p>Thrown by the trust manager during the handshake (JSSE wraps it; {@link #findIn} digs it out
 * of the handshake failure, and {@link ClientTls#lastFailure()} keeps it) and by {@link
 * ClientTls#forEntry} when {@code ca file} or {@code crl file} cannot be read.
 */
public class TlsValidationException extends CertificateException implements CertificateRefusal {
  private static final long serialVersionUID = 1L;

  /** What failed. */
  public enum Reason {
    /** The chain does not lead to a certificate of the CA file / system store. */
    UNTRUSTED,
    /** A certificate of the chain has expired. */
    EXPIRED,
    /** A certificate of the chain is not valid yet. */
    NOT_YET_VALID,
    /** A certificate of the chain is revoked by the {@code crl file}. */
    REVOKED,
    /** The {@code crl file} has no current CRL for a certificate of the chain. */
    REVOCATION_UNKNOWN,
    /** The certificate is not issued for the wanted host name. */
    HOSTNAME_MISMATCH,
    /** The leaf's extended key usage does not allow TLS servers. */
    NOT_A_SERVER_CERTIFICATE,
    /** Any other chain problem: bad signature, not a CA, weak algorithm, path too long. */
    INVALID_CHAIN,
    /** The server sent no certificate. */
    NO_CERTIFICATE,
    /** {@code ca file} (or the system store) is missing, unreadable, a directory, or empty. */
    CA_FILE_UNREADABLE,
    /** {@code crl file} is missing, unreadable, or holds no CRL. */
    CRL_UNREADABLE
  }

  private final Reason reason;

  /**
   * @param reason what failed
   * @param message what failed, where and what to do
   * @param cause the underlying failure, or null
   */
  public TlsValidationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** What failed. */
  public Reason reason() {
    return reason;
  }

  /**
   * The TLS alert that tells the server why its certificate was refused (sent by the legacy TLS
   * engines; JSSE picks its own).
   */
  @Override
  public String tlsAlert() {
    return switch (reason) {
      case UNTRUSTED -> "unknown_ca";
      case EXPIRED, NOT_YET_VALID -> "certificate_expired";
      case REVOKED -> "certificate_revoked";
      case NO_CERTIFICATE, HOSTNAME_MISMATCH, INVALID_CHAIN -> "bad_certificate";
      case NOT_A_SERVER_CERTIFICATE -> "unsupported_certificate";
      case REVOCATION_UNKNOWN, CA_FILE_UNREADABLE, CRL_UNREADABLE -> "certificate_unknown";
    };
  }

  /**
   * The validation failure behind {@code failure} (a handshake exception from JSSE or the TLS
   * transport), searching causes and suppressed exceptions.
   */
  public static Optional<TlsValidationException> findIn(Throwable failure) {
    return find(failure, 0);
  }

  private static Optional<TlsValidationException> find(Throwable t, int depth) {
    if (t == null || depth > 16) {
      return Optional.empty();
    }
    if (t instanceof TlsValidationException v) {
      return Optional.of(v);
    }
    for (Throwable s : t.getSuppressed()) {
      Optional<TlsValidationException> found = find(s, depth + 1);
      if (found.isPresent()) {
        return found;
      }
    }
    return t.getCause() == t ? Optional.empty() : find(t.getCause(), depth + 1);
  }
}
