package io.jctds.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A resolved server: every freetds.conf directive's effective value, with FreeTDS 1.5's meaning,
 * and for each value its {@link Source}. Immutable.
 *
 * <p>Effective means: after the environment, the application, db-lib's second environment pass and
 * the strict adjustment ({@code tds version = 8.0} ⇔ {@code encryption = strict}, strict ⇒ {@code
 * ca file = system} when none is set). FreeTDS's TDSDUMPCONFIG log shows the values before that
 * adjustment.
 *
 * <p>FreeTDS's "unset" values map to null: empty strings and the integers it holds as 0.
 */
public final class ServerEntry {
  /** The keys of {@link #values()} and {@link #toJson()}, in order. */
  public static final List<String> KEYS =
      List.of(
          Login.SERVER_NAME,
          Login.HOST,
          Login.PORT,
          Login.INSTANCE,
          Login.TDS_VERSION,
          Login.ENCRYPTION,
          Login.CA_FILE,
          Login.CRL_FILE,
          Login.CERTIFICATE_HOSTNAME,
          Login.DATABASE,
          Login.LANGUAGE,
          Login.CLIENT_CHARSET,
          Login.DUMP_FILE,
          Login.CONFIG_FILE,
          Login.CHECK_CERTIFICATE_HOSTNAME,
          Login.ENABLE_TLS_V1,
          Login.READ_ONLY_INTENT,
          Login.USE_NTLMV2,
          Login.TIMEOUT,
          Login.CONNECT_TIMEOUT,
          Login.TEXT_SIZE,
          Login.INITIAL_BLOCK_SIZE);

  private final String serverName;
  private final String host;
  private final List<InetAddress> addresses;
  private final Integer port;
  private final String instance;
  private final TdsVersion tdsVersion;
  private final Encryption encryption;
  private final String caFile;
  private final String crlFile;
  private final String certificateHostname;
  private final boolean checkCertificateHostname;
  private final boolean enableTlsV1;
  private final boolean enableTlsV1Specified;
  private final String opensslCiphers;
  private final SystemTrustStore systemTrustStore;
  private final boolean readOnlyIntent;
  private final boolean useNtlmv2;
  private final boolean useNtlmv2Specified;
  private final boolean useLanman;
  private final String database;
  private final String databaseFilename;
  private final String language;
  private final String clientCharset;
  private final String serverCharset;
  private final boolean useUtf16;
  private final String dumpFile;
  private final boolean dumpFileAppend;
  private final int debugFlags;
  private final Path configFile;
  private final Integer timeout;
  private final Integer connectTimeout;
  private final Integer textSize;
  private final Integer initialBlockSize;
  private final String realm;
  private final String spn;
  private final boolean gssapiDelegation;
  private final boolean mutualAuthentication;
  private final String asaDatabase;
  private final String dateFormat;
  private final String dateOnlyFormat;
  private final String timeOnlyFormat;
  private final String clientHostName;
  private final String appName;
  private final String userName;
  private final Map<String, Source> sources;
  private final List<ConfigWarning> warnings;

  ServerEntry(Login l, SystemTrustStore systemTrustStore) {
    this.systemTrustStore = systemTrustStore;
    serverName = text(l.serverName);
    host = text(l.serverHostName);
    addresses = List.copyOf(l.addresses);
    port = number(l.port);
    instance = text(l.instance);
    tdsVersion = l.tdsVersion;
    encryption = l.encryption;
    caFile = text(l.caFile);
    crlFile = text(l.crlFile);
    certificateHostname = text(l.certificateHostname);
    checkCertificateHostname = l.checkCertificateHostname;
    enableTlsV1 = l.enableTlsV1;
    enableTlsV1Specified = l.enableTlsV1Specified;
    opensslCiphers = text(l.opensslCiphers);
    readOnlyIntent = l.readOnlyIntent;
    useNtlmv2 = l.useNtlmv2;
    useNtlmv2Specified = l.useNtlmv2Specified;
    useLanman = l.useLanman;
    database = text(l.database);
    databaseFilename = text(l.databaseFilename);
    language = text(l.language);
    clientCharset = text(l.clientCharset);
    serverCharset = text(l.serverCharset);
    useUtf16 = l.useUtf16;
    dumpFile = l.dumpFile == null ? null : text(l.dumpFile);
    dumpFileAppend = l.dumpFileAppend;
    debugFlags = l.debugFlags;
    configFile = l.configFile;
    timeout = number(l.queryTimeout);
    connectTimeout = number(l.connectTimeout);
    textSize = number(l.textSize);
    initialBlockSize = number(l.blockSize);
    realm = text(l.realm);
    spn = text(l.spn);
    gssapiDelegation = l.gssapiDelegation;
    mutualAuthentication = l.mutualAuthentication;
    asaDatabase = text(l.asaDatabase);
    dateFormat = text(l.dateFormat);
    dateOnlyFormat = text(l.dateOnlyFormat);
    timeOnlyFormat = text(l.timeOnlyFormat);
    clientHostName = text(l.clientHostName);
    appName = text(l.appName);
    userName = text(l.userName);
    Map<String, Source> s = new TreeMap<>(l.sources);
    for (String key : KEYS) {
      s.putIfAbsent(key, Source.DEFAULT);
    }
    sources = Collections.unmodifiableMap(s);
    warnings = List.copyOf(l.warnings);
  }

