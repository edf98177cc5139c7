package io.jctds.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings being accumulated during one resolution: FreeTDS's {@code TDSLOGIN} with a {@link
 * Source} for every value that something set. Mutable and confined to one resolution; {@link
 * ServerEntry} is its immutable snapshot.
 *
 * <p>Strings follow FreeTDS: empty means unset. Integers: 0 means unset.
 */
final class Login {
  // keys of the sources map (also the JSON keys where the JSON shows the value)
  static final String SERVER_NAME = "server_name";
  static final String HOST = "host";
  static final String PORT = "port";
  static final String INSTANCE = "instance";
  static final String TDS_VERSION = "tds_version";
  static final String ENCRYPTION = "encryption";
  static final String CA_FILE = "ca_file";
  static final String CRL_FILE = "crl_file";
  static final String CERTIFICATE_HOSTNAME = "certificate_hostname";
  static final String CHECK_CERTIFICATE_HOSTNAME = "check_certificate_hostname";
  static final String ENABLE_TLS_V1 = "enable_tls_v1";
  static final String OPENSSL_CIPHERS = "openssl_ciphers";
  static final String DATABASE = "database";
  static final String DATABASE_FILENAME = "database_filename";
  static final String LANGUAGE = "language";
  static final String CLIENT_CHARSET = "client_charset";
  static final String SERVER_CHARSET = "server_charset";
  static final String USE_UTF16 = "use_utf16";
  static final String DUMP_FILE = "dump_file";
  static final String DUMP_FILE_APPEND = "dump_file_append";
  static final String DEBUG_FLAGS = "debug_flags";
  static final String CONFIG_FILE = "config_file";
  static final String READ_ONLY_INTENT = "read_only_intent";
  static final String USE_NTLMV2 = "use_ntlmv2";
  static final String USE_LANMAN = "use_lanman";
  static final String TIMEOUT = "timeout";
  static final String CONNECT_TIMEOUT = "connect_timeout";
  static final String TEXT_SIZE = "text_size";
  static final String INITIAL_BLOCK_SIZE = "initial_block_size";
  static final String REALM = "realm";
  static final String SPN = "spn";
  static final String GSSAPI_DELEGATION = "enable_gssapi_delegation";
  static final String MUTUAL_AUTHENTICATION = "mutual_authentication";
  static final String ASA_DATABASE = "asa_database";
  static final String CLIENT_HOST_NAME = "client_host_name";
  static final String APP_NAME = "app_name";
  static final String USER_NAME = "user_name";
  static final String DATE_FORMAT = "date_format";
  static final String DATE_ONLY_FORMAT = "date_only_format";
  static final String TIME_ONLY_FORMAT = "time_only_format";

  String serverName = "";
  String serverHostName = "";
  List<InetAddress> addresses = List.of();
  String instance = "";
  int port;
  TdsVersion tdsVersion = TdsVersion.AUTO;
  int blockSize;
  String language = "us_english";
  String serverCharset = "";
  int connectTimeout;
  String clientHostName = "";
  String clientCharset = "";
  boolean useUtf16 = true;
  String appName = "";
  String userName = "";
  Encryption encryption = Encryption.DEFAULT;
  int queryTimeout;
  String database = "";
  String dumpFile;
  boolean dumpFileAppend;
  int debugFlags;
  int textSize;
  String realm = "";
  String spn = "";
  String caFile = "";
  String crlFile = "";
  boolean checkCertificateHostname = true;
  String certificateHostname = "";
  String databaseFilename = "";
  boolean readOnlyIntent;
  String opensslCiphers = "";
  boolean useNtlmv2 = true;
  boolean useNtlmv2Specified;
  boolean useLanman;
  boolean enableTlsV1;
  boolean enableTlsV1Specified;
  boolean gssapiDelegation;
  boolean mutualAuthentication;
  String asaDatabase = "";
  // from locales.conf only (db-lib/tsql output formats); empty when unset
  String dateFormat = "";
  String dateOnlyFormat = "";
  String timeOnlyFormat = "";

  /** The file whose server section was found (or interfaces file), or null. */
  Path configFile;

  /** FreeTDS's sticky {@code valid_configuration} flag, as the first error that cleared it. */
  ConfigException firstError;

  final Map<String, Source> sources = new HashMap<>();
  final List<ConfigWarning> warnings = new ArrayList<>();

  boolean valid() {
    return firstError == null;
  }

  void invalidate(ConfigException error) {
    if (firstError == null) {
      firstError = error;
    }
  }

  /** Records where the value of {@code key} now comes from. */
  void from(String key, Source source) {
    sources.put(key, source);
  }

  Source source(String key) {
    return sources.getOrDefault(key, Source.DEFAULT);
  }

  void warn(Source where, String directive, String message) {
    warnings.add(
        where instanceof Source.FileLine f
            ? new ConfigWarning(f.file(), f.line(), directive, message)
            : new ConfigWarning(null, 0, directive, message));
  }
}
