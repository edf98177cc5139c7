package io.jctds.cli;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.tls.TlsCredentialsException;
import io.jctds.server.tls.TlsVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jctds server}: runs the embedded TDS server until SIGINT or SIGTERM.
 *
 * <p>Output contract: standard output carries exactly one line, printed (and flushed) once the
 * {@code --init} script has run, the server accepts connections and {@code --cert-out} is written:
 * {@code listening on HOST:PORT (encryption MODE, TDS 7.1-8.0)}. Everything else — the generated
 * password, the server's log, the stop notice — goes to standard error. Exit status 2 for bad
 * flags, an unreadable certificate, a port that cannot be bound, a {@code --data} directory that
 * cannot be opened (e.g. in use by another server) or an init script error (reported as {@code
 * FILE:LINE: Msg N, Level L, State S: text}); a signal ends the JVM with the usual 128+signal
 * status after the server is closed.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the embedded TDS server (TDS 7.1-7.4 and 8.0) until SIGINT or SIGTERM.",
      "Encryption policies, like SQL Server's: off (never TLS), on (TLS when the client"
          + " asks; login-only TLS for clients that send OFF), required (full TLS for every"
          + " client), strict (TDS 8.0 only: TLS first, ALPN tds/8.0).",
      "Without --cert/--pkcs12 a private CA and a certificate for localhost, 127.0.0.1 and"
          + " ::1 are generated; --cert-out writes the certificate clients should trust"
          + " (that CA, or the root of the given chain).",
      "Without a password (--password or JCTDS_SERVER_PASSWORD) one is generated and printed"
          + " once on stderr.",
      "Databases live in memory unless --data DIR keeps them in files there across restarts."
          + " --init FILE runs a T-SQL script (batches split by lines holding only go) in the"
          + " default database before the server listens; its first error stops the start.",
      "When ready, prints one line on stdout: listening on HOST:PORT (encryption MODE,"
          + " TDS 7.1-8.0); with --instance a second one: SQL Server Browser on UDP"
          + " HOST:PORT answers for instance NAME.",
      "Exit status: 2 bad flags, unreadable certificate, port (TCP, or --browser-port UDP) in use, a data directory that"
          + " cannot be opened or a failed init script; 130 (SIGINT) or 143 (SIGTERM) after a"
          + " clean stop."
    })
public final class ServerCommand implements Callable<Integer> {
  /** The environment variable holding the login's password. */
  static final String PASSWORD_ENV = "JCTDS_SERVER_PASSWORD";

  /** The environment variable holding the password of a {@code --pkcs12} file (default empty). */
  static final String PKCS12_PASSWORD_ENV = "JCTDS_SERVER_PKCS12_PASSWORD";

  /** The login used when {@code --user} is not given. */
  static final String DEFAULT_USER = "sa";

  private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
  private static final String LOG_FORMAT = "jctds server: %4$s: %5$s%6$s%n";
  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "1433",
      description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String bind;

  @Option(
      names = "--instance",
      paramLabel = "NAME",
      description =
          "Be the named instance NAME: a SQL Server Browser on UDP --browser-port answers"
              + " for it, so clients reach it as HOST\\NAME.")
  String instance;

  @Option(
      names = "--browser-port",
      paramLabel = "N",
      defaultValue = "1434",
      description =
          "UDP port of the --instance's SQL Server Browser (default ${DEFAULT-VALUE};"
              + " 0 picks a free one).")
  int browserPort;

  @Option(
      names = "--encryption",
      paramLabel = "MODE",
      defaultValue = "on",
      converter = PolicyConverter.class,
      description = "off, on, required or strict (default ${DEFAULT-VALUE}).")
  EncryptionPolicy encryption;

  @Option(
      names = "--enable-tls-v1",
      description = "Also accept TLS 1.0 and 1.1 from TDS 7.x clients (through BouncyCastle).")
  boolean enableTlsV1;