  private static String text(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Integer number(int i) {
    return i == 0 ? null : i;
  }

  /** The server name after {@code :port} / {@code \instance} stripping (sent in LOGIN7). */
  public String serverName() {
    return serverName;
  }

  /** The server host name ({@code host}, {@code $TDSHOST} or the name itself), or null. */
  public String host() {
    return host;
  }

  /** Every address {@link #host()} resolved to, in order; empty when none. */
  public List<InetAddress> addresses() {
    return addresses;
  }

  /** The port, or null when none is set (FreeTDS's 0: instance lookup, or a connect error). */
  public Integer port() {
    return port;
  }

  /** The named instance, or null; only looked up when {@link #port()} is null. */
  public String instance() {
    return instance;
  }

  public TdsVersion tdsVersion() {
    return tdsVersion;
  }

  public Encryption encryption() {
    return encryption;
  }

  /** The CA bundle path, {@code system} (any case), or null: no certificate verification. */
  public String caFile() {
    return caFile;
  }

  public String crlFile() {
    return crlFile;
  }

  /** The name to match in the server certificate, or null to use {@link #host()}. */
  public String certificateHostname() {
    return certificateHostname;
  }

  public boolean checkCertificateHostname() {
    return checkCertificateHostname;
  }

  public boolean enableTlsV1() {
    return enableTlsV1;
  }

  /** Whether {@code enable tls v1} was set explicitly (file or application). */
  public boolean enableTlsV1Specified() {
    return enableTlsV1Specified;
  }

  /** The OpenSSL cipher list as configured; kept but not applied (JSSE names differ). */
  /**
   * What {@code ca file = system} means for this entry: the system trust store located with the
   * environment the entry was resolved with ({@code SSL_CERT_FILE} first).
   */
  public SystemTrustStore systemTrustStore() {
    return systemTrustStore;
  }

  public String opensslCiphers() {
    return opensslCiphers;
  }

  public boolean readOnlyIntent() {
    return readOnlyIntent;
  }

  public boolean useNtlmv2() {
    return useNtlmv2;
  }

  public boolean useNtlmv2Specified() {
    return useNtlmv2Specified;
  }

  public boolean useLanman() {
    return useLanman;
  }

  public String database() {
    return database;
  }

  /** {@code database filename}: LOGIN7 AttachDBFile. */
  public String databaseFilename() {
    return databaseFilename;
  }

  public String language() {
    return language;
  }

  public String clientCharset() {
    return clientCharset;
  }

  /** The {@code charset} directive ("server charset"). */
  public String serverCharset() {
    return serverCharset;
  }

  /** {@code use utf-16}. */
  public boolean useUtf16() {
    return useUtf16;
  }

  public String dumpFile() {
    return dumpFile;
  }

  public boolean dumpFileAppend() {
    return dumpFileAppend;
  }

  public int debugFlags() {
    return debugFlags;
  }

  /** The file that defined the server (a freetds.conf or interfaces file), or null. */
  public Path configFile() {
    return configFile;
  }

  /** Query timeout in seconds, or null (wait forever). */
  public Integer timeout() {
    return timeout;
  }

  /** Connect and login timeout in seconds, or null (wait forever). */
  public Integer connectTimeout() {
    return connectTimeout;
  }

  /** {@code text size}: sent as {@code SET TEXTSIZE} after login; null: not sent. */
  public Integer textSize() {
    return textSize;
  }

  /** {@code initial block size} (or the application's packet size), or null. */
  public Integer initialBlockSize() {
    return initialBlockSize;
  }

  public String realm() {
    return realm;
  }

  public String spn() {
    return spn;
  }

  public boolean gssapiDelegation() {
    return gssapiDelegation;
  }

  public boolean mutualAuthentication() {
    return mutualAuthentication;
  }

  public String asaDatabase() {
    return asaDatabase;
  }

  /**
   * locales.conf's {@code date format} (a strftime pattern db-lib and tsql print dates with); null
   * when unset. jctds formats dates its own way and only reports it.
   */
  public String dateFormat() {
    return dateFormat;
  }

  /** locales.conf's {@code date-only format}; null when unset. */
  public String dateOnlyFormat() {
    return dateOnlyFormat;
  }

  /** locales.conf's {@code time-only format}; null when unset. */
  public String timeOnlyFormat() {
    return timeOnlyFormat;
  }

  /** The client host name sent in LOGIN7. */
  public String clientHostName() {
    return clientHostName;
  }

  public String appName() {
    return appName;
  }

  public String userName() {
    return userName;
  }

  /**
   * Where the value of {@code key} came from; {@link Source#DEFAULT} when nothing set it.
   *
   * @param key a key of {@link #KEYS} or another directive's snake_case name (e.g. {@code
   *     openssl_ciphers}, {@code debug_flags})
   */
  public Source source(String key) {
    return sources.getOrDefault(key, Source.DEFAULT);
  }

  /** Every key with its source (sorted by key). */
  public Map<String, Source> sources() {
    return sources;
  }

  /** What was ignored or will not work, in the order found. */
  public List<ConfigWarning> warnings() {
    return warnings;
  }

  /**
   * Why connecting cannot work as configured (FreeTDS would fail with 20013 or 20009), if so.
   *
   * @return the reason, or empty when an address and a port (or an instance) are known
   */
  public Optional<String> connectProblem() {
    if (addresses.isEmpty()) {
      return Optional.of(noAddressMessage(serverName, configFile));
    }
    if (port == null && instance == null) {
      return Optional.of(noPortMessage(serverName, configFile));
    }
    return Optional.empty();
  }

  static String noAddressMessage(String name, Path configFile) {
    return configFile == null
        ? "'"
            + name
            + "' is not defined in any configuration file and does not resolve as a host name"
            + " (FreeTDS: 20012 Server name not found in configuration files, then 20013 Unknown"
            + " host machine name)"
        : "["
            + name
            + "] in "
            + configFile
            + " gives no host that resolves (FreeTDS: 20013 Unknown host machine name); set"
            + " 'host' to a resolvable name or use $TDSHOST";
  }

  static String noPortMessage(String name, Path configFile) {
    return "no port: "
        + (configFile == null ? "'" + name + "'" : "[" + name + "] in " + configFile)
        + " gives no port and no instance, and FreeTDS does not default to 1433 for a configured"
        + " server (it fails with 20009, invalid port number); add 'port = 1433' (or the right"
        + " port) to the section, set $TDSPORT, or pass a port";
  }

  /** The values of {@link #KEYS}, in order: String, Integer, Boolean or null. */
  public Map<String, Object> values() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(Login.SERVER_NAME, serverName);
    v.put(Login.HOST, host);
    v.put(Login.PORT, port);
    v.put(Login.INSTANCE, instance);
    v.put(Login.TDS_VERSION, tdsVersion.label());
    v.put(Login.ENCRYPTION, encryption.label());
    v.put(Login.CA_FILE, caFile);
    v.put(Login.CRL_FILE, crlFile);
    v.put(Login.CERTIFICATE_HOSTNAME, certificateHostname);
    v.put(Login.DATABASE, database);
    v.put(Login.LANGUAGE, language);
    v.put(Login.CLIENT_CHARSET, clientCharset);
    v.put(Login.DUMP_FILE, dumpFile);
    v.put(Login.CONFIG_FILE, configFile == null ? null : configFile.toString());
    v.put(Login.CHECK_CERTIFICATE_HOSTNAME, checkCertificateHostname);
    v.put(Login.ENABLE_TLS_V1, enableTlsV1);
    v.put(Login.READ_ONLY_INTENT, readOnlyIntent);
    v.put(Login.USE_NTLMV2, useNtlmv2);
    v.put(Login.TIMEOUT, timeout);
    v.put(Login.CONNECT_TIMEOUT, connectTimeout);
    v.put(Login.TEXT_SIZE, textSize);
    v.put(Login.INITIAL_BLOCK_SIZE, initialBlockSize);
    return Collections.unmodifiableMap(v);
  }

  /**
   * The entry as a JSON object: the {@link #values()} plus {@code sources}, mapping each key to
   * {@code file:PATH:LINE}, {@code env:NAME}, {@code app} or {@code default}.
   */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>(values());
    Map<String, Object> labels = new LinkedHashMap<>();
    for (String key : KEYS) {
      labels.put(key, source(key).label());
    }
    root.put("sources", labels);
    StringBuilder out = new StringBuilder();
    Json.object(out, root, "");
    return out.toString();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ServerEntry[");
    values()
        .forEach(
            (k, v) -> {
              if (v != null) {
                s.append(s.length() == 12 ? "" : ", ").append(k).append('=').append(v);
              }
            });
    return s.append(']').toString();
  }
}
