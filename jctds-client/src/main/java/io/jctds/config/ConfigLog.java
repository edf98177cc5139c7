package io.jctds.config;

import io.jctds.internal.IpText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration-resolution log FreeTDS writes when {@code TDSDUMPCONFIG} is set: the search
 * trace, then the {@code Final connection parameters:} block with one {@code \t%20s = %s} line per
 * value, in FreeTDS 1.5's order, before the strict adjustment and without the password.
 */
final class ConfigLog {
  /** Every line starts with this prefix; FreeTDS's looks like {@code config.c:214:}. */
  static final String PREFIX = "config:";

  /** FreeTDS's default debug flags (all levels, source location). */
  static final int DEFAULT_DEBUG_FLAGS = 0x4fff;

  private final List<String> lines = new ArrayList<>();

  /** Adds one trace line (without prefix and newline). */
  void log(String message) {
    lines.add(message);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** The complete log text: header, trace and the final block for {@code login}. */
  String render(Login login, LocalDateTime now) {
    StringBuilder out = new StringBuilder();
    out.append("log:Starting log file for jctds (FreeTDS 1.5 configuration rules)\n")
        .append("\ton ")
        .append(now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
        .append(" with debug flags 0x")
        .append(Integer.toHexString(DEFAULT_DEBUG_FLAGS))
        .append(".\n");
    for (String line : lines) {
      out.append(PREFIX).append(line).append('\n');
    }
    out.append(PREFIX).append("Final connection parameters:\n");
    for (String[] kv : finalBlock(login)) {
      out.append(PREFIX).append(String.format("\t%20s = %s\n", kv[0], kv[1]));
    }
    return out.toString();
  }

  private static List<String[]> finalBlock(Login l) {
    List<String[]> kv = new ArrayList<>();
    add(kv, "server_name", l.serverName);
    add(kv, "server_host_name", l.serverHostName);
    if (l.addresses.isEmpty()) {
      add(kv, "ip_addr", "");
    }
    for (InetAddress a : l.addresses) {
      add(kv, "ip_addr", numeric(a));
    }
    add(kv, "instance_name", l.instance);
    add(kv, "port", l.port);
    add(kv, "major_version", l.tdsVersion.major());
    add(kv, "minor_version", l.tdsVersion.minor());
    add(kv, "block_size", l.blockSize);
    add(kv, "language", l.language);
    add(kv, "server_charset", l.serverCharset);
    add(kv, "connect_timeout", l.connectTimeout);
    add(kv, "client_host_name", l.clientHostName);
    add(kv, "client_charset", l.clientCharset);
    add(kv, "use_utf16", bit(l.useUtf16));
    add(kv, "app_name", l.appName);
    add(kv, "user_name", l.userName);
    add(kv, "library", "");
    add(kv, "bulk_copy", 1);
    add(kv, "suppress_language", 0);
    add(kv, "encrypt level", l.encryption.level());
    add(kv, "query_timeout", l.queryTimeout);
    add(kv, "database", l.database);
    add(kv, "dump_file", l.dumpFile == null ? "(null)" : l.dumpFile);
    add(kv, "debug_flags", Integer.toHexString(l.debugFlags));
    add(kv, "text_size", l.textSize);
    add(kv, "server_realm_name", l.realm);
    add(kv, "server_spn", l.spn);
    add(kv, "cafile", l.caFile);
    add(kv, "crlfile", l.crlFile);
    add(kv, "check_ssl_hostname", bit(l.checkCertificateHostname));
    add(kv, "db_filename", l.databaseFilename);
    add(kv, "readonly_intent", bit(l.readOnlyIntent));
    add(kv, "openssl_ciphers", l.opensslCiphers);
    return kv;
  }

  private static void add(List<String[]> kv, String key, Object value) {
    kv.add(new String[] {key, String.valueOf(value)});
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }

  /** The numeric form {@code getnameinfo(NI_NUMERICHOST)} prints (RFC 5952 for IPv6). */
  static String numeric(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    return IpText.ipv6(address.getAddress());
  }
}
