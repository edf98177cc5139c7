package io.jctds.bench;

import io.jctds.testkit.FreeTdsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Debian's FreeTDS tools as processes: {@code bsqldb} (reads: its text output goes to a file) and
 * {@code freebcp} (bulk: a character-format file generated beforehand). A process logs in once per
 * run, so its start-up and login must not count: for bsqldb the clock counts the interval the
 * server measures between two batches that ask for its time, before and after the work; for
 * freebcp, which runs no SQL, the median of at least three runs that load an empty file (start-up,
 * login, an empty load), taken in the same JVM, is subtracted ({@link #takeExcludedNanos}).
 * Checking the output happens outside the clock. The configuration is a freetds.conf of its own
 * ({@code FREETDSCONF}; FreeTDS's other variables removed, {@code HOME} a temporary directory so no
 * per-user file is read).
 */
final class FreeTdsClient implements BenchClient {
  private static final long PROCESS_LIMIT_MINUTES = 20;
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  /** Output lines of {@link #MARK} start with this. */
  private static final String MARK_PREFIX = "jctds-bench-mark ";

  /** A batch answering the server's time (text: bsqldb 1.3.17 cannot print datetime2). */
  private static final String MARK =
      "SELECT '" + MARK_PREFIX + "' + CONVERT(varchar(27), SYSDATETIME(), 121)\ngo\n";

  private static final DateTimeFormatter DATETIME2 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS", Locale.ROOT);

  private final Target t;
  private final String program;
  private final Path dir;
  private final List<Long> startups = new ArrayList<>();
  private long excluded;
  private long peakRssKb;

  /** Logs in once with {@code program} ({@code bsqldb} or {@code freebcp}): a connect. */
  FreeTdsClient(Target t, String program) throws IOException, InterruptedException {
    this.t = t;
    this.program = program;
    Path shm = Path.of("/dev/shm");
    this.dir =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "jctds-bench-freetds")
            : Files.createTempDirectory("jctds-bench-freetds");
    Files.writeString(
        dir.resolve("freetds.conf"),
        "[bench]\n\thost = "
            + t.host()
            + "\n\tport = "
            + t.port()
            + "\n\ttds version = 7.4\n"
            + (t.tls() ? "\tencryption = require\n\tca file = " + t.caPem() + "\n" : "")
            + (t.tls() ? "" : "\tencryption = off\n"));
    startups.add(loginOnly());
  }

  /** One process that logs in and does nothing else; returns its wall time in ns. */
  private long loginOnly() throws IOException, InterruptedException {
    if (program.equals("freebcp")) {
      Path empty = dir.resolve("empty.txt");
      Files.write(empty, new byte[0]);
      return run(freebcp(empty), null);
    }
    Path script = dir.resolve("empty.sql");
    Files.write(script, new byte[0]);
    return run(bsqldb(script, dir.resolve("empty.out")), null);
  }

  /** freebcp's median start-up + login + empty load, from at least three runs (excluded too). */
  private long startup() throws IOException, InterruptedException {
    while (startups.size() < 3) {
      long t0 = System.nanoTime();
      startups.add(loginOnly());
      excluded += System.nanoTime() - t0;
    }
    long[] v = startups.stream().mapToLong(Long::longValue).sorted().toArray();
    return v[v.length / 2];
  }

  private List<String> bsqldb(Path script, Path out) {
    return new ArrayList<>(
        List.of(
            "bsqldb",
            "-S",
            "bench",
            "-U",
            t.user(),
            "-P",
            t.password(),
            "-q",
            "-i",
            script.toString(),
            "-o",
            out.toString()));
  }

  private List<String> freebcp(Path data) {
    return new ArrayList<>(
        List.of(
            "freebcp",
            "master.dbo.jctds_bench_sink",
            "in",
            data.toString(),
            "-c",
            "-S",
            "bench",
            "-U",
            t.user(),
            "-P",
            t.password()));
  }

  /**
   * Runs a FreeTDS tool; returns its wall time in ns. Fails (with its output) unless it exits 0 and
   * prints nothing on standard error.
   */
  private long run(List<String> cmd, Path stdout) throws IOException, InterruptedException {
    Path rss = dir.resolve("rss");
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(GNU_TIME)) {
      full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
    }
    full.addAll(cmd);
    ProcessBuilder pb = new ProcessBuilder(full);
    Map<String, String> env = pb.environment();
    FreeTdsEnvironment.VARIABLES.forEach(env::remove);
    env.put("FREETDSCONF", dir.resolve("freetds.conf").toString());
    env.put("HOME", dir.toString());
    Path err = dir.resolve("stderr");
    pb.redirectError(err.toFile()).redirectInput(new java.io.File("/dev/null"));
    pb.redirectOutput(stdout == null ? dir.resolve("stdout").toFile() : stdout.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    boolean done = p.waitFor(PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES);
    long elapsed = System.nanoTime() - t0;
    if (!done) {
      p.destroyForcibly();
      throw new IOException(cmd.get(0) + " did not finish in " + PROCESS_LIMIT_MINUTES + " min");
    }
    String errors = Files.readString(err, StandardCharsets.UTF_8).strip();
    if (p.exitValue() != 0 || !errors.isEmpty()) {
      throw new IOException(
          cmd.get(0) + " exited " + p.exitValue() + ": " + errors.replace('\n', ' '));
    }
    if (Files.exists(rss)) {
      String[] lines = Files.readString(rss, StandardCharsets.US_ASCII).strip().split("\n");
      peakRssKb = Math.max(peakRssKb, Long.parseLong(lines[lines.length - 1].strip()));
    }
    return elapsed;
  }

  /**
   * Runs bsqldb over {@code sql} between two batches that ask the server for the time ({@link
   * #MARK}); the clock counts only the server-measured interval between them (bsqldb sends a batch
   * after it has read all of the previous one's results), so the process's start-up and login do
   * not count. Returns the output file, the two mark lines removed.
   */
  private Path bsqldbRun(String sql) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Path script = dir.resolve("script.sql");
    Files.writeString(script, MARK + sql + MARK, StandardCharsets.US_ASCII);
    Path raw = dir.resolve("raw.txt");
    run(bsqldb(script, raw), null);
    List<String> marks = new ArrayList<>(2);
    Path out = dir.resolve("out.txt");
    try (BufferedReader r = Files.newBufferedReader(raw, StandardCharsets.US_ASCII);
        Writer w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith(MARK_PREFIX)) {
          marks.add(line.substring(MARK_PREFIX.length()).strip());
        } else {
          w.write(line);
          w.write('\n');
        }
      }
    }
    if (marks.size() != 2) {
      throw new IOException("bsqldb printed " + marks.size() + " time marks instead of 2");
    }
    long interval =
        java.time.Duration.between(
                LocalDateTime.parse(marks.get(0), DATETIME2),
                LocalDateTime.parse(marks.get(1), DATETIME2))
            .toNanos();
    excluded += System.nanoTime() - t0 - interval;
    return out;
  }

  @Override
  public long fetchRows(long n) {
    throw new UnsupportedOperationException(
        "bsqldb 1.3.17 cannot print datetime2 or uniqueidentifier (type 42/36 not supported)");
  }

  @Override
  public long fetchBlobs(long n, int size) throws IOException, InterruptedException {
    Path out = bsqldbRun("SELECT * FROM jctds_bench_blobs(" + n + ", " + size + ")\ngo\n");
    long t0 = System.nanoTime();
    long bytes = 0;
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.US_ASCII)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        bytes += blobRow(line.strip(), size);
      }
    }
    excluded += System.nanoTime() - t0;
    return bytes;
  }

  /**
   * Checks one output line {@code id 0xHEX} against README's formula (byte k of row x is (x + k)
   * mod 256); returns the bytes it holds.
   */
  private static long blobRow(String line, int size) throws IOException {
    String[] f = line.split("\\s+");
    if (f.length != 2 || !f[1].startsWith("0x") || f[1].length() != 2 + 2 * size) {
      throw new IOException("bsqldb printed an unexpected row: " + abbreviate(line));
    }
    long x = Long.parseLong(f[0]);
    for (int k = 0; k < size; k++) {
      int b = Integer.parseInt(f[1], 2 + 2 * k, 4 + 2 * k, 16);
      if (b != (int) ((x + k) & 0xff)) {
        throw new IOException("row " + x + " byte " + k + " is " + b + ", not " + ((x + k) & 0xff));
      }
    }
    return size;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  @Override
  public long selectOne() throws IOException, InterruptedException {
    return selectOnes(1);
  }

  /** {@code n} batches of SELECT 1 in one bsqldb process: {@code n} round trips. */
  @Override
  public long selectOnes(long n) throws IOException, InterruptedException {
    StringBuilder sql = new StringBuilder();
    for (long i = 0; i < n; i++) {
      sql.append("SELECT 1\ngo\n");
    }
    Path out = bsqldbRun(sql.toString());
    long t0 = System.nanoTime();
    long sum = 0;
    for (String line : Files.readAllLines(out, StandardCharsets.US_ASCII)) {
      if (!line.isBlank()) {
        sum += Long.parseLong(line.strip());
      }
    }
    excluded += System.nanoTime() - t0;
    return sum;
  }

  @Override
  public long insertMany(long n) {
    throw new UnsupportedOperationException("bsqldb has no parameterised statements");
  }

  /** freebcp of a character file of {@code n} sink rows (written before the clock). */
  @Override
  public long bulkInsert(long n) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    long startup = startup();
    Path data = dir.resolve("sink-" + n + ".txt");
    if (!Files.exists(data)) {
      writeSinkRows(data, n);
    }
    Path out = dir.resolve("freebcp.out");
    excluded += System.nanoTime() - t0;
    run(freebcp(data), out);
    excluded += startup;
    String said = Files.readString(out, StandardCharsets.US_ASCII);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) rows copied").matcher(said);
    if (!m.find()) {
      throw new IOException("freebcp did not say how many rows it copied: " + said.strip());
    }
    return Long.parseLong(m.group(1));
  }

  /** freebcp's character format: tab between fields, newline after each row (README formulas). */
  private static void writeSinkRows(Path data, long n) throws IOException {
    try (Writer w = Files.newBufferedWriter(data, StandardCharsets.US_ASCII)) {
      for (long i = 1; i <= n; i++) {
        Object[] v = SinkRows.row(i);
        w.write(
            v[0]
                + "\t"
                + v[1]
                + "\t"
                + v[2]
                + "\t"
                + DATETIME2.format((LocalDateTime) v[3])
                + "\t"
                + ((java.math.BigDecimal) v[4]).toPlainString()
                + "\t"
                + v[5]
                + "\t"
                + ((Boolean) v[6] ? "1" : "0")
                + "\t"
                + ((UUID) v[7]).toString().toUpperCase(Locale.ROOT)
                + "\n");
      }
    }
  }

  @Override
  public long takeExcludedNanos() {
    long e = excluded;
    excluded = 0;
    return e;
  }

  /** The tool's peak RSS from GNU time ({@code /usr/bin/time}, Debian's "time"); -1 without it. */
  @Override
  public long peakRssKb() {
    return Files.isExecutable(GNU_TIME) ? peakRssKb : -1;
  }

  @Override
  public void close() {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
