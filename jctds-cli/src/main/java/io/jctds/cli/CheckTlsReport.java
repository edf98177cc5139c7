package io.jctds.cli;

import io.jctds.tls.CertificateInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@code jctds check-tls}: the settings with their origins, the steps in order, the
 * server's certificate chain, the validation rules, the diagnosis of a failure with its fix, and
 * the verdict. Renders as text ({@link #print}) or JSON ({@link CheckTlsJson}).
 */
final class CheckTlsReport {
  /** The verdicts, weakest last but {@code failed}. */
  static final String SECURE = "secure";

  static final String NOT_VALIDATED = "encrypted but certificate not validated";
  static final String LOGIN_ONLY = "login-only encryption";
  static final String NOT_ENCRYPTED = "not encrypted";
  static final String FAILED = "failed";

  /** A resolved setting: its key, its value (null: unset) and where it came from. */
  record Setting(String key, String value, String origin) {}

  /**
   * One step of the connect.
   *
   * @param name e.g. {@code PRELOGIN}
   * @param status {@code ok}, {@code failed}, {@code skipped} or {@code not permitted}
   * @param details what was seen, one line each
   */
  record Step(String name, String status, List<String> details) {}

  /**
   * A validation rule and what became of it.
   *
   * @param rule {@code ca file}, {@code crl file}, {@code host name}, {@code strict}
   * @param applied whether the rule was in force
   * @param outcome what it says or found
   */
  record Rule(String rule, boolean applied, String outcome) {}

  /**
   * What went wrong in the seed page's terms, and the exact fix.
   *
   * @param problem e.g. {@code server requires encryption but encryption = off}
   * @param details what the evidence was, one line each
   * @param fix the directive to set and where
   */
  record Diagnosis(String problem, List<String> details, String fix) {}

  final String server;
  final List<Setting> settings = new ArrayList<>();
  final List<Step> steps = new ArrayList<>();
  final List<CertificateInfo> chain = new ArrayList<>();
  final List<Rule> rules = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  Diagnosis diagnosis;
  String verdict;

  CheckTlsReport(String server) {
    this.server = server;
  }

  void step(String name, String status, String... details) {
    steps.add(new Step(name, status, List.of(details)));
  }

  /** {@code failed: REASON} when a diagnosis exists, else the verdict. */
  String verdictLine() {
    return diagnosis != null ? FAILED + ": " + diagnosis.problem() : verdict;
  }

  /** 0 for secure, 1 for the weaker verdicts, 2 for failed. */
  int exitCode() {
    if (diagnosis != null) {
      return ExitCodes.USAGE_CONFIG_OR_CONNECTION;
    }
    return SECURE.equals(verdict) ? ExitCodes.OK : 1;
  }

  void print(PrintWriter out) {
    out.println("check-tls " + server);
    out.println();
    out.println("Settings (resolved as a connection resolves them):");
    if (settings.isEmpty()) {
      out.println("  (none: " + server + " did not resolve)");
    }
    for (Setting s : settings) {
      out.printf(
          "  %-26s = %-28s (%s)%n", s.key(), s.value() == null ? "(unset)" : s.value(), s.origin());
    }
    out.println();
    int tls = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals("TLS handshake") || steps.get(i).name().equals("PRELOGIN")) {
        tls = i + 1;
      }
    }
    steps.subList(0, tls).forEach(s -> printStep(out, s));
    printCertificates(out);
    if (!steps.isEmpty() && tls < steps.size()) {
      out.println();
    }
    steps.subList(tls, steps.size()).forEach(s -> printStep(out, s));
    printEnd(out);
  }

  private static void printStep(PrintWriter out, Step s) {
    out.printf("[%s] %s%n", s.status(), s.name());
    s.details().forEach(d -> out.println("      " + d));
  }

  private void printCertificates(PrintWriter out) {
    if (!chain.isEmpty()) {
      out.println();
      out.println("Certificate chain (as the server sent it, leaf first):");
      for (int i = 0; i < chain.size(); i++) {
        printCertificate(out, i, chain.get(i));
      }
    }
    if (!rules.isEmpty()) {
      out.println();
      out.println("Validation rules:");
      for (Rule r : rules) {
        out.printf(
            "  %-16s %-12s %s%n", r.rule(), r.applied() ? "applied" : "not applied", r.outcome());
      }
    }
  }

  private void printEnd(PrintWriter out) {
    if (diagnosis != null) {
      out.println();
      out.println("Diagnosis: " + diagnosis.problem());
      java.util.Set<String> shown = new java.util.HashSet<>();
      steps.forEach(s -> shown.addAll(s.details()));
      diagnosis.details().stream()
          .filter(d -> !shown.contains(d))
          .forEach(d -> out.println("  " + d));
      out.println("Fix: " + diagnosis.fix());
    }
    if (!notes.isEmpty()) {
      out.println();
      notes.forEach(n -> out.println("Note: " + n));
    }
    out.println();
    out.println("Verdict: " + verdictLine());
    out.flush();
  }

  private static void printCertificate(PrintWriter out, int index, CertificateInfo c) {
    out.printf("  [%d] Subject: %s%n", index, c.subject());
    out.printf("      Issuer:  %s%n", c.issuer());
    List<String> sans = c.subjectAltNames();
    out.printf("      SANs:    %s%n", sans.isEmpty() ? "none" : String.join(", ", sans));
    out.printf("      Valid:   %s to %s%n", c.notBefore(), c.notAfter());
    out.printf("      SHA-256: %s%n", c.sha256Fingerprint());
  }
}
