package io.jctds.server.interop;

import io.jctds.testkit.FreeTdsEnvironment;
import io.jctds.testkit.Peers;
import io.jctds.testkit.Precondition;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;

/**
 * Debian's FreeTDS 1.3.17 ({@code tsql}, {@code bsqldb}) as a client of the embedded server: writes
 * a freetds.conf per case, points {@code FREETDSCONF} at it (FreeTDS's own variables are removed
 * from the environment) and runs the tool with the SQL in a file, under a hard timeout.
 */
final class FreeTds {

  /** FreeTDS's "connection failed" (TLS failures, refused encryption, closed connections). */
  static final int CONNECTION_FAILED = 20002;

  private static final String INSTALL = "apt-get install freetds-bin (Debian's FreeTDS 1.3.17)";

  /** tsql and bsqldb on the PATH: a test class's {@link Precondition}. */
  static final Precondition INSTALLED =
      Precondition.executable("tsql", INSTALL).and(Precondition.executable("bsqldb", INSTALL));

  private static final Pattern MESSAGE = Pattern.compile("(?:Msg|Error) (\\d+)");
  private static final String HEADER = "encrypt_option\tprotocol_type\tauth_scheme";

  private final Path dir;
  private final AtomicInteger files = new AtomicInteger();

  private FreeTds(Path dir) {
    this.dir = dir;
  }

  /**
   * FreeTDS with its files in {@code dir} (the class checks {@link #INSTALLED}); fails when a
   * per-user freetds.conf would be read besides the generated one.
   */
  static FreeTds in(Path dir) {
    for (Path home : homes()) {
      for (Path conf :
          List.of(home.resolve(".freetds.conf"), home.resolve(".config/freetds.conf"))) {
        if (Files.exists(conf)) {
          Assertions.fail(
              conf
                  + " exists: FreeTDS would read it besides the test's freetds.conf and its"
                  + " [global] could change the result. Move it away and rerun.");
        }
      }
    }
    return new FreeTds(dir);
  }

  private static Set<Path> homes() {
    Set<Path> homes = new java.util.LinkedHashSet<>();
    homes.add(Path.of(System.getProperty("user.home")));
    Optional.ofNullable(System.getenv("HOME")).map(Path::of).ifPresent(homes::add);
    return homes;
  }

  /**
   * A server section.
   *
   * @param name the section name given to {@code -S}
   * @param directives freetds.conf directives in order (host and port included)
   */
  record Section(String name, Map<String, String> directives) {
    /** A section for {@code host:port} with {@code keyValues} = key, value, key, value, ... */
    static Section of(String name, String host, int port, String... keyValues) {
      if (keyValues.length % 2 != 0) {
        throw new IllegalArgumentException("key without value in " + Arrays.toString(keyValues));
      }
      Map<String, String> d = new LinkedHashMap<>();
      d.put("host", host);
      d.put("port", Integer.toString(port));
      for (int i = 0; i < keyValues.length; i += 2) {
        d.put(keyValues[i], keyValues[i + 1]);
      }
      return new Section(name, d);
    }

    String text() {
      StringBuilder s = new StringBuilder("[").append(name).append("]\n");
      directives.forEach((k, v) -> s.append('\t').append(k).append(" = ").append(v).append('\n'));
      return s.toString();
    }
  }

  /**
   * One run of a FreeTDS tool.
   *
   * @param process what the process did
   * @param conf the freetds.conf it read
   * @param row the verification query's answer, if the tool printed one
   * @param dumpFile the TDSDUMP log FreeTDS wrote (it says why a connection failed)
   */
  record Run(ProcessResult process, String conf, Optional<ConnectionRow> row, Path dumpFile) {
    /** The server and library message numbers printed ({@code Msg N}, {@code Error N}). */
    Set<Integer> messages() {
      Set<Integer> numbers = new TreeSet<>();
      Matcher m = MESSAGE.matcher(process.stdout() + "\n" + process.stderr());
      while (m.find()) {
        numbers.add(Integer.parseInt(m.group(1)));
      }
      return numbers;
    }

