package io.jctds.jdbc;

import io.jctds.ConnectOptions;
import io.jctds.JctdsException;
import io.jctds.ParamStyle;
import io.jctds.jdbc.JdbcUrl.Given;
import io.jctds.tls.TlsVersion;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The JDBC properties as {@link ConnectOptions}, with {@code Jctds.connect}'s precedence:
 *
 * <ul>
 *   <li>k-cTDS connect arguments (user, port, database, tdsVersion, ...) are ConnectOptions: they
 *       replace freetds.conf's values as FreeTDS's application values do, and {@code $TDSPORT},
 *       {@code $TDSVER}, {@code $TDSHOST} still win over them;
 *   <li>freetds.conf directives (encryption, caFile, certificateHostname, ...) are {@link
 *       ConnectOptions.Builder#directive directives}: one more section after the file's server
 *       section, with the file's value rules, reported as {@code JDBC URL property NAME};
 *   <li>the parameter style is always {@link ParamStyle#NUMERIC} (the JDBC layer rewrites {@code ?}
 *       to {@code :0}, {@code :1}, ...), and auto-commit is on unless a property says otherwise
 *       (JDBC 4.3 section 10.1).
 * </ul>
 */
final class JdbcSettings {
  private static final List<String> BOOLEANS = List.of("true", "false", "yes", "no", "on", "off");

  private final ConnectOptions.Builder b =
      ConnectOptions.builder().paramstyle(ParamStyle.NUMERIC).autocommit(true);
  private String server;
  private boolean unicode = true;
  private boolean loginTimeoutSet;
  private Given caFile;
  private Given trustAll;

  private JdbcSettings() {}

  static JdbcConfig build(String safeUrl, Collection<Given> given, JdbcUrl.Context context)
      throws SQLException {
    JdbcSettings s = new JdbcSettings();
    for (Given g : given) {
      s.apply(g);
    }
    if (s.caFile != null && s.trustAll != null) {
      throw JdbcUrl.error(
          "Both "
              + s.caFile.origin()
              + " and "
              + s.trustAll.origin()
              + "=true are set: one validates the server certificate, the other turns"
              + " validation off. Remove one of them.");
    }
    if (s.server == null || s.server.isBlank()) {
      throw JdbcUrl.error(
          "The JDBC URL names no server: write jdbc:jctds:NAME (a freetds.conf section, host,"
              + " host:port or host\\instance) or jdbc:jctds://host[:port], or set the serverName"
              + " property.");
    }
    if (!s.loginTimeoutSet && context.defaultLoginTimeout() > 0) {
      s.b.loginTimeout(context.defaultLoginTimeout());
    }
    if (context.resolver() != null) {
      s.b.configResolver(context.resolver());
    }
    try {
      return new JdbcConfig(safeUrl, s.server, s.b.build(), s.unicode);
    } catch (JctdsException e) {
      throw JdbcUrl.error(e.getMessage());
    }
  }

  private void apply(Given g) throws SQLException {
    JdbcProperty p = g.property();
    try {
      switch (p.kind) {
        case SERVER -> server = emptyToNull(g.value());
        case OPTION -> option(g);
        case DIRECTIVE -> directive(g);
        case JDBC -> unicode = g.value().isBlank() || bool(g);
        case REFUSED ->
            throw JdbcUrl.error(
                g.origin()
                    + " cannot be set: "
                    + p.description
                    + ". Remove it (statements use JDBC's ? markers).");
      }
    } catch (JctdsException e) {
      throw JdbcUrl.error(g.origin() + ": " + e.getMessage());
    }
  }

  private void option(Given g) throws SQLException {
    String v = emptyToNull(g.value());
    switch (g.property()) {
      case PORT -> b.port(v == null ? null : integer(g, 1, 65535));
      case INSTANCE -> b.instance(v);
      case USER -> b.user(v);
      case PASSWORD -> b.password(g.value());
      case DATABASE -> b.database(v);
      case APPNAME -> b.appname(v);
      case HOSTNAME -> b.hostname(v);
      case LOGIN_TIMEOUT -> {
        int seconds = v == null ? 0 : integer(g, 0, Integer.MAX_VALUE);
        b.loginTimeout(seconds == 0 ? null : java.time.Duration.ofSeconds(seconds));
        loginTimeoutSet = seconds != 0;
      }
      case TIMEOUT -> {
        int seconds = v == null ? 0 : integer(g, -1, Integer.MAX_VALUE);
        b.timeout(seconds <= 0 ? null : java.time.Duration.ofSeconds(seconds));
      }
      case TDS_VERSION -> b.tdsVersion(v == null ? null : choice(g));
      case AUTOCOMMIT -> b.autocommit(v == null ? Boolean.TRUE : bool(g));
      case ANSI_DEFAULTS -> b.ansiDefaults(v == null ? null : bool(g));
      case ENABLE_BCP -> b.enableBcp(v == null ? null : bool(g));
      case READ_ONLY -> b.readOnly(v == null ? null : bool(g));
      case APPLICATION_INTENT ->
          b.readOnly(v == null ? null : choice(g).equalsIgnoreCase("ReadOnly"));
      case NTLMV2 -> b.ntlmv2(v == null ? null : bool(g));
      case TLS_MAX_VERSION ->
          b.tlsMaxVersion(v == null ? null : TlsVersion.fromJsseName(choice(g)).orElseThrow());
      case CONFIG_FILE -> b.configFile(v == null ? null : path(g));
      default -> throw new IllegalStateException("not an option: " + g.property());
    }
  }

  private void directive(Given g) throws SQLException {
    JdbcProperty p = g.property();
    String v = g.value().trim();
    switch (p) {
      case ENCRYPT -> {
        String level =
            switch (JdbcUrl.lower(choice(g))) {
              case "true", "mandatory" -> "require";
              case "false", "no", "optional" -> "request";
              default -> "strict";
            };
        b.directive(p.directive, level, g.origin());
      }
      case TRUST_SERVER_CERTIFICATE -> {
        if (bool(g)) {
          trustAll = g;
          b.directive(p.directive, "", g.origin());
        }
      }
      case CA_FILE -> {
        caFile = v.isEmpty() ? null : g;
        b.directive(p.directive, v, g.origin());
      }
      case PACKET_SIZE ->
          b.directive(p.directive, Integer.toString(integer(g, 512, 65535)), g.origin());
      case TEXT_SIZE ->
          b.directive(p.directive, Integer.toString(integer(g, 1, Integer.MAX_VALUE)), g.origin());
      default -> {
        if (p.type == JdbcProperty.Type.BOOL) {
          bool(g);
        } else if (p.type == JdbcProperty.Type.CHOICE) {
          choice(g);
        }
        b.directive(p.directive, v, g.origin());
      }
    }
  }

  private static String emptyToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }

  private static boolean bool(Given g) throws SQLException {
    return switch (JdbcUrl.lower(g.value().trim())) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw invalid(g, "accepted: " + String.join(", ", BOOLEANS));
    };
  }

  private static int integer(Given g, int min, int max) throws SQLException {
    try {
      int v = Integer.parseInt(g.value().trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(
        g, "a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
  }

  /** The choice {@code g} names, spelled as the property lists it. */
  private static String choice(Given g) throws SQLException {
    for (String c : g.property().choices) {
      if (c.equalsIgnoreCase(g.value().trim())) {
        return c;
      }
    }
    throw invalid(g, "accepted (case-insensitive): " + String.join(", ", g.property().choices));
  }

  private static Path path(Given g) throws SQLException {
    try {
      return Path.of(g.value().trim());
    } catch (InvalidPathException e) {
      throw invalid(g, "a file path (" + e.getReason() + ")");
    }
  }

  private static SQLException invalid(Given g, String accepted) {
    return JdbcUrl.error(
        "Invalid value '"
            + g.value().trim()
            + "' for "
            + g.origin()
            + " ("
            + g.property().displayName()
            + "); "
            + accepted
            + ". Fix the value in the URL or properties.");
  }
}
