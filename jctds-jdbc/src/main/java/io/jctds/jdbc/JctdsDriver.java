package io.jctds.jdbc;

import io.jctds.Jctds;
import io.jctds.JctdsException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:jctds:} driver: {@code jdbc:jctds:NAME[;prop=value...]} (NAME resolved through
 * freetds.conf exactly as {@link Jctds#connect} resolves it) and {@code
 * jdbc:jctds://host[:port][/database][;prop=value...]}; see {@link JdbcUrl} for the syntax and
 * {@link JdbcProperty} for the properties.
 *
 * <p>Found by {@link DriverManager} through {@code META-INF/services/java.sql.Driver} (and {@code
 * provides} in module-info), and registered by its static initializer when the class is loaded.
 */
public final class JctdsDriver implements Driver {
  /** The driver's major version (project version 0.1). */
  static final int MAJOR_VERSION = 0;

  /** The driver's minor version (project version 0.1). */
  static final int MINOR_VERSION = 1;

  private static final Logger LOGGER = Logger.getLogger("io.jctds.jdbc");

  static {
    try {
      DriverManager.registerDriver(new JctdsDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** For ServiceLoader and DriverManager; the static initializer registers one instance. */
  public JctdsDriver() {}

  /**
   * Connects; null when {@code url} is not a jctds URL (so DriverManager tries the next driver).
   *
   * @throws SQLException for a null URL, an invalid URL or property (08001, naming it), or a failed
   *     connect or login (SQLState and subclass from {@link SqlErrors})
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null) {
      throw JdbcUrl.error("Driver.connect was given a null URL; expected jdbc:jctds:...");
    }
    JdbcConfig config = JdbcUrl.parse(url, info);
    if (config == null) {
      return null;
    }
    LOGGER.fine(() -> "connecting: " + config.url());
    return connection(config, open(config));
  }

  /** Opens the jctds connection {@code config} describes. */
  static io.jctds.Connection open(JdbcConfig config) throws SQLException {
    try {
      return Jctds.connect(config.server(), config.options());
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  /** The JDBC connection over {@code nativeConnection}; closes it if that fails. */
  static Connection connection(JdbcConfig config, io.jctds.Connection nativeConnection) {
    try {
      return new JctdsConnection(config, nativeConnection);
    } catch (RuntimeException | Error e) {
      nativeConnection.close();
      throw e;
    }
  }

  /**
   * Whether {@code url} starts with {@code jdbc:jctds:} (case-insensitive); says nothing about the
   * rest, which connect checks.
   */
  @Override
  public boolean acceptsURL(String url) throws SQLException {
    if (url == null) {
      throw JdbcUrl.error("Driver.acceptsURL was given a null URL");
    }
    return JdbcUrl.accepts(url);
  }

  /**
   * Every property (k-cTDS arguments, freetds.conf directives, mssql-jdbc aliases, JDBC-only
   * settings) with its description, its choices, and its current value from {@code url} and {@code
   * info} (the password's is never returned); none is required: freetds.conf can supply everything.
   *
   * @throws SQLException if {@code url} is not a jctds URL or names an unknown property
   */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    JdbcUrl.Merged merged =
        JdbcUrl.merge(url == null ? JdbcUrl.PREFIX : url, info, JdbcUrl.Context.driver());
    if (merged == null) {
      throw JdbcUrl.error("Not a jctds URL: it must start with " + JdbcUrl.PREFIX);
    }
    List<DriverPropertyInfo> list = new ArrayList<>();
    for (JdbcProperty p : JdbcProperty.values()) {
      if (p.kind == JdbcProperty.Kind.REFUSED) {
        continue;
      }
      JdbcUrl.Given g = JdbcUrl.valueOf(merged, p);
      String value = g == null || p == JdbcProperty.PASSWORD ? null : g.value();
      DriverPropertyInfo i = new DriverPropertyInfo(p.displayName(), value);
      i.description = p.fullDescription();
      i.required = false;
      if (!p.choices.isEmpty()) {
        i.choices = p.choices.toArray(new String[0]);
      } else if (p.type == JdbcProperty.Type.BOOL) {
        i.choices = new String[] {"true", "false"};
      }
      list.add(i);
    }
    return list.toArray(new DriverPropertyInfo[0]);
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /**
   * False: Driver's javadoc lets a driver report true only when it passed the JDBC compliance tests
   * (and JDBC 4.3 section 6.2 asks for SQL-92 entry level too); jctds has not been through them.
   */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  /** The {@code io.jctds.jdbc} java.util.logging logger. */
  @Override
  public Logger getParentLogger() {
    return LOGGER;
  }
}
