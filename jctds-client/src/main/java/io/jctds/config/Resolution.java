package io.jctds.config;

import io.jctds.internal.ParsedFiles;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One resolution of a server name ({@code tds_read_config_info} followed by db-lib's {@code
 * tdsdbopen} and {@code tds8_adjust_login}). Single use, confined to one thread.
 */
final class Resolution {
  final Login login = new Login();
  final ConfigLog log = new ConfigLog();
  final ConfigResolver config;
  final Map<String, String> env;
  private final ApplicationSettings app;
  private final String requestedName;
  private final Map<Path, List<ConfLine>> parsed = new HashMap<>();

  /** The first header of the server section in the file being read (for config_file). */
  private Source.FileLine matchedHeader;

  /**
   * Whether the TDSDUMPCONFIG log appends: FreeTDS opens it before reading the files, so the append
   * flag as the previous resolution left it decides ({@link DumpAppendMode}).
   */
  final boolean appendDump;

  /** Where the server name came from: the application, $TDSQUERY, $DSQUERY or the default. */
  Source nameSource = Source.APPLICATION;

  /** The port the application's login holds: from the name ({@code h:1433}) or the settings. */
  int appPort;

  Resolution(ConfigResolver config, String serverName, ApplicationSettings app) {
    this.config = config;
    this.env = config.environment();
    this.app = app;
    this.requestedName = serverName;
    this.appPort = app.port() == null ? 0 : app.port();
    this.appendDump = config.appendMode().on();
    login.dumpFileAppend = appendDump;
  }

  ServerEntry run() {
    Login l = login;
    l.serverName = "SYBASE";
    l.clientCharset = SystemDefaults.clientCharset();
    l.clientHostName = SystemDefaults.clientHostName();
    LocalesConf.apply(this, config.localesFile());
    String name = effectiveName();
    log.log("Getting connection information for [" + name + "].");
    log.log("Attempting to read conf files.");
    boolean found = readConfFile(name);
    if (!found) {
      ServerName split = ServerName.split(name);
      if (split != null) {
        applySplit(split, true);
        found = readConfFile(l.serverName);
        applySplit(split, false);
        if (!found) {
          found = useNameAsHost(l.serverName);
        }
        name = l.serverName;
      }
    }
    if (!found) {
      log.log("Failed in reading conf file.  Trying interface files.");
      if (!new Fallback(this).interfaces(name)) {
        log.log(
            "Failed to find ["
                + name
                + "] in configuration files; trying '"
                + l.serverName
                + "' instead.");
      }
    }
    if (!app.directives().isEmpty()) {
      log.log("Applying the directives set by the application.");
    }
    for (ApplicationSettings.Directive d : app.directives()) {
      Directives.apply(this, d);
    }
    Overrides overrides = new Overrides(this);
    overrides.environment(false);
    overrides.application(app, name);
    overrides.writeDump();
    if (l.sources.containsKey(Login.DUMP_FILE_APPEND)) {
      config.appendMode().set(l.dumpFileAppend); // FreeTDS's global keeps the last value applied
    }
    overrides.environment(true);
    overrides.strict();
    overrides.finish(name);
    if (!l.valid()) {
      throw l.firstError;
    }
    return new ServerEntry(l, SystemTrustStore.locate(env));
  }

  /** The name to look up: the given one, or the default; with the application's instance. */
  private String effectiveName() {
    String name = requestedName;
    Source source = Source.APPLICATION;
    if (name == null) {
      name = env.containsKey("TDSQUERY") ? env.get("TDSQUERY") : env.get("DSQUERY");
      source = new Source.Environment(env.containsKey("TDSQUERY") ? "TDSQUERY" : "DSQUERY");
      if (name == null) {
        name = "SYBASE";
        source = Source.DEFAULT;
      }
    }
    nameSource = source;
    login.from(Login.SERVER_NAME, Source.DEFAULT);
    String instance = app.instance();
    if (instance != null && !instance.isEmpty()) {
      if (ServerName.split(name) != null) {
        throw new IllegalArgumentException(
            "The server name '"
                + name
                + "' already gives a port or an instance; do not also set"
                + " ApplicationSettings.instance ('"
                + instance
                + "').");
      }
      name = name + "\\" + instance;
    }
    return name;
  }

  /** {@code parse_server_name_for_port}: the port or instance of the name overrides the files. */
  private void applySplit(ServerName split, boolean updateServer) {
    Login l = login;
    if (split.hasPort()) {
      appPort = split.port();
      l.port = split.port();
      l.instance = "";
      l.from(Login.INSTANCE, Source.APPLICATION);
    } else {
      l.instance = split.instance();
      l.from(Login.INSTANCE, Source.APPLICATION);
      l.port = 0;
    }
    l.from(Login.PORT, Source.APPLICATION);
    if (updateServer) {
      l.serverName = split.host();
    }
  }

