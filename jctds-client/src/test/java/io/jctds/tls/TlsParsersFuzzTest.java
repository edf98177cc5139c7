package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The parsers of bytes and names that come from outside: PEM bundles and CRL files, a subject's DER
 * name, IP literals and host names. Any input yields a result or the documented checked exception,
 * never another exception; and where the answer is known, the parse gives it.
 */
class TlsParsersFuzzTest {
  /** The DER of the OID 2.5.4.3 (id-at-commonName, RFC 5280 appendix A.1). */
  private static final byte[] CN_OID = {0x06, 0x03, 0x55, 0x04, 0x03};

  @FuzzTest(maxDuration = "30s")
  void pemBundle(byte[] input) {
    try {
      PemFile.certificates(input);
      PemFile.crls(input);
    } catch (PemFile.BadBlockException expected) {
      assertThat(expected.getMessage()).isNotEmpty();
    }
    SubjectNames.commonNames(input); // arbitrary bytes: no exception is the whole contract
    String text = new String(input, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.indexOf('\uFFFD') < 0) {
      // the same text as the one CN of a DER Name (X.690 encoding, UTF8String): read back as is
      assertThat(SubjectNames.commonNames(nameWithCn(text))).containsExactly(text);
    }
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
    // the pattern as a DNS entry beside a CN: the CN is never used (a SAN entry exists)
    Optional<String> withSan =
        HostnameMatcher.match(
            wanted, new SubjectNames(List.of(pattern), List.of(), List.of(pattern), null));
    withSan.ifPresent(m -> assertThat(m).isEqualTo("DNS:" + pattern));
    // the pattern as the only CN of a certificate without subjectAltName
    Optional<String> cnOnly =
        HostnameMatcher.match(
            wanted, new SubjectNames(List.of(), List.of(), List.of(pattern), null));
    cnOnly.ifPresent(m -> assertThat(m).isEqualTo("CN=" + pattern));
    if (address != null && pattern.indexOf('*') >= 0) {
      assertThat(withSan).as("an IP literal never matches through a wildcard").isEmpty();
      assertThat(cnOnly).as("an IP literal never matches through a wildcard CN").isEmpty();
    }
  }

  /** {@code SEQUENCE { SET { SEQUENCE { id-at-commonName, UTF8String text } } }}. */
  private static byte[] nameWithCn(String text) {
    byte[] value = tlv(0x0C, text.getBytes(StandardCharsets.UTF_8));
    byte[] attribute = tlv(0x30, concat(CN_OID, value));
    return tlv(0x30, tlv(0x31, attribute));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A DER TLV: short length below 128, else 0x80 + the count of big-endian length bytes. */
  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int count = length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
      out.write(0x80 | count);
      for (int i = count - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
