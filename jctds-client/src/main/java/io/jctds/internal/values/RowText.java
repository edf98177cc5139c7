package io.jctds.internal.values;

import java.util.HexFormat;

/** How {@code Row.toString()} shows a value. */
public final class RowText {
  private RowText() {}

  /** Binary values shown in full up to this many bytes, then abbreviated. */
  static final int MAX_BYTES = 32;

  /** Text values shown in full up to this many characters, then abbreviated. */
  static final int MAX_CHARS = 200;

  /** Appends {@code v}: null, 0x hex for bytes, long text abbreviated with its length. */
  public static void append(StringBuilder sb, Object v) {
    if (v instanceof byte[] b) {
      sb.append("0x")
          .append(HexFormat.of().withUpperCase().formatHex(b, 0, Math.min(b.length, MAX_BYTES)));
      if (b.length > MAX_BYTES) {
        sb.append("...(").append(b.length).append(" bytes)");
      }
    } else if (v instanceof String s && s.length() > MAX_CHARS) {
      sb.append(s, 0, MAX_CHARS).append("...(").append(s.length()).append(" chars)");
    } else {
      sb.append(v);
    }
  }
}
