package io.jctds.cli;

import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.JctdsException;
import io.jctds.Row;
import io.jctds.config.Encryption;
import io.jctds.config.ServerEntry;
import io.jctds.config.TdsVersion;
import io.jctds.tls.CertificateInfo;
import io.jctds.tls.EncryptionReport;
import io.jctds.tls.TlsPolicy;
import io.jctds.tls.TlsValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills a {@link CheckTlsReport} from what the {@link CheckTlsTrace} saw, the connection (when the
 * login succeeded) or the failure: settings, steps, chain, validation rules, diagnosis, verdict.
 */
final class CheckTlsSteps {
  /** The query of the seed page's "Verifying Encryption", with the TDS version. */
  static final String DMV_QUERY =
      "SELECT encrypt_option, auth_scheme, protocol_version FROM sys.dm_exec_connections"
          + " WHERE session_id = @@SPID";

  private final CheckTlsReport report;
  private final CheckTlsTrace trace;
  private final JctdsException failure;
  private final ServerEntry entry;

  private CheckTlsSteps(CheckTlsReport report, CheckTlsTrace trace, JctdsException failure) {
    this.report = report;
    this.trace = trace;
    this.failure = failure;
    this.entry = trace.entry;
  }

  /**
   * Fills {@code report}.
   *
   * @param connection the logged-in connection, or null
   * @param failure why the connect failed (not the deliberate stop before LOGIN7), or null
   */
  static void fill(
      CheckTlsReport report,
      CheckTlsTrace trace,
      Connection connection,
      JctdsException failure,
      String name) {
    CheckTlsSteps s = new CheckTlsSteps(report, trace, failure);
    s.settings();
    if (s.entry == null) {
      report.step("Resolve " + name, "failed", failure == null ? "" : failure.getMessage());
      report.diagnosis = CheckTlsDiagnosis.of(failure, trace, name);
      return;
    }
    s.tcp();
    s.prelogin();
    s.handshake();
    trace.chain.forEach(c -> report.chain.add(CertificateInfo.of(c)));
    CheckTlsRules.add(report, trace, s.entry, connection, failure);
    s.login(connection);
    if (connection != null) {
      s.serverView(connection);
    }
    if (failure != null) {
      report.diagnosis = CheckTlsDiagnosis.of(failure, trace, name);
    } else {
      report.verdict = s.verdict(connection);
    }
  }

  private void settings() {
    if (entry == null) {
      return;
    }
    for (Map.Entry<String, Object> e : entry.values().entrySet()) {
      report.settings.add(
          new CheckTlsReport.Setting(
              e.getKey(),
              e.getValue() == null ? null : e.getValue().toString(),
              entry.source(e.getKey()).describe()));
    }
  }

  private boolean failedAt(String phase) {
    return failure != null && phase.equals(trace.phase);
  }

  private void tcp() {
    if (trace.remote != null) {
      String to =
          trace.remote instanceof java.net.InetSocketAddress a && a.getAddress() != null
              ? a.getAddress().getHostAddress() + " port " + a.getPort()
              : String.valueOf(trace.remote);
      report.step("TCP connect", "ok", "connected to " + to);
    } else {
      report.step(
          "TCP connect",
          failure == null ? "skipped" : "failed",
          failure == null ? "" : failure.getMessage());
    }
  }

  private void prelogin() {
    if (entry.tdsVersion() == TdsVersion.V7_0) {
      report.step(
          "PRELOGIN", "skipped", "tds version = 7.0 has no PRELOGIN: nothing can be encrypted");
      return;
    }
    if (trace.clientByte == null) {
      if (trace.remote != null) {
        report.step("PRELOGIN", failure == null ? "skipped" : "not reached");
      }
      return;
    }
    List<String> d = new ArrayList<>();
    d.add(
        "offered ENCRYPTION "
            + CheckTlsRules.byteName(trace.clientByte)
            + " for encryption = "
            + entry.encryption().label()
            + " ("
            + entry.source("encryption").describe()
            + ")"
            + (trace.preloginInsideTls ? ", inside TLS (TDS 8.0)" : ""));
    if (trace.preloginAnswered) {
      d.add(
          "server answered ENCRYPTION "
              + (trace.serverByte == null
                  ? "(none: taken as NOT_SUP)"
                  : CheckTlsRules.byteName(trace.serverByte))
              + (trace.serverVersion == null ? "" : ", version " + trace.serverVersion));
      d.add("FreeTDS's table: " + CheckTlsRules.meaning(entry.encryption(), trace));
    } else if (failedAt(CheckTlsDiagnosis.PHASE_PRELOGIN)) {
      d.add("no answer: " + failure.getMessage());
    }
    boolean ok = trace.preloginAnswered && !failedAt(CheckTlsDiagnosis.PHASE_PRELOGIN);
    report.step("PRELOGIN", ok ? "ok" : "failed", d.toArray(String[]::new));
  }

  private void handshake() {
    if (trace.tls != null) {
      String alpn = trace.tls.applicationProtocol();
      report.step(
          "TLS handshake",
          "ok",
          trace.tls.protocol() + ", cipher " + trace.tls.cipherSuite(),
          "ALPN " + (alpn.isEmpty() ? "none" : alpn),
          "protects: " + describe(trace.level));
      return;
    }
    boolean tried =
        CheckTlsDiagnosis.PHASE_TLS.equals(trace.phase)
            || CheckTlsDiagnosis.PHASE_TLS_FIRST.equals(trace.phase);
    if (failure != null && tried) {
      report.step("TLS handshake", "failed", failure.getMessage());
    } else if (trace.preloginAnswered) {
      report.step("TLS handshake", "skipped", "no TLS: the PRELOGIN answer means a plain login");
    }
  }

