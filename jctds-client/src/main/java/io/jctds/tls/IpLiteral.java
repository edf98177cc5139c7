package io.jctds.tls;

import io.jctds.internal.IpText;
import java.util.HexFormat;

/**
 * IPv4 and IPv6 literals, parsed without any name lookup (as {@code inet_pton} does) and formatted
 * as RFC 5952 recommends.
 */
final class IpLiteral {
  private IpLiteral() {}

  /**
   * The address bytes of an IP literal: 4 for a dotted-quad IPv4 address (no leading zeros, no
   * short forms), 16 for an IPv6 address (with {@code ::} and a trailing dotted quad allowed, no
   * zone). Null when {@code text} is not such a literal.
   */
  static byte[] parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
  }

  static byte[] parseV4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        return null;
      }
      address[i] = (byte) value;
    }
    return address;
  }

  private static byte[] parseV6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    byte[] head = gap < 0 ? groups(text, true) : groups(text.substring(0, gap), false);
    byte[] tail = gap < 0 ? new byte[0] : groups(text.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int used = head.length + tail.length;
    if (gap < 0 ? used != 16 : used > 14) {
      return null;
    }
    byte[] address = new byte[16];
    System.arraycopy(head, 0, address, 0, head.length);
    System.arraycopy(tail, 0, address, 16 - tail.length, tail.length);
    return address;
  }

  /** Colon-separated 16-bit groups; the last may be a dotted quad when {@code last} is true. */
  private static byte[] groups(String text, boolean last) {
    if (text.isEmpty()) {
      return new byte[0];
    }
    String[] parts = text.split(":", -1);
    if (parts.length > 8) {
      return null;
    }
    byte[] out = new byte[parts.length * 2 + 2];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (last && i == parts.length - 1 && p.indexOf('.') >= 0) {
        byte[] v4 = parseV4(p);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, n, 4);
        n += 4;
        continue;
      }
      if (p.isEmpty() || p.length() > 4 || !isHex(p)) {
        return null;
      }
      int value = Integer.parseInt(p, 16);
      out[n++] = (byte) (value >> 8);
      out[n++] = (byte) value;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  /** Dotted quad for 4 bytes, RFC 5952 text for 16, else hex. */
  static String format(byte[] address) {
    if (address.length == 4) {
      return (address[0] & 0xff)
          + "."
          + (address[1] & 0xff)
          + "."
          + (address[2] & 0xff)
          + "."
          + (address[3] & 0xff);
    }
    if (address.length != 16) {
      return HexFormat.of().formatHex(address);
    }
    return IpText.ipv6(address);
  }
}
