package io.jctds.session;

import io.jctds.OperationalError;
import io.jctds.OperationalError.Reason;
import io.jctds.config.ServerEntry;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.tls.TlsValidationException;

/**
 * TLS failures during login, with the freetds.conf directive that decided them and what to change
 * (the seed page's Troubleshooting: certificate not trusted, hostname mismatch, handshake failure
 * or hang).
 */
final class TlsFailures {
  private TlsFailures() {}

  /** The server certificate was refused, or the trust material could not be loaded. */
  static OperationalError certificate(
      ConnectSettings s, String where, TlsValidationException v, Throwable cause) {
    ServerEntry e = s.entry();
    String ca = Origin.setting(e, "ca_file", "ca file", e.caFile());
    String advice =
        switch (v.reason()) {
          case UNTRUSTED, INVALID_CHAIN, NO_CERTIFICATE ->
              "The chain must lead to a CA of "
                  + ca
                  + ": add the issuing CA to that file (or use 'ca file = system' for a public"
                  + " CA). Removing 'ca file' skips validation (not for production; not possible"
                  + " with encryption = strict)";
          case HOSTNAME_MISMATCH ->
              "The name is checked because "
                  + Origin.setting(
                      e,
                      "check_certificate_hostname",
                      "check certificate hostname",
                      e.checkCertificateHostname() ? "yes" : "no")
                  + " and a CA is set";
          case EXPIRED, NOT_YET_VALID ->
              "The server needs a certificate valid today (check the clocks of both machines)";
          case REVOKED, REVOCATION_UNKNOWN ->
              "The server needs a certificate that "
                  + Origin.setting(e, "crl_file", "crl file", e.crlFile())
                  + " does not revoke, and a current CRL for its issuer";
          case NOT_A_SERVER_CERTIFICATE ->
              "The server's certificate must allow TLS server authentication (extended key"
                  + " usage serverAuth)";
          case CA_FILE_UNREADABLE -> "Fix " + ca + ": it must be a readable PEM bundle";
          case CRL_UNREADABLE ->
              "Fix "
                  + Origin.setting(e, "crl_file", "crl file", e.crlFile())
                  + ": it must be a readable PEM file of CRLs";
          default -> "Check the server's certificate and " + ca;
        };
    return new OperationalError(
        Reason.CERTIFICATE,
        "the TLS certificate check of " + where + " failed: " + v.getMessage() + ". " + advice,
        cause);
  }

  /** The handshake failed for another reason: protocol versions, ALPN, the peer's alert. */
  static OperationalError handshake(
      ConnectSettings s, String where, LoginState phase, TlsHandshakeException h) {
    ServerEntry e = s.entry();
    String alert = h.peerAlert().orElse("");
    StringBuilder advice = new StringBuilder();
    if (s.strict() || alert.equals("no_application_protocol")) {
      advice.append(
          " The server may not speak TDS 8.0 (strict encryption, ALPN tds/8.0): use 'encryption"
              + " = require' with 'tds version = 7.4' for it.");
    }
    if (alert.equals("protocol_version") || alert.equals("handshake_failure")) {
      advice.append(
          " If the server only offers TLS 1.0/1.1 (e.g. Windows Server 2008), set 'enable tls v1"
              + " = yes' for it and add io.jctds:jctds-tls-legacy.");
    }
    if (!s.strict()) {
      advice.append(" If the handshake hangs or breaks, try 'tds version = 7.3' (seed page).");
    }
    return new OperationalError(
        Reason.TLS_HANDSHAKE,
        "the TLS handshake with "
            + where
            + " failed during "
            + phase.phase()
            + ": "
            + h.getMessage()
            + " ("
            + LoginFailures.encryption(e)
            + ")."
            + advice,
        h);
  }
}
