package io.jctds.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every property a {@code jdbc:jctds:} URL, the {@code Properties} given to the driver, or a {@link
 * JctdsDataSource} accepts: k-cTDS's connect arguments (ConnectOptions, applied as FreeTDS applies
 * application values), freetds.conf directives no connect argument sets (applied as one more
 * section after the file's server section, see {@link io.jctds.config.ApplicationSettings}), the
 * mssql-jdbc names users bring with them (aliases with their FreeTDS meaning), and the settings
 * only the JDBC layer reads.
 *
 * <p>Names are matched case-insensitively and without spaces, {@code -} and {@code _}: {@code
 * caFile}, {@code ca file}, {@code CA_FILE} and {@code cafile} are the same property.
 */
enum JdbcProperty {
  SERVER(
      Kind.SERVER,
      null,
      Type.STRING,
      "a freetds.conf section, host, host:port or host\\instance",
      "serverName"),
  PORT(
      Kind.OPTION,
      null,
      Type.INT,
      "TCP port (replaces freetds.conf's; $TDSPORT still wins)",
      "portNumber"),
  INSTANCE(
      Kind.OPTION,
      null,
      Type.STRING,
      "named instance, found through SQL Server Browser",
      "instanceName"),
  USER(Kind.OPTION, null, Type.STRING, "SQL Server login name"),
  PASSWORD(Kind.OPTION, null, Type.PASSWORD, "password (never shown in messages or url())"),
  DATABASE(Kind.OPTION, null, Type.STRING, "initial database", "databaseName"),
  APPNAME(Kind.OPTION, null, Type.STRING, "application name sent at login", "applicationName"),
  HOSTNAME(
      Kind.OPTION,
      null,
      Type.STRING,
      "client host name sent at login (not the server's)",
      "workstationID"),
  LOGIN_TIMEOUT(
      Kind.OPTION,
      null,
      Type.INT,
      "connect and login timeout in seconds (freetds.conf connect timeout); 0 = default",
      "connect timeout"),
  TIMEOUT(
      Kind.OPTION,
      null,
      Type.INT,
      "query timeout in seconds (freetds.conf timeout); 0 or -1 = none",
      "query timeout",
      "queryTimeout"),
  TDS_VERSION(
      Kind.OPTION,
      null,
      Type.CHOICE,
      "TDS version (freetds.conf tds version)",
      List.of("7.0", "7.1", "7.2", "7.3", "7.4", "8.0", "auto"),
      List.of()),
  AUTOCOMMIT(
      Kind.OPTION,
      null,
      Type.BOOL,
      "initial auto-commit mode; default true (JDBC 4.3 10.1), unlike k-cTDS"),
  ANSI_DEFAULTS(Kind.OPTION, null, Type.BOOL, "send k-cTDS's ANSI SET options; default true"),
  ENABLE_BCP(Kind.OPTION, null, Type.BOOL, "enable bulk copy at login; default true"),
  READ_ONLY(
      Kind.OPTION,
      null,
      Type.BOOL,
      "read-only application intent (freetds.conf read-only intent)",
      "read-only intent",
      "readOnlyIntent"),
  APPLICATION_INTENT(
      Kind.OPTION,
      null,
      Type.CHOICE,
      "mssql-jdbc alias: ReadOnly = readOnly=true, ReadWrite = readOnly=false",
      List.of("ReadWrite", "ReadOnly"),
      List.of()),
  NTLMV2(Kind.OPTION, null, Type.BOOL, "use NTLMv2 for DOMAIN\\user logins", "use ntlmv2"),
  TLS_MAX_VERSION(
      Kind.OPTION,
      null,
      Type.CHOICE,
      "highest TLS version offered (default TLS 1.2 for TDS 7.x, 1.3 for strict)",
      List.of("TLSv1.2", "TLSv1.3"),
      List.of()),
  CONFIG_FILE(
      Kind.OPTION,
      null,
      Type.STRING,
      "a freetds.conf read before the usual search order (like tsql -I)"),
  PARAMSTYLE(
      Kind.REFUSED,
      null,
      Type.STRING,
      "not settable: JDBC's ? markers need the numeric style, which the driver always uses"),
  SEND_STRING_PARAMETERS_AS_UNICODE(
      Kind.JDBC,
      null,
      Type.BOOL,
      "send String parameters as nvarchar (true, the default) or varchar"),
  ENCRYPTION(
      Kind.DIRECTIVE,
      "encryption",
      Type.CHOICE,
      "freetds.conf encryption",
      List.of("off", "request", "require", "strict"),
      List.of()),
  ENCRYPT(
      Kind.DIRECTIVE,
      "encryption",
      Type.CHOICE,
      "mssql-jdbc alias of encryption: true/mandatory = require, false/optional = request"
          + " (login-only TLS, as mssql-jdbc's false), strict = strict",
      List.of("true", "false", "mandatory", "optional", "strict", "no"),
      List.of()),
  TRUST_SERVER_CERTIFICATE(
      Kind.DIRECTIVE,
      "ca file",
      Type.BOOL,
      "mssql-jdbc alias: true = no certificate validation (ca file unset); false = validate"
          + " when a ca file is configured (FreeTDS's rule; add caFile=system for the JVM's"
          + " trust store)"),
  CA_FILE(
      Kind.DIRECTIVE,
      "ca file",
      Type.STRING,
      "PEM bundle that validates the server certificate, or 'system'"),
  CRL_FILE(Kind.DIRECTIVE, "crl file", Type.STRING, "PEM CRL file checked with the ca file"),
  CERTIFICATE_HOSTNAME(
      Kind.DIRECTIVE,
      "certificate hostname",
      Type.STRING,
      "name the server certificate must carry (instead of the host)",
      "hostNameInCertificate"),
  CHECK_CERTIFICATE_HOSTNAME(
      Kind.DIRECTIVE,
      "check certificate hostname",
      Type.BOOL,
      "check the certificate's name when a ca file is set"),
  ENABLE_TLS_V1(
      Kind.DIRECTIVE,
      "enable tls v1",
      Type.BOOL,
      "also offer TLS 1.0 and 1.1 (needs jctds-tls-legacy)"),
  HOST(Kind.DIRECTIVE, "host", Type.STRING, "freetds.conf host: the server's host name or IP"),
  TEXT_SIZE(Kind.DIRECTIVE, "text size", Type.INT, "SET TEXTSIZE for (max) and text values"),
  PACKET_SIZE(
      Kind.DIRECTIVE,
      "initial block size",
      Type.INT,
      "TDS packet size requested at login, 512 to 65535 (freetds.conf initial block size)",
      "initial block size",
      "packet size"),
  LANGUAGE(Kind.DIRECTIVE, "language", Type.STRING, "login language"),
  CLIENT_CHARSET(Kind.DIRECTIVE, "client charset", Type.STRING, "freetds.conf client charset"),
  CHARSET(Kind.DIRECTIVE, "charset", Type.STRING, "freetds.conf charset (server charset)"),
  USE_UTF16(Kind.DIRECTIVE, "use utf-16", Type.BOOL, "freetds.conf use utf-16"),
  DUMP_FILE(Kind.DIRECTIVE, "dump file", Type.STRING, "protocol dump file (TDSDUMP)"),
  DUMP_FILE_APPEND(Kind.DIRECTIVE, "dump file append", Type.BOOL, "append to the dump file"),
  DEBUG_FLAGS(Kind.DIRECTIVE, "debug flags", Type.STRING, "freetds.conf debug flags"),
  REALM(Kind.DIRECTIVE, "realm", Type.STRING, "Kerberos realm (kept, not used by jctds)"),
  SPN(Kind.DIRECTIVE, "spn", Type.STRING, "Kerberos SPN (kept, not used by jctds)"),
  OPENSSL_CIPHERS(
      Kind.DIRECTIVE, "openssl ciphers", Type.STRING, "kept but not applied (JSSE names differ)"),
  USE_LANMAN(Kind.DIRECTIVE, "use lanman", Type.BOOL, "freetds.conf use lanman"),
  DATABASE_FILENAME(
      Kind.DIRECTIVE, "database filename", Type.STRING, "freetds.conf database filename");

  /** Where a property goes. */
  enum Kind {
    /** The server name given to Jctds.connect. */
    SERVER,
    /** A ConnectOptions (k-cTDS connect) argument: FreeTDS's application values. */
    OPTION,
    /** A freetds.conf directive: the section after the file's. */
    DIRECTIVE,
    /** Read by the JDBC layer only. */
    JDBC,
    /** Known but not settable. */
    REFUSED
  }

  /** The value's form. */
  enum Type {
    STRING,
    PASSWORD,
    INT,
    BOOL,
    CHOICE
  }

  private static final Map<String, JdbcProperty> BY_KEY = new HashMap<>();

  static {
    for (JdbcProperty p : values()) {
      BY_KEY.put(key(p.displayName), p);
      for (String a : p.aliases) {
        BY_KEY.put(key(a), p);
      }
    }
    for (JdbcProperty p : values()) {
      if (p.directive != null) {
        BY_KEY.putIfAbsent(key(p.directive), p);
      }
    }
  }

  final Kind kind;
  final String directive;
  final Type type;
  final String description;
  final List<String> choices;
  final List<String> aliases;
  final String displayName;

  JdbcProperty(Kind kind, String directive, Type type, String description, String... aliases) {
    this(kind, directive, type, description, List.of(), List.of(aliases));
  }

  JdbcProperty(
      Kind kind,
      String directive,
      Type type,
      String description,
      List<String> choices,
      List<String> aliases) {
    this.kind = kind;
    this.directive = directive;
    this.type = type;
    this.description = description;
    this.choices = choices;
    this.aliases = aliases;
    this.displayName = camel(name());
  }

  /** The property for {@code name} (any spelling), or null. */
  static JdbcProperty find(String name) {
    return BY_KEY.get(key(name));
  }

  /**
   * The setting this property writes: itself, except for the aliases with another value table
   * ({@code encrypt} sets {@code encryption}, {@code applicationIntent} sets {@code readOnly}), so
   * that the one given last wins.
   */
  JdbcProperty slot() {
    return switch (this) {
      case ENCRYPT -> ENCRYPTION;
      case APPLICATION_INTENT -> READ_ONLY;
      default -> this;
    };
  }

  /** The name shown by getPropertyInfo: camelCase, e.g. {@code caFile}. */
  String displayName() {
    return displayName;
  }

  /** The description with the other spellings, for getPropertyInfo. */
  String fullDescription() {
    StringBuilder s = new StringBuilder(description);
    if (directive != null && !directive.equals(displayName)) {
      s.append(" [freetds.conf: ").append(directive).append(']');
    }
    if (!aliases.isEmpty()) {
      s.append(" [also: ").append(String.join(", ", aliases)).append(']');
    }
    return s.toString();
  }

  /** The match key: lower-case, without spaces, '-' and '_'. */
  static String key(String name) {
    StringBuilder s = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != ' ' && c != '-' && c != '_' && c != '\t') {
        s.append(c);
      }
    }
    return s.toString().toLowerCase(Locale.ROOT);
  }

  private static String camel(String constant) {
    StringBuilder s = new StringBuilder();
    boolean upper = false;
    for (char c : constant.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        s.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return s.toString();
  }
}
