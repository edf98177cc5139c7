package io.jctds.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The steps after the files: the environment ({@code tds_fix_login}, run twice as db-lib does), the
 * application merge ({@code tds_config_login}), the TDSDUMPCONFIG log, the strict adjustment
 * ({@code tds8_adjust_login}) and the warnings about what a connect would do.
 */
final class Overrides {
  private final Resolution r;
  private final Login l;

  Overrides(Resolution r) {
    this.r = r;
    this.l = r.login;
  }

  /** {@code tds_fix_login}: TDSVER, TDSDUMP, TDSPORT, TDSHOST. Warnings only on the first pass. */
  void environment(boolean second) {
    String tdsver = r.env.get("TDSVER");
    if (tdsver != null) {
      var version = TdsVersion.parse(tdsver);
      version.ifPresent(
          v -> {
            l.tdsVersion = v;
            l.from(Login.TDS_VERSION, env("TDSVER"));
          });
      r.log.log(
          "TDS version "
              + (version.isPresent() ? "" : "not ")
              + "set to "
              + tdsver
              + " from $TDSVER.");
      if (version.isEmpty() && !second) {
        l.warn(
            null,
            "TDSVER",
            "$TDSVER = '"
                + tdsver
                + "' ignored (no such version); accepted, exactly: "
                + String.join(", ", TdsVersion.ACCEPTED_SPELLINGS));
      }
    }
    String dump = r.env.get("TDSDUMP");
    if (dump != null) {
      l.dumpFile = dump.isEmpty() ? WindowsLayout.defaultDump(r.config.windows(), false) : dump;
      l.from(Login.DUMP_FILE, env("TDSDUMP"));
      r.log.log("Setting 'dump_file' to '" + l.dumpFile + "' from $TDSDUMP.");
    }
    String port = r.env.get("TDSPORT");
    if (port != null) {
      l.port = SystemDefaults.lookupPort(port, r.config.servicesFile());
      l.instance = "";
      l.from(Login.PORT, env("TDSPORT"));
      l.from(Login.INSTANCE, env("TDSPORT"));
      r.log.log("Setting 'port' to " + port + " from $TDSPORT.");
      if (l.port == 0 && !second) {
        l.warn(null, "TDSPORT", "$TDSPORT = '" + port + "' is neither a port number nor a service");
      }
    }
    String host = r.env.get("TDSHOST");
    if (host != null) {
      tdsHost(host, second);
    }
  }

  private void tdsHost(String host, boolean second) {
    List<InetAddress> addresses = r.lookupHost(host);
    if (addresses == null) {
      r.log.log("Name resolution failed for '" + host + "' from $TDSHOST.");
      if (!second) {
        l.warn(null, "TDSHOST", "$TDSHOST = '" + host + "' ignored: the name does not resolve");
      }
      return;
    }
    l.addresses = addresses;
    l.serverHostName = host;
    l.from(Login.HOST, env("TDSHOST"));
    for (InetAddress a : addresses) {
      r.log.log("Setting IP Address to " + ConfigLog.numeric(a) + " (" + host + ") from $TDSHOST.");
    }
  }

  private static Source env(String name) {
    return new Source.Environment(name);
  }

  /** {@code tds_config_login}: what the application set, with FreeTDS's per-key rules. */
  void application(ApplicationSettings app, String serverName) {
    Source a = Source.APPLICATION;
    if (!serverName.isEmpty()) {
      l.serverName = serverName;
      l.from(Login.SERVER_NAME, r.nameSource);
    }
    if (app.tdsVersion() != null && app.tdsVersion() != TdsVersion.AUTO) {
      l.tdsVersion = app.tdsVersion();
      l.from(Login.TDS_VERSION, a);
    }
    if (nonEmpty(app.language())) {
      l.language = app.language();
      l.from(Login.LANGUAGE, a);
    }
    if (nonEmpty(app.clientCharset())) {
      l.clientCharset = app.clientCharset();
      l.from(Login.CLIENT_CHARSET, a);
    }
    if (nonEmpty(app.database())) {
      l.database = app.database();
      l.from(Login.DATABASE, a);
    }
    if (nonEmpty(app.hostName())) {
      l.clientHostName = app.hostName();
      l.from(Login.CLIENT_HOST_NAME, a);
    }
    if (nonEmpty(app.appName())) {
      l.appName = app.appName();
      l.from(Login.APP_NAME, a);
    }
    if (nonEmpty(app.userName())) {
      l.userName = app.userName();
      l.from(Login.USER_NAME, a);
    }
    if (app.encryption() != null && app.encryption() != Encryption.DEFAULT) {
      l.encryption = app.encryption();
      l.from(Login.ENCRYPTION, a);
    }
    applicationNumbers(app);
    applicationFlags(app);
  }

