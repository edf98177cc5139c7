package io.jctds.config;

/**
 * A server name split into host and port or instance, with FreeTDS 1.5's rules ({@code
 * parse_server_name_for_port}): {@code [v6]:port}, {@code host:port} (last colon, not in first
 * position), else {@code host\instance} (last backslash, not in first position).
 *
 * @param host the host part (brackets removed for {@code [v6]:port} and {@code [v6]\instance})
 * @param port the port ({@code atoi} of the text after the colon; 0 when not numeric), or -1 when
 *     the name gives an instance
 * @param instance the instance, or null when the name gives a port
 */
record ServerName(String host, int port, String instance) {

  boolean hasPort() {
    return instance == null;
  }

  /**
   * @return the split name, or null when the name has neither a usable {@code :} nor {@code \}
   */
  static ServerName split(String name) {
    int sep;
    if (name.startsWith("[")) {
      int close = name.indexOf("]:");
      sep = close < 0 ? -1 : close + 1;
    } else {
      sep = name.lastIndexOf(':');
    }
    boolean isPort = sep > 0;
    if (!isPort) {
      sep = name.lastIndexOf('\\');
      if (sep <= 0) {
        return null;
      }
    }
    int start = 0;
    int end = sep;
    if (name.startsWith("[") && name.charAt(sep - 1) == ']') {
      start = 1;
      end = sep - 1;
    }
    String host = name.substring(start, end);
    String rest = name.substring(sep + 1);
    return isPort
        ? new ServerName(host, CNumbers.atoi(rest), null)
        : new ServerName(host, -1, rest);
  }
}