  @Option(
      names = "--tls-max",
      paramLabel = "VERSION",
      converter = TlsVersionConverter.class,
      description = "Highest TLS version offered: 1.0, 1.1, 1.2 or 1.3 (default 1.3).")
  TlsVersion tlsMax;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  CertificateSource certificate;

  @Option(
      names = "--cert-out",
      paramLabel = "PEM",
      description = "Write the certificate clients should trust (ca file) to PEM.")
  Path certOut;

  @Option(
      names = "--user",
      paramLabel = "U",
      description = {
        "SQL login (default " + DEFAULT_USER + "), its password from --password.",
        "Or NAME:PASSWORD[:restricted], repeatable: more logins; a restricted one lacks VIEW"
            + " SERVER STATE (sys.dm_exec_connections gets error 300)."
      })
  List<String> users = new ArrayList<>();

  /** The plain {@code --user NAME} (paired with --password), or null. */
  String user;

  @Option(
      names = "--password",
      paramLabel = "P",
      description = "The login's password (else $" + PASSWORD_ENV + ", else generated).")
  String password;

  @Option(
      names = "--windows-user",
      paramLabel = "DOMAIN\\NAME",
      description =
          "A Windows login that logs in with NTLM (v2; v1 only with --allow-ntlmv1), its password"
              + " from --windows-password; sys.dm_exec_connections reports auth_scheme NTLM.")
  String windowsUser;

  @Option(
      names = "--windows-password",
      paramLabel = "P",
      description = "The password of --windows-user.")
  String windowsPassword;

  @Option(
      names = "--allow-ntlmv1",
      description = "Also accept NTLMv1 responses for --windows-user (weak).")
  boolean allowNtlmV1;

