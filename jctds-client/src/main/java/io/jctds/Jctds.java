package io.jctds;

import io.jctds.config.ApplicationSettings;
import io.jctds.config.ConfigException;
import io.jctds.config.ConfigResolver;
import io.jctds.config.ServerEntry;
import io.jctds.config.TdsVersion;
import io.jctds.session.ConnectSettings;
import io.jctds.session.Connector;
import io.jctds.session.Origin;
import io.jctds.session.Session;
import java.time.Duration;

/**
 * The entry point: {@link #connect(String, ConnectOptions)} opens a {@link Connection} the way
 * k-cTDS does through FreeTDS. The server name is resolved with FreeTDS 1.5's rules: a freetds.conf
 * section name, or a host name, IP literal, {@code host:port}, {@code [v6]:port} or {@code
 * host\instance} (no freetds.conf needed for those). What the options leave unset, freetds.conf and
 * FreeTDS's environment variables decide.
 *
 * <pre>{@code
 * try (Connection c = Jctds.connect("myserver",
 *         ConnectOptions.builder().user("me").password(secret).build());
 *     Cursor cursor = c.cursor()) {
 *   cursor.execute("SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID");
 *   System.out.println(cursor.fetchOne().get(0)); // TRUE
 * }
 * }</pre>
 */
public final class Jctds {
  /** The login timeout when neither the options nor freetds.conf set one. */
  public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(15);

  private Jctds() {}

  /** Connects with nothing set but what freetds.conf says. */
  public static Connection connect(String server) {
    return connect(server, ConnectOptions.none());
  }

  /**
   * Resolves {@code server}, connects, negotiates encryption and logs in; the session setup (the
   * SET statements) goes with the first request.
   *
   * @param server a freetds.conf section, host, {@code host:port} or {@code host\instance}; null
   *     for {@code $TDSQUERY}/{@code $DSQUERY}
   * @param options what the application sets
   * @throws OperationalError if the configuration is invalid, or connecting or logging in fails
   * @throws InterfaceError if the options cannot be used as given
   * @throws NotSupportedError for TDS 4.2/5.0
   */
  public static Connection connect(String server, ConnectOptions options) {
    ConfigResolver resolver =
        options
            .configResolver()
            .orElseGet(
                () -> ConfigResolver.builder().file(options.configFile().orElse(null)).build());
    ServerEntry entry;
    try {
      entry = resolver.resolve(server, application(options));
    } catch (ConfigException e) {
      throw new OperationalError(OperationalError.Reason.CONFIGURATION, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new InterfaceError(e.getMessage(), null, e);
    }
    ConnectObserver observer = options.observer().orElse(null);
    if (observer != null) {
      observer.resolved(entry);
    }
    Session session = Connector.connect(settings(entry, options), Connector.CLIENT_TLS, observer);
    return new Connection(
        session,
        options.paramstyle().orElse(ParamStyle.NUMERIC),
        options.autocommit().orElse(false),
        options.enableBcp().orElse(true));
  }

  /** The options as FreeTDS's application values. */
  static ApplicationSettings application(ConnectOptions o) {
    String user = o.user().orElse(null);
    return ApplicationSettings.builder()
        .port(o.port().orElse(null))
        .instance(o.instance().orElse(null))
        .tdsVersion(o.tdsVersion().map(Jctds::tdsVersion).orElse(null))
        .database(o.database().orElse(null))
        .appName(o.appname().orElse(null))
        .hostName(o.hostname().orElse(null))
        .userName(user)
        .password(o.password().orElse(null))
        .connectTimeout(o.loginTimeout().map(Jctds::ceilSeconds).orElse(null))
        .timeout(o.timeout().map(Jctds::ceilSeconds).orElse(null))
        .readOnlyIntent(o.readOnly().orElse(null))
        .useNtlmv2(o.ntlmv2().orElse(null))
        .directives(o.directives())
        .build();
  }

  private static TdsVersion tdsVersion(String label) {
    return TdsVersion.parse(label)
        .orElseThrow(
            () ->
                new InterfaceError(
                    "unsupported TDS version \""
                        + label
                        + "\"; use 7.0, 7.1, 7.2, 7.3, 7.4, 8.0 or auto"));
  }

  private static int ceilSeconds(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
  }

  /** The resolved entry and the options as what the connector needs. */
  static ConnectSettings settings(ServerEntry e, ConnectOptions o) {
    Duration login;
    String loginOrigin;
    if (o.loginTimeout().isPresent()) {
      login = o.loginTimeout().get();
      loginOrigin = "ConnectOptions.loginTimeout";
    } else if (e.connectTimeout() != null) {
      login = Duration.ofSeconds(e.connectTimeout());
      loginOrigin = "connect timeout " + Origin.of(e.source("connect_timeout"));
    } else {
      login = DEFAULT_LOGIN_TIMEOUT;
      loginOrigin = "the default login timeout";
    }
    Duration query = o.timeout().orElse(null);
    String queryOrigin = "(ConnectOptions.timeout)";
    if (query == null && e.timeout() != null) {
      query = Duration.ofSeconds(e.timeout());
      queryOrigin = "(timeout " + Origin.of(e.source("timeout")) + ")";
    }
    return new ConnectSettings(
        e,
        protocolVersion(e),
        e.encryption(),
        e.userName(),
        o.password().orElse(""),
        login,
        loginOrigin,
        query,
        queryOrigin,
        o.autocommit().orElse(false),
        o.ansiDefaults().orElse(true),
        o.enableBcp().orElse(true),
        e.appName(),
        e.clientHostName(),
        o.tlsMaxVersion().orElse(null));
  }

  /**
   * The version to speak: {@code auto} means 7.4 (FreeTDS would fall back to 5.0, which only Sybase
   * servers speak; jctds speaks TDS 7.x and 8.0 only).
   */
  static io.jctds.protocol.TdsVersion protocolVersion(ServerEntry e) {
    return switch (e.tdsVersion()) {
      case AUTO, V7_4 -> io.jctds.protocol.TdsVersion.V7_4;
      case V7_0 -> io.jctds.protocol.TdsVersion.V7_0;
      case V7_1 -> io.jctds.protocol.TdsVersion.V7_1;
      case V7_2 -> io.jctds.protocol.TdsVersion.V7_2;
      case V7_3 -> io.jctds.protocol.TdsVersion.V7_3B;
      case V8_0 -> io.jctds.protocol.TdsVersion.V8_0;
      case V4_2, V5_0 ->
          throw new NotSupportedError(
              "tds version = "
                  + e.tdsVersion().label()
                  + " "
                  + Origin.of(e.source("tds_version"))
                  + " is a Sybase protocol; jctds speaks TDS 7.0 to 7.4 and 8.0 (use 7.4 for"
                  + " SQL Server)");
    };
  }
}
