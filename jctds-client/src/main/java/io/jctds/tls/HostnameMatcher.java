package io.jctds.tls;

import java.net.IDN;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Matches a wanted host name against a server certificate the way FreeTDS's GnuTLS build does
 * ({@code gnutls_x509_crt_check_hostname}, RFC 6125), not the OpenSSL build's reversed-wildcard
 * quirk.
 *
 * <ul>
 *   <li>An IPv4 or IPv6 literal is compared byte-wise with the iPAddress subjectAltName entries;
 *       failing that, with dNSName entries spelled exactly like it (GnuTLS's allowance for
 *       certificates that put the address in a DNS entry), never through a wildcard.
 *   <li>A name is compared with the dNSName entries, ASCII case-insensitively. A non-ASCII name is
 *       converted to its IDNA A-label form first.
 *   <li>A wildcard matches only as the whole left-most label of a certificate name with at least
 *       two labels after it: {@code *.example.com} matches {@code a.example.com}, not {@code
 *       a.b.example.com}, not {@code example.com}; {@code a*.example.com}, {@code *a.example.com}
 *       and {@code xn--*.example.com} match nothing.
 *   <li>The subject's common name (CN) is used only when the certificate has no DNS and no IP
 *       subjectAltName entry at all, and only when there is exactly one CN.
 *   <li>A trailing dot is not stripped: {@code db.example.test.} does not match {@code
 *       db.example.test} (FreeTDS fails it too); certificates do not carry the dot.
 * </ul>
 */
public final class HostnameMatcher {
  private HostnameMatcher() {}

  /**
   * Matches {@code wanted} against {@code certificate}.
   *
   * @return the certificate entry that matched, as {@code DNS:name}, {@code IP:address} or {@code
   *     CN=name}; empty when none does
   */
  public static Optional<String> match(String wanted, X509Certificate certificate) {
    return match(wanted, SubjectNames.of(certificate));
  }

  static Optional<String> match(String wanted, SubjectNames names) {
    if (wanted == null || wanted.isEmpty()) {
      return Optional.empty();
    }
    byte[] ip = IpLiteral.parse(wanted);
    if (ip != null) {
      for (byte[] address : names.ipAddresses()) {
        if (Arrays.equals(address, ip)) {
          return Optional.of("IP:" + IpLiteral.format(address));
        }
      }
    }
    String host = ip != null ? wanted : toAscii(wanted);
    if (host == null) {
      return Optional.empty();
    }
    for (String dns : names.dnsNames()) {
      if (ip != null ? equalsAscii(dns, host) : matches(dns, host)) {
        return Optional.of("DNS:" + dns);
      }
    }
    if (!names.hasSanEntries() && names.commonNames().size() == 1) {
      String cn = names.commonNames().get(0);
      if (ip != null ? equalsAscii(cn, host) : matches(cn, host)) {
        return Optional.of("CN=" + cn);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the certificate name {@code pattern} (a dNSName or CN, possibly a wildcard) matches the
   * host name {@code host} (ASCII).
   */
  public static boolean matches(String pattern, String host) {
    if (pattern == null || host == null || !isPrintableAscii(pattern) || host.isEmpty()) {
      return false;
    }
    if (pattern.indexOf('*') < 0) {
      return equalsAscii(pattern, host);
    }
    if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
      return false; // only a whole left-most label may be a wildcard
    }
    String rest = pattern.substring(2);
    if (!hasAtLeastTwoLabels(rest)) {
      return false; // "*.com" and "*." are too broad
    }
    int dot = host.indexOf('.');
    if (dot <= 0) {
      return false; // the wildcard stands for exactly one non-empty label
    }
    return equalsAscii(rest, host.substring(dot + 1));
  }

  private static boolean hasAtLeastTwoLabels(String name) {
    String[] labels = name.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** ASCII case-insensitive equality; other characters must be identical. */
  static boolean equalsAscii(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && (x >= 0x80 || y >= 0x80 || lower(x) != lower(y))) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** The name in ASCII: itself, or its IDNA A-label form; null if it cannot be converted. */
  static String toAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        try {
          return IDN.toASCII(name);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return name;
  }
}