  @Option(
      names = "--database",
      paramLabel = "NAME",
      defaultValue = "master",
      description = "Default database, created when missing (default ${DEFAULT-VALUE}).")
  String database;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Keep the databases in files under DIR (created if missing), so they survive a"
              + " restart (default: in memory, lost at exit).")
  Path data;

  @Option(
      names = "--init",
      paramLabel = "FILE",
      description =
          "Run this T-SQL script in the default database before listening (batches split by"
              + " lines holding only go); an error stops the start with exit status 2.")
  Path init;

  /** Either a PEM certificate and key, or a PKCS#12 file. */
  static final class CertificateSource {
    @ArgGroup(exclusive = false, multiplicity = "1")
    PemFiles pem;

    @Option(
        names = "--pkcs12",
        paramLabel = "F",
        required = true,
        description = "PKCS#12 file with key and chain (password in $" + PKCS12_PASSWORD_ENV + ").")
    Path pkcs12;
  }

  /** {@code --cert PEM --key PEM}, always together. */
  static final class PemFiles {
    @Option(
        names = "--cert",
        paramLabel = "PEM",
        required = true,
        description = "PEM certificate chain, leaf first.")
    Path cert;

    @Option(
        names = "--key",
        paramLabel = "PEM",
        required = true,
        description = "PEM private key of the leaf.")
    Path key;
  }

  /** The login whose password was generated, announced once the server listens. */
  private record GeneratedLogin(String login, String password) {
    @Override
    public String toString() {
      return "GeneratedLogin[" + login + "]";
    }
  }

  private GeneratedLogin generated;

  @Override
  public Integer call() throws InterruptedException {
    checkFlags();
    List<ExtraLogin> extra = extraLogins();
    String login = user != null ? user : DEFAULT_USER;
    String secret = password != null ? password : System.getenv(PASSWORD_ENV);
    boolean plain = user != null || password != null || extra.isEmpty();
    return run(build(plain ? login : null, secret, extra));
  }

  /** A login given as {@code --user NAME:PASSWORD[:restricted]}. */
  record ExtraLogin(String name, String password, boolean restricted) {
    @Override
    public String toString() {
      return "ExtraLogin[" + name + (restricted ? ", restricted]" : "]");
    }
  }

  /** The NAME:PASSWORD[:restricted] logins; sets {@link #user} from a plain --user NAME. */
  private List<ExtraLogin> extraLogins() {
    List<ExtraLogin> out = new ArrayList<>();
    for (String u : users) {
      int colon = u.indexOf(':');
      if (colon < 0) {
        if (user != null) {
          throw usage("--user NAME without a password may be given once; use NAME:PASSWORD");
        }
        user = u;
        continue;
      }
      boolean restricted = u.endsWith(":restricted");
      String rest = restricted ? u.substring(0, u.length() - ":restricted".length()) : u;
      colon = rest.indexOf(':');
      String name = colon < 0 ? rest : rest.substring(0, colon);
      String pw = colon < 0 ? "" : rest.substring(colon + 1);
      if (name.isBlank() || pw.isEmpty()) {
        throw usage("--user " + name + ":...: give NAME:PASSWORD[:restricted] with a password");
      }
      out.add(new ExtraLogin(name, pw, restricted));
    }
    if (user != null && user.isBlank()) {
      throw usage("--user must not be empty");
    }
    return out;
  }

  private TdsServer build(String login, String secret, List<ExtraLogin> extra) {
    configureLogFormat();
    TdsServer.Builder b =
        TdsServer.builder()
            .bind(bind)
            .port(port)
            .encryption(encryption)
            .enableTlsV1(enableTlsV1)
            .database(database);
    if (data != null) {
      b.dataDirectory(data);
    }
    if (init != null) {
      readable(init, "--init");
      b.initScript(init);
    }
    if (tlsMax != null) {
      b.tlsMax(tlsMax.jsseName());
    }
    if (certificate != null && certificate.pem != null) {
      readable(certificate.pem.cert, "--cert");
      readable(certificate.pem.key, "--key");
      b.certificate(certificate.pem.cert, certificate.pem.key);
    } else if (certificate != null) {
      readable(certificate.pkcs12, "--pkcs12");
      String p12 = System.getenv(PKCS12_PASSWORD_ENV);
      b.pkcs12(certificate.pkcs12, p12 == null ? new char[0] : p12.toCharArray());
    }
    String effective = login == null || secret != null ? secret : generatePassword();
    try {
      if (instance != null) {
        b.instanceName(instance).browserPort(browserPort);
      }
      if (login != null) {
        b.user(login, effective);
      }
      for (ExtraLogin e : extra) {
        if (e.restricted()) {
          b.restrictedUser(e.name(), e.password());
        } else {
          b.user(e.name(), e.password());
        }
      }
      if (windowsUser != null) {
        b.windowsUser(windowsUser, windowsPassword).allowNtlmV1(allowNtlmV1);
      }
      TdsServer server = b.build();
      if (login != null && secret == null) {
        generated = new GeneratedLogin(login, effective);
      }
      return server;
    } catch (TlsCredentialsException e) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "cannot load the certificate: " + e.getMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
    } catch (IllegalStateException e) { // the storage (H2, --data) cannot be opened
      throw new CliException(ExitCodes.USAGE_CONFIG_OR_CONNECTION, e.getMessage(), e);
    }
  }

  private int run(TdsServer server) throws InterruptedException {
    try {
      server.start(); // runs --init first: nothing listens when it fails
    } catch (IOException | IllegalStateException e) {
      server.close();
      throw new CliException(ExitCodes.USAGE_CONFIG_OR_CONNECTION, e.getMessage(), e);
    }
    if (generated != null) {
      announceGeneratedPassword(generated.login(), generated.password());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> stop(server, stopped), "jctds-server-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      writeCertificate(server);
    } catch (RuntimeException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      server.close();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "listening on "
            + server.host()
            + ":"
            + server.port()
            + " (encryption "
            + server.encryption().label()
            + ", TDS 7.1-8.0)");
    if (server.instanceName() != null) {
      out.println(
          "SQL Server Browser on UDP "
              + bind
              + ":"
              + server.browserPort()
              + " answers for instance "
              + server.instanceName());
    }
    out.flush();
    stopped.await(); // until SIGINT/SIGTERM: the hook closes the server, the JVM then exits
    return ExitCodes.OK;
  }

  private void stop(TdsServer server, CountDownLatch stopped) {
    server.close();
    System.err.println("jctds server: stopped");
    System.err.flush();
    stopped.countDown();
  }

  private void writeCertificate(TdsServer server) {
    if (certOut == null) {
      return;
    }
    try {
      Path parent = certOut.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      server.writeTrustedCertificate(certOut);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "cannot write --cert-out " + certOut + ": " + e.getMessage(),
          e);
    }
  }

  private void checkFlags() {
    if (encryption == EncryptionPolicy.OFF && (certificate != null || certOut != null)) {
      throw usage(
          "--encryption off serves no certificate: drop --cert/--key/--pkcs12/--cert-out, or"
              + " choose --encryption on, required or strict");
    }
    if (tlsMax != null && tlsMax.compareTo(TlsVersion.TLS_1_2) < 0) {
      if (!enableTlsV1) {
        throw usage("--tls-max " + tlsMax + " needs --enable-tls-v1 (TLS 1.0/1.1 are off)");
      }
      if (encryption == EncryptionPolicy.STRICT) {
        throw usage(
            "--encryption strict needs TLS 1.2 or later; --tls-max " + tlsMax + " is below");
      }
    }
    if (port < 0 || port > 65535) {
      throw usage("--port " + port + " is outside 0..65535");
    }
    if (browserPort < 0 || browserPort > 65535) {
      throw usage("--browser-port " + browserPort + " is outside 0..65535");
    }
    if (instance != null) {
      try {
        TdsServer.builder().instanceName(instance); // checks the name
      } catch (IllegalArgumentException e) {
        throw usage("--instance: " + e.getMessage());
      }
    }
    if (data != null && Files.exists(data) && !Files.isDirectory(data)) {
      throw usage("--data " + data + " is not a directory");
    }
    if ((windowsUser == null) != (windowsPassword == null)) {
      throw usage("--windows-user DOMAIN\\NAME and --windows-password P go together");
    }
    if (allowNtlmV1 && windowsUser == null) {
      throw usage("--allow-ntlmv1 needs --windows-user");
    }
    if (password != null && password.isEmpty()) {
      throw usage("--password must not be empty (or leave it out to get a generated one)");
    }
  }

  private void readable(Path file, String flag) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "cannot read " + flag + " " + file + ": no such readable file");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private void announceGeneratedPassword(String login, String generated) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "jctds server: login '"
            + login
            + "' password: "
            + generated
            + " (generated; set --password or "
            + PASSWORD_ENV
            + " to choose one)");
    err.flush();
  }

  /** A 20-character password with upper- and lower-case letters and digits. */
  static String generatePassword() {
    SecureRandom random = new SecureRandom();
    while (true) {
      StringBuilder s = new StringBuilder(20);
      for (int i = 0; i < 20; i++) {
        s.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
      }
      String p = s.toString();
      if (p.chars().anyMatch(Character::isUpperCase)
          && p.chars().anyMatch(Character::isLowerCase)
          && p.chars().anyMatch(Character::isDigit)) {
        return p;
      }
    }
  }

  /** One line per server log record on stderr, unless the user configured the format. */
  private static void configureLogFormat() {
    if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
      System.setProperty(LOG_FORMAT_PROPERTY, LOG_FORMAT);
    }
  }

  /** Parses {@code --encryption}. */
  static final class PolicyConverter implements ITypeConverter<EncryptionPolicy> {
    @Override
    public EncryptionPolicy convert(String value) {
      return EncryptionPolicy.parse(value);
    }
  }

  /** Parses {@code --tls-max}: exactly 1.0, 1.1, 1.2 or 1.3. */
  static final class TlsVersionConverter implements ITypeConverter<TlsVersion> {
    @Override
    public TlsVersion convert(String value) {
      if (!value.matches("1\\.[0-3]")) {
        throw new IllegalArgumentException(
            "unknown TLS version '" + value + "'; use 1.0, 1.1, 1.2 or 1.3");
      }
      return TlsVersion.parse(value);
    }
  }
}
