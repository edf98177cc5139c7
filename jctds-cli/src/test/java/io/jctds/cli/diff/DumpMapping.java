package io.jctds.cli.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How FreeTDS's TDSDUMPCONFIG block maps onto the JSON of {@code jctds config --json}: which dump
 * key becomes which JSON key with which value, and which dump keys are deliberately not compared.
 */
final class DumpMapping {
  /** Dump key → JSON key, for the keys compared one to one. */
  static final Map<String, String> COMPARED =
      ordered(
          "server_name", "server_name",
          "server_host_name", "host",
          "instance_name", "instance",
          "port", "port",
          "block_size", "initial_block_size",
          "connect_timeout", "connect_timeout",
          "client_charset", "client_charset",
          "encrypt level", "encryption",
          "query_timeout", "timeout",
          "database", "database",
          "dump_file", "dump_file",
          "text_size", "text_size",
          "cafile", "ca_file",
          "crlfile", "crl_file",
          "check_ssl_hostname", "check_certificate_hostname",
          "readonly_intent", "read_only_intent");

  /** major_version + minor_version → tds_version. */
  static final List<String> VERSION_KEYS = List.of("major_version", "minor_version");

  /**
   * Dump keys not compared, with the reason. Found empirically with Debian's tsql 1.3.17: a {@code
   * language = french} in the file still dumps {@code us_english} because tsql sets the language as
   * an application value (tsql.c populate_login: tds_set_language "us_english"); the same function
   * sets app_name "TSQL", library "TDS-Library" and the user name from -U.
   */
  static final Map<String, String> NOT_COMPARED =
      ordered(
          "language", "tsql always sets us_english as an application value, hiding the file's",
          "app_name", "set by tsql (TSQL); no JSON key",
          "user_name", "set by tsql from -U; no JSON key",
          "library", "set by tsql (TDS-Library); no JSON key",
          "client_host_name", "gethostname(); no JSON key",
          "server_charset", "no JSON key",
          "use_utf16", "no JSON key",
          "bulk_copy", "no JSON key",
          "suppress_language", "no JSON key",
          "debug_flags", "no JSON key",
          "server_realm_name", "no JSON key",
          "server_spn", "no JSON key",
          "db_filename", "no JSON key",
          "openssl_ciphers", "only in OpenSSL builds; no JSON key",
          "gnutls_ciphers", "only in master GnuTLS builds; no JSON key");

  private DumpMapping() {}

  /**
   * The JSON object the dump implies, JSON key → expected value (String, Long, Boolean or null),
   * plus {@code config_file} from the trace ({@code Success: [X] defined in F}, null if no file
   * defined the server).
   *
   * @throws IllegalStateException if the dump has a key this mapping does not know (so a different
   *     FreeTDS build cannot silently shrink the comparison)
   */
  static Map<String, Object> expectedJson(FreeTdsDump dump) {
    Map<String, String> p = dump.parameters();
    for (String key : p.keySet()) {
      if (!COMPARED.containsKey(key)
          && !VERSION_KEYS.contains(key)
          && !NOT_COMPARED.containsKey(key)) {
        throw new IllegalStateException(
            "TDSDUMPCONFIG shows key '" + key + "' that DumpMapping does not know; map it");
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    COMPARED.forEach(
        (dumpKey, jsonKey) -> {
          if (p.containsKey(dumpKey)) {
            json.put(jsonKey, value(jsonKey, p.get(dumpKey)));
          }
        });
    if (p.containsKey("major_version") && p.containsKey("minor_version")) {
      json.put("tds_version", tdsVersion(p.get("major_version"), p.get("minor_version")));
    }
    json.put("config_file", dump.definedIn().orElse(null));
    return json;
  }

  /** A dump value in the JSON's terms. */
  static Object value(String jsonKey, String dumpValue) {
    return switch (jsonKey) {
      case "port", "initial_block_size", "connect_timeout", "timeout", "text_size" -> {
        long n = Long.parseLong(dumpValue.trim());
        yield n == 0 ? null : n;
      }
      case "check_certificate_hostname", "read_only_intent" ->
          switch (dumpValue.trim()) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalStateException(jsonKey + ": not 0/1: " + dumpValue);
          };
      case "encryption" -> encryption(dumpValue.trim());
      // 1.3.17 prints an empty dump_file when unset, 1.5 prints (null): both mean unset
      case "dump_file" -> dumpValue.isEmpty() || dumpValue.equals("(null)") ? null : dumpValue;
      default -> dumpValue.isEmpty() ? null : dumpValue;
    };
  }

  /** {@code encrypt level} (FREETDS.md 2.2) → JSON encryption. */
  static String encryption(String level) {
    return switch (level) {
      case "0" -> "default";
      case "1" -> "off";
      case "2" -> "request";
      case "3" -> "require";
      case "4" -> "strict";
      default -> throw new IllegalStateException("unknown encrypt level " + level);
    };
  }

  /** major/minor → "7.4", "auto" for 0/0. */
  static String tdsVersion(String major, String minor) {
    if (major.trim().equals("0") && minor.trim().equals("0")) {
      return "auto";
    }
    return major.trim() + "." + minor.trim();
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
