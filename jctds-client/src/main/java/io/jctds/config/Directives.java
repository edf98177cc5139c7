package io.jctds.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Applies one freetds.conf line to the settings with FreeTDS 1.5's value rules ({@code
 * tds_parse_conf_section}): every directive of FREETDS.md 2.1, including those jctds does not act
 * on. An invalid boolean or {@code encryption} invalidates the configuration; a bad number, {@code
 * tds version} or host is ignored with a warning; an unknown key is ignored with a warning.
 */
final class Directives {
  /** The boolean spellings FreeTDS accepts (case-insensitive). */
  static final List<String> BOOLEAN_VALUES = List.of("yes", "no", "on", "off", "true", "false");

  private static final Map<String, String> HINTS =
      Map.of(
          "hostname", "did you mean 'host'?",
          "encrypt", "did you mean 'encryption'?",
          "trustservercertificate",
              "FreeTDS has no such key: without 'ca file' no certificate is verified",
          "enable tls v1.1", "FreeTDS master only; 1.5 does not know it",
          "gnutls ciphers", "FreeTDS master only; 1.5 does not know it",
          "server", "did you mean 'host'?",
          "debug level", "did you mean 'debug flags'?");

  private final Resolution r;
  private final Login l;

  private Directives(Resolution r) {
    this.r = r;
    this.l = r.login;
  }

  /** Applies {@code line} (in a matching section) to the resolution's settings. */
  static void apply(Resolution r, ConfLine line, Source.FileLine where) {
    new Directives(r).apply(line.key(), line.value(), where);
  }

  /**
   * Applies a directive the application set by name (an {@link ApplicationSettings#directives()}
   * entry) with the same value rules as a file line.
   */
  static void apply(Resolution r, ApplicationSettings.Directive d) {
    new Directives(r).apply(d.key(), d.value(), new Source.Setting(d.origin()));
  }

  private void apply(String key, String value, Source at) {
    r.log.log("\t" + key + " = '" + value + "'");
    if (booleanDirective(key, value, at)) {
      return;
    }
    switch (key) {
      case "tds version" -> tdsVersion(value, at);
      case "initial block size" -> blockSize(value, at);
      case "dump file" -> {
        l.dumpFile = value.isEmpty() ? null : value;
        l.from(Login.DUMP_FILE, at);
      }
      case "debug flags" -> debugFlags(value, at);
      case "timeout", "query timeout" ->
          nonZero(key, value, at, Login.TIMEOUT, v -> l.queryTimeout = v);
      case "connect timeout" ->
          nonZero(key, value, at, Login.CONNECT_TIMEOUT, v -> l.connectTimeout = v);
      case "host" -> host(value, at);
      case "port" -> nonZero(key, value, at, Login.PORT, v -> l.port = v);
      case "text size" -> nonZero(key, value, at, Login.TEXT_SIZE, v -> l.textSize = v);
      case "charset" -> string(at, Login.SERVER_CHARSET, value, v -> l.serverCharset = v);
      case "client charset" -> string(at, Login.CLIENT_CHARSET, value, v -> l.clientCharset = v);
      case "language" -> string(at, Login.LANGUAGE, value, v -> l.language = v);
      case "instance" -> string(at, Login.INSTANCE, value, v -> l.instance = v);
      case "encryption" -> encryption(value, at);
      case "asa database" -> {
        l.asaDatabase = value;
        l.serverName = value;
        l.from(Login.ASA_DATABASE, at);
        l.from(Login.SERVER_NAME, at);
      }
      case "realm" -> string(at, Login.REALM, value, v -> l.realm = v);
      case "spn" -> string(at, Login.SPN, value, v -> l.spn = v);
      case "ca file" -> string(at, Login.CA_FILE, value, v -> l.caFile = v);
      case "crl file" -> string(at, Login.CRL_FILE, value, v -> l.crlFile = v);
      case "certificate hostname" ->
          string(at, Login.CERTIFICATE_HOSTNAME, value, v -> l.certificateHostname = v);
      case "database filename" ->
          string(at, Login.DATABASE_FILENAME, value, v -> l.databaseFilename = v);
      case "database" -> string(at, Login.DATABASE, value, v -> l.database = v);
      case "openssl ciphers" -> string(at, Login.OPENSSL_CIPHERS, value, v -> l.opensslCiphers = v);
      default -> unknown(key, at);
    }
  }

