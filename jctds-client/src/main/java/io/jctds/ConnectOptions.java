package io.jctds;

import io.jctds.config.ApplicationSettings;
import io.jctds.config.ConfigResolver;
import io.jctds.tls.TlsVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the application asks for when it connects: k-cTDS's {@code connect()} arguments, each unset
 * unless the caller sets it. Whatever is left unset, freetds.conf (and FreeTDS's environment
 * variables) decide, as FreeTDS merges application values over the file. When neither sets a value
 * the defaults are: login timeout 15 s, no query timeout, autocommit off (k-cTDS's
 * IMPLICIT_TRANSACTIONS model), ANSI defaults on, bulk copy enabled, parameter style {@link
 * ParamStyle#NUMERIC}.
 *
 * <p>Immutable; {@link #toString()} never shows the password.
 */
public final class ConnectOptions {
  private static final ConnectOptions NONE = builder().build();

  private final Integer port;
  private final String instance;
  private final String user;
  private final String password;
  private final String database;
  private final String appname;
  private final String hostname;
  private final Duration loginTimeout;
  private final Duration timeout;
  private final String tdsVersion;
  private final Boolean autocommit;
  private final Boolean ansiDefaults;
  private final Boolean enableBcp;
  private final ParamStyle paramstyle;
  private final Boolean readOnly;
  private final Boolean ntlmv2;
  private final TlsVersion tlsMaxVersion;
  private final Path configFile;
  private final ConfigResolver configResolver;
  private final List<ApplicationSettings.Directive> directives;
  private final ConnectObserver observer;

  private ConnectOptions(Builder b) {
    port = b.port;
    instance = b.instance;
    user = b.user;
    password = b.password;
    database = b.database;
    appname = b.appname;
    hostname = b.hostname;
    loginTimeout = b.loginTimeout;
    timeout = b.timeout;
    tdsVersion = b.tdsVersion;
    autocommit = b.autocommit;
    ansiDefaults = b.ansiDefaults;
    enableBcp = b.enableBcp;
    paramstyle = b.paramstyle;
    readOnly = b.readOnly;
    ntlmv2 = b.ntlmv2;
    tlsMaxVersion = b.tlsMaxVersion;
    configFile = b.configFile;
    configResolver = b.configResolver;
    directives = List.copyOf(b.directives);
    observer = b.observer;
  }

  /** Options with nothing set. */
  public static ConnectOptions none() {
    return NONE;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The TCP port; replaces the file's {@code port} ($TDSPORT still wins, as in db-lib). */
  public Optional<Integer> port() {
    return Optional.ofNullable(port);
  }

  /** The named instance, looked up through SQL Server Browser. */
  public Optional<String> instance() {
    return Optional.ofNullable(instance);
  }

  /** The SQL login name. */
  public Optional<String> user() {
    return Optional.ofNullable(user);
  }

  /** The password; never logged, dumped or put in a message. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The initial database (sent in LOGIN7). */
  public Optional<String> database() {
    return Optional.ofNullable(database);
  }

  /** The application name sent in LOGIN7. */
  public Optional<String> appname() {
    return Optional.ofNullable(appname);
  }

  /** The client host name sent in LOGIN7. */
  public Optional<String> hostname() {
    return Optional.ofNullable(hostname);
  }

  /** Timeout of the TCP connect and the whole login (FreeTDS {@code connect timeout}). */
  public Optional<Duration> loginTimeout() {
    return Optional.ofNullable(loginTimeout);
  }

  /** Query timeout (FreeTDS {@code timeout}); a request that takes longer is cancelled. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The TDS version as FreeTDS spells it: "7.0" ... "7.4", "8.0" or "auto". */
  public Optional<String> tdsVersion() {
    return Optional.ofNullable(tdsVersion);
  }

  /** Whether each request commits on its own (else k-cTDS's IMPLICIT_TRANSACTIONS model). */
  public Optional<Boolean> autocommit() {
    return Optional.ofNullable(autocommit);
  }

  /** Whether to send k-cTDS's ANSI SET options (with the first request after login). */
  public Optional<Boolean> ansiDefaults() {
    return Optional.ofNullable(ansiDefaults);
  }

  /** Whether bulk copy is enabled (LOGIN7 OptionFlags1). */
  public Optional<Boolean> enableBcp() {
    return Optional.ofNullable(enableBcp);
  }

  /** How SQL text names parameters. */
  public Optional<ParamStyle> paramstyle() {
    return Optional.ofNullable(paramstyle);
  }

  /** Read-only application intent (LOGIN7 TypeFlags); can only turn the file's setting on. */
  public Optional<Boolean> readOnly() {
    return Optional.ofNullable(readOnly);
  }

  /** {@code use ntlmv2} for {@code DOMAIN\\user} logins. */
  public Optional<Boolean> ntlmv2() {
    return Optional.ofNullable(ntlmv2);
  }

  /**
   * The highest TLS version to offer. Unset: TLS 1.2 on the TDS 7.x path (TLS 1.3 inside PRELOGIN
   * packets breaks against SQL Server, mssql-jdbc#1524) and TLS 1.3 for strict (TDS 8.0).
   */
  public Optional<TlsVersion> tlsMaxVersion() {
    return Optional.ofNullable(tlsMaxVersion);
  }

  /** A freetds.conf read before every other file of the search order (like {@code tsql -I}). */
  public Optional<Path> configFile() {
    return Optional.ofNullable(configFile);
  }

  /**
   * A configured resolver to use instead of the default one (environment, home directory and system
   * file of this process); for embedding and tests. Excludes {@link #configFile()}.
   */
  public Optional<ConfigResolver> configResolver() {
    return Optional.ofNullable(configResolver);
  }

  /**
   * freetds.conf directives set by name (for what no option above sets: {@code ca file}, {@code
   * encryption}, {@code certificate hostname}, ...), applied after the file's server section; see
   * {@link ApplicationSettings#directives()}.
   */
  public List<ApplicationSettings.Directive> directives() {
    return directives;
  }

  /** Who watches the connect step by step (diagnostics), if anyone. */
  public Optional<ConnectObserver> observer() {
    return Optional.ofNullable(observer);
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.instance = instance;
    b.user = user;
    b.password = password;
    b.database = database;
    b.appname = appname;
    b.hostname = hostname;
    b.loginTimeout = loginTimeout;
    b.timeout = timeout;
    b.tdsVersion = tdsVersion;
    b.autocommit = autocommit;
    b.ansiDefaults = ansiDefaults;
    b.enableBcp = enableBcp;
    b.paramstyle = paramstyle;
    b.readOnly = readOnly;
    b.ntlmv2 = ntlmv2;
    b.tlsMaxVersion = tlsMaxVersion;
    b.configFile = configFile;
    b.configResolver = configResolver;
    b.directives.addAll(directives);
    b.observer = observer;
    return b;
  }

  /** The options that are set; the password shows as {@code ***}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ConnectOptions[");
    append(s, "port", port);
    append(s, "instance", instance);
    append(s, "user", user);
    append(s, "password", password == null ? null : "***");
    append(s, "database", database);
    append(s, "appname", appname);
    append(s, "hostname", hostname);
    append(s, "loginTimeout", loginTimeout);
    append(s, "timeout", timeout);
    append(s, "tdsVersion", tdsVersion);
    append(s, "autocommit", autocommit);
    append(s, "ansiDefaults", ansiDefaults);
    append(s, "enableBcp", enableBcp);
    append(s, "paramstyle", paramstyle);
    append(s, "readOnly", readOnly);
    append(s, "ntlmv2", ntlmv2);
    append(s, "tlsMaxVersion", tlsMaxVersion);
    append(s, "configFile", configFile);
    append(s, "configResolver", configResolver == null ? null : "custom");
    append(s, "observer", observer == null ? null : "set");
    for (ApplicationSettings.Directive d : directives) {
      append(s, "'" + d.key() + "'", d.value());
    }
    return s.append(']').toString();
  }

  private static void append(StringBuilder s, String name, Object value) {
    if (value != null) {
      s.append(s.charAt(s.length() - 1) == '[' ? "" : ", ").append(name).append('=').append(value);
    }
  }

  /** Builds {@link ConnectOptions}; every setter accepts null (= unset). */
  public static final class Builder {
    private Integer port;
    private String instance;
    private String user;
    private String password;
    private String database;
    private String appname;
    private String hostname;
    private Duration loginTimeout;
    private Duration timeout;
    private String tdsVersion;
    private Boolean autocommit;
    private Boolean ansiDefaults;
    private Boolean enableBcp;
    private ParamStyle paramstyle;
    private Boolean readOnly;
    private Boolean ntlmv2;
    private TlsVersion tlsMaxVersion;
    private Path configFile;
    private ConfigResolver configResolver;
    private final List<ApplicationSettings.Directive> directives = new ArrayList<>();
    private ConnectObserver observer;

    private Builder() {}

    /** See {@link ConnectOptions#port()}; 1..65535. */
    public Builder port(Integer port) {
      if (port != null && (port < 1 || port > 65535)) {
        throw new InterfaceError("port " + port + " is outside 1..65535");
      }
      this.port = port;
      return this;
    }

    /** See {@link ConnectOptions#instance()}. */
    public Builder instance(String instance) {
      this.instance = instance;
      return this;
    }

    /** See {@link ConnectOptions#user()}. */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /** See {@link ConnectOptions#password()}. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** See {@link ConnectOptions#database()}. */
    public Builder database(String database) {
      this.database = database;
      return this;
    }

    /** See {@link ConnectOptions#appname()}. */
    public Builder appname(String appname) {
      this.appname = appname;
      return this;
    }

    /** See {@link ConnectOptions#hostname()}. */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /** See {@link ConnectOptions#loginTimeout()}; must be positive. */
    public Builder loginTimeout(Duration loginTimeout) {
      this.loginTimeout = positive("loginTimeout", loginTimeout);
      return this;
    }

    /** The login timeout in seconds (k-cTDS's {@code login_timeout}). */
    public Builder loginTimeout(int seconds) {
      return loginTimeout(Duration.ofSeconds(seconds));
    }

    /** See {@link ConnectOptions#timeout()}; must be positive. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /** The query timeout in seconds (k-cTDS's {@code timeout}). */
    public Builder timeout(int seconds) {
      return timeout(Duration.ofSeconds(seconds));
    }

    /** See {@link ConnectOptions#tdsVersion()}. */
    public Builder tdsVersion(String tdsVersion) {
      this.tdsVersion = tdsVersion;
      return this;
    }

    /** See {@link ConnectOptions#autocommit()}. */
    public Builder autocommit(Boolean autocommit) {
      this.autocommit = autocommit;
      return this;
    }

    /** See {@link ConnectOptions#ansiDefaults()}. */
    public Builder ansiDefaults(Boolean ansiDefaults) {
      this.ansiDefaults = ansiDefaults;
      return this;
    }

    /** See {@link ConnectOptions#enableBcp()}. */
    public Builder enableBcp(Boolean enableBcp) {
      this.enableBcp = enableBcp;
      return this;
    }

    /** See {@link ConnectOptions#paramstyle()}. */
    public Builder paramstyle(ParamStyle paramstyle) {
      this.paramstyle = paramstyle;
      return this;
    }

    /** See {@link ConnectOptions#readOnly()}. */
    public Builder readOnly(Boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** See {@link ConnectOptions#ntlmv2()}. */
    public Builder ntlmv2(Boolean ntlmv2) {
      this.ntlmv2 = ntlmv2;
      return this;
    }

    /** See {@link ConnectOptions#tlsMaxVersion()}. */
    public Builder tlsMaxVersion(TlsVersion tlsMaxVersion) {
      this.tlsMaxVersion = tlsMaxVersion;
      return this;
    }

    /** See {@link ConnectOptions#configFile()}. */
    public Builder configFile(Path configFile) {
      this.configFile = configFile;
      return this;
    }

    /** See {@link ConnectOptions#configResolver()}. */
    public Builder configResolver(ConfigResolver configResolver) {
      this.configResolver = configResolver;
      return this;
    }

    /**
     * Sets a freetds.conf directive by name, e.g. {@code directive("ca file", "/etc/ca.pem", "jdbc
     * URL property caFile")}; see {@link ConnectOptions#directives()}. A later one wins.
     *
     * @param key the directive as freetds.conf spells it
     * @param value its value
     * @param origin what set it, in words; messages about the value name it
     */
    public Builder directive(String key, String value, String origin) {
      try {
        directives.add(new ApplicationSettings.Directive(key, value, origin));
      } catch (IllegalArgumentException e) {
        throw new InterfaceError(e.getMessage(), null, e);
      }
      return this;
    }

    /** See {@link ConnectOptions#observer()}; null for none. */
    public Builder observer(ConnectObserver observer) {
      this.observer = observer;
      return this;
    }

    /** The options. */
    public ConnectOptions build() {
      if (configFile != null && configResolver != null) {
        throw new InterfaceError(
            "set either configFile or configResolver, not both: a custom resolver already decides"
                + " which files are read (ConfigResolver.builder().file(...))");
      }
      return new ConnectOptions(this);
    }

    private static Duration positive(String what, Duration d) {
      if (d != null && (d.isNegative() || d.isZero())) {
        throw new InterfaceError(what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
