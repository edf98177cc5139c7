package io.jctds.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the server and client JVMs, with this JVM's class path, optionally pinned to a core. */
final class Forks {
  /** A bound against a hung client only: no scenario at full size takes near this long. */
  private static final long CLIENT_LIMIT_MINUTES = 20;

  private Forks() {}

  static Process start(String core, String heap, Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (core != null) {
      cmd.addAll(List.of("taskset", "-c", core));
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xms" + heap, "-Xmx" + heap));
    cmd.addAll(extraOptions(main));
    cmd.addAll(List.of("-cp", classPath(), main.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /**
   * Extra JVM options for profiling, from {@code JCTDS_BENCH_SERVER_OPTS} (the server JVM) or
   * {@code JCTDS_BENCH_CLIENT_OPTS} (every client JVM), split at spaces; {@code %n} becomes a
   * number unique to each JVM of the run (e.g. {@code
   * -XX:StartFlightRecording=filename=/tmp/c-%n.jfr}). The report's header names them.
   */
  static List<String> extraOptions(Class<?> main) {
    String v = System.getenv(main == ServerMain.class ? SERVER_OPTS : CLIENT_OPTS);
    if (v == null || v.isBlank()) {
      return List.of();
    }
    String n = Integer.toString(FORKED.incrementAndGet());
    return List.of(v.strip().replace("%n", n).split("\\s+"));
  }

  private static final java.util.concurrent.atomic.AtomicInteger FORKED =
      new java.util.concurrent.atomic.AtomicInteger();

  static final String SERVER_OPTS = "JCTDS_BENCH_SERVER_OPTS";
  static final String CLIENT_OPTS = "JCTDS_BENCH_CLIENT_OPTS";

  private static String classPath() {
    List<String> path = new ArrayList<>();
    for (String key : new String[] {"java.class.path", "jdk.module.path"}) {
      String v = System.getProperty(key);
      if (v != null && !v.isEmpty()) {
        path.add(v);
      }
    }
    return String.join(File.pathSeparator, path);
  }

  /**
   * Runs one client JVM for {@code scenarios} (each with its size from the options, the heap and
   * warm-ups of the first); returns {elapsed ns, server CPU ns, the client's peak RSS in kB} per
   * scenario id that succeeded (a failure is logged with why).
   */
  static Map<String, long[]> client(
      String core,
      Harness.Options o,
      String client,
      List<Scenario> scenarios,
      int port,
      boolean tls,
      Path pem,
      long serverPid)
      throws IOException, InterruptedException {
    StringBuilder spec = new StringBuilder();
    for (Scenario s : scenarios) {
      spec.append(spec.length() == 0 ? "" : ",").append(s.id).append('=').append(o.size(s));
    }
    Scenario first = scenarios.get(0);
    Process p =
        start(
            core,
            first.heap(o.heap),
            ClientMain.class,
            client,
            spec.toString(),
            "127.0.0.1",
            Integer.toString(port),
            Boolean.toString(tls),
            pem.toString(),
            Integer.toString(first.warmups(o.warmups)),
            Long.toString(serverPid),
            Integer.toString(o.ceilingPort),
            Long.toString(o.warmupMillis));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(CLIENT_LIMIT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    Map<String, long[]> results = new HashMap<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("RESULT ")) {
        String[] f = line.split(" ");
        results.put(
            f[1],
            new long[] {
              Long.parseLong(f[2]),
              Long.parseLong(f[3]),
              Long.parseLong(f[4]),
              Long.parseLong(f[5]),
              Long.parseLong(f[6])
            });
      }
    }
    if (results.size() < scenarios.size()) {
      o.log.println(
          "ERROR "
              + client
              + " "
              + spec
              + (tls ? " tls" : " off")
              + ": "
              + (out.isBlank() ? "exit " + p.exitValue() : out.strip()));
    }
    return results;
  }
}
