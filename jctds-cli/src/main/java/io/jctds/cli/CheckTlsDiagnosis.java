package io.jctds.cli;

import io.jctds.JctdsException;
import io.jctds.OperationalError;
import io.jctds.config.Encryption;
import io.jctds.config.ServerEntry;
import io.jctds.config.Source;
import io.jctds.config.TdsVersion;
import io.jctds.tls.CertificateInfo;
import io.jctds.tls.TlsValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a failed connect into the seed page's terms ("Troubleshooting") and the exact fix: the
 * directive to set and the file and section to set it in. The client's own message stays in the
 * details: it already names the setting's origin.
 */
final class CheckTlsDiagnosis {
  static final String PHASE_TLS_FIRST = "the TLS-first (TDS 8.0, strict) handshake";
  static final String PHASE_PRELOGIN = "the PRELOGIN exchange";
  static final String PHASE_TLS = "the TLS handshake inside PRELOGIN packets";

  private final CheckTlsTrace trace;
  private final ServerEntry entry;
  private final String name;

  private CheckTlsDiagnosis(CheckTlsTrace trace, String name) {
    this.trace = trace;
    this.entry = trace.entry;
    this.name = name;
  }

  /** The diagnosis of {@code e}, raised by the connect {@code trace} watched. */
  static CheckTlsReport.Diagnosis of(JctdsException e, CheckTlsTrace trace, String name) {
    return new CheckTlsDiagnosis(trace, name).diagnose(e);
  }

  private CheckTlsReport.Diagnosis diagnose(JctdsException e) {
    List<String> details = List.of(e.getMessage());
    if (!(e instanceof OperationalError op) || entry == null) {
      return new CheckTlsReport.Diagnosis(
          e instanceof OperationalError op2 && op2.reason() == OperationalError.Reason.CONFIGURATION
              ? "invalid configuration"
              : "cannot connect",
          details,
          "correct what the message above names (the file, line or setting), then run check-tls"
              + " again");
    }
    boolean strict =
        entry.encryption() == Encryption.STRICT || entry.tdsVersion() == TdsVersion.V8_0;
    if (strict && PHASE_TLS_FIRST.equals(trace.phase) && strictPathFailure(op.reason())) {
      return strictWithoutTds8(details);
    }
    Optional<TlsValidationException> invalid = TlsValidationException.findIn(e);
    if (invalid.isPresent()) {
      return certificate(invalid.get(), details);
    }
    return switch (op.reason()) {
      case ENCRYPTION_REQUIRED_BY_SERVER ->
          new CheckTlsReport.Diagnosis(
              "server requires encryption but encryption = off",
              details,
              "set 'encryption = require' "
                  + where("encryption")
                  + " (seed page: with 'off' the connection fails if the server requires encryption)");
      case ENCRYPTION_UNAVAILABLE ->
          new CheckTlsReport.Diagnosis(
              "encryption = require against a server without encryption",
              details,
              "give the server a certificate and turn its encryption on, or set 'encryption ="
                  + " request' "
                  + where("encryption")
                  + " to allow an unencrypted login (seed page: 'require' fails if the server"
                  + " does not support encryption)");
      case TLS_HANDSHAKE -> handshake(op, details);
      case LOGIN_TIMEOUT -> timeout(details);
      case LOGIN_FAILED ->
          new CheckTlsReport.Diagnosis(
              "login failed", details, "check the login name and password given with -U/-P");
      default ->
          new CheckTlsReport.Diagnosis(
              "cannot connect (" + op.reason().name().toLowerCase(java.util.Locale.ROOT) + ")",
              details,
              "correct what the message above names, then run check-tls again");
    };
  }

  private static boolean strictPathFailure(OperationalError.Reason r) {
    return r == OperationalError.Reason.TLS_HANDSHAKE
        || r == OperationalError.Reason.CONNECTION_BROKEN
        || r == OperationalError.Reason.PROTOCOL
        || r == OperationalError.Reason.LOGIN_TIMEOUT;
  }

  private CheckTlsReport.Diagnosis strictWithoutTds8(List<String> details) {
    return new CheckTlsReport.Diagnosis(
        "encryption = strict against a server without TDS 8.0",
        details,
        "the server does not speak TDS 8.0 (SQL Server 2022 or later with strict encryption):"
            + " set 'encryption = require' and 'tds version = 7.4' "
            + where("encryption")
            + ", with 'ca file' set to keep the certificate validated");
  }

  private CheckTlsReport.Diagnosis certificate(TlsValidationException v, List<String> details) {
    List<String> more = new ArrayList<>(details);
    List<CertificateInfo> chain = trace.chain.stream().map(CertificateInfo::of).toList();
    return switch (v.reason()) {
      case UNTRUSTED -> untrusted(more, chain);
      case HOSTNAME_MISMATCH -> {
        String sans = chain.isEmpty() ? "none" : String.join(", ", chain.get(0).subjectAltNames());
        more.add("the certificate's SANs: " + (sans.isEmpty() ? "none" : sans));
        String suggested = suggestedName(chain);
        yield new CheckTlsReport.Diagnosis(
            "host name mismatch",
            more,
            "connect by a name the certificate carries, or set 'certificate hostname = "
                + suggested
                + "' "
                + where("certificate_hostname"));
      }
      case EXPIRED, NOT_YET_VALID -> {
        chain.stream()
            .findFirst()
            .ifPresent(c -> more.add("valid from " + c.notBefore() + " to " + c.notAfter()));
        yield new CheckTlsReport.Diagnosis(
            v.reason() == TlsValidationException.Reason.EXPIRED
                ? "certificate expired"
                : "certificate not yet valid",
            more,
            "the server needs a certificate valid now (renew it; check the clocks of both"
                + " machines); removing 'ca file' would only hide this");
      }
      case REVOKED, REVOCATION_UNKNOWN ->
          new CheckTlsReport.Diagnosis(
              v.reason() == TlsValidationException.Reason.REVOKED
                  ? "certificate revoked"
                  : "certificate revocation unknown",
              more,
              "the server needs a new certificate that the CRL of 'crl file' "
                  + where("crl_file")
                  + " does not revoke (and the file a current CRL of its issuer)");
      default ->
          new CheckTlsReport.Diagnosis(
              "certificate refused (" + v.reason().name().toLowerCase(java.util.Locale.ROOT) + ")",
              more,
              "fix the server's certificate or 'ca file' " + where("ca_file"));
    };
  }

