package io.jctds.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * What FreeTDS does when no freetds.conf defines the server ({@code tds_read_interfaces}): the
 * interfaces files (the explicit file, {@code ~/.interfaces}, {@code $SYBASE/interfaces} or {@code
 * /etc/freetds/interfaces}), then the name itself as a host with port {@code [global]}'s, 1433 or
 * {@code $TDSPORT}.
 */
final class Fallback {
  /** FreeTDS's {@code TDS_DEF_PORT} for builds whose default TDS version is not 5.0. */
  static final int DEFAULT_PORT = 1433;

  private final Resolution r;
  private final Login l;

  Fallback(Resolution r) {
    this.r = r;
    this.l = r.login;
  }

  /**
   * @return whether an interfaces file defined the server (the host fallback, applied otherwise,
   *     does not count)
   */
  boolean interfaces(String name) {
    String server = name;
    if (server.isEmpty()) {
      String query = r.env.get("TDSQUERY");
      server = query == null || query.isEmpty() ? "SYBASE" : query;
      r.log.log("Setting server to " + server + " from $TDSQUERY.");
    }
    r.log.log("Looking for server " + server + "....");
    InterfacesFile.Entry entry = null;
    Path explicit = r.config.file();
    if (explicit != null) {
      entry = search(explicit, server);
    }
    Path home = r.config.userHome();
    if (entry == null && home != null) {
      entry = search(home.resolve(".interfaces"), server);
    }
    if (entry == null) {
      String sybase = r.env.get("SYBASE");
      Path directory =
          sybase == null || sybase.isEmpty()
              ? r.config.interfacesDirectory()
              : ConfigResolver.path(sybase);
      if (directory != null) {
        entry = search(directory.resolve("interfaces"), server);
      }
    }
    if (entry != null) {
      apply(entry, server);
      return true;
    }
    nameAsHost(server);
    return false;
  }

  private InterfacesFile.Entry search(Path file, String server) {
    byte[] data = ConfigResolver.read(file);
    if (data == null) {
      r.log.log("Couldn't open " + file + ".");
      return null;
    }
    r.log.log("Interfaces file " + file + " opened.");
    return InterfacesFile.search(file, data, server);
  }

  private void apply(InterfacesFile.Entry e, String server) {
    Source.FileLine at = new Source.FileLine(e.file(), e.line(), server);
    l.configFile = e.file();
    l.from(Login.CONFIG_FILE, at);
    List<InetAddress> addresses = r.lookupHost(e.host());
    if (addresses != null) {
      l.addresses = addresses;
      l.serverHostName = e.host();
      l.from(Login.HOST, at);
    } else {
      r.log.log("Name resolution failed for IP '" + e.host() + "'.");
      l.warn(
          at, "host", "interfaces entry " + server + ": host '" + e.host() + "' does not resolve");
    }
    if (!e.port().isEmpty()) {
      l.port = SystemDefaults.lookupPort(e.port(), r.config.servicesFile());
      l.from(Login.PORT, at);
    }
    if (!e.version().isEmpty()) {
      var version = TdsVersion.parse(e.version());
      if (version.isPresent()) {
        l.tdsVersion = version.get();
        l.from(Login.TDS_VERSION, at);
      } else {
        r.log.log("error: no such version: " + e.version());
      }
    }
  }

  private void nameAsHost(String server) {
    int port;
    Source portSource;
    if (l.port == 0) {
      port = DEFAULT_PORT;
      portSource = new Source.Derived("the default port for an unconfigured name", Source.DEFAULT);
    } else {
      port = l.port;
      portSource = l.source(Login.PORT);
    }
    String envPort = r.env.get("TDSPORT");
    if (envPort != null) {
      port = SystemDefaults.lookupPort(envPort, r.config.servicesFile());
      portSource = new Source.Environment("TDSPORT");
      r.log.log("Setting 'ip_port' to " + envPort + " from $TDSPORT.");
    } else {
      r.log.log("Setting 'ip_port' to " + port + " as a guess.");
    }
    List<InetAddress> addresses = r.lookupHost(server);
    if (addresses != null) {
      l.addresses = addresses;
      l.serverHostName = server;
      l.from(Login.HOST, new Source.Derived("the server name is a host name", Source.APPLICATION));
    }
    if (port != 0) {
      l.port = port;
      l.from(Login.PORT, portSource);
    }
  }
}
