package io.jctds.config;

import java.math.BigInteger;

/** The C library's number parsing as FreeTDS uses it: {@code atoi} and {@code strtol(s, 0)}. */
final class CNumbers {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private CNumbers() {}

  /**
   * glibc {@code atoi}: {@code (int) strtol(s, NULL, 10)}: leading white space, an optional sign,
   * decimal digits; trailing text ignored; no digits gives 0; overflow clamps to the {@code long}
   * range and is then truncated to 32 bits.
   */
  static int atoi(String s) {
    return (int) strtol(s, 10).value;
  }

  /** Whether {@code s} is exactly what {@link #atoi} read (no text after the number). */
  static boolean isWholeDecimal(String s) {
    Parsed p = strtol(s, 10);
    return p.digits > 0 && p.end == s.length();
  }

  /**
   * FreeTDS's {@code debug flags} rule: {@code strtol(value, &end, 0)} must consume the whole,
   * non-empty value and must not overflow.
   *
   * @return the value truncated to {@code int} as FreeTDS stores it, or null when rejected
   */
  static Integer strtolWhole(String s) {
    Parsed p = strtol(s, 0);
    if (s.isEmpty() || p.end != s.length() || p.clamped) {
      return null;
    }
    if (p.value == Long.MIN_VALUE || p.value == Long.MAX_VALUE) {
      return null;
    }
    return (int) p.value;
  }

  private record Parsed(long value, int end, int digits, boolean clamped) {}

  private static Parsed strtol(String s, int requestedBase) {
    int n = s.length();
    int i = 0;
    while (i < n && Ascii.isSpace(s.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int base = requestedBase;
    if (base == 0) {
      if (i + 1 < n
          && s.charAt(i) == '0'
          && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
          && i + 2 < n
          && digit(s.charAt(i + 2), 16) >= 0) {
        base = 16;
        i += 2;
      } else if (i < n && s.charAt(i) == '0') {
        base = 8;
      } else {
        base = 10;
      }
    }
    int start = i;
    while (i < n && digit(s.charAt(i), base) >= 0) {
      i++;
    }
    if (i == start) {
      return new Parsed(0, 0, 0, false);
    }
    BigInteger magnitude = new BigInteger(s.substring(start, i), base);
    BigInteger v = negative ? magnitude.negate() : magnitude;
    boolean clamped = v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0;
    long value = v.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : v.min(LONG_MAX).longValue();
    return new Parsed(value, i, i - start, clamped);
  }

  private static int digit(char c, int base) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'z') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'Z') {
      d = c - 'A' + 10;
    } else {
      return -1;
    }
    return d < base ? d : -1;
  }
}
