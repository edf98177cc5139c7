package io.jctds.jdbc;

import io.jctds.config.ConfigResolver;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Parses {@code jdbc:jctds:} URLs and the connection properties into a {@link JdbcConfig}.
 *
 * <ul>
 *   <li>{@code jdbc:jctds:NAME[;prop=value...]}: NAME is given to {@link io.jctds.Jctds#connect} as
 *       it is (a freetds.conf section, host, {@code host:port}, {@code host\instance}).
 *   <li>{@code jdbc:jctds://host[\instance][:port][/database][;prop=value...]}: the host part is
 *       the server name, the port and database are the {@code port} and {@code database} properties
 *       ({@code [v6]} for IPv6 literals).
 *   <li>A value may be put in braces to hold {@code ;} or {@code =}: {@code password={a;b}}; a
 *       {@code }} inside braces is written {@code }}} (mssql-jdbc's escaping). Other values are
 *       trimmed.
 *   <li>Precedence, as mssql-jdbc's {@code mergeURLAndSuppliedProperties}: the {@code Properties}
 *       win over the URL; within the URL a later property wins over an earlier one (so {@code
 *       ;port=} replaces the port of {@code //host:port}); aliases are the same property.
 * </ul>
 *
 * <p>What the properties resolve to, and their precedence against freetds.conf and FreeTDS's
 * environment variables, is {@link JdbcSettings}'s.
 */
final class JdbcUrl {
  static final String PREFIX = "jdbc:jctds:";

  private JdbcUrl() {}

  /**
   * What a property was given as.
   *
   * @param property the property
   * @param value the value (a password too: never put it in a message)
   * @param name the name as written
   * @param origin where, in words: {@code JDBC URL property caFile}
   */
  record Given(JdbcProperty property, String value, String name, String origin) {
    /** {@code name=value}, the password's value masked. */
    @Override
    public String toString() {
      return name + "=" + (property == JdbcProperty.PASSWORD ? "***" : value);
    }
  }

  /**
   * Who calls: what the Properties are called in messages, a resolver for tests (null: the
   * default), and the login timeout when no property sets one (DriverManager's, seconds; 0 none).
   */
  record Context(String propertiesWhat, ConfigResolver resolver, int defaultLoginTimeout) {
    static Context driver() {
      return new Context(
          "connection property", null, Math.max(0, java.sql.DriverManager.getLoginTimeout()));
    }
  }

  /** Whether {@code url} is a jctds URL. */
  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * The configuration for {@code url} and {@code info}, or null when the URL is not a jctds URL
   * (Driver.connect's contract).
   *
   * @throws SQLException (08001) naming the property and where it was given, for an unknown
   *     property, a malformed URL or an invalid value; never showing a password
   */
  static JdbcConfig parse(String url, Properties info) throws SQLException {
    return parse(url, info, Context.driver());
  }

  static JdbcConfig parse(String url, Properties info, Context context) throws SQLException {
    Merged m = merge(url, info, context);
    return m == null ? null : JdbcSettings.build(m.safeUrl(), m.given().values(), context);
  }

  /**
   * The URL's and the Properties' values by property, the Properties' winning; null for a URL that
   * is not a jctds URL.
   *
   * @param safeUrl the URL without its password
   * @param given the properties by {@link JdbcProperty#slot() setting}, in the order they were last
   *     set
   */
  record Merged(String safeUrl, Map<JdbcProperty, Given> given) {}

  static Merged merge(String url, Properties info, Context context) throws SQLException {
    if (!accepts(url)) {
      return null;
    }
    Parsed parsed = new Parser(url).run();
    Map<JdbcProperty, Given> given = new LinkedHashMap<>();
    for (Given g : parsed.entries) {
      put(given, g);
    }
    if (info != null) {
      Map<JdbcProperty, String> fromInfo = new HashMap<>();
      for (String name : info.stringPropertyNames()) {
        JdbcProperty p = JdbcProperty.find(name);
        if (p == null) {
          throw unknown(name, "given as a " + context.propertiesWhat() + " (java.util.Properties)");
        }
        String other = fromInfo.put(p.slot(), name);
        if (other != null) {
          // Properties have no order: which of the two should win is unknowable
          throw error(
              "The "
                  + context.propertiesWhat()
                  + " entries '"
                  + other
                  + "' and '"
                  + name
                  + "' set the same property ("
                  + p.slot().displayName()
                  + "): keep one of them.");
        }
        String origin = "JDBC " + context.propertiesWhat() + " " + name;
        put(given, new Given(p, info.getProperty(name), name, origin));
      }
    }
    return new Merged(parsed.safeUrl, given);
  }

  /** The value given for {@code p} (not for another property of its slot), or null. */
  static Given valueOf(Merged m, JdbcProperty p) {
    Given g = m.given().get(p.slot());
    return g != null && g.property() == p ? g : null;
  }

  private static void put(Map<JdbcProperty, Given> given, Given g) {
    // one entry per setting; a later one moves to the end: directives apply in order
    given.remove(g.property().slot());
    given.put(g.property().slot(), g);
  }

  static SQLException unknown(String name, String where) {
    return error(
        "Unknown jctds JDBC property '"
            + name
            + "' ("
            + where
            + "). Property names are case-insensitive (spaces, '-' and '_' are ignored); the"
            + " valid ones are listed by Driver.getPropertyInfo and in the README's JDBC section:"
            + " k-cTDS connect arguments (user, password, database, port, loginTimeout,"
            + " timeout, tdsVersion, ...), freetds.conf directives (encryption, caFile, crlFile,"
            + " certificateHostname, ...) and mssql-jdbc aliases (encrypt,"
            + " trustServerCertificate, hostNameInCertificate, databaseName, ...).");
  }

  static SQLException error(String message) {
    return new SQLNonTransientConnectionException(message, "08001");
  }

  /** The URL's properties in order, and the URL without its password. */
  private record Parsed(List<Given> entries, String safeUrl) {}

  /** A single pass over the URL. */
  private static final class Parser {
    private final String url;
    private final List<Given> entries = new ArrayList<>();
    private final StringBuilder safe = new StringBuilder();
    private int pos;

    Parser(String url) {
      this.url = url;
      this.pos = PREFIX.length();
    }

    Parsed run() throws SQLException {
      int end = nextSemicolon(pos);
      String head = url.substring(pos, end);
      if (head.startsWith("//")) {
        authority(head.substring(2));
      } else if (!head.isBlank()) {
        if (head.indexOf('=') >= 0) {
          throw error(
              "The JDBC URL has no server name before its first ';' (found a name=value"
                  + " there): write jdbc:jctds:NAME;prop=value or jdbc:jctds://host:port;...");
        }
        entries.add(new Given(JdbcProperty.SERVER, head.trim(), "NAME", "the JDBC URL's NAME"));
      }
      safe.append(url, 0, end);
      pos = end;
      while (pos < url.length()) {
        property();
      }
      return new Parsed(entries, safe.toString());
    }

    private int nextSemicolon(int from) {
      int i = url.indexOf(';', from);
      return i < 0 ? url.length() : i;
    }

    /** {@code host[\instance][:port][/database]}. */
    private void authority(String text) throws SQLException {
      String hostPort = text;
      int slash = text.indexOf('/');
      if (slash >= 0) {
        hostPort = text.substring(0, slash);
        String db = text.substring(slash + 1).trim();
        if (!db.isEmpty()) {
          entries.add(
              new Given(JdbcProperty.DATABASE, db, "database", "the JDBC URL's /database path"));
        }
      }
      String host = hostPort.trim();
      String port = null;
      if (host.startsWith("[")) {
        int close = host.indexOf(']');
        if (close < 0) {
          throw error("The JDBC URL's host '" + host + "' opens '[' without closing it.");
        }
        if (host.length() > close + 1 && host.charAt(close + 1) == ':') {
          port = host.substring(close + 2);
        }
        host = host.substring(0, close + 1);
      } else {
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
          port = host.substring(colon + 1);
          host = host.substring(0, colon);
        }
      }
      if (host.indexOf('=') >= 0) {
        throw error(
            "The JDBC URL has a name=value where its host should be: write"
                + " jdbc:jctds://host[:port][/database];prop=value");
      }
      if (!host.isEmpty()) {
        entries.add(new Given(JdbcProperty.SERVER, host, "host", "the JDBC URL's host"));
      }
      if (port != null) {
        entries.add(new Given(JdbcProperty.PORT, port.trim(), "port", "the JDBC URL's port"));
      }
    }

    /** One {@code ;name=value} from {@code pos} (at a ';'). */
    private void property() throws SQLException {
      int start = pos;
      pos++; // the ';'
      int end = nextSemicolon(pos);
      int eq = url.indexOf('=', pos);
      if (eq < 0 || eq > end) {
        if (!url.substring(pos, end).isBlank()) {
          throw error(
              "The JDBC URL has no '=' in its text at position "
                  + pos
                  + " (properties are ;name=value; the text itself is not shown in case it is a"
                  + " password).");
        }
        safe.append(url, start, end);
        pos = end;
        return;
      }
      String name = url.substring(pos, eq).trim();
      int at = pos;
      String value;
      int valueStart = skipSpaces(eq + 1);
      if (valueStart < url.length() && url.charAt(valueStart) == '{') {
        value = braced(valueStart, name);
      } else {
        value = url.substring(eq + 1, end).trim();
        pos = end;
      }
      JdbcProperty p = JdbcProperty.find(name);
      if (p == null) {
        throw unknown(name, "at position " + at + " of the JDBC URL");
      }
      entries.add(new Given(p, value, name, "JDBC URL property " + name));
      if (p != JdbcProperty.PASSWORD) {
        safe.append(url, start, pos);
      }
    }

    private int skipSpaces(int i) {
      while (i < url.length() && url.charAt(i) == ' ') {
        i++;
      }
      return i;
    }

    /**
     * A {@code {...}} value starting at {@code open}; leaves {@code pos} at the next ';' or end.
     */
    private String braced(int open, String name) throws SQLException {
      StringBuilder v = new StringBuilder();
      int i = open + 1;
      while (true) {
        if (i >= url.length()) {
          throw error(
              "The JDBC URL's value of '"
                  + name
                  + "' opens '{' at position "
                  + open
                  + " without a closing '}' (write '}}' for a '}' inside braces).");
        }
        char c = url.charAt(i);
        if (c == '}') {
          if (i + 1 < url.length() && url.charAt(i + 1) == '}') {
            v.append('}');
            i += 2;
            continue;
          }
          break;
        }
        v.append(c);
        i++;
      }
      int after = skipSpaces(i + 1);
      if (after < url.length() && url.charAt(after) != ';') {
        throw error(
            "The JDBC URL has text after the closing '}' of '"
                + name
                + "' at position "
                + after
                + "; only spaces may come before the next ';'.");
      }
      pos = after;
      return v.toString();
    }
  }

  /** {@code s} lower-cased (for choices). */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
