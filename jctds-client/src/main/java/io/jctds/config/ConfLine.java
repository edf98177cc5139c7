package io.jctds.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a freetds.conf file after FreeTDS 1.5's line rules ({@code tds_read_conf_section}):
 * the key is lower-cased and whitespace-collapsed, the value ends at {@code ;} or {@code #} and is
 * whitespace-collapsed with its case kept.
 *
 * @param line the 1-based physical line number
 * @param key the normalised key, never empty; a section header starts with {@code [}
 * @param value the normalised value, possibly empty
 */
record ConfLine(int line, String key, String value) {

  /** FreeTDS reads with {@code fgets} into a 256-byte buffer: at most 255 bytes per read. */
  static final int FGETS_BYTES = 255;

  /** Whether this line is a section header ({@code [name]}). */
  boolean isHeader() {
    return key.charAt(0) == '[';
  }

  /** The section name of a header: the text after {@code [} up to the first {@code ]}. */
  String sectionName() {
    int close = key.indexOf(']');
    return key.substring(1, close < 0 ? key.length() : close);
  }

  /**
   * Splits a file into lines the way FreeTDS reads it: reads of at most 255 bytes (a longer line's
   * tail is parsed as a line of its own), each cut at a NUL byte, comments and empty keys dropped.
   */
  static List<ConfLine> parse(byte[] data) {
    List<ConfLine> lines = new ArrayList<>();
    for (Read read : reads(data, FGETS_BYTES)) {
      ConfLine parsed = parseRead(read.line(), read.text());
      if (parsed != null) {
        lines.add(parsed);
      }
    }
    return lines;
  }

  /**
   * One {@code fgets} result.
   *
   * @param line the 1-based physical line it belongs to
   * @param text the bytes read (newline included), cut at the first NUL, decoded
   */
  record Read(int line, String text) {}

  /** Splits a file into {@code fgets} reads of at most {@code maxBytes} bytes. */
  static List<Read> reads(byte[] data, int maxBytes) {
    List<Read> reads = new ArrayList<>();
    int lineNumber = 1;
    int pos = 0;
    while (pos < data.length) {
      int limit = Math.min(data.length, pos + maxBytes);
      int end = pos;
      boolean newline = false;
      while (end < limit) {
        if (data[end++] == '\n') {
          newline = true;
          break;
        }
      }
      reads.add(new Read(lineNumber, decode(data, pos, end)));
      pos = end;
      if (newline) {
        lineNumber++;
      }
    }
    return reads;
  }

  /** One {@code fgets} result: C string functions stop at the first NUL byte. */
  private static String decode(byte[] data, int from, int to) {
    int end = from;
    while (end < to && data[end] != 0) {
      end++;
    }
    ByteBuffer bytes = ByteBuffer.wrap(data, from, end - from);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      // not UTF-8: keep every byte as one character, as the C code does
      return new String(data, from, end - from, StandardCharsets.ISO_8859_1);
    }
  }

  /** Parses one read buffer; null for comments and lines with an empty key. */
  static ConfLine parseRead(int lineNumber, String s) {
    int n = s.length();
    int i = 0;
    while (i < n && Ascii.isSpace(s.charAt(i))) {
      i++;
    }
    if (i < n && (s.charAt(i) == ';' || s.charAt(i) == '#')) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    char previous = 0;
    for (; i < n && s.charAt(i) != '='; i++) {
      char c = s.charAt(i);
      if (!Ascii.isSpace(c)) {
        if (Ascii.isSpace(previous)) {
          key.append(' ');
        }
        key.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
      }
      previous = c;
    }
    if (key.length() == 0) {
      return null;
    }
    if (i < n) {
      i++; // the '='
    }
    while (i < n && Ascii.isSpace(s.charAt(i))) {
      i++;
    }
    StringBuilder value = new StringBuilder();
    previous = 0;
    for (; i < n && s.charAt(i) != ';' && s.charAt(i) != '#'; i++) {
      char c = s.charAt(i);
      if (!Ascii.isSpace(c)) {
        if (Ascii.isSpace(previous)) {
          value.append(' ');
        }
        value.append(c);
      }
      previous = c;
    }
    return new ConfLine(lineNumber, key.toString(), value.toString());
  }
}
