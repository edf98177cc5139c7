package io.jctds.config;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves a server name into a {@link ServerEntry} exactly as FreeTDS 1.5 (db-lib, as k-ctds uses
 * it) does: the freetds.conf search order, {@code [global]} layering, the server-name forms, the
 * interfaces-file and host-name fallbacks, the environment overrides and the application merge.
 *
 * <p>Search order: an explicit {@link Builder#file file}, {@code $FREETDSCONF}, {@code
 * $FREETDS/etc/freetds.conf}, {@code ~/.config/freetds.conf}, {@code ~/.freetds.conf}, then the
 * system file: the first existing of {@link #DEFAULT_SYSTEM_FILES}.
 *
 * <p>Immutable and thread-safe; every {@code resolve} reads the files afresh.
 */
public final class ConfigResolver {
  /** The system file candidates; the first that exists is FreeTDS's {@code sysconfdir} file. */
  public static final List<Path> DEFAULT_SYSTEM_FILES =
      List.of(
          Path.of("/etc/freetds/freetds.conf"),
          Path.of("/usr/local/etc/freetds.conf"),
          Path.of("/opt/homebrew/etc/freetds.conf"));

  /** Where FreeTDS looks for {@code interfaces} when {@code $SYBASE} is unset (hard-coded). */
  public static final Path DEFAULT_INTERFACES_DIRECTORY = Path.of("/etc/freetds");

  /**
   * FreeTDS's Windows system file: its {@code FREETDS_SYSCONFDIR} is {@code c:} on Windows, so the
   * file is {@code c:\freetds.conf} (and locales.conf is {@code c:\locales.conf}).
   */
  public static final String WINDOWS_SYSTEM_FILE = "c:\\freetds.conf";

  /** FreeTDS's Windows directory for {@code interfaces} when {@code %SYBASE%} is unset. */
  public static final String WINDOWS_INTERFACES_DIRECTORY = "c:\\";

  static final String HOW_EXPLICIT = "set programmatically";

  private final Path file;
  private final Map<String, String> environment;
  private final Path userHome;
  private final List<Path> systemFiles;
  private final HostResolver hostResolver;
  private final Path interfacesDirectory;
  private final Path servicesFile;
  private final PrintWriter consoleOut;
  private final PrintWriter consoleErr;
  private final boolean windows;
  private final DumpAppendMode appendMode;

  private ConfigResolver(Builder b) {
    file = b.file;
    windows = b.windows;
    environment = windows ? WindowsLayout.environment(b.environment) : Map.copyOf(b.environment);
    userHome = windows && !b.userHomeSet ? WindowsLayout.home(environment) : b.userHome;
    systemFiles =
        windows && !b.systemFilesSet ? WindowsLayout.systemFiles() : List.copyOf(b.systemFiles);
    interfacesDirectory =
        windows && !b.interfacesDirectorySet
            ? WindowsLayout.interfacesDirectory()
            : b.interfacesDirectory;
    appendMode = b.appendMode;
    hostResolver = b.hostResolver;
    servicesFile = b.servicesFile;
    consoleOut = b.consoleOut;
    consoleErr = b.consoleErr;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves {@code serverName} with nothing set by the application.
   *
   * @param serverName a section name, a host, {@code host:port}, {@code [v6]:port} or {@code
   *     host\instance}; null for {@code $TDSQUERY}, {@code $DSQUERY} or {@code SYBASE}
   * @throws ConfigException when the configuration is invalid (FreeTDS would fail with 20214)
   */
  public ServerEntry resolve(String serverName) {
    return resolve(serverName, ApplicationSettings.none());
  }

  /**
   * Resolves {@code serverName} and merges what the application set.
   *
   * @throws ConfigException when the configuration is invalid (FreeTDS would fail with 20214)
   * @throws IllegalArgumentException when {@code app} names an instance and so does the server name
   */
  public ServerEntry resolve(String serverName, ApplicationSettings app) {
    return new Resolution(this, serverName, Objects.requireNonNull(app, "app")).run();
  }

  /**
   * Every configuration file candidate in search order, with whether it exists; all system file
   * candidates are listed, only the first existing one is read.
   */
  public List<SearchedFile> searchedFiles() {
    List<SearchedFile> files = new ArrayList<>(userFiles());
    for (Path p : systemFiles) {
      files.add(new SearchedFile(p, "default", exists(p)));
    }
    return files;
  }

  /** The files a resolution tries, in order: {@link #searchedFiles()} with one system file. */
  List<SearchedFile> searchOrder() {
    List<SearchedFile> files = new ArrayList<>(userFiles());
    Path system = systemFile();
    if (system != null) {
      files.add(new SearchedFile(system, "default", exists(system)));
    }
    return files;
  }

  /** The system freetds.conf: the first existing candidate, else the first; null for none. */
  private Path systemFile() {
    Path system = systemFiles.stream().filter(ConfigResolver::exists).findFirst().orElse(null);
    return system == null && !systemFiles.isEmpty() ? systemFiles.get(0) : system;
  }

  /**
   * FreeTDS's {@code locales.conf}: beside the system freetds.conf (its {@code sysconfdir}); null
   * when there is no system file candidate. It may not exist.
   */
  public Path localesFile() {
    Path system = systemFile();
    if (system == null) {
      return null;
    }
    Path dir = system.getParent();
    if (dir != null) {
      return dir.resolve(LocalesConf.FILE_NAME);
    }
    // c:\freetds.conf read as a Unix relative name (a Windows layout simulated elsewhere)
    String text = system.toString();
    int cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
    return path(text.substring(0, cut + 1) + LocalesConf.FILE_NAME);
  }

  /** Whether this resolver follows FreeTDS's Windows conventions ({@link Builder#windows}). */
  public boolean windows() {
    return windows;
  }

  private List<SearchedFile> userFiles() {
    List<SearchedFile> files = new ArrayList<>();
    if (file != null) {
      files.add(new SearchedFile(file, HOW_EXPLICIT, exists(file)));
    }
    String conf = environment.get("FREETDSCONF");
    Path confPath = conf == null ? null : path(conf);
    if (confPath != null) {
      files.add(new SearchedFile(confPath, "from $FREETDSCONF", exists(confPath)));
    }
    String freetds = environment.get("FREETDS");
    String below = windows ? "freetds.conf" : "etc/freetds.conf";
    Path freetdsPath =
        freetds == null ? null : path(freetds.isEmpty() ? below : freetds + "/" + below);
    if (freetdsPath != null) {
      String how = windows ? "from $FREETDS" : "from $FREETDS/etc";
      files.add(new SearchedFile(freetdsPath, how, exists(freetdsPath)));
    }
    if (userHome != null) {
      if (!windows) {
        Path config = userHome.resolve(".config/freetds.conf");
        files.add(new SearchedFile(config, ".config/freetds.conf", exists(config)));
      }
      Path dot = userHome.resolve(".freetds.conf");
      files.add(new SearchedFile(dot, ".freetds.conf", exists(dot)));
    }
    return files;
  }

  /** A path from an environment value (empty stays empty); null for text no path can hold. */
  static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * Reads a configuration file the way {@code fopen} + {@code fgets} would.
   *
   * @return the bytes; empty for a directory (it opens but reads nothing); null when it cannot be
   *     opened
   */
  static byte[] read(Path p) {
    if (p == null || p.toString().isEmpty()) {
      return null; // fopen("") fails
    }
    try {
      if (Files.isDirectory(p)) {
        return Files.isReadable(p) ? new byte[0] : null;
      }
      return Files.readAllBytes(p);
    } catch (java.io.IOException | SecurityException e) {
      return null;
    }
  }

  private static boolean exists(Path p) {
    try {
      return !p.toString().isEmpty() && Files.isReadable(p);
    } catch (SecurityException e) {
      return false;
    }
  }

  Path file() {
    return file;
  }

  Map<String, String> environment() {
    return environment;
  }

  Path userHome() {
    return userHome;
  }

  HostResolver hostResolver() {
    return hostResolver;
  }

  Path interfacesDirectory() {
    return interfacesDirectory;
  }

  Path servicesFile() {
    return servicesFile;
  }

  DumpAppendMode appendMode() {
    return appendMode;
  }

  PrintWriter console(String name) {
    return name.equals("stdout") ? consoleOut : consoleErr;
  }

  /** Configures a {@link ConfigResolver}; every setting has the process's default. */
  public static final class Builder {
    private Path file;
    private Map<String, String> environment = System.getenv();
    private Path userHome = homeFromSystem();
    private List<Path> systemFiles = DEFAULT_SYSTEM_FILES;
    private HostResolver hostResolver = HostResolver.system();
    private Path interfacesDirectory = DEFAULT_INTERFACES_DIRECTORY;
    private Path servicesFile = Path.of("/etc/services");
    private PrintWriter consoleOut = stdio(System.out);
    private PrintWriter consoleErr = stdio(System.err);
    private boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    private boolean userHomeSet;
    private boolean systemFilesSet;
    private boolean interfacesDirectorySet;
    private DumpAppendMode appendMode = DumpAppendMode.PROCESS;

    private Builder() {}

    /**
     * FreeTDS's Windows conventions (default: whether this JVM runs on Windows): {@code
     * %FREETDSCONF%}, {@code %FREETDS%\freetds.conf} (no {@code etc}), no {@code
     * .config/freetds.conf}, {@code .freetds.conf} in the roaming application data folder ({@code
     * %APPDATA%}) instead of the home directory, the system file {@code c:\freetds.conf} with
     * {@code c:\locales.conf} beside it, {@code c:\interfaces}, the {@code c:\} default dump names,
     * and environment variable names matched without regard to case. {@link #userHome}, {@link
     * #systemFiles} and {@link #interfacesDirectory}, when called, still win.
     */
    public Builder windows(boolean windows) {
      this.windows = windows;
      return this;
    }

    /** The TDSDUMPCONFIG append state to use; default the process's ({@link DumpAppendMode}). */
    Builder appendMode(DumpAppendMode appendMode) {
      this.appendMode = Objects.requireNonNull(appendMode, "appendMode");
      return this;
    }

    /**
     * A file read before all others (like {@code tsql -I}); also the first interfaces file. Null
     * for none.
     */
    public Builder file(Path file) {
      this.file = file;
      return this;
    }

    /** The environment ({@code FREETDSCONF}, {@code TDSPORT}, ...); default System.getenv(). */
    public Builder environment(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * The home directory for {@code ~/.config/freetds.conf}, {@code ~/.freetds.conf} and {@code
     * ~/.interfaces}; default {@code user.home} (the passwd entry on Linux, as in FreeTDS). Null
     * for none.
     */
    public Builder userHome(Path userHome) {
      this.userHome = userHome;
      this.userHomeSet = true;
      return this;
    }

    /** The system file candidates; default {@link #DEFAULT_SYSTEM_FILES}. */
    public Builder systemFiles(List<Path> systemFiles) {
      this.systemFiles = List.copyOf(systemFiles);
      this.systemFilesSet = true;
      return this;
    }

    /** How {@code host} values are resolved; default {@link HostResolver#system()}. */
    public Builder hostResolver(HostResolver hostResolver) {
      this.hostResolver = Objects.requireNonNull(hostResolver, "hostResolver");
      return this;
    }

    /** The directory of {@code interfaces} when {@code $SYBASE} is unset; default /etc/freetds. */
    public Builder interfacesDirectory(Path directory) {
      this.interfacesDirectory = Objects.requireNonNull(directory, "directory");
      this.interfacesDirectorySet = true;
      return this;
    }

    /** The services database for port names ({@code TDSPORT=ms-sql-s}); default /etc/services. */
    public Builder servicesFile(Path servicesFile) {
      this.servicesFile = servicesFile;
      return this;
    }

    /** Where {@code TDSDUMPCONFIG=stdout} and {@code =stderr} write; default System.out/err. */
    public Builder console(PrintWriter out, PrintWriter err) {
      this.consoleOut = Objects.requireNonNull(out, "out");
      this.consoleErr = Objects.requireNonNull(err, "err");
      return this;
    }

    public ConfigResolver build() {
      return new ConfigResolver(this);
    }

    private static Path homeFromSystem() {
      String home = System.getProperty("user.home");
      return home == null || home.isEmpty() || home.equals("?") ? null : path(home);
    }

    private static PrintWriter stdio(java.io.PrintStream stream) {
      return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
  }
}
