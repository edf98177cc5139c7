package io.jctds.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One client's JVM for one or more scenarios (several only in smoke runs): per scenario, connects
 * (outside the clock), runs the warm-up repetitions, then one measured repetition on the same
 * connection, checks its checksum and prints {@code RESULT <scenario> <elapsed ns> <server CPU ns>
 * <peak RSS kB>} (the server's CPU time over the measured repetition, from its process's
 * accounting; the client's peak RSS: this JVM's, or the client process's for a process client), or
 * {@code ERROR <message>} and exits.
 */
public final class ClientMain {
  /** A process client's peak RSS over the connect scenario's connects. */
  private static long connectRssKb;

  /** Warm-up goes on, after the minimum count, at least until this much time has passed. */
  private static long warmupNanos;

  private ClientMain() {}

  /**
   * Arguments: client scenario=n[,scenario=n...] host port tls(true|false) pem warmups serverPid
   * ceilingPort warmupMillis.
   */
  public static void main(String[] args) {
    try {
      String client = args[0];
      Target t =
          new Target(
              args[2],
              Integer.parseInt(args[3]),
              Boolean.parseBoolean(args[4]),
              Path.of(args[5]),
              Target.USER,
              Target.PASSWORD);
      int warmups = Integer.parseInt(args[6]);
      ProcessHandle server = ProcessHandle.of(Long.parseLong(args[7])).orElse(null);
      Clients.ceilingPort = Integer.parseInt(args[8]);
      warmupNanos = Long.parseLong(args[9]) * 1_000_000L;
      for (String spec : args[1].split(",")) {
        String[] kv = spec.split("=", 2);
        measure(client, Scenario.byId(kv[0]), Long.parseLong(kv[1]), t, warmups, server);
      }
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

  private static void measure(
      String client, Scenario s, long n, Target t, int warmups, ProcessHandle server)
      throws Exception {
    long elapsed;
    long sum;
    long rss = 0;
    Warmup warm;
    long self0;
    long self1;
    Duration cpu0;
    Duration cpu1;
    if (s == Scenario.CONNECT) {
      for (Warmup w = warm = new Warmup(warmups, warmupNanos); w.more(); ) {
        long t0 = System.nanoTime();
        connects(client, n, t);
        w.took(System.nanoTime() - t0);
      }
      cpu0 = cpu(server);
      self0 = selfCpuNanos();
      long t0 = System.nanoTime();
      sum = connects(client, n, t);
      elapsed = System.nanoTime() - t0;
      self1 = selfCpuNanos();
      cpu1 = cpu(server);
      rss = connectRssKb;
    } else {
      try (BenchClient c = Clients.connect(client, t)) {
        for (Warmup w = warm = new Warmup(warmups, warmupNanos); w.more(); ) {
          long t0 = System.nanoTime();
          s.run(c, n);
          w.took(System.nanoTime() - t0 - c.takeExcludedNanos());
        }
        c.takeExcludedNanos();
        cpu0 = cpu(server);
        self0 = selfCpuNanos();
        long t0 = System.nanoTime();
        sum = s.run(c, n);
        elapsed = System.nanoTime() - t0 - c.takeExcludedNanos();
        self1 = selfCpuNanos();
        cpu1 = cpu(server);
        rss = c.peakRssKb();
      }
    }
    if (sum != s.expected(n)) {
      throw new IllegalStateException(s.id + ": checksum " + sum + " != " + s.expected(n));
    }
    System.out.println(
        "RESULT "
            + s.id
            + " "
            + elapsed
            + " "
            + cpu1.minus(cpu0).toNanos()
            + " "
            + (rss != 0 ? Math.max(rss, 0) : peakRssKb())
            + " "
            + (rss != 0 || self0 < 0 ? -1 : self1 - self0)
            + " "
            + warm.repetitions());
  }

  /** N connects, each closed. */
  private static long connects(String client, long n, Target t) throws Exception {
    long count = 0;
    for (long i = 0; i < n; i++) {
      try (BenchClient c = Clients.connect(client, t)) {
        count++;
        long rss = c.peakRssKb();
        connectRssKb = rss < 0 || connectRssKb < 0 ? -1 : Math.max(connectRssKb, rss);
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

  /**
   * This JVM's CPU time in ns (every thread; CLOCK_PROCESS_CPUTIME_ID on Linux, so finer than the
   * clock ticks of /proc), -1 where the JVM cannot tell.
   */
  private static long selfCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static Duration cpu(ProcessHandle p) {
    return p == null ? Duration.ZERO : p.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
