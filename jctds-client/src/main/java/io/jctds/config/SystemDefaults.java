package io.jctds.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Values FreeTDS takes from the operating system: client charset, host name, service ports. */
final class SystemDefaults {
  private static final Set<String> ASCII_NAMES =
      Set.of("ANSI_X3.4-1968", "ASCII", "US-ASCII", "646", "ISO646-US", "ISO_646.IRV:1991");

  private SystemDefaults() {}

  /**
   * FreeTDS's default {@code client charset}: {@code nl_langinfo(CODESET)} of the process locale,
   * with US-ASCII replaced by ISO-8859-1. The JDK reads the same value into {@code
   * native.encoding}.
   */
  static String clientCharset() {
    String codeset = System.getProperty("native.encoding");
    if (codeset == null || codeset.isEmpty()) {
      return "ISO-8859-1";
    }
    return ASCII_NAMES.contains(codeset.toUpperCase(Locale.ROOT)) ? "ISO-8859-1" : codeset;
  }

  /** {@code gethostname()}: the kernel's host name on Linux, else the JDK's local host name. */
  static String clientHostName() {
    Path kernel = Path.of("/proc/sys/kernel/hostname");
    try {
      if (Files.isReadable(kernel)) {
        return Files.readString(kernel, StandardCharsets.UTF_8).strip();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * FreeTDS's {@code tds_lookup_port}: {@code atoi}, and when that gives 0, the TCP service of that
   * name in {@code servicesFile} (the {@code getaddrinfo} service lookup).
   *
   * @return the port, or 0 when neither works
   */
  static int lookupPort(String text, Path servicesFile) {
    int port = CNumbers.atoi(text);
    if (port != 0 || text.isEmpty() || servicesFile == null) {
      return port;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(servicesFile, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return 0;
    }
    for (String line : lines) {
      int hash = line.indexOf('#');
      String[] fields = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
      if (fields.length < 2 || !fields[1].endsWith("/tcp")) {
        continue;
      }
      for (int i = 0; i < fields.length; i++) {
        if (i != 1 && fields[i].equals(text)) {
          return CNumbers.atoi(fields[1]);
        }
      }
    }
    return 0;
  }
}
