package io.jctds.server;

import io.jctds.server.browser.BrowserMessages;
import io.jctds.server.browser.BrowserResponder;
import io.jctds.server.session.Logins;
import io.jctds.server.session.ServerSettings;
import io.jctds.server.session.SessionRegistry;
import io.jctds.server.sql.SqlEngine;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.ServerCredentials;
import io.jctds.server.tls.ServerTlsContext;
import io.jctds.server.tls.ServerTlsPolicy;
import io.jctds.server.tls.TlsCredentialsException;
import io.jctds.server.tls.TlsVersion;
import io.jctds.server.tsql.TsqlEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An embedded TDS endpoint: SQL Server's wire protocol (TDS 7.1-7.4 and 8.0) on a TCP port, with
 * SQL Server's encryption policies ({@link EncryptionPolicy}), SQL logins and a small SQL front.
 * One platform daemon thread accepts connections, one thread ({@code jctds-session-<spid>}) serves
 * each session.
 *
 * <pre>{@code
 * try (TdsServer server = TdsServer.builder().port(0).user("sa", "secret").build().start()) {
 *   Path ca = server.writeTrustedCertificate(tmp.resolve("ca.pem"));
 *   // connect any TDS client to server.host():server.port(), trusting ca
 * }
 * }</pre>
 */
public final class TdsServer implements AutoCloseable {
  /** The logger category of the server. */
  public static final String LOGGER_NAME = "io.jctds.server";

  private final Builder config;
  private final ServerSettings settings;
  private ServerSocket listener;
  private Thread acceptor;
  private SessionRegistry registry;
  private BrowserResponder browser;
  private volatile boolean closed;

  private TdsServer(Builder b, ServerSettings settings) {
    this.config = b;
    this.settings = settings;
  }

