package io.jctds.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    cmd.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-cp", classPath(), main.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

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
   * Runs one client JVM; returns {elapsed ns, server CPU ns, the client JVM's peak RSS in kB}, or
   * null (after logging why) when it failed.
   */
  static long[] client(
      String core,
      Harness.Options o,
      String client,
      Scenario s,
      long n,
      int port,
      boolean tls,
      Path pem,
      long serverPid)
      throws IOException, InterruptedException {
    Process p =
        start(
            core,
            s.heap(o.heap),
            ClientMain.class,
            client,
            s.id,
            Long.toString(n),
            "127.0.0.1",
            Integer.toString(port),
            Boolean.toString(tls),
            pem.toString(),
            Integer.toString(s.warmups(o.warmups)),
            Long.toString(serverPid),
            Integer.toString(o.ceilingPort));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(CLIENT_LIMIT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    for (String line : out.split("\n")) {
      if (line.startsWith("RESULT ")) {
        String[] f = line.split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
      }
    }
    o.log.println(
        "ERROR "
            + client
            + " "
            + s.id
            + (tls ? " tls" : " off")
            + ": "
            + (out.isBlank() ? "exit " + p.exitValue() : out.strip()));
    return null;
  }
}
