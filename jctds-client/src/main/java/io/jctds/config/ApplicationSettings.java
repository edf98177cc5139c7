package io.jctds.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the application asks for, merged over freetds.conf with FreeTDS's rules ({@code
 * tds_config_login}). Every field is optional: {@code null} means "not set", and then the
 * configuration decides.
 *
 * <ul>
 *   <li>port, tdsVersion (not {@code AUTO}), encryption (not {@code DEFAULT}), packetSize,
 *       connectTimeout, timeout (non-zero) and database, language, appName, hostName, userName,
 *       clientCharset (non-empty) replace the file's values;
 *   <li>checkCertificateHostname can only turn the check off, readOnlyIntent can only turn it on;
 *   <li>useNtlmv2 and enableTlsV1 replace the file's values whenever set;
 *   <li>instance is requested as FreeTDS applications do, through the server name ({@code
 *       name\instance});
 *   <li>{@code TDSVER}, {@code TDSPORT} and {@code TDSHOST} still win over all of these (db-lib's
 *       second environment pass).
 * </ul>
 *
 * <p>{@link #directives()} are freetds.conf lines given by name (for directives no application
 * argument sets, such as {@code ca file}): they are applied, with the file's value rules, as one
 * more section after the file's server section (or the interfaces and host-name fallback), so they
 * replace what the file says and lose to the environment and the fields above. Each reports its
 * origin (e.g. {@code jdbc URL property caFile}) in {@link ServerEntry#source} and in messages.
 *
 * <p>The password is carried for the login but never enters a {@link ServerEntry}, a log or {@link
 * #toString()}.
 */
public final class ApplicationSettings {
  private static final ApplicationSettings NONE = builder().build();

  private final Integer port;
  private final String instance;
  private final TdsVersion tdsVersion;
  private final String database;
  private final String language;
  private final String appName;
  private final String hostName;
  private final String userName;
  private final String password;
  private final Integer packetSize;
  private final Integer connectTimeout;
  private final Integer timeout;
  private final Encryption encryption;
  private final Boolean readOnlyIntent;
  private final Boolean useNtlmv2;
  private final Boolean enableTlsV1;
  private final Boolean checkCertificateHostname;
  private final String clientCharset;
  private final List<Directive> directives;

  /**
   * A freetds.conf directive set by the application.
   *
   * @param key the directive as freetds.conf spells it ({@code ca file}); lower-cased and with its
   *     whitespace collapsed, as FreeTDS reads keys
   * @param value the value, with surrounding whitespace removed
   * @param origin what set it, in words (e.g. {@code jdbc URL property caFile}); shown in messages
   */
  public record Directive(String key, String value, String origin) {
    public Directive {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(origin, "origin");
      key = Ascii.toLowerCase(key.trim()).replaceAll("[ \\t]+", " ");
      value = value.trim();
      if (key.isEmpty() || key.startsWith("[")) {
        throw new IllegalArgumentException("not a directive name: '" + key + "' (" + origin + ")");
      }
    }
  }

  private ApplicationSettings(Builder b) {
    port = b.port;
    instance = b.instance;
    tdsVersion = b.tdsVersion;
    database = b.database;
    language = b.language;
    appName = b.appName;
    hostName = b.hostName;
    userName = b.userName;
    password = b.password;
    packetSize = b.packetSize;
    connectTimeout = b.connectTimeout;
    timeout = b.timeout;
    encryption = b.encryption;
    readOnlyIntent = b.readOnlyIntent;
    useNtlmv2 = b.useNtlmv2;
    enableTlsV1 = b.enableTlsV1;
    checkCertificateHostname = b.checkCertificateHostname;
    clientCharset = b.clientCharset;
    directives = List.copyOf(b.directives);
  }

  /** Settings with nothing set: the configuration decides everything. */
  public static ApplicationSettings none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Integer port() {
    return port;
  }

  public String instance() {
    return instance;
  }

  public TdsVersion tdsVersion() {
    return tdsVersion;
  }

  public String database() {
    return database;
  }

  public String language() {
    return language;
  }

  public String appName() {
    return appName;
  }

  /** The client host name sent in LOGIN7. */
  public String hostName() {
    return hostName;
  }

  public String userName() {
    return userName;
  }

  /** The password for the login; never shown anywhere. */
  public String password() {
    return password;
  }

  public Integer packetSize() {
    return packetSize;
  }

  /** Connect (and login) timeout in seconds. */
  public Integer connectTimeout() {
    return connectTimeout;
  }

  /** Query timeout in seconds. */
  public Integer timeout() {
    return timeout;
  }

  public Encryption encryption() {
    return encryption;
  }

  public Boolean readOnlyIntent() {
    return readOnlyIntent;
  }

  public Boolean useNtlmv2() {
    return useNtlmv2;
  }

  public Boolean enableTlsV1() {
    return enableTlsV1;
  }

  public Boolean checkCertificateHostname() {
    return checkCertificateHostname;
  }

  public String clientCharset() {
    return clientCharset;
  }

  /** The directives set by name, in the order they are applied (a later one wins). */
  public List<Directive> directives() {
    return directives;
  }

  /** Lists the fields that are set; the password shows only as {@code password=***}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ApplicationSettings[");
    append(s, "port", port);
    append(s, "instance", instance);
    append(s, "tdsVersion", tdsVersion == null ? null : tdsVersion.label());
    append(s, "database", database);
    append(s, "language", language);
    append(s, "appName", appName);
    append(s, "hostName", hostName);
    append(s, "userName", userName);
    append(s, "password", password == null ? null : "***");
    append(s, "packetSize", packetSize);
    append(s, "connectTimeout", connectTimeout);
    append(s, "timeout", timeout);
    append(s, "encryption", encryption == null ? null : encryption.label());
    append(s, "readOnlyIntent", readOnlyIntent);
    append(s, "useNtlmv2", useNtlmv2);
    append(s, "enableTlsV1", enableTlsV1);
    append(s, "checkCertificateHostname", checkCertificateHostname);
    append(s, "clientCharset", clientCharset);
    for (Directive d : directives) {
      append(s, "'" + d.key() + "'", d.value());
    }
    return s.append(']').toString();
  }

  private static void append(StringBuilder s, String name, Object value) {
    if (value != null) {
      s.append(s.charAt(s.length() - 1) == '[' ? "" : ", ").append(name).append('=').append(value);
    }
  }

  /** Builds {@link ApplicationSettings}; every setter accepts null (= unset). */
  public static final class Builder {
    private Integer port;
    private String instance;
    private TdsVersion tdsVersion;
    private String database;
    private String language;
    private String appName;
    private String hostName;
    private String userName;
    private String password;
    private Integer packetSize;
    private Integer connectTimeout;
    private Integer timeout;
    private Encryption encryption;
    private Boolean readOnlyIntent;
    private Boolean useNtlmv2;
    private Boolean enableTlsV1;
    private Boolean checkCertificateHostname;
    private String clientCharset;
    private final List<Directive> directives = new ArrayList<>();

    private Builder() {}

    public Builder port(Integer port) {
      this.port = port;
      return this;
    }

    /** A named instance, looked up through SQL Server Browser when the final port is 0. */
    public Builder instance(String instance) {
      this.instance = instance;
      return this;
    }

    public Builder tdsVersion(TdsVersion tdsVersion) {
      this.tdsVersion = tdsVersion;
      return this;
    }

    public Builder database(String database) {
      this.database = database;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder appName(String appName) {
      this.appName = appName;
      return this;
    }

    /** The client host name sent in LOGIN7. */
    public Builder hostName(String hostName) {
      this.hostName = hostName;
      return this;
    }

    public Builder userName(String userName) {
      this.userName = userName;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    public Builder packetSize(Integer packetSize) {
      this.packetSize = packetSize;
      return this;
    }

    public Builder connectTimeout(Integer seconds) {
      this.connectTimeout = seconds;
      return this;
    }

    public Builder timeout(Integer seconds) {
      this.timeout = seconds;
      return this;
    }

    public Builder encryption(Encryption encryption) {
      this.encryption = encryption;
      return this;
    }

    public Builder readOnlyIntent(Boolean readOnlyIntent) {
      this.readOnlyIntent = readOnlyIntent;
      return this;
    }

    public Builder useNtlmv2(Boolean useNtlmv2) {
      this.useNtlmv2 = useNtlmv2;
      return this;
    }

    public Builder enableTlsV1(Boolean enableTlsV1) {
      this.enableTlsV1 = enableTlsV1;
      return this;
    }

    public Builder checkCertificateHostname(Boolean check) {
      this.checkCertificateHostname = check;
      return this;
    }

    public Builder clientCharset(String clientCharset) {
      this.clientCharset = clientCharset;
      return this;
    }

    /**
     * Sets a freetds.conf directive by name, applied after the file's server section with the
     * file's value rules (see the class comment); an invalid value makes the configuration invalid
     * and the message names {@code origin}.
     *
     * @param key the directive as freetds.conf spells it, e.g. {@code ca file}
     * @param value its value
     * @param origin what set it, in words, e.g. {@code jdbc URL property caFile}
     */
    public Builder directive(String key, String value, String origin) {
      directives.add(new Directive(key, value, origin));
      return this;
    }

    /** Adds every one of {@code list} (see {@link #directive}). */
    public Builder directives(List<Directive> list) {
      directives.addAll(list);
      return this;
    }

    public ApplicationSettings build() {
      return new ApplicationSettings(this);
    }
  }
}
