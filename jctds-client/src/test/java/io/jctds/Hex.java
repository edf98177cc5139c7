package io.jctds;

import java.io.ByteArrayOutputStream;

/** Hex text ↔ bytes for byte-level assertions. */
final class Hex {
  private Hex() {}

  /** Parses hex digits, ignoring spaces. */
  static byte[] bytes(String hex) {
    String h = hex.replaceAll("\\s", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < h.length(); i += 2) {
      out.write(Integer.parseInt(h.substring(i, i + 2), 16));
    }
    return out.toByteArray();
  }

  /** The bytes as space-separated hex. */
  static String of(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", x & 0xFF));
    }
    return s.toString();
  }

  /** A 32-bit value as little-endian hex. */
  static String le32(long v) {
    return String.format(
        "%02X %02X %02X %02X", v & 0xFF, v >>> 8 & 0xFF, v >>> 16 & 0xFF, v >>> 24 & 0xFF);
  }

  /** Whether {@code needle} occurs in {@code hay}. */
  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
