package io.jctds.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Sybase-style {@code interfaces} file FreeTDS falls back to when no freetds.conf defines the
 * server ({@code search_interface_file}).
 *
 * <p>A line starting with a non-blank names a server (first token, case-sensitive); {@code #} in
 * column 1 is a comment; an indented {@code query tcp <ver> <host> <port>} line gives the address
 * (the third token goes to the TDS-version parser), {@code query tli <x> <x> \x0002PPPPAAAAAAAA}
 * carries it hex-encoded. The last {@code query} line of the matching entries wins.
 */
final class InterfacesFile {
  /** {@code fgets(line, sizeof(line) - 1, in)} with a 255-byte buffer. */
  private static final int FGETS_BYTES = 253;

  private InterfacesFile() {}

  /**
   * What a matching entry gave; empty strings for parts it did not give.
   *
   * @param file the interfaces file
   * @param line the line of the {@code query} line used
   * @param host the host or IP text
   * @param port the port text (number or service name)
   * @param version the version token
   */
  record Entry(Path file, int line, String host, String port, String version) {}

  /**
   * @return the entry for {@code server}, or null when the file has no {@code query} line for it
   */
  static Entry search(Path file, byte[] data, String server) {
    boolean inEntry = false;
    Entry found = null;
    String host = "";
    String port = "";
    String version = "";
    for (ConfLine.Read read : ConfLine.reads(data, FGETS_BYTES)) {
      String text = read.text();
      if (text.startsWith("#")) {
        continue;
      }
      List<String> tokens = tokens(text);
      if (text.isEmpty() || !Ascii.isSpace(text.charAt(0))) {
        inEntry = !tokens.isEmpty() && tokens.get(0).equals(server);
      } else if (inEntry && !tokens.isEmpty() && tokens.get(0).equals("query")) {
        if (token(tokens, 1).equals("tli")) {
          String field = token(tokens, 4);
          if (field.length() >= 18) {
            port = Integer.toString(hex(field, 6) * 256 + hex(field, 8));
            host =
                hex(field, 10) + "." + hex(field, 12) + "." + hex(field, 14) + "." + hex(field, 16);
          }
        } else {
          version = token(tokens, 2);
          host = token(tokens, 3);
          port = token(tokens, 4);
        }
        found = new Entry(file, read.line(), host, port, version);
      }
    }
    return found;
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    for (String t : text.split("[\n\t ]+")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  private static String token(List<String> tokens, int index) {
    return index < tokens.size() ? tokens.get(index) : "";
  }

  private static int hex(String s, int at) {
    return hexDigit(s.charAt(at)) * 16 + hexDigit(s.charAt(at + 1));
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : 0;
  }
}