    /** The TDSDUMP log (ISO-8859-1: it holds raw packet bytes too), empty if none was written. */
    String dump() {
      try {
        return Files.exists(dumpFile)
            ? Files.readString(dumpFile, StandardCharsets.ISO_8859_1)
            : "";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The transcript plus the configuration, for failure messages. */
    String describe() {
      return process.transcript()
          + "\n--- freetds.conf ---\n"
          + conf
          + "\n--- TDSDUMP (login, net and tls lines) ---\n"
          + dump()
              .lines()
              .filter(
                  l -> l.startsWith("login.c") || l.startsWith("net.c") || l.startsWith("tls.c"))
              .collect(Collectors.joining("\n"));
    }
  }

  /** Runs {@code tsql -S section -U sa -P password -o q} with {@code sql} on standard input. */
  Run tsql(Section section, String password, String sql) {
    return tsql(section.name(), section, Interop.USER, password, sql);
  }

  /** Runs {@code tsql -S section -U user -P password -o q} with {@code sql} on standard input. */
  Run tsqlAs(Section section, String user, String password, String sql) {
    return tsql(section.name(), section, user, password, sql);
  }

  /**
   * Runs {@code tsql -S server -U user} as {@link #tsql(Section, String, String)}, with {@code
   * section} in the freetds.conf (e.g. {@code server} = {@code host\INSTANCE}, which names no
   * section).
   */
  Run tsql(String server, Section section, String password, String sql) {
    return tsql(server, section, Interop.USER, password, sql);
  }

  private Run tsql(String server, Section section, String user, String password, String sql) {
    Path conf = writeConf(section);
    Path dump = dumpFile(conf);
    Path input = writeSql(sql + "\ngo\nexit\n");
    // tsql reads SQL from standard input only; the runner gives children /dev/null, so a shell
    // redirects the file and exec's tsql (the timeout then kills tsql itself)
    ProcessResult r =
        run(
            conf,
            dump,
            "sh",
            "-c",
            "exec \"$0\" -S \"$1\" -U \"$2\" -P \"$3\" -o q < \"$4\"",
            Peers.require("tsql", INSTALL).toString(),
            server,
            user,
            password,
            input.toString());
    return new Run(r, read(conf), tsqlRow(r.stdout()), dump);
  }

  /** Runs {@code bsqldb -S section -U sa -P password -i file} with {@code sql} in the file. */
  Run bsqldb(Section section, String password, String sql) {
    return bsqldb(section, password, sql, new String[0]);
  }

  /** Runs bsqldb as {@link #bsqldb(Section, String, String)} with {@code options} added. */
  Run bsqldb(Section section, String password, String sql, String... options) {
    Path conf = writeConf(section);
    Path dump = dumpFile(conf);
    Path input = writeSql(sql + "\ngo\n");
    List<String> command =
        new ArrayList<>(
            List.of(
                Peers.require("bsqldb", INSTALL).toString(),
                "-S",
                section.name(),
                "-U",
                Interop.USER,
                "-P",
                password,
                "-i",
                input.toString()));
    command.addAll(List.of(options));
    ProcessResult r = run(conf, dump, command.toArray(String[]::new));
    return new Run(r, read(conf), bsqldbRow(r.stdout()), dump);
  }

  /**
   * Runs {@code freebcp what direction file -S section -U sa -P password} with {@code options}
   * added (e.g. {@code -c}, {@code -t}); {@code file} is relative to this FreeTDS's directory.
   */
  Run freebcp(
      Section section,
      String password,
      String what,
      String direction,
      String file,
      String... options) {
    Path conf = writeConf(section);
    Path dump = dumpFile(conf);
    List<String> command =
        new ArrayList<>(
            List.of(
                Peers.require("freebcp", INSTALL).toString(),
                what,
                direction,
                dir.resolve(file).toString(),
                "-S",
                section.name(),
                "-U",
                Interop.USER,
                "-P",
                password));
    command.addAll(List.of(options));
    ProcessResult r = run(conf, dump, command.toArray(String[]::new));
    return new Run(r, read(conf), Optional.empty(), dump);
  }

  private ProcessResult run(Path conf, Path dump, String... command) {
    return ProcessRunner.of(command)
        .unsetEnv(FreeTdsEnvironment.VARIABLES.toArray(String[]::new))
        .env("FREETDSCONF", conf.toString())
        .env("TDSDUMP", dump.toString())
        .env("LC_ALL", "C.UTF-8")
        .directory(dir)
        .timeout(Interop.PEER_TIMEOUT)
        .run();
  }

  /** tsql -o q prints the header line, then tab-separated values. */
  private static Optional<ConnectionRow> tsqlRow(String stdout) {
    List<String> lines = stdout.lines().map(String::strip).toList();
    int header = lines.indexOf(HEADER);
    if (header < 0 || header + 1 >= lines.size()) {
      return Optional.empty();
    }
    return Optional.of(ConnectionRow.of(List.of(lines.get(header + 1).split("\t"))));
  }

  /** bsqldb prints headers on stderr and each row, blank-padded, on stdout. */
  private static Optional<ConnectionRow> bsqldbRow(String stdout) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : stdout.lines().toList()) {
      if (!line.isBlank()) {
        rows.add(List.of(line.strip().split("\\s+")));
      }
    }
    return rows.size() == 1 ? Optional.of(ConnectionRow.of(rows.get(0))) : Optional.empty();
  }

  private Path writeConf(Section section) {
    Path file = dir.resolve("freetds-" + files.incrementAndGet() + ".conf");
    // an empty [global]: nothing but the section decides (FREETDSCONF holds the section, so
    // FreeTDS reads no other file)
    return write(file, "[global]\n" + section.text());
  }

  private static Path dumpFile(Path conf) {
    return conf.resolveSibling(conf.getFileName().toString().replace(".conf", ".dump.log"));
  }

  private Path writeSql(String sql) {
    return write(dir.resolve("query-" + files.incrementAndGet() + ".sql"), sql);
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
