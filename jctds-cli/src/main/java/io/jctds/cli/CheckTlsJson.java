package io.jctds.cli;

import io.jctds.tls.CertificateInfo;
import java.util.List;

/**
 * {@link CheckTlsReport} as one JSON object (RFC 8259), written by hand: jctds-cli has no JSON
 * library at run time. Keys: {@code server}, {@code settings} [{key, value, origin}], {@code steps}
 * [{name, status, details}], {@code chain} [{subject, issuer, subjectAltNames, notBefore, notAfter,
 * sha256}], {@code validation} [{rule, applied, outcome}], {@code diagnosis} ({problem, details,
 * fix} or null), {@code notes}, {@code verdict}, {@code exitCode}.
 */
final class CheckTlsJson {
  private final StringBuilder s = new StringBuilder();

  private CheckTlsJson() {}

  static String of(CheckTlsReport r) {
    CheckTlsJson j = new CheckTlsJson();
    j.s.append("{\"server\":").append(quote(r.server));
    j.s.append(",\"settings\":[");
    j.each(
        r.settings,
        x -> j.object("key", x.key(), "value", x.value(), "origin", x.origin()).close());
    j.s.append("],\"steps\":[");
    j.each(
        r.steps,
        x -> j.object("name", x.name(), "status", x.status()).list("details", x.details()).close());
    j.s.append("],\"chain\":[");
    j.each(r.chain, j::certificate);
    j.s.append("],\"validation\":[");
    j.each(
        r.rules,
        x -> {
          j.object("rule", x.rule(), "outcome", x.outcome());
          j.s.append(",\"applied\":").append(x.applied()).append('}');
        });
    j.s.append("],\"diagnosis\":");
    if (r.diagnosis == null) {
      j.s.append("null");
    } else {
      j.object("problem", r.diagnosis.problem(), "fix", r.diagnosis.fix())
          .list("details", r.diagnosis.details())
          .close();
    }
    j.s.append(',');
    j.list("notes", r.notes);
    j.s.append(",\"verdict\":").append(quote(r.verdictLine()));
    j.s.append(",\"exitCode\":").append(r.exitCode()).append('}');
    return j.s.toString();
  }

  private void certificate(CertificateInfo c) {
    object(
        "subject",
        c.subject(),
        "issuer",
        c.issuer(),
        "notBefore",
        c.notBefore().toString(),
        "notAfter",
        c.notAfter().toString(),
        "sha256",
        c.sha256Fingerprint());
    list("subjectAltNames", c.subjectAltNames()).close();
  }

  private <T> void each(List<T> items, java.util.function.Consumer<T> write) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      write.accept(items.get(i));
    }
  }

  /** Opens an object with string members (name, value pairs); null values become null. */
  private CheckTlsJson object(String... pairs) {
    s.append('{');
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) {
        s.append(',');
      }
      s.append(quote(pairs[i]))
          .append(':')
          .append(pairs[i + 1] == null ? "null" : quote(pairs[i + 1]));
    }
    return this;
  }

  private CheckTlsJson list(String name, List<String> values) {
    if (s.charAt(s.length() - 1) != '{' && s.charAt(s.length() - 1) != ',') {
      s.append(',');
    }
    s.append(quote(name)).append(":[");
    for (int i = 0; i < values.size(); i++) {
      s.append(i > 0 ? "," : "").append(quote(values.get(i)));
    }
    s.append(']');
    return this;
  }

  private void close() {
    s.append('}');
  }

  /** A JSON string: quotes, backslashes and control characters escaped. */
  static String quote(String v) {
    StringBuilder q = new StringBuilder(v.length() + 2).append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        case '\b' -> q.append("\\b");
        case '\f' -> q.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