  private CheckTlsReport.Diagnosis untrusted(List<String> more, List<CertificateInfo> chain) {
    if (!chain.isEmpty()) {
      more.add("the chain's issuer: " + chain.get(chain.size() - 1).issuer());
    }
    String ca = entry.caFile();
    more.add("ca file " + ca + " holds: " + caSubjects(ca));
    return new CheckTlsReport.Diagnosis(
        "CA file does not hold the issuing CA",
        more,
        "add the certificate of '"
            + (chain.isEmpty() ? "the issuing CA" : chain.get(chain.size() - 1).issuer())
            + "' to "
            + ca
            + ", or point 'ca file' "
            + where("ca_file")
            + " at a bundle that holds it (seed page: 'Connection fails with a certificate"
            + " error')");
  }

  /** The subjects of the CA file's certificates, or why they cannot be listed. */
  static String caSubjects(String caFile) {
    if (caFile == null || caFile.equalsIgnoreCase("system")) {
      return "(the system trust store)";
    }
    try (InputStream in = Files.newInputStream(Path.of(caFile))) {
      List<String> subjects = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        if (c instanceof X509Certificate x) {
          subjects.add("'" + x.getSubjectX500Principal().getName() + "'");
        }
      }
      return subjects.isEmpty() ? "no certificate" : String.join(", ", subjects);
    } catch (IOException | CertificateException | RuntimeException e) {
      return "(cannot read it: " + e.getMessage() + ")";
    }
  }

  private static String suggestedName(List<CertificateInfo> chain) {
    if (chain.isEmpty()) {
      return "NAME";
    }
    CertificateInfo leaf = chain.get(0);
    if (!leaf.dnsNames().isEmpty()) {
      return leaf.dnsNames().get(0);
    }
    return leaf.ipAddresses().isEmpty() ? "NAME" : leaf.ipAddresses().get(0);
  }

  private CheckTlsReport.Diagnosis handshake(OperationalError op, List<String> details) {
    String m = String.valueOf(op.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("protocol_version")
        || m.contains("protocol version")
        || m.contains("tlsv1 ")
        || m.contains("tls10")
        || m.contains("tls11")) {
      return new CheckTlsReport.Diagnosis(
          "server speaks only TLS 1.0/1.1",
          details,
          "set 'enable tls v1 = yes' "
              + where("enable_tls_v1")
              + " and add the artifact io.jctds:jctds-tls-legacy to the class path (seed page:"
              + " 'Legacy Servers (TLS 1.0)'); better, upgrade the server");
    }
    return new CheckTlsReport.Diagnosis(
        "TLS handshake failed",
        details,
        "try 'tds version = 7.3' "
            + where("tds_version")
            + " (seed page: 'Connection hangs or times out'), or check the server's TLS setup");
  }

  private CheckTlsReport.Diagnosis timeout(List<String> details) {
    String step = trace.phase == null ? "connecting" : trace.phase;
    List<String> more = new ArrayList<>(details);
    more.add("the step that did not complete: " + step);
    boolean tlsStep = PHASE_PRELOGIN.equals(step) || PHASE_TLS.equals(step);
    TdsVersion v = entry.tdsVersion();
    if (tlsStep && (v == TdsVersion.V7_4 || v == TdsVersion.AUTO)) {
      return new CheckTlsReport.Diagnosis(
          "hang or timeout during " + step,
          more,
          "set 'tds version = 7.3' "
              + where("tds_version")
              + " (seed page: 'Connection hangs or times out: try tds version = 7.3 if you are"
              + " currently using 7.4'); check also that host and port are SQL Server's");
    }
    return new CheckTlsReport.Diagnosis(
        "hang or timeout during " + step,
        more,
        "check that host and port "
            + where("port")
            + " reach SQL Server (firewall, listener), or raise 'connect timeout'");
  }

  /** Where to set a directive: the line that set it, else the server's section of its file. */
  String where(String key) {
    Source s = entry.source(key);
    if (s instanceof Source.Environment env) {
      return "(it comes from $" + env.variable() + ": change or unset that variable)";
    }
    if (s instanceof Source.FileLine f) {
      return "at line "
          + f.line()
          + " of "
          + f.file()
          + (f.section() == null ? "" : " (section [" + f.section() + "])");
    }
    Path file = entry.configFile();
    String section = "[" + name.toLowerCase(java.util.Locale.ROOT) + "]";
    if (file != null) {
      return "in section " + section + " of " + file;
    }
    return "in a section "
        + section
        + " of your freetds.conf ($FREETDSCONF, ~/.freetds.conf or the system file)";
  }
}
