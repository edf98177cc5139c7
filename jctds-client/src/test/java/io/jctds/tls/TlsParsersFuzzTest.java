package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The parsers of bytes and names that come from outside: PEM bundles and CRL files, a subject's DER
 * name, IP literals and host names. Any input yields a result or the documented checked exception,
 * never another exception.
 */
class TlsParsersFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void pemBundle(byte[] input) {
    try {
      PemFile.certificates(input);
      PemFile.crls(input);
    } catch (PemFile.BadBlockException expected) {
      assertThat(expected.getMessage()).isNotEmpty();
    }
    assertThat(SubjectNames.commonNames(input)).isNotNull();
  }

  @FuzzTest(maxDuration = "30s")
  void names(FuzzedDataProvider data) {
    String wanted = data.consumeString(80);
    String pattern = data.consumeString(80);
    byte[] address = IpLiteral.parse(wanted);
    if (address != null) {
      assertThat(address.length).isIn(4, 16);
      assertThat(IpLiteral.parse(IpLiteral.format(address))).isEqualTo(address);
    }
    boolean matches = HostnameMatcher.matches(pattern, wanted);
    if (matches && pattern.indexOf('*') < 0) {
      assertThat(HostnameMatcher.equalsAscii(pattern, wanted)).isTrue();
    }
    SubjectNames names =
        new SubjectNames(
            java.util.List.of(pattern), java.util.List.of(), java.util.List.of(pattern), null);
    assertThat(HostnameMatcher.match(wanted, names)).isNotNull();
  }
}
