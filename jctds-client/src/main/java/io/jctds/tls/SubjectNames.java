package io.jctds.tls;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The names a certificate is issued for: its subjectAltName DNS and IP entries and the common names
 * (CN) of its subject.
 *
 * @param dnsNames subjectAltName dNSName entries
 * @param ipAddresses subjectAltName iPAddress entries (4 or 16 bytes each)
 * @param commonNames every CN attribute of the subject, in order
 * @param sanError why the subjectAltName extension could not be read, or null
 */
record SubjectNames(
    List<String> dnsNames, List<byte[]> ipAddresses, List<String> commonNames, String sanError) {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  /** Reads the names of {@code certificate}; never throws. */
  static SubjectNames of(X509Certificate certificate) {
    List<String> dns = new ArrayList<>();
    List<byte[]> ips = new ArrayList<>();
    String error = null;
    try {
      Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
      if (entries != null) {
        for (List<?> entry : entries) {
          int type = (Integer) entry.get(0);
          Object value = entry.get(1);
          if (type == SAN_DNS && value instanceof String name) {
            dns.add(name);
          } else if (type == SAN_IP && value instanceof String text) {
            byte[] address = IpLiteral.parse(text);
            if (address != null) {
              ips.add(address);
            }
          }
        }
      }
    } catch (CertificateParsingException | RuntimeException e) {
      error = "unreadable subjectAltName extension: " + e.getMessage();
    }
    List<String> cns = commonNames(certificate.getSubjectX500Principal().getEncoded());
    return new SubjectNames(List.copyOf(dns), List.copyOf(ips), cns, error);
  }

  /** Whether the certificate has a DNS or IP subjectAltName entry. */
  boolean hasSanEntries() {
    return !dnsNames.isEmpty() || !ipAddresses.isEmpty();
  }

  /** Every name for messages: {@code DNS:a, IP:1.2.3.4, CN=b}. */
  String describe() {
    List<String> all = new ArrayList<>();
    dnsNames.forEach(n -> all.add("DNS:" + n));
    ipAddresses.forEach(a -> all.add("IP:" + IpLiteral.format(a)));
    commonNames.forEach(n -> all.add("CN=" + n));
    return all.isEmpty() ? "no names at all" : String.join(", ", all);
  }

  // ---- a minimal DER walk over the subject Name: SEQUENCE OF SET OF SEQUENCE {OID, value}

  private static final byte[] OID_CN = {0x55, 0x04, 0x03};

  static List<String> commonNames(byte[] name) {
    List<String> out = new ArrayList<>();
    try {
      Der seq = new Der(name, 0, name.length);
      Der rdns = seq.enter(0x30);
      while (rdns.hasMore()) {
        Der set = rdns.enter(0x31);
        while (set.hasMore()) {
          Der attribute = set.enter(0x30);
          byte[] oid = attribute.value(0x06);
          int tag = attribute.peekTag();
          byte[] value = attribute.value(-1);
          if (java.util.Arrays.equals(oid, OID_CN)) {
            String text = directoryString(tag, value);
            if (text != null) {
              out.add(text);
            }
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed subject has no usable CN
    }
    return List.copyOf(out);
  }

  private static String directoryString(int tag, byte[] value) {
    Charset charset =
        switch (tag) {
          case 0x0C -> StandardCharsets.UTF_8; // UTF8String
          case 0x13, 0x16 -> StandardCharsets.US_ASCII; // PrintableString, IA5String
          case 0x14 -> StandardCharsets.ISO_8859_1; // TeletexString, as commonly used
          case 0x1E -> StandardCharsets.UTF_16BE; // BMPString
          default -> null;
        };
    return charset == null ? null : new String(value, charset);
  }

  /** A cursor over DER TLVs in {@code bytes[start, end)}. */
  private static final class Der {
    private final byte[] bytes;
    private int pos;
    private final int end;

    Der(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.pos = start;
      this.end = end;
    }

    boolean hasMore() {
      return pos < end;
    }

    int peekTag() {
      check(pos < end);
      return bytes[pos] & 0xff;
    }

    /** Enters the next TLV (which must have {@code tag}) and skips past it here. */
    Der enter(int tag) {
      int[] tlv = next(tag);
      return new Der(bytes, tlv[0], tlv[1]);
    }

    /** The content of the next TLV ({@code tag} -1: any tag). */
    byte[] value(int tag) {
      int[] tlv = next(tag);
      return java.util.Arrays.copyOfRange(bytes, tlv[0], tlv[1]);
    }

    private int[] next(int tag) {
      check(pos + 2 <= end);
      int t = bytes[pos++] & 0xff;
      check(tag < 0 || t == tag);
      int length = bytes[pos++] & 0xff;
      if (length >= 0x80) {
        int count = length & 0x7f;
        check(count >= 1 && count <= 3 && pos + count <= end);
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (bytes[pos++] & 0xff);
        }
      }
      check(length <= end - pos);
      int start = pos;
      pos += length;
      return new int[] {start, pos};
    }

    private static void check(boolean ok) {
      if (!ok) {
        throw new IllegalArgumentException("malformed DER");
      }
    }
  }
}
