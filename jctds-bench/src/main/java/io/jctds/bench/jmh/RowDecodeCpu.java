package io.jctds.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link RowDecodeBench} measured by the thread's CPU time instead of wall time, for a machine too
 * loaded for JMH's scores (NOTES-jmh.md): {@code java -cp jctds-bench.jar
 * io.jctds.bench.jmh.RowDecodeCpu decode|decodeReadAll SHAPE...}. Per shape: 2.5 s of warm-up, then
 * 15 samples of 400 invocations (400,000 rows); prints the minimum and median CPU ns per row. Run
 * one shape per JVM to compare builds (a JVM that ran other shapes first has their JIT profile).
 */
public final class RowDecodeCpu {
  private RowDecodeCpu() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println(
          "usage: RowDecodeCpu decode|decodeReadAll SHAPE... (" + RowShapes.ALL + ")");
      System.exit(2);
    }
    Blackhole bh =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int s = 1; s < args.length; s++) {
      RowDecodeBench b = new RowDecodeBench();
      b.shape = args[s];
      b.setUp();
      Runnable r = args[0].equals("decode") ? () -> b.decode(bh) : () -> b.decodeReadAll(bh);
      long end = System.nanoTime() + 2_500_000_000L;
      while (System.nanoTime() < end) {
        r.run();
      }
      double[] perRow = new double[15];
      for (int k = 0; k < perRow.length; k++) {
        long c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 400; i++) {
          r.run();
        }
        perRow[k] = (mx.getCurrentThreadCpuTime() - c0) / 400.0 / RowDecodeBench.ROWS;
      }
      Arrays.sort(perRow);
      System.out.printf(
          "%s %s cpu ns/row min %.1f median %.1f%n", args[0], args[s], perRow[0], perRow[7]);
    }
    bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
  }
}
