package io.jctds.config;

import java.util.Map;

/** A tiny JSON writer for flat objects of strings, integers, booleans, nulls and string maps. */
final class Json {
  private Json() {}

  /** Writes {@code value} as a JSON string literal, escaping what RFC 8259 requires. */
  static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Writes a value: null, Boolean, Number, String or a {@code Map<String, ?>} (nested object). */
  static void value(StringBuilder out, Object value, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map, indent);
    } else {
      string(out, value.toString());
    }
  }

  /** Writes an object, one member per line, members indented by two more spaces. */
  static void object(StringBuilder out, Map<?, ?> members, String indent) {
    if (members.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + "  ";
    out.append("{\n");
    boolean first = true;
    for (Map.Entry<?, ?> e : members.entrySet()) {
      if (!first) {
        out.append(",\n");
      }
      first = false;
      out.append(inner);
      string(out, String.valueOf(e.getKey()));
      out.append(": ");
      value(out, e.getValue(), inner);
    }
    out.append('\n').append(indent).append('}');
  }
}
