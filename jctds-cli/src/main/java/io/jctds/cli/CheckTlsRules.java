package io.jctds.cli;

import io.jctds.Connection;
import io.jctds.JctdsException;
import io.jctds.config.Encryption;
import io.jctds.config.ServerEntry;
import io.jctds.tls.EncryptionReport;
import io.jctds.tls.TlsPolicy;
import io.jctds.tls.TlsValidationException;
import io.jctds.tls.TlsValidationException.Reason;
import java.util.Optional;

/**
 * The certificate validation rules of a server entry (FreeTDS 1.5, FREETDS.md 4.7: ca file, crl
 * file, host name, strict) and their outcome, and FreeTDS's encryption table (4.2) in words.
 */
final class CheckTlsRules {
  private CheckTlsRules() {}

  /** A PRELOGIN ENCRYPTION byte with its [MS-TDS] 2.2.6.5 name. */
  static String byteName(int b) {
    String name =
        switch (b & 0x7F) {
          case 0x00 -> "ENCRYPT_OFF";
          case 0x01 -> "ENCRYPT_ON";
          case 0x02 -> "ENCRYPT_NOT_SUP";
          case 0x03 -> "ENCRYPT_REQ";
          default -> "unknown";
        };
    return String.format("0x%02X (%s)", b, name);
  }

  /** What FreeTDS's table (FREETDS.md 4.2) makes of the client's mode and the server's answer. */
  static String meaning(Encryption mode, CheckTlsTrace t) {
    if (t.preloginInsideTls) {
      return "strict: PRELOGIN travels inside TLS, the server's answer is ignored";
    }
    int server = t.serverByte == null ? 0x02 : t.serverByte & 0xFF;
    String label = mode.label();
    return switch (server) {
      case 0x02 ->
          mode == Encryption.REQUIRE
              ? "NOT_SUP with encryption = require: the login fails (FreeTDS 20002)"
              : "NOT_SUP with encryption = " + label + ": plain login, nothing encrypted";
      case 0x00 ->
          "OFF with encryption = "
              + label
              + ": TLS for the login packet only (login-only encryption), the rest in clear";
      case 0x03 ->
          mode == Encryption.OFF
              ? "REQ with encryption = off: FreeTDS would do TLS anyway; jctds refuses (the"
                  + " server requires encryption)"
              : "REQ with encryption = " + label + ": TLS for the whole connection";
      default -> "with encryption = " + label + ": TLS for the whole connection";
    };
  }

  /** Adds the rules and their outcome to {@code report}. */
  static void add(
      CheckTlsReport report,
      CheckTlsTrace trace,
      ServerEntry entry,
      Connection connection,
      JctdsException failure) {
    boolean strict = CheckTlsSteps.strict(entry);
    TlsPolicy policy = TlsPolicy.forEntry(entry, strict);
    boolean validates = policy.validation().validates();
    Optional<Reason> refused = CheckTlsSteps.refusal(failure).map(TlsValidationException::reason);
    boolean checked = trace.tls != null || refused.isPresent();
    String notRun =
        trace.tls == null && refused.isEmpty() ? "not reached (no TLS handshake)" : null;
    report.rules.add(
        new CheckTlsReport.Rule(
            "ca file",
            validates,
            !validates
                ? "not set: any certificate is accepted (seed page: never in production)"
                : outcome(
                    notRun,
                    refused,
                    policy.validation().describe(),
                    Reason.UNTRUSTED,
                    Reason.INVALID_CHAIN,
                    Reason.NO_CERTIFICATE,
                    Reason.CA_FILE_UNREADABLE)));
    report.rules.add(
        new CheckTlsReport.Rule(
            "validity dates",
            validates,
            !validates
                ? "not checked without ca file"
                : outcome(
                    notRun,
                    refused,
                    "every certificate of the chain is valid now",
                    Reason.EXPIRED,
                    Reason.NOT_YET_VALID)));
    boolean crl = validates && policy.crlFile().isPresent();
    report.rules.add(
        new CheckTlsReport.Rule(
            "crl file",
            crl,
            !crl
                ? (policy.crlFile().isPresent() ? "ignored without ca file" : "not set")
                : outcome(
                    notRun,
                    refused,
                    "not revoked by "
                        + policy.crlFile().get()
                        + " ("
                        + policy.crlSource().describe()
                        + ")",
                    Reason.REVOKED,
                    Reason.REVOCATION_UNKNOWN,
                    Reason.CRL_UNREADABLE)));
    report.rules.add(hostname(policy, connection, notRun, refused, checked));
    report.rules.add(
        new CheckTlsReport.Rule(
            "strict",
            strict,
            strict
                ? "TDS 8.0: TLS first, ALPN tds/8.0, the chain always validated"
                : "not strict (encryption = " + entry.encryption().label() + ")"));
  }

  private static CheckTlsReport.Rule hostname(
      TlsPolicy policy,
      Connection connection,
      String notRun,
      Optional<Reason> refused,
      boolean checked) {
    if (policy.hostnameCheck().isEmpty()) {
      return new CheckTlsReport.Rule(
          "host name", false, policy.hostnameNotCheckedReason().orElse("not checked"));
    }
    String wanted = "against " + policy.hostnameCheck().get().describe();
    if (refused.isPresent() && refused.get() != Reason.HOSTNAME_MISMATCH) {
      return new CheckTlsReport.Rule("host name", true, wanted + ": not reached (chain refused)");
    }
    String matched = "";
    if (connection != null) {
      EncryptionReport r = connection.encryption();
      matched = r.matchedName().map(m -> ", matched " + m).orElse("");
    }
    return new CheckTlsReport.Rule(
        "host name",
        true,
        notRun != null
            ? wanted + ": " + notRun
            : refused.isPresent()
                ? wanted + ": FAILED, the certificate does not carry that name"
                : wanted + ": passed" + (checked ? matched : ""));
  }

  private static String outcome(
      String notRun, Optional<Reason> refused, String what, Reason... failing) {
    if (notRun != null) {
      return what + ": " + notRun;
    }
    if (refused.isPresent()) {
      for (Reason r : failing) {
        if (r == refused.get()) {
          return what + ": FAILED (" + r.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
      }
      if (refused.get() == Reason.HOSTNAME_MISMATCH) {
        return what + ": passed";
      }
      return what + ": not determined (another check failed first)";
    }
    return what + ": passed";
  }
}
