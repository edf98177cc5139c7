package io.jctds.cli.diff;

import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that make the differential test meaningful, each failing fast with what to do: no stray
 * per-user freetds.conf, the same system file on both sides, and nothing listening on the ports the
 * cases point at.
 */
final class DiffPreconditions {
  /** The system files jctds tries, in order (FREETDS.md 3.1, brief A). */
  static final List<Path> JCTDS_SYSTEM_FILES =
      List.of(
          Path.of("/etc/freetds/freetds.conf"),
          Path.of("/usr/local/etc/freetds.conf"),
          Path.of("/opt/homebrew/etc/freetds.conf"));

  /** Every address:port a case may make tsql connect to. */
  static final List<InetSocketAddress> CASE_ENDPOINTS = endpoints();

  private DiffPreconditions() {}

  private static List<InetSocketAddress> endpoints() {
    List<InetSocketAddress> list = new ArrayList<>();
    for (int port = 65530; port <= 65534; port++) {
      list.add(new InetSocketAddress("127.0.0.1", port));
    }
    list.add(new InetSocketAddress("127.0.0.9", 1433));
    return list;
  }

  /**
   * The home directories FreeTDS and jctds use: the passwd entry's (FreeTDS, via getpwuid) and
   * Java's {@code user.home}.
   */
  static List<Path> homes() {
    List<Path> homes = new ArrayList<>();
    passwdHome().ifPresent(homes::add);
    Path javaHome = Path.of(System.getProperty("user.home"));
    if (!homes.contains(javaHome)) {
      homes.add(javaHome);
    }
    return homes;
  }

  private static Optional<Path> passwdHome() {
    try {
      String uid =
          ProcessRunner.of("id", "-u").timeout(Duration.ofSeconds(10)).run().stdout().trim();
      ProcessResult r =
          ProcessRunner.of("getent", "passwd", uid).timeout(Duration.ofSeconds(10)).run();
      String[] fields = r.stdout().trim().split(":");
      return r.exitCode() == 0 && fields.length >= 6
          ? Optional.of(Path.of(fields[5]))
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Per-user files that would leak into every resolution, or an empty list. */
  static List<Path> strayUserFiles() {
    List<Path> found = new ArrayList<>();
    for (Path home : homes()) {
      for (Path f : List.of(home.resolve(".freetds.conf"), home.resolve(".config/freetds.conf"))) {
        if (Files.exists(f)) {
          found.add(f);
        }
      }
    }
    return found;
  }

  /**
   * Null if tsql's system file (its sysconfdir, from {@code tsql -C}) is the one jctds reads, else
   * why not.
   */
  static String systemFileMismatch(Map<String, String> tsqlCompileTimeSettings) {
    String dir = tsqlCompileTimeSettings.get("freetds.conf directory");
    if (dir == null) {
      return "tsql -C did not print 'freetds.conf directory': " + tsqlCompileTimeSettings;
    }
    Path freetds = Path.of(dir, "freetds.conf");
    Optional<Path> jctds = JCTDS_SYSTEM_FILES.stream().filter(Files::exists).findFirst();
    boolean same = jctds.map(freetds::equals).orElse(!Files.exists(freetds));
    return same
        ? null
        : "FreeTDS reads the system file "
            + freetds
            + (Files.exists(freetds) ? "" : " (absent)")
            + " but jctds would read "
            + jctds.map(Path::toString).orElse("none")
            + "; the two sides would layer different [global] sections";
  }

  /** The case endpoints where something accepts connections. */
  static List<InetSocketAddress> openEndpoints() {
    List<InetSocketAddress> open = new ArrayList<>();
    for (InetSocketAddress a : CASE_ENDPOINTS) {
      try (Socket s = new Socket()) {
        s.connect(a, 1000);
        open.add(a);
      } catch (IOException expectedRefused) {
        // refused or unreachable: what the cases need
      }
    }
    return open;
  }
}