  /** A builder with the defaults: 127.0.0.1:1433, encryption ON, database master. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts accepting connections.
   *
   * @return this server
   * @throws IOException if the address cannot be bound (port in use, unknown address)
   * @throws IllegalStateException if already started or closed
   */
  public synchronized TdsServer start() throws IOException {
    if (listener != null || closed) {
      throw new IllegalStateException(
          "the server was already started" + (closed ? " and closed" : ""));
    }
    if (config.initScript != null) {
      try {
        InitScript.run(settings.engine(), config.initScript, settings);
      } catch (IOException | RuntimeException e) {
        closeEngine();
        throw e;
      }
    }
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(config.bind), config.port), 128);
    } catch (IOException e) {
      socket.close();
      throw new IOException(
          "cannot listen on "
              + config.bind
              + ":"
              + config.port
              + ": "
              + e.getMessage()
              + " (choose another --port, or 0 for any free port)",
          e);
    }
    listener = socket;
    if (config.instanceName != null) {
      startBrowser();
    }
    if (settings.tls() != null) {
      settings.tls().prepare(); // a generated certificate: made now, while clients may connect
    }
    registry = new SessionRegistry(settings);
    acceptor = new Thread(this::acceptLoop, "jctds-server-accept-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    settings
        .logger()
        .log(
            System.Logger.Level.INFO,
            "listening on {0}:{1} (encryption {2}, TDS 7.1-8.0)",
            host(),
            String.valueOf(port()),
            settings.encryption().label());
    return this;
  }

  /** The host part of a server name ({@code HOST} of {@code HOST\INSTANCE}). */
  private static String machineName(String serverName) {
    int slash = serverName.indexOf('\\');
    return slash < 0 ? serverName : serverName.substring(0, slash);
  }

  private void startBrowser() throws IOException {
    BrowserMessages.Instance instance =
        new BrowserMessages.Instance(
            machineName(settings.serverName()),
            config.instanceName,
            BrowserMessages.VERSION,
            port());
    try {
      browser =
          BrowserResponder.start(
              config.bind, config.browserPort, List.of(instance), settings.logger());
    } catch (IOException e) {
      listener.close();
      closeEngine();
      closed = true;
      throw e;
    }
    settings
        .logger()
        .log(
            System.Logger.Level.INFO,
            "SQL Server Browser on UDP {0}:{1} answers for instance {2}",
            config.bind,
            String.valueOf(browser.port()),
            config.instanceName);
  }

  /**
   * The UDP port of the server's SQL Server Browser (the ephemeral one when port 0 was asked).
   *
   * @throws IllegalStateException before {@link #start()} or without {@link
   *     Builder#instanceName(String)}
   */
  public int browserPort() {
    started();
    if (browser == null) {
      throw new IllegalStateException(
          "the server has no SQL Server Browser: give it an instance name");
    }
    return browser.port();
  }

  /** The instance name the server's Browser answers for, or null when it has none. */
  public String instanceName() {
    return config.instanceName;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = listener.accept();
      } catch (SocketException e) {
        if (!closed) {
          settings.logger().log(System.Logger.Level.ERROR, "accept failed: " + e.getMessage(), e);
        }
        return;
      } catch (IOException e) {
        settings.logger().log(System.Logger.Level.WARNING, "accept failed: " + e.getMessage(), e);
        pauseAfterAcceptFailure(); // e.g. out of file descriptors: do not spin
        continue;
      }
      registry.serve(s);
    }
  }

  private static void pauseAfterAcceptFailure() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The bound port (the ephemeral one chosen when port 0 was asked).
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public int port() {
    return started().getLocalPort();
  }

  /**
   * The bound address as text, e.g. "127.0.0.1".
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public String host() {
    return started().getInetAddress().getHostAddress();
  }

  private ServerSocket started() {
    if (listener == null) {
      throw new IllegalStateException("the server is not started: call start() first");
    }
    return listener;
  }

  /** The encryption policy. */
  public EncryptionPolicy encryption() {
    return settings.encryption();
  }

  /**
   * The certificate clients should trust, as PEM: the private CA when the certificate was
   * generated, else the root (or only) certificate of the configured chain; null when encryption is
   * OFF (the server then has no certificate). This waits for a certificate being generated.
   */
  public String trustedCertificatePem() {
    ServerCredentials credentials = credentials();
    return credentials == null ? null : credentials.trustAnchorPem();
  }

  /**
   * The server's TLS credentials (key, chain, trust anchor), or null when encryption is OFF; waits
   * for a certificate still being generated.
   */
  public ServerCredentials credentials() {
    return settings.tls() == null ? null : settings.tls().credentials();
  }

  /**
   * Writes {@link #trustedCertificatePem()} to {@code pemFile}.
   *
   * @return {@code pemFile}
   * @throws IllegalStateException when encryption is OFF
   */
  public Path writeTrustedCertificate(Path pemFile) throws IOException {
    String pem = trustedCertificatePem();
    if (pem == null) {
      throw new IllegalStateException(
          "encryption is off: the server has no certificate for clients to trust");
    }
    Files.writeString(pemFile, pem, StandardCharsets.US_ASCII);
    return pemFile;
  }

  /**
   * Snapshots of the logged-in sessions (those still in PRELOGIN or LOGIN7 are left out), by SPID.
   */
  public List<SessionInfo> sessions() {
    return registry == null ? List.of() : registry.snapshots();
  }

  /**
   * Waits until {@link #sessions()} lists {@code count} sessions, at most {@code timeout}: a client
   * that closed its connection is gone from the list only once the server has seen the close (a
   * pool test comparing its own count with the server's waits here).
   *
   * @return whether the count was reached in time
   */
  public boolean awaitSessionCount(int count, java.time.Duration timeout)
      throws InterruptedException {
    return registry == null ? count == 0 : registry.awaitCount(count, timeout);
  }

  /** Stops accepting, closes every session and waits for their threads to end. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      settings.logger().log(System.Logger.Level.WARNING, "closing the listener: " + e, e);
    }
    join(acceptor);
    if (browser != null) {
      browser.close();
    }
    if (registry != null) {
      registry.closeAll();
    }
    closeEngine();
  }

  private void closeEngine() {
    try {
      settings.engine().close();
    } catch (RuntimeException e) {
      settings.logger().log(System.Logger.Level.WARNING, "closing the SQL engine: " + e, e);
    }
  }

  /** The SQL engine (H2 storage) behind the endpoint. */
  public SqlEngine engine() {
    return settings.engine();
  }

  private static void join(Thread t) {
    if (t == null) {
      return;
    }
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "TdsServer["
        + (listener == null ? config.bind + ":" + config.port : host() + ":" + port())
        + ", encryption "
        + settings.encryption().label()
        + (closed ? ", closed" : "")
        + "]";
  }

  /** Configures a {@link TdsServer}. Not thread-safe. */
  public static final class Builder {
    private String bind = "127.0.0.1";
    private int port = 1433;
    private EncryptionPolicy encryption = EncryptionPolicy.ON;
    private boolean enableTlsV1;
    private TlsVersion tlsMax;
    private TlsVersion tlsMin;
    private Path certPem;
    private Path keyPem;
    private Path pkcs12;
    private char[] pkcs12Password;
    private ServerCredentials credentials;
    private final List<String> certificateNames = new ArrayList<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    private final java.util.Set<String> restrictedUsers = new java.util.HashSet<>();
    private final Map<String, String> windowsUsers = new LinkedHashMap<>();
    private boolean ntlmV1;
    private String database = "master";
    private final List<String> databases = new ArrayList<>();
    private Path dataDirectory;
    private Path initScript;
    private String serverName;
    private Duration loginTimeout = Duration.ofSeconds(60);
    private String instanceName;
    private int browserPort = 1434;
    private System.Logger logger;

    private Builder() {}

    /** The address to listen on (default "127.0.0.1"; "0.0.0.0" for every interface). */
    public Builder bind(String address) {
      this.bind = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The TCP port (default 1433); 0 picks a free ephemeral port, see {@link #port()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is outside 0..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Makes this server the named instance {@code name}: a SQL Server Browser on UDP {@link
     * #browserPort(int)} (same bind address) answers for it with the TCP port, so that clients
     * reach it as {@code host\NAME} ([MC-SQLR]). Names: 1 to 16 letters, digits, {@code _} or
     * {@code $}, starting with a letter or {@code _} (SQL Server's instance name rules).
     */
    public Builder instanceName(String name) {
      BrowserMessages.checkInstanceName(name);
      this.instanceName = name;
      return this;
    }

    /** The SQL Server Browser's UDP port (default 1434; 0 picks a free ephemeral port). */
    public Builder browserPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("browser port " + port + " is outside 0..65535");
      }
      this.browserPort = port;
      return this;
    }

    /** The encryption policy (default ON). */
    public Builder encryption(EncryptionPolicy policy) {
      this.encryption = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Also accept TLS 1.0 and 1.1 on the TDS 7.x path (through BouncyCastle). */
    public Builder enableTlsV1(boolean on) {
      this.enableTlsV1 = on;
      return this;
    }

    /** The highest TLS version offered: "1.0", "1.1", "1.2" or "1.3" (default 1.3). */
    public Builder tlsMax(String version) {
      this.tlsMax = version == null ? null : TlsVersion.parse(version);
      return this;
    }

    /**
     * The lowest TLS version accepted: "1.0" or "1.1" need {@link #enableTlsV1}; "1.2" (the default
     * without it) turns the legacy versions off. TDS 7.x carries TLS 1.2 at most, so "1.3" is
     * refused by {@link #build()}.
     */
    public Builder tlsMin(String version) {
      this.tlsMin = version == null ? null : TlsVersion.parse(version);
      return this;
    }

    /** Serve this PEM certificate chain (leaf first) and PEM private key. */
    public Builder certificate(Path certPem, Path keyPem) {
      this.certPem = Objects.requireNonNull(certPem, "certPem");
      this.keyPem = Objects.requireNonNull(keyPem, "keyPem");
      return this;
    }

    /** Serve the first key entry of this PKCS#12 file. */
    public Builder pkcs12(Path file, char[] password) {
      this.pkcs12 = Objects.requireNonNull(file, "file");
      this.pkcs12Password = password == null ? new char[0] : password.clone();
      return this;
    }

    /** Serve these credentials (e.g. one generated CA shared by many test servers). */
    public Builder credentials(ServerCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Extra DNS names or IP addresses for the generated certificate, besides localhost, 127.0.0.1
     * and ::1.
     */
    public Builder certificateNames(String... extraDnsOrIp) {
      certificateNames.addAll(Arrays.asList(extraDnsOrIp));
      return this;
    }

    /** Adds a SQL login; may be called several times. */
    public Builder user(String login, String password) {
      new Logins().add(login, password); // validates
      users.put(login, password);
      restrictedUsers.remove(login);
      return this;
    }

    /**
     * Adds a Windows login {@code DOMAIN\\name} that logs in with NTLM (v2; v1 only with {@link
     * #allowNtlmV1}); may be called several times. Its sessions report auth_scheme NTLM in
     * sys.dm_exec_connections. A response that does not verify (wrong password, unknown user or
     * domain) gets SQL Server's 18452, as Windows fails the SSPI handshake there.
     */
    public Builder windowsUser(String domainUser, String password) {
      new Logins().addWindows(domainUser, password); // validates
      windowsUsers.put(domainUser, password);
      return this;
    }

    /** Also accepts NTLMv1 responses for Windows logins (weak; default off). */
    public Builder allowNtlmV1(boolean on) {
      this.ntlmV1 = on;
      return this;
    }

    /**
     * Adds a SQL login without VIEW SERVER STATE, as an ordinary SQL Server login: selecting
     * sys.dm_exec_connections gets error 300 ("VIEW SERVER STATE permission was denied on object
     * 'server', database 'master'."). May be called several times.
     */
    public Builder restrictedUser(String login, String password) {
      user(login, password);
      restrictedUsers.add(login);
      return this;
    }

    /**
     * Keeps the databases in files under {@code dir} (created if missing), so that they survive a
     * restart; without it every server has its own in-memory databases.
     */
    public Builder dataDirectory(Path dir) {
      this.dataDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * A T-SQL script run when the server starts, before it accepts connections: batches separated
     * by lines that hold only {@code go}, as sqlcmd and tsql read them. An error fails {@link
     * TdsServer#start()} with the script's file, line and the error.
     */
    public Builder initScript(Path file) {
      this.initScript = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Creates these user databases when missing (besides master, tempdb, model and msdb). */
    public Builder databases(String... names) {
      for (String name : names) {
        checkDatabaseName(name);
        if (databases.stream().noneMatch(d -> d.equalsIgnoreCase(name))) {
          databases.add(name);
        }
      }
      return this;
    }

    private static void checkDatabaseName(String name) {
      if (name == null || name.isBlank() || name.length() > 123 || name.contains(".")) {
        throw new IllegalArgumentException(
            "a database name must have 1 to 123 characters and no '.'");
      }
    }

    /**
     * The default database (default "master"); it is created if not known. master, tempdb, model
     * and msdb always exist.
     */
    public Builder database(String name) {
      checkDatabaseName(name);
      this.database = name;
      return databases(name);
    }

    /** The name {@code @@SERVERNAME} and messages report (default: the host name, upper-case). */
    public Builder serverName(String name) {
      this.serverName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** How long a client may take to complete its login (default 60 s). */
    public Builder loginTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the login timeout must be positive");
      }
      this.loginTimeout = timeout;
      return this;
    }

    /** Where the server logs (default: {@code System.getLogger("io.jctds.server")}). */
    public Builder logger(System.Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /**
     * Builds the server: loads or generates its certificate (unless encryption is OFF).
     *
     * @throws IllegalStateException if no login is configured
     * @throws IllegalArgumentException if the TLS settings contradict each other
     * @throws io.jctds.server.tls.TlsCredentialsException if a certificate or key cannot be read
     */
    public TdsServer build() {
      if (users.isEmpty() && windowsUsers.isEmpty()) {
        throw new IllegalStateException(
            "no login configured: call user(login, password) or windowsUser(DOMAIN\\name,"
                + " password) at least once");
      }
      if (certPem != null && pkcs12 != null) {
        throw new IllegalArgumentException("give either certificate(cert, key) or pkcs12(file)");
      }
      Logins logins = new Logins();
      users.forEach((name, pw) -> logins.add(name, pw, restrictedUsers.contains(name)));
      windowsUsers.forEach(logins::addWindows);
      logins.allowNtlmV1(ntlmV1);
      ServerTlsContext tls = encryption == EncryptionPolicy.OFF ? null : tlsContext();
      System.Logger log = logger != null ? logger : System.getLogger(LOGGER_NAME);
      ServerSettings settings =
          new ServerSettings(
              encryption,
              tls,
              logins,
              database,
              fullServerName(),
              loginTimeout,
              new TsqlEngine(dataDirectory, databases, log),
              log);
      return new TdsServer(this, settings);
    }

    /**
     * {@code @@SERVERNAME}: the server (host) name, and for a named instance {@code HOST\INSTANCE},
     * as SQL Server reports it ("@@SERVERNAME (Transact-SQL)": for a named instance the format is
     * servername\instancename).
     */
    private String fullServerName() {
      String host = serverName != null ? serverName : defaultServerName();
      return instanceName == null || host.indexOf('\\') >= 0 ? host : host + "\\" + instanceName;
    }

    /**
     * Given credentials are loaded now, so that a bad file fails {@link #build()}; generated ones
     * (two RSA keys, about a second on a cold JVM) are made in the background from the moment the
     * server listens (or earlier, when {@link TdsServer#credentials()} asks), and the first TLS
     * handshake waits for them: start-up does not.
     */
    private ServerTlsContext tlsContext() {
      ServerTlsPolicy policy = tlsPolicy();
      if (credentials != null) {
        return new ServerTlsContext(credentials, policy);
      }
      if (certPem != null) {
        return new ServerTlsContext(ServerCredentials.fromPem(certPem, keyPem), policy);
      }
      if (pkcs12 != null) {
        return new ServerTlsContext(ServerCredentials.fromPkcs12(pkcs12, pkcs12Password), policy);
      }
      if (certificateNames.stream().anyMatch(n -> n == null || n.isBlank())) {
        throw new TlsCredentialsException("a server certificate name is empty");
      }
      List<String> names = List.copyOf(certificateNames);
      return ServerTlsContext.deferred(
          () ->
              CertificateAuthority.generate("jctds embedded server CA")
                  .issueServerCredentials(names),
          policy);
    }

    private ServerTlsPolicy tlsPolicy() {
      TlsVersion max = tlsMax != null ? tlsMax : TlsVersion.TLS_1_3;
      if (tlsMin != null && tlsMin.compareTo(TlsVersion.TLS_1_2) < 0 && !enableTlsV1) {
        throw new IllegalArgumentException(
            "tls min " + tlsMin + " needs enableTlsV1 (--enable-tls-v1)");
      }
      if (tlsMin == TlsVersion.TLS_1_3) {
        throw new IllegalArgumentException(
            "tls min TLS 1.3 would refuse every TDS 7.x client (TDS 7.x carries TLS 1.2 at most)");
      }
      if (tlsMin != null && max.compareTo(tlsMin) < 0) {
        throw new IllegalArgumentException("tls max " + max + " is below tls min " + tlsMin);
      }
      boolean legacy = enableTlsV1 && (tlsMin == null || tlsMin.compareTo(TlsVersion.TLS_1_2) < 0);
      return new ServerTlsPolicy(max, legacy);
    }

    private static String defaultServerName() {
      try {
        return InetAddress.getLocalHost().getHostName().toUpperCase(Locale.ROOT);
      } catch (IOException e) {
        return "JCTDS";
      }
    }
  }
}
