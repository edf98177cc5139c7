package io.jctds.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown table of one scenario: medians, ranges, throughput, ratios, server CPU share. */
final class Table {
  private Table() {}

  static void append(
      StringBuilder r, Scenario s, long n, boolean tls, Map<String, List<long[]>> results) {
    r.append("## ")
        .append(s.id)
        .append(tls ? " (TLS)" : " (encryption off)")
        .append(": ")
        .append(s.description.replace("{n}", String.format(Locale.ROOT, "%,d", n)))
        .append("\n\n| client | median | min–max | ")
        .append(s.unit)
        .append(
            "/s | time ÷ jctds | server CPU | client CPU | client peak RSS | warm-ups | note |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    double base = median(results.getOrDefault("jctds", List.of()), 0);
    for (Map.Entry<String, List<long[]>> e : results.entrySet()) {
      List<long[]> runs = e.getValue();
      if (runs.isEmpty()) {
        r.append("| ").append(e.getKey()).append(" | failed | | | | | | | | |\n");
        continue;
      }
      double med = median(runs, 0);
      double cpu = median(runs, 1);
      r.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(ms(med))
          .append(" | ")
          .append(ms(min(runs)))
          .append("–")
          .append(ms(max(runs)))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%,.0f", n / (med / 1e9)))
          .append(" | ")
          .append(Double.isNaN(base) ? "" : String.format(Locale.ROOT, "%.2f", med / base))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.0f %%", 100 * cpu / med))
          .append(" | ")
          .append(clientCpu(runs, med))
          .append(" | ")
          .append(rss(median(runs, 2)))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.0f", median(runs, 4)))
          .append(" | ")
          .append(Clients.caveat(e.getKey(), s))
          .append(" |\n");
    }
    r.append('\n');
  }

  static double median(List<long[]> runs, int field) {
    if (runs.isEmpty()) {
      return Double.NaN;
    }
    long[] v = runs.stream().mapToLong(a -> a[field]).sorted().toArray();
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2.0;
  }

  private static double min(List<long[]> runs) {
    return runs.stream().mapToLong(a -> a[0]).min().orElse(0);
  }

  private static double max(List<long[]> runs) {
    return runs.stream().mapToLong(a -> a[0]).max().orElse(0);
  }

  /**
   * The client JVM's CPU time over the measured repetition as a share of the wall time (all its
   * threads, so above 100 % when JIT or GC threads ran beside it); "—" for a process client.
   */
  private static String clientCpu(List<long[]> runs, double med) {
    double cpu = median(runs, 3);
    return cpu < 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", 100 * cpu / med);
  }

  /** A peak RSS in MB; 0 (a process client without GNU time) is unknown. */
  private static String rss(double kb) {
    return kb == 0 ? "—" : String.format(Locale.ROOT, "%,.0f MB", kb / 1024);
  }

  private static String ms(double ns) {
    return String.format(Locale.ROOT, "%,.1f ms", ns / 1e6);
  }
}