  /** Pass 2 found no section for the host part: it is a host name if it resolves. */
  private boolean useNameAsHost(String host) {
    List<InetAddress> addresses = lookupHost(host);
    if (addresses == null) {
      return false;
    }
    login.addresses = addresses;
    login.serverHostName = host;
    login.from(
        Login.HOST, new Source.Derived("the server name is a host name", Source.APPLICATION));
    return true;
  }

  /** {@code tds_read_conf_file}: tries each file until one defines {@code server}. */
  boolean readConfFile(String server) {
    for (SearchedFile candidate : config.searchOrder()) {
      if (tryConfFile(candidate, server)) {
        return true;
      }
    }
    return false;
  }

  private boolean tryConfFile(SearchedFile candidate, String server) {
    Path path = candidate.path();
    String how =
        candidate.how().equals(ConfigResolver.HOW_EXPLICIT)
            ? candidate.how()
            : "(" + candidate.how() + ")";
    List<ConfLine> lines = lines(path);
    if (lines == null) {
      log.log("Could not open '" + path + "' (" + how + ").");
      return false;
    }
    log.log("Found conf file '" + path + "' " + how + ".");
    boolean found = readSections(path, lines, server);
    if (found) {
      log.log("Success: [" + server + "] defined in " + path + ".");
      login.configFile = path;
      login.from(Login.CONFIG_FILE, matchedHeader);
    } else {
      log.log("[" + server + "] not found.");
    }
    return found;
  }

  private List<ConfLine> lines(Path path) {
    if (!parsed.containsKey(path)) {
      // a kept parse serves only a file that can still be opened (a chmod leaves the stamp alone)
      boolean readable = path != null && !path.toString().isEmpty() && Files.isReadable(path);
      parsed.put(
          path,
          readable
              ? FILES.get(path, () -> ConfigResolver.read(path), Resolution::parse)
              : parse(ConfigResolver.read(path)));
    }
    return parsed.get(path);
  }

  /**
   * Parsed freetds.conf files, kept while a file's size, modification time and inode stay the same
   * (FreeTDS reads the file at every connection: an edit takes effect at the next one); a file that
   * cannot be opened is tried again every time.
   */
  private static final ParsedFiles<List<ConfLine>, RuntimeException> FILES = new ParsedFiles<>();

  private static List<ConfLine> parse(byte[] data) {
    return data == null ? null : List.copyOf(ConfLine.parse(data));
  }

  /** {@code tds_read_conf_sections}: {@code [global]}, then the server's sections. */
  private boolean readSections(Path path, List<ConfLine> lines, String server) {
    readSection(path, lines, "global");
    if (server.isEmpty()) {
      return false;
    }
    String defaultInstance = login.instance;
    int defaultPort = login.port;
    boolean found = readSection(path, lines, server);
    if (!login.valid()) {
      return false;
    }
    if (!login.instance.isEmpty()
        && login.port != 0
        && defaultInstance.isEmpty()
        && defaultPort == 0) {
      log.log(
          "error: cannot specify both port "
              + login.port
              + " and instance "
              + login.instance
              + ".");
      login.warn(
          null,
          "instance",
          "["
              + server
              + "] sets both port "
              + login.port
              + " and instance "
              + login.instance
              + ": the port is used, the instance is not looked up");
    }
    return found;
  }

  /** {@code tds_read_conf_section}: applies every section named {@code section}, in file order. */
  private boolean readSection(Path path, List<ConfLine> lines, String section) {
    log.log("Looking for section " + section + ".");
    boolean inSection = false;
    boolean found = false;
    String current = null;
    for (ConfLine line : lines) {
      if (line.isHeader()) {
        current = line.sectionName();
        log.log("\tFound section " + current + ".");
        inSection = Ascii.equalsIgnoreCase(section, current);
        if (inSection) {
          log.log("Got a match.");
          if (!found) {
            matchedHeader = new Source.FileLine(path, line.line(), current);
          }
          found = true;
        }
      } else if (inSection) {
        Directives.apply(this, line, new Source.FileLine(path, line.line(), current));
      }
    }
    log.log("\tReached EOF");
    return found;
  }

  /** {@code tds_lookup_host}: the addresses, or null when the name does not resolve. */
  List<InetAddress> lookupHost(String host) {
    try {
      List<InetAddress> addresses = config.hostResolver().resolve(host);
      return addresses == null || addresses.isEmpty() ? null : List.copyOf(addresses);
    } catch (UnknownHostException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }
}