  private void applicationNumbers(ApplicationSettings app) {
    Source a = Source.APPLICATION;
    if (nonZero(app.packetSize())) {
      l.blockSize = app.packetSize();
      l.from(Login.INITIAL_BLOCK_SIZE, a);
    }
    if (r.appPort != 0) {
      l.port = r.appPort;
      l.from(Login.PORT, a);
    }
    if (nonZero(app.connectTimeout())) {
      l.connectTimeout = app.connectTimeout();
      l.from(Login.CONNECT_TIMEOUT, a);
    }
    if (nonZero(app.timeout())) {
      l.queryTimeout = app.timeout();
      l.from(Login.TIMEOUT, a);
    }
  }

  private void applicationFlags(ApplicationSettings app) {
    Source a = Source.APPLICATION;
    if (Boolean.FALSE.equals(app.checkCertificateHostname())) {
      l.checkCertificateHostname = false;
      l.from(Login.CHECK_CERTIFICATE_HOSTNAME, a);
    }
    if (Boolean.TRUE.equals(app.readOnlyIntent())) {
      l.readOnlyIntent = true;
      l.from(Login.READ_ONLY_INTENT, a);
    }
    if (app.useNtlmv2() != null) {
      l.useNtlmv2 = app.useNtlmv2();
      l.useNtlmv2Specified = true;
      l.from(Login.USE_NTLMV2, a);
    }
    if (app.enableTlsV1() != null) {
      l.enableTlsV1 = app.enableTlsV1();
      l.enableTlsV1Specified = true;
      l.from(Login.ENABLE_TLS_V1, a);
    }
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static boolean nonZero(Integer i) {
    return i != null && i != 0;
  }

  /** Writes the TDSDUMPCONFIG log when {@code $TDSDUMPCONFIG} is set. */
  void writeDump() {
    String target = r.env.get("TDSDUMPCONFIG");
    if (target == null) {
      return;
    }
    if (target.isEmpty()) {
      target = WindowsLayout.defaultDump(r.config.windows(), true);
    }
    String text = r.log.render(l, LocalDateTime.now());
    if (target.equals("stdout") || target.equals("stderr")) { // in append mode too (tdsdump_append)
      PrintWriter console = r.config.console(target);
      console.print(text);
      console.flush();
      return;
    }
    try {
      if (r.appendDump) {
        Files.writeString(
            Path.of(target),
            text,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } else {
        Files.writeString(Path.of(target), text, StandardCharsets.UTF_8);
      }
    } catch (IOException | InvalidPathException | SecurityException e) {
      l.warn(
          null,
          "TDSDUMPCONFIG",
          "could not write the TDSDUMPCONFIG log to '" + target + "': " + e.getMessage());
    }
  }

  /**
   * {@code tds8_adjust_login}: TDS 8.0 and strict imply each other, and strict needs a CA: an empty
   * {@code ca file} becomes {@code system}. The sources say what implied what.
   */
  void strict() {
    boolean v8 = l.tdsVersion == TdsVersion.V8_0;
    boolean strict = l.encryption == Encryption.STRICT;
    if (!v8 && !strict) {
      return;
    }
    Source versionSource = l.source(Login.TDS_VERSION);
    Source encryptionSource = l.source(Login.ENCRYPTION);
    Source trigger = strict ? encryptionSource : versionSource;
    if (!v8) {
      l.tdsVersion = TdsVersion.V8_0;
      l.from(Login.TDS_VERSION, new Source.Derived("encryption = strict implies TDS 8.0", trigger));
    }
    if (!strict) {
      l.encryption = Encryption.STRICT;
      l.from(
          Login.ENCRYPTION,
          new Source.Derived("tds version = 8.0 implies encryption = strict", trigger));
    }
    if (l.caFile.isEmpty()) {
      l.caFile = "system";
      l.from(Login.CA_FILE, new Source.Derived("strict implies ca file = system", trigger));
    }
  }

  /** Warnings about what FreeTDS would do with these settings at connect time. */
  void finish(String name) {
    if (l.addresses.isEmpty()) {
      l.warn(null, "host", ServerEntry.noAddressMessage(name, l.configFile));
    }
    if (l.port == 0 && l.instance.isEmpty()) {
      l.warn(null, "port", ServerEntry.noPortMessage(name, l.configFile));
    } else if (l.port != 0 && !l.instance.isEmpty()) {
      l.warn(
          null,
          "instance",
          "instance '"
              + l.instance
              + "' is not looked up because port "
              + l.port
              + " is set ("
              + l.source(Login.PORT).describe()
              + ")");
    }
    if (!l.opensslCiphers.isEmpty()) {
      l.warn(
          null,
          "openssl ciphers",
          "openssl ciphers = '"
              + l.opensslCiphers
              + "' is kept but not applied: jctds uses JSSE, whose cipher suite names differ"
              + " from OpenSSL's");
    }
  }
}
