package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "example.com            | example.com                 | true",
        "EXAMPLE.com            | example.COM                 | true",
        "db.example.test        | db.example.test             | true",
        "*.example.com          | a.example.com               | true",
        "*.EXAMPLE.com          | A.example.com               | true",
        "*.example.com          | xn--bcher-kva.example.com   | true",
        "*.a.b                  | x.a.b                       | true",
        "db.example.test.       | db.example.test.            | true",
        "*.example.com          | a.b.example.com             | false",
        "*.example.com          | example.com                 | false",
        "*.example.com          | .example.com                | false",
        "*.example.com          | a.example.com.              | false",
        "a*.example.com         | ab.example.com              | false",
        "*a.example.com         | ba.example.com              | false",
        "a*b.example.com        | axb.example.com             | false",
        "xn--*.example.com      | xn--abc.example.com         | false",
        "*.com                  | example.com                 | false",
        "*.                     | example.                    | false",
        "*                      | localhost                   | false",
        "*.*.example.com        | a.b.example.com             | false",
        "a.*.example.com        | a.b.example.com             | false",
        "*.example..com         | a.example..com              | false",
        "example.com            | example.com.                | false",
        "example.com.           | example.com                 | false",
        "db.example.test        | db.example.test.            | false",
        "example.com            | example.org                 | false",
        "example.com            | www.example.com             | false",
        "www.example.com        | example.com                 | false",
        "a*.example.com         | a*.example.com              | false",
      })
  void patternTable(String pattern, String host, boolean expected) {
    assertThat(HostnameMatcher.matches(pattern, host)).isEqualTo(expected);
  }

  @Test
  void nonPrintableOrNonAsciiCertificateNamesMatchNothing() {
    assertThat(HostnameMatcher.matches("exam ple.com", "exam ple.com")).isFalse();
    assertThat(HostnameMatcher.matches("example.com\u0000", "example.com\u0000")).isFalse();
    assertThat(HostnameMatcher.matches("b\u00fccher.example", "b\u00fccher.example")).isFalse();
    assertThat(HostnameMatcher.matches("example.com", "")).isFalse();
    assertThat(HostnameMatcher.matches(null, "a")).isFalse();
  }

  @Test
  void caseFoldingIsAsciiOnly() {
    // U+0130 (I with dot) lower-cases to "i" in Unicode rules, never in ASCII rules
    assertThat(HostnameMatcher.equalsAscii("\u0130.example", "i.example")).isFalse();
    assertThat(HostnameMatcher.equalsAscii("Db.Example", "dB.eXAMPLE")).isTrue();
  }

  private static SubjectNames names(List<String> dns, List<String> ips, List<String> cns) {
    List<byte[]> addresses = new ArrayList<>();
    ips.forEach(ip -> addresses.add(IpLiteral.parse(ip)));
    return new SubjectNames(dns, addresses, cns, null);
  }

  private static Optional<String> match(String wanted, SubjectNames names) {
    return HostnameMatcher.match(wanted, names);
  }

  @Test
  void ipLiteralsMatchIpEntriesByteWise() {
    SubjectNames n = names(List.of("localhost"), List.of("127.0.0.1", "::1"), List.of());
    assertThat(match("127.0.0.1", n)).contains("IP:127.0.0.1");
    assertThat(match("::1", n)).contains("IP:::1");
    assertThat(match("0:0:0:0:0:0:0:1", n)).contains("IP:::1");
    assertThat(match("0000::0001", n)).contains("IP:::1");
    assertThat(match("127.0.0.2", n)).isEmpty();
    assertThat(match("::2", n)).isEmpty();
  }

  @Test
  void anIpLiteralNeverMatchesAnIpEntryThroughItsTextOrAWildcard() {
    SubjectNames wildcard = names(List.of("*.0.0.1"), List.of(), List.of());
    assertThat(match("127.0.0.1", wildcard)).isEmpty();
    // GnuTLS's allowance: the address spelled exactly in a DNS entry
    SubjectNames spelled = names(List.of("127.0.0.1"), List.of(), List.of());
    assertThat(match("127.0.0.1", spelled)).contains("DNS:127.0.0.1");
    // not a literal inet_pton accepts: compared as a name, and the IP entry does not apply
    SubjectNames ipOnly = names(List.of(), List.of("127.0.0.1"), List.of());
    assertThat(match("127.000.000.001", ipOnly)).isEmpty();
  }

  /**
   * An IP address is compared as octets (RFC 6125 6.2.1); wildcards belong to DNS domain names
   * (6.4.3), and the CN fallback (6.4.4) follows the same rules as a dNSName entry.
   */
  @Test
  void anIpLiteralNeverMatchesAWildcardCommonName() {
    SubjectNames wildcardCn = names(List.of(), List.of(), List.of("*.0.0.1"));
    assertThat(match("127.0.0.1", wildcardCn)).isEmpty();
    assertThat(match("a.0.0.1", wildcardCn))
        .as("the same CN matches a name")
        .contains("CN=*.0.0.1");
    var ca = TestPki.ca("wildcard CN CA");
    var sanLess = TestPki.leaf(ca, TestPki.Spec.names().cn("*.0.0.1"));
    assertThat(HostnameMatcher.match("127.0.0.1", sanLess)).isEmpty();
  }

  @Test
  void aNameIsNotMatchedAgainstIpEntries() {
    SubjectNames n = names(List.of(), List.of("127.0.0.1"), List.of("localhost"));
    assertThat(match("localhost", n)).isEmpty();
  }

  @Test
  void commonNameOnlyWithoutAnySubjectAltNameEntry() {
    assertThat(match("db.example.test", names(List.of(), List.of(), List.of("db.example.test"))))
        .contains("CN=db.example.test");
    assertThat(match("a.example.test", names(List.of(), List.of(), List.of("*.example.test"))))
        .contains("CN=*.example.test");
    assertThat(
            match(
                "db.example.test",
                names(List.of("other.example.test"), List.of(), List.of("db.example.test"))))
        .isEmpty();
    assertThat(
            match(
                "db.example.test",
                names(List.of(), List.of("192.0.2.1"), List.of("db.example.test"))))
        .isEmpty();
    assertThat(
            match(
                "db.example.test",
                names(List.of(), List.of(), List.of("db.example.test", "db.example.test"))))
        .as("several CNs: RFC 6125 1.8, no match")
        .isEmpty();
    assertThat(match("10.0.0.1", names(List.of(), List.of(), List.of("10.0.0.1"))))
        .contains("CN=10.0.0.1");
  }

  @Test
  void internationalNamesAreComparedInTheirALabelForm() {
    SubjectNames n = names(List.of("xn--bcher-kva.example"), List.of(), List.of());
    assertThat(match("b\u00fccher.example", n)).contains("DNS:xn--bcher-kva.example");
    assertThat(match("xn--bcher-kva.example", n)).contains("DNS:xn--bcher-kva.example");
  }

  @Test
  void nothingMatchesAnEmptyOrMissingName() {
    SubjectNames n = names(List.of("localhost"), List.of(), List.of("localhost"));
    assertThat(match("", n)).isEmpty();
    assertThat(match(null, n)).isEmpty();
  }

  @Test
  void realCertificates() {
    var ca = TestPki.ca("matcher CA");
    var withSans =
        TestPki.leaf(
            ca,
            TestPki.Spec.names("db.example.test", "*.pool.example.test")
                .ips("192.0.2.7", "2001:db8::7")
                .cn("ignored.example.test"));
    assertThat(HostnameMatcher.match("db.example.test", withSans)).contains("DNS:db.example.test");
    assertThat(HostnameMatcher.match("n1.pool.example.test", withSans))
        .contains("DNS:*.pool.example.test");
    assertThat(HostnameMatcher.match("192.0.2.7", withSans)).contains("IP:192.0.2.7");
    assertThat(HostnameMatcher.match("2001:DB8:0:0::7", withSans)).contains("IP:2001:db8::7");
    assertThat(HostnameMatcher.match("ignored.example.test", withSans)).isEmpty();
    var cnOnly = TestPki.leaf(ca, TestPki.Spec.names().cn("legacy.example.test"));
    assertThat(HostnameMatcher.match("legacy.example.test", cnOnly))
        .contains("CN=legacy.example.test");
  }
}
