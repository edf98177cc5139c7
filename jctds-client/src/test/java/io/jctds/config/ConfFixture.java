package io.jctds.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An isolated configuration world for tests: a temp home, explicit environment, explicit system
 * files and a resolver that knows IP literals and a few test names only (no DNS), so the machine's
 * own freetds.conf never leaks in.
 */
final class ConfFixture {
  final Path dir;
  final Path home;
  final Path etc;
  final Map<String, String> env = new HashMap<>();
  final Map<String, List<InetAddress>> hosts = new HashMap<>();
  final List<Path> systemFiles = new ArrayList<>();
  final StringWriter consoleOut = new StringWriter();
  final StringWriter consoleErr = new StringWriter();
  Path explicitFile;

  /** This fixture's own TDSDUMPCONFIG append flag (FreeTDS's is process-wide). */
  final DumpAppendMode appendMode = new DumpAppendMode();

  ConfFixture(Path dir) {
    this.dir = dir;
    this.home = dir.resolve("home");
    this.etc = dir.resolve("etc");
    try {
      Files.createDirectories(home);
      Files.createDirectories(etc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    systemFiles.add(etc.resolve("freetds.conf"));
    host("db.example.test", "192.0.2.10");
    host("localhost", "127.0.0.1");
  }

  /** Makes {@code name} resolve to {@code addresses} (IP literals). */
  ConfFixture host(String name, String... addresses) {
    List<InetAddress> list = new ArrayList<>();
    for (String a : addresses) {
      list.add(literal(a));
    }
    hosts.put(name, list);
    return this;
  }

  /** Writes {@code text} to {@code name} under the fixture directory and returns its path. */
  Path file(String name, String text) {
    Path p = dir.resolve(name);
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** Writes {@code text} as the $FREETDSCONF file. */
  Path freetdsconf(String text) {
    Path p = file("freetdsconf.conf", text);
    env.put("FREETDSCONF", p.toString());
    return p;
  }

  /** Writes {@code text} as the system file (the first system candidate). */
  Path system(String text) {
    return file("etc/freetds.conf", text);
  }

  ConfigResolver resolver() {
    return ConfigResolver.builder()
        .file(explicitFile)
        .environment(env)
        .userHome(home)
        .systemFiles(systemFiles)
        .hostResolver(this::lookup)
        .interfacesDirectory(dir.resolve("interfaces-dir"))
        .servicesFile(file("services", "ms-sql-s\t1433/tcp\t# Microsoft SQL Server\n"))
        .console(new PrintWriter(consoleOut, true), new PrintWriter(consoleErr, true))
        .windows(false)
        .appendMode(appendMode)
        .build();
  }

  ServerEntry resolve(String name) {
    return resolver().resolve(name);
  }

  ServerEntry resolve(String name, ApplicationSettings app) {
    return resolver().resolve(name, app);
  }

  private List<InetAddress> lookup(String host) throws UnknownHostException {
    List<InetAddress> known = hosts.get(host);
    if (known != null) {
      return known;
    }
    if (!host.isEmpty() && host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      return List.of(literal(host));
    }
    throw new UnknownHostException(host);
  }

  private static InetAddress literal(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
  }
}