  static String describe(EncryptionReport.Level level) {
    return switch (level) {
      case NONE -> "nothing";
      case LOGIN_ONLY -> "the login packet only (login-only encryption)";
      case FULL -> "the whole connection (TDS 7.x, TLS inside PRELOGIN)";
      case STRICT -> "the whole connection (TDS 8.0: TLS first)";
    };
  }

  private void login(Connection connection) {
    if (trace.stopped) {
      report.step(
          "Login",
          "skipped",
          "no -U/-P given: check-tls stopped before LOGIN7, after the "
              + (trace.tls != null ? "TLS handshake" : "PRELOGIN exchange"));
      return;
    }
    if (connection != null) {
      report.step(
          "Login",
          "ok",
          "logged in as '"
              + entry.userName()
              + "', spid "
              + connection.spid()
              + ", TDS "
              + connection.tdsVersion());
    } else if (failure != null
        && (CheckTlsTrace.LOGIN7_PHASE.equals(trace.phase)
            || "reading the login response".equals(trace.phase))) {
      report.step("Login", "failed", failure.getMessage());
    }
  }

  private void serverView(Connection connection) {
    try (Cursor cursor = connection.cursor()) {
      cursor.execute(DMV_QUERY);
      Row row = cursor.fetchOne();
      if (row == null) {
        report.step("sys.dm_exec_connections", "failed", "no row for @@SPID");
        return;
      }
      String encrypt = String.valueOf(row.get(0));
      report.step(
          "sys.dm_exec_connections",
          "ok",
          "encrypt_option " + encrypt,
          "auth_scheme " + row.get(1),
          "protocol_version " + row.get(2) + " (" + protocolVersion(row.get(2)) + ")");
      crossCheck(encrypt);
    } catch (JctdsException e) {
      if (e.number() == 300 || e.number() == 297) {
        List<String> d = new ArrayList<>();
        e.messages().stream()
            .filter(m -> m.severity() > 10)
            .forEach(m -> d.add("Msg " + m.number() + ", Level " + m.severity() + ": " + m.text()));
        if (d.isEmpty()) {
          d.add("Msg " + e.number() + ": " + e.getMessage());
        }
        d.add("reading it needs VIEW SERVER STATE (seed page); the report stands without it");
        d.add("to see it: GRANT VIEW SERVER STATE TO [" + entry.userName() + "] (as an admin)");
        report.step("sys.dm_exec_connections", "not permitted", d.toArray(String[]::new));
      } else {
        report.step("sys.dm_exec_connections", "failed", e.getMessage());
      }
    }
  }

  /** The server's view must agree: TRUE for full/strict, FALSE for login-only or none. */
  private void crossCheck(String encryptOption) {
    boolean whole =
        trace.level == EncryptionReport.Level.FULL || trace.level == EncryptionReport.Level.STRICT;
    if (whole != "TRUE".equalsIgnoreCase(encryptOption)) {
      report.notes.add(
          "the server reports encrypt_option "
              + encryptOption
              + " but the client negotiated "
              + describe(trace.level));
    }
  }

  private static String protocolVersion(Object value) {
    if (!(value instanceof Number n)) {
      return "unknown";
    }
    int v = n.intValue();
    return String.format("0x%08X", v) + (v == 0x74000004 ? ", TDS 7.4" : "");
  }

  private String verdict(Connection connection) {
    if (trace.stopped) {
      report.notes.add("no -U/-P: the login and the server's view were not checked");
    }
    return switch (trace.level) {
      case NONE -> CheckTlsReport.NOT_ENCRYPTED;
      case LOGIN_ONLY -> CheckTlsReport.LOGIN_ONLY;
      case FULL, STRICT -> validated(connection) ? CheckTlsReport.SECURE : notValidated();
    };
  }

  private String notValidated() {
    TlsPolicy policy = TlsPolicy.forEntry(entry, trace.level == EncryptionReport.Level.STRICT);
    if (policy.validation().validates()) {
      report.notes.add(
          "the host name was not checked ("
              + policy.hostnameNotCheckedReason().orElse("check certificate hostname = no")
              + "): any certificate of that CA is accepted; set 'check certificate hostname ="
              + " yes'");
    } else {
      report.notes.add(
          "the certificate was not validated: set 'ca file' (a PEM bundle or 'system') for this"
              + " server (seed page: 'Certificate Validation')");
    }
    return CheckTlsReport.NOT_VALIDATED;
  }

  /** Chain and host name both checked (strict always checks the chain). */
  private boolean validated(Connection connection) {
    if (connection != null) {
      EncryptionReport r = connection.encryption();
      return r.isCertificateValidated() && r.hostnameCheck().isPresent();
    }
    boolean strict = trace.level == EncryptionReport.Level.STRICT;
    TlsPolicy policy = TlsPolicy.forEntry(entry, strict);
    return policy.validation().validates() && policy.hostnameCheck().isPresent();
  }

  /** The refusal behind a failure, if it was the certificate check. */
  static Optional<TlsValidationException> refusal(JctdsException failure) {
    return failure == null ? Optional.empty() : TlsValidationException.findIn(failure);
  }

  static boolean strict(ServerEntry e) {
    return e.encryption() == Encryption.STRICT || e.tdsVersion() == TdsVersion.V8_0;
  }
}
