package io.jctds.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One client's JVM for one scenario: connects (outside the clock), runs the warm-up repetitions,
 * then one measured repetition on the same connection, checks its checksum and prints {@code RESULT
 * <elapsed ns> <server CPU ns>} (the server's CPU time over the measured repetition, from its
 * process's accounting), or {@code ERROR <message>}.
 */
public final class ClientMain {
  private ClientMain() {}

  /** Arguments: client scenario n host port tls(true|false) pem warmups serverPid ceilingPort. */
  public static void main(String[] args) {
    try {
      String client = args[0];
      Scenario s = Scenario.byId(args[1]);
      long n = Long.parseLong(args[2]);
      Target t =
          new Target(
              args[3],
              Integer.parseInt(args[4]),
              Boolean.parseBoolean(args[5]),
              Path.of(args[6]),
              Target.USER,
              Target.PASSWORD);
      int warmups = Integer.parseInt(args[7]);
      ProcessHandle server = ProcessHandle.of(Long.parseLong(args[8])).orElse(null);
      Clients.ceilingPort = Integer.parseInt(args[9]);
      long elapsed;
      long sum;
      Duration cpu0;
      Duration cpu1;
      if (s == Scenario.CONNECT) {
        for (int i = 0; i < warmups; i++) {
          connects(client, n, t);
        }
        cpu0 = cpu(server);
        long t0 = System.nanoTime();
        sum = connects(client, n, t);
        elapsed = System.nanoTime() - t0;
        cpu1 = cpu(server);
      } else {
        try (BenchClient c = Clients.connect(client, t)) {
          for (int i = 0; i < warmups; i++) {
            s.run(c, n);
          }
          cpu0 = cpu(server);
          long t0 = System.nanoTime();
          sum = s.run(c, n);
          elapsed = System.nanoTime() - t0;
          cpu1 = cpu(server);
        }
      }
      if (sum != s.expected(n)) {
        System.out.println("ERROR checksum " + sum + " != " + s.expected(n));
        System.exit(2);
      }
      System.out.println(
          "RESULT " + elapsed + " " + cpu1.minus(cpu0).toNanos() + " " + peakRssKb());
      System.out.flush();
      System.exit(0); // a client library's non-daemon threads (Vert.x's) must not keep us alive
    } catch (Exception | Error e) {
      StringBuilder why = new StringBuilder(e.toString());
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        why.append(" <- ").append(c);
      }
      if (e instanceof java.sql.SQLException sql) {
        for (java.sql.SQLException x = sql.getNextException();
            x != null;
            x = x.getNextException()) {
          why.append(" next: ").append(x);
        }
      }
      System.out.println("ERROR " + why.toString().replace('\n', ' '));
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** N connects, each closed. */
  private static long connects(String client, long n, Target t) throws Exception {
    long count = 0;
    for (long i = 0; i < n; i++) {
      try (BenchClient c = Clients.connect(client, t)) {
        count++;
      }
    }
    return count;
  }

  /** This JVM's peak resident set (VmHWM in /proc/self/status), in kB; 0 where unknown. */
  private static long peakRssKb() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux: unknown
    }
    return 0;
  }

  private static Duration cpu(ProcessHandle p) {
    return p == null ? Duration.ZERO : p.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
