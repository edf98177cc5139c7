package io.jctds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario for every client against one embedded server in its own JVM and prints a
 * Markdown table per scenario and encryption: median and min–max of the repetitions, throughput,
 * each client's time as a ratio to jctds's, and the server's CPU share. Each repetition of each
 * client is a fresh JVM (warm-ups, then one measured run); clients take turns in rotating order
 * within each round. With two or more cores the server is pinned to core 0 and the clients to core
 * 1 (taskset). See BENCHMARKS.md for the command and recorded results.
 */
public final class Harness {
  private Harness() {}

  /**
   * Options: {@code --smoke} (tiny sizes, 1 round, no warm-up), {@code --rounds N} (default 5),
   * {@code --warmups N} (default 2), {@code --warmup-seconds S} (default 2), {@code --scenarios
   * a,b}, {@code --clients a,b}, {@code --encryption off|tls|both}, {@code --heap 512m}, {@code
   * --no-taskset}, {@code --out FILE}, {@code --size scenario=N} (repeatable).
   */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    StringBuilder report = new StringBuilder();
    int failures = run(o, report);
    System.out.print(report);
    if (o.out != null) {
      Files.writeString(o.out, report, StandardCharsets.UTF_8);
    }
    if (failures > 0) {
      System.err.println(failures + " client runs failed (see ERROR lines above)");
      System.exit(1);
    }
  }

  /** Runs the benchmark; appends the report; returns the number of failed client runs. */
  static int run(Options o, StringBuilder report) throws Exception {
    Path pem = Files.createTempFile("jctds-bench", ".pem");
    boolean pin = o.taskset && Runtime.getRuntime().availableProcessors() >= 2 && tasksetExists();
    Process server = Forks.start(pin ? "0" : null, o.heap, ServerMain.class, pem.toString());
    int failures = 0;
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      int port = Integer.parseInt(expect(out, "PORT "));
      int ceiling = Integer.parseInt(expect(out, "CEILING "));
      expect(out, "PEM ");
      o.ceilingPort = ceiling;
      header(report, o, pin);
      Fork fork = new Fork(o, port, pem, server.pid(), pin);
      if (o.smoke) {
        for (boolean tls : o.encryptions) {
          failures += smoke(fork, tls, report);
        }
      } else {
        for (Scenario s : o.scenarios) {
          for (boolean tls : o.encryptions) {
            failures += scenario(fork, s, tls, report);
            if (o.out != null) { // a long run keeps what it measured if it is stopped
              Files.writeString(o.out, report, StandardCharsets.UTF_8);
            }
          }
        }
      }
    } finally {
      server.getOutputStream().close();
      server.waitFor();
      Files.deleteIfExists(pem);
    }
    return failures;
  }

  private static String expect(BufferedReader out, String prefix) throws IOException {
    String line = out.readLine();
    while (line != null && line.startsWith("[")) { // the JVM's own log (a profiler's start-up)
      line = out.readLine();
    }
    if (line == null || !line.startsWith(prefix)) {
      throw new IOException("the server JVM said " + line + " instead of " + prefix + "...");
    }
    return line.substring(prefix.length()).trim();
  }

  private static void header(StringBuilder r, Options o, boolean pin) {
    r.append("# jctds-bench ")
        .append(Instant.now())
        .append("\n\n")
        .append("JVM ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.version"))
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(pin ? "server on core 0, clients on core 1 (taskset)" : "no pinning")
        .append(", heap ")
        .append(o.heap)
        .append(" per JVM, ")
        .append(o.rounds)
        .append(" rounds, ")
        .append(o.warmups)
        .append(" warm-ups per JVM and more until ")
        .append(o.warmupMillis / 1000.0)
        .append(" s of warm-up")
        .append(o.smoke ? ", SMOKE sizes (not a measurement)" : "")
        .append(profiling(Forks.SERVER_OPTS, ServerMain.class))
        .append(profiling(Forks.CLIENT_OPTS, ClientMain.class))
        .append("\n\n");
  }

  private static String profiling(String variable, Class<?> main) {
    List<String> extra = Forks.extraOptions(main);
    return extra.isEmpty() ? "" : ", " + variable + "=" + String.join(" ", extra);
  }

  /** What every client JVM of a run shares. */
  private record Fork(Options o, int port, Path pem, long serverPid, boolean pin) {
    Map<String, long[]> client(String client, List<Scenario> scenarios, boolean tls)
        throws IOException, InterruptedException {
      return Forks.client(pin ? "1" : null, o, client, scenarios, port, tls, pem, serverPid);
    }
  }

  private static List<String> clients(Options o, Scenario s) {
    List<String> clients = new ArrayList<>();
    for (String c : o.clients) {
      if (Clients.runs(c, s)) {
        clients.add(c);
      }
    }
    return clients;
  }

  private static int scenario(Fork f, Scenario s, boolean tls, StringBuilder report)
      throws Exception {
    List<String> clients = clients(f.o, s);
    Map<String, List<long[]>> results = new LinkedHashMap<>();
    clients.forEach(c -> results.put(c, new ArrayList<>()));
    int failures = 0;
    for (int round = 0; round < f.o.rounds; round++) {
      for (int k = 0; k < clients.size(); k++) {
        String c = clients.get((k + round) % clients.size()); // rotating order
        long[] r = f.client(c, List.of(s), tls).get(s.id);
        if (r == null) {
          failures++;
        } else {
          results.get(c).add(r);
        }
      }
    }
    Table.append(report, s, f.o.size(s), tls, results);
    return failures;
  }

  /**
   * A smoke run: one JVM per client for all the scenarios it runs that share a heap (a JVM per
   * client and scenario took most of CI's minute); tables as in a measured run.
   */
  private static int smoke(Fork f, boolean tls, StringBuilder report) throws Exception {
    Map<Scenario, Map<String, List<long[]>>> results = new LinkedHashMap<>();
    for (Scenario s : f.o.scenarios) {
      results.put(s, new LinkedHashMap<>());
    }
    int failures = 0;
    for (String c : f.o.clients) {
      Map<String, List<Scenario>> byHeap = new LinkedHashMap<>();
      for (Scenario s : f.o.scenarios) {
        if (Clients.runs(c, s)) {
          byHeap.computeIfAbsent(s.heap(f.o.heap), h -> new ArrayList<>()).add(s);
        }
      }
      for (List<Scenario> group : byHeap.values()) {
        Map<String, long[]> r = f.client(c, group, tls);
        for (Scenario s : group) {
          List<long[]> runs = results.get(s).computeIfAbsent(c, k -> new ArrayList<>());
          if (r.containsKey(s.id)) {
            runs.add(r.get(s.id));
          } else {
            failures++;
          }
        }
      }
    }
    for (Map.Entry<Scenario, Map<String, List<long[]>>> e : results.entrySet()) {
      Table.append(report, e.getKey(), f.o.size(e.getKey()), tls, e.getValue());
    }
    return failures;
  }

  private static boolean tasksetExists() {
    return Files.isExecutable(Path.of("/usr/bin/taskset"));
  }

  /** Command-line options. */
  static final class Options {
    boolean smoke;
    int rounds = 5;
    int warmups = 2;
    long warmupMillis = 2_000;
    List<Scenario> scenarios = Arrays.asList(Scenario.values());
    List<String> clients = Clients.ALL;
    List<Boolean> encryptions = List.of(false, true);
    String heap = "512m";
    boolean taskset = true;
    Path out;
    Map<Scenario, Long> sizes = new java.util.EnumMap<>(Scenario.class);
    int ceilingPort;
    PrintStream log = System.err;

    /** The size a scenario runs with: --size, else smoke or full. */
    long size(Scenario s) {
      return sizes.getOrDefault(s, smoke ? s.smokeSize : s.fullSize);
    }

    static Options parse(String... args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--smoke" -> {
            o.smoke = true;
            o.rounds = 1;
            o.warmups = 0;
            o.warmupMillis = 0;
          }
          case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
          case "--warmups" -> o.warmups = Integer.parseInt(args[++i]);
          case "--warmup-seconds" ->
              o.warmupMillis = Math.round(Double.parseDouble(args[++i]) * 1000);
          case "--scenarios" ->
              o.scenarios = Arrays.stream(args[++i].split(",")).map(Scenario::byId).toList();
          case "--clients" -> o.clients = List.of(args[++i].split(","));
          case "--encryption" ->
              o.encryptions =
                  switch (args[++i]) {
                    case "off" -> List.of(false);
                    case "tls" -> List.of(true);
                    case "both" -> List.of(false, true);
                    default -> throw new IllegalArgumentException("--encryption off|tls|both");
                  };
          case "--heap" -> o.heap = args[++i];
          case "--no-taskset" -> o.taskset = false;
          case "--out" -> o.out = Path.of(args[++i]);
          case "--size" -> {
            String[] kv = args[++i].split("=", 2);
            o.sizes.put(Scenario.byId(kv[0]), Long.parseLong(kv[1].replace("_", "")));
          }
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      for (String c : o.clients) {
        if (!Clients.ALL.contains(c)) {
          throw new IllegalArgumentException("unknown client " + c + "; known: " + Clients.ALL);
        }
      }
      return o;
    }
  }
}