  /** The boolean directives; false when {@code key} is not one. */
  private boolean booleanDirective(String key, String value, Source at) {
    switch (key) {
      case "swap broken dates", "emulate little endian" -> obsoleteBoolean(key, value, at);
      case "enable gssapi delegation" ->
          bool(key, value, at, Login.GSSAPI_DELEGATION, b -> l.gssapiDelegation = b);
      case "mutual authentication" ->
          bool(key, value, at, Login.MUTUAL_AUTHENTICATION, b -> l.mutualAuthentication = b);
      case "use utf-16" -> bool(key, value, at, Login.USE_UTF16, b -> l.useUtf16 = b);
      case "dump file append" ->
          bool(key, value, at, Login.DUMP_FILE_APPEND, b -> l.dumpFileAppend = b);
      case "use ntlmv2" -> {
        bool(key, value, at, Login.USE_NTLMV2, b -> l.useNtlmv2 = b);
        l.useNtlmv2Specified = true;
      }
      case "use lanman" -> bool(key, value, at, Login.USE_LANMAN, b -> l.useLanman = b);
      case "check certificate hostname" ->
          bool(
              key,
              value,
              at,
              Login.CHECK_CERTIFICATE_HOSTNAME,
              b -> l.checkCertificateHostname = b);
      case "read-only intent" ->
          bool(key, value, at, Login.READ_ONLY_INTENT, b -> l.readOnlyIntent = b);
      case "enable tls v1" -> {
        bool(key, value, at, Login.ENABLE_TLS_V1, b -> l.enableTlsV1 = b);
        l.enableTlsV1Specified = true;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void string(Source at, String field, String value, Consumer<String> setter) {
    setter.accept(value);
    l.from(field, at);
  }

  private void tdsVersion(String value, Source at) {
    var version = TdsVersion.parse(value);
    if (version.isEmpty()) {
      r.log.log("error: no such version: " + value);
      l.warn(
          at,
          "tds version",
          "tds version = '"
              + value
              + "' ignored (FreeTDS: no such version); accepted, exactly: "
              + String.join(", ", TdsVersion.ACCEPTED_SPELLINGS));
      return;
    }
    l.tdsVersion = version.get();
    l.from(Login.TDS_VERSION, at);
  }

  private void blockSize(String value, Source at) {
    int v = CNumbers.atoi(value);
    if (v >= 512 && v < 65536) {
      l.blockSize = v;
      l.from(Login.INITIAL_BLOCK_SIZE, at);
      warnTrailing("initial block size", value, v, at);
    } else {
      l.warn(
          at,
          "initial block size",
          "initial block size = '" + value + "' ignored: FreeTDS keeps only 512 to 65535");
    }
  }

  private void debugFlags(String value, Source at) {
    Integer flags = CNumbers.strtolWhole(value);
    if (flags == null) {
      l.warn(
          at,
          "debug flags",
          "debug flags = '" + value + "' ignored: not a whole number (decimal, 0x hex or 0 octal)");
      return;
    }
    l.debugFlags = flags;
    l.from(Login.DEBUG_FLAGS, at);
  }

  private void nonZero(String key, String value, Source at, String field, IntConsumer setter) {
    int v = CNumbers.atoi(value);
    if (v == 0) {
      l.warn(
          at,
          key,
          key
              + " = '"
              + value
              + "' ignored: FreeTDS reads it as 0, which keeps the previous value");
      return;
    }
    setter.accept(v);
    l.from(field, at);
    warnTrailing(key, value, v, at);
  }

  private void warnTrailing(String key, String value, int v, Source at) {
    if (!CNumbers.isWholeDecimal(value)) {
      l.warn(at, key, key + " = '" + value + "' read as " + v + " (FreeTDS ignores the rest)");
    }
  }

  private void host(String value, Source at) {
    List<InetAddress> addresses = r.lookupHost(value);
    if (addresses == null) {
      r.log.log("Found host entry " + value + " however name resolution failed. ");
      l.warn(
          at,
          "host",
          "host = '"
              + value
              + "' ignored: the name does not resolve (FreeTDS keeps the previous host)");
      return;
    }
    r.log.log("Found host entry " + value + " ");
    l.serverHostName = value;
    l.addresses = addresses;
    l.from(Login.HOST, at);
    for (InetAddress a : addresses) {
      r.log.log("IP addr is " + ConfigLog.numeric(a) + ".");
    }
  }

  private void encryption(String value, Source at) {
    var level = Encryption.parse(value);
    if (level.isPresent()) {
      l.encryption = level.get();
      l.from(Login.ENCRYPTION, at);
      return;
    }
    r.log.log("UNRECOGNIZED option value '" + value + "' for 'encryption' setting!");
    r.log.log("Valid settings are: ('off', 'request', 'require', 'strict')");
    l.invalidate(
        ConfigException.invalidValue(
            at,
            "encryption",
            value,
            Encryption.ACCEPTED_VALUES,
            "'strict' needs FreeTDS 1.5 or later"));
  }

  private boolean bool(
      String key, String value, Source at, String field, Consumer<Boolean> setter) {
    Boolean b = parseBoolean(value);
    if (b == null) {
      r.log.log("UNRECOGNIZED option value '" + value + "' for boolean setting '" + key + "'!");
      l.invalidate(
          ConfigException.invalidValue(at, key, value, BOOLEAN_VALUES, "1 and 0 are not accepted"));
      return false;
    }
    setter.accept(b);
    if (field != null) {
      l.from(field, at);
    }
    return true;
  }

  private void obsoleteBoolean(String key, String value, Source at) {
    if (bool(key, value, at, null, b -> {})) {
      l.warn(at, key, key + " is obsolete and ignored (its value is still checked)");
    }
  }

  private void unknown(String key, Source at) {
    r.log.log("UNRECOGNIZED option '" + key + "' ... ignoring.");
    String hint = HINTS.get(key);
    l.warn(
        at,
        key,
        "unknown directive '"
            + key
            + "' ignored (FreeTDS 1.5 does not recognise it)"
            + (hint == null ? "" : "; " + hint));
  }

  /** FreeTDS's {@code tds_parse_boolean}: yes/no/on/off/true/false, case-insensitive. */
  static Boolean parseBoolean(String value) {
    return switch (Ascii.toLowerCase(value)) {
      case "yes", "on", "true" -> Boolean.TRUE;
      case "no", "off", "false" -> Boolean.FALSE;
      default -> null;
    };
  }
}
