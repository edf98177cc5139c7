package io.jctds.jdbc;

import io.jctds.config.ConfigResolver;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for jctds, configured with bean setters (for tools that build data sources
 * by reflection: HikariCP's {@code dataSourceClassName}, Spring, Flyway, application servers) or
 * with an optional {@link #setURL URL}. Every property of {@link JdbcProperty} can be set with
 * {@link #setProperty}; the common ones have typed setters. The bean's properties win over the
 * URL's, as the Properties given to the driver do.
 *
 * <pre>{@code
 * JctdsDataSource ds = new JctdsDataSource();
 * ds.setServerName("myserver");  // a freetds.conf section, host, host:port or host\instance
 * ds.setUser("app");
 * ds.setPassword(secret);
 * ds.setCaFile("/etc/ssl/corp-ca.pem");
 * try (Connection c = ds.getConnection()) { ... }
 * }</pre>
 *
 * <p>Not thread-safe while being configured; {@code getConnection} may be called from any thread
 * once it is.
 */
public class JctdsDataSource implements DataSource {
  private final Properties properties = new Properties();
  private String url;
  private String description;
  private int loginTimeout;
  private transient PrintWriter logWriter;
  private transient ConfigResolver configResolver;

  /** An empty data source: at least a server name (or a URL) must be set before connecting. */
  public JctdsDataSource() {}

  @Override
  public Connection getConnection() throws SQLException {
    JdbcConfig config = config(null, null);
    return JctdsDriver.connection(config, JctdsDriver.open(config));
  }

  /** Connects as {@code user} with {@code password}, whatever the bean's user and password. */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    JdbcConfig config = config(user, password);
    return JctdsDriver.connection(config, JctdsDriver.open(config));
  }

  /** The configuration a connection would use now (with {@code user}/{@code password} if set). */
  JdbcConfig config(String user, String password) throws SQLException {
    Properties p = new Properties();
    p.putAll(properties);
    if (user != null) {
      p.setProperty(JdbcProperty.USER.displayName(), user);
    }
    if (password != null) {
      p.setProperty(JdbcProperty.PASSWORD.displayName(), password);
    }
    int timeout =
        loginTimeout > 0 ? loginTimeout : Math.max(0, java.sql.DriverManager.getLoginTimeout());
    JdbcUrl.Context context =
        new JdbcUrl.Context(getClass().getSimpleName() + " property", configResolver, timeout);
    return JdbcUrl.parse(url == null ? JdbcUrl.PREFIX : url, p, context);
  }

  /** Uses {@code resolver} instead of the default freetds.conf search (tests, embedding). */
  void configResolver(ConfigResolver resolver) {
    this.configResolver = resolver;
  }

  /**
   * Sets any property by any of its names (see {@link JdbcProperty}); null removes it.
   *
   * @throws IllegalArgumentException for a name no property has (the message lists where to find
   *     valid names)
   */
  public void setProperty(String name, String value) {
    JdbcProperty p = JdbcProperty.find(name);
    if (p == null) {
      throw new IllegalArgumentException(
          JdbcUrl.unknown(name, "set on " + getClass().getSimpleName()).getMessage());
    }
    if (value == null) {
      properties.remove(p.displayName());
    } else {
      properties.setProperty(p.displayName(), value);
    }
  }

  /** The value set for the property {@code name} (any of its names), or null; never a password. */
  public String getProperty(String name) {
    JdbcProperty p = JdbcProperty.find(name);
    return p == null || p == JdbcProperty.PASSWORD ? null : properties.getProperty(p.displayName());
  }

  private void set(JdbcProperty p, Object value) {
    if (value == null) {
      properties.remove(p.displayName());
    } else {
      properties.setProperty(p.displayName(), value.toString());
    }
  }

  private String get(JdbcProperty p) {
    return properties.getProperty(p.displayName());
  }

  private Integer getInt(JdbcProperty p) {
    String v = get(p);
    return v == null ? null : Integer.valueOf(v);
  }

  private Boolean getBool(JdbcProperty p) {
    String v = get(p);
    return v == null ? null : Boolean.valueOf(v);
  }

  /** A base URL ({@code jdbc:jctds:...}); the bean's properties win over its properties. */
  public void setURL(String url) {
    if (url != null && !JdbcUrl.accepts(url)) {
      throw new IllegalArgumentException("not a jctds URL (must start with jdbc:jctds:)");
    }
    this.url = url;
  }

  /** The base URL as set, without its password. */
  public String getURL() {
    if (url == null) {
      return null;
    }
    try {
      return JdbcUrl.merge(url, null, JdbcUrl.Context.driver()).safeUrl();
    } catch (SQLException e) {
      return null;
    }
  }

  /** Same as {@link #setURL} (for tools that look for a {@code url} bean property). */
  public void setUrl(String url) {
    setURL(url);
  }

  /** Same as {@link #getURL}. */
  public String getUrl() {
    return getURL();
  }

  public void setServerName(String serverName) {
    set(JdbcProperty.SERVER, serverName);
  }

  public String getServerName() {
    return get(JdbcProperty.SERVER);
  }

  public void setPortNumber(int port) {
    set(JdbcProperty.PORT, port == 0 ? null : port);
  }

  /** The port, or 0 when freetds.conf decides. */
  public int getPortNumber() {
    Integer v = getInt(JdbcProperty.PORT);
    return v == null ? 0 : v;
  }

  public void setInstanceName(String instance) {
    set(JdbcProperty.INSTANCE, instance);
  }

  public String getInstanceName() {
    return get(JdbcProperty.INSTANCE);
  }

  public void setDatabaseName(String database) {
    set(JdbcProperty.DATABASE, database);
  }

  public String getDatabaseName() {
    return get(JdbcProperty.DATABASE);
  }

  public void setUser(String user) {
    set(JdbcProperty.USER, user);
  }

  public String getUser() {
    return get(JdbcProperty.USER);
  }

  /** Sets the password (write-only: there is no getter). */
  public void setPassword(String password) {
    set(JdbcProperty.PASSWORD, password);
  }

  public void setApplicationName(String name) {
    set(JdbcProperty.APPNAME, name);
  }

  public String getApplicationName() {
    return get(JdbcProperty.APPNAME);
  }

  /** freetds.conf {@code encryption}: off, request, require or strict. */
  public void setEncryption(String encryption) {
    set(JdbcProperty.ENCRYPTION, encryption);
  }

  public String getEncryption() {
    return get(JdbcProperty.ENCRYPTION);
  }

  /** mssql-jdbc's {@code encrypt} (true, false, mandatory, optional, strict), see JdbcProperty. */
  public void setEncrypt(String encrypt) {
    set(JdbcProperty.ENCRYPT, encrypt);
  }

  public String getEncrypt() {
    return get(JdbcProperty.ENCRYPT);
  }

  /** mssql-jdbc's {@code trustServerCertificate}: true turns validation off (no ca file). */
  public void setTrustServerCertificate(boolean trust) {
    set(JdbcProperty.TRUST_SERVER_CERTIFICATE, trust);
  }

  public boolean getTrustServerCertificate() {
    return Boolean.TRUE.equals(getBool(JdbcProperty.TRUST_SERVER_CERTIFICATE));
  }

  /** freetds.conf {@code ca file}: a PEM bundle, or {@code system}. */
  public void setCaFile(String caFile) {
    set(JdbcProperty.CA_FILE, caFile);
  }

  public String getCaFile() {
    return get(JdbcProperty.CA_FILE);
  }

  /** freetds.conf {@code crl file}. */
  public void setCrlFile(String crlFile) {
    set(JdbcProperty.CRL_FILE, crlFile);
  }

  public String getCrlFile() {
    return get(JdbcProperty.CRL_FILE);
  }

  /** freetds.conf {@code certificate hostname} (mssql-jdbc's hostNameInCertificate). */
  public void setCertificateHostname(String name) {
    set(JdbcProperty.CERTIFICATE_HOSTNAME, name);
  }

  public String getCertificateHostname() {
    return get(JdbcProperty.CERTIFICATE_HOSTNAME);
  }

  /** mssql-jdbc's name for {@link #setCertificateHostname}. */
  public void setHostNameInCertificate(String name) {
    setCertificateHostname(name);
  }

  public String getHostNameInCertificate() {
    return getCertificateHostname();
  }

  /** The TDS version: 7.0 ... 7.4, 8.0 or auto. */
  public void setTdsVersion(String version) {
    set(JdbcProperty.TDS_VERSION, version);
  }

  public String getTdsVersion() {
    return get(JdbcProperty.TDS_VERSION);
  }

  /** A freetds.conf read first (like {@code tsql -I}). */
  public void setConfigFile(String path) {
    set(JdbcProperty.CONFIG_FILE, path);
  }

  public String getConfigFile() {
    return get(JdbcProperty.CONFIG_FILE);
  }

  public void setPacketSize(int size) {
    set(JdbcProperty.PACKET_SIZE, size == 0 ? null : size);
  }

  /** The packet size requested, or 0 when freetds.conf decides. */
  public int getPacketSize() {
    Integer v = getInt(JdbcProperty.PACKET_SIZE);
    return v == null ? 0 : v;
  }

  public void setSendStringParametersAsUnicode(boolean unicode) {
    set(JdbcProperty.SEND_STRING_PARAMETERS_AS_UNICODE, unicode);
  }

  public boolean getSendStringParametersAsUnicode() {
    return !Boolean.FALSE.equals(getBool(JdbcProperty.SEND_STRING_PARAMETERS_AS_UNICODE));
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getDescription() {
    return description;
  }

  /** Unused by the driver (it logs through java.util.logging {@code io.jctds.jdbc}); kept. */
  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /** Seconds; 0 = the loginTimeout property, else DriverManager's, else freetds.conf's or 15. */
  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    if (seconds < 0) {
      throw new SQLException("login timeout must be 0 or more seconds, got " + seconds, "HY024");
    }
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return Logger.getLogger("io.jctds.jdbc");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
