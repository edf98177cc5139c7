package io.jctds.config;

/** The C library's character rules in the "C"/UTF-8 locales FreeTDS runs in: ASCII only. */
final class Ascii {
  private Ascii() {}

  /** C {@code isspace}: space, tab, newline, vertical tab, form feed, carriage return. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** C {@code tolower} applied to every character: only A-Z change. */
  static String toLowerCase(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (b == null) {
          b = new StringBuilder(s);
        }
        b.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return b == null ? s : b.toString();
  }

  /** C {@code strcasecmp(a, b) == 0}. */
  static boolean equalsIgnoreCase(String a, String b) {
    return a.length() == b.length() && toLowerCase(a).equals(toLowerCase(b));
  }
}
