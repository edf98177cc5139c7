package io.jctds.bench;

import io.jctds.BulkOptions;
import io.jctds.ConnectOptions;
import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.Jctds;
import io.jctds.Row;
import io.jctds.config.ConfigResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** jctds's own API, configured through a freetds.conf as its users do. */
final class JctdsClient implements BenchClient {
  private final Connection c;

  JctdsClient(Target t) throws IOException {
    // autocommit as a connect option (k-cTDS's connect(autocommit=True)): it goes into the
    // session setup; Connection.autocommit(true) after connecting cost a round trip per connect
    this.c = Jctds.connect("bench", options(t));
  }

  /**
   * One freetds.conf and one ConnectOptions per target, as an application builds its options once
   * (the other clients get a URL string); each connect still reads the file, as FreeTDS does.
   * Before, every connect of the connect scenario wrote a new temporary file, which other clients
   * do not pay.
   */
  private static final java.util.Map<Target, ConnectOptions> OPTIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static ConnectOptions options(Target t) {
    return OPTIONS.computeIfAbsent(t, JctdsClient::newOptions);
  }

  private static ConnectOptions newOptions(Target t) {
    Path conf;
    try {
      conf = Files.createTempFile("jctds-bench", ".conf");
      conf.toFile().deleteOnExit();
      Files.writeString(
          conf,
          "[bench]\nhost = "
              + t.host()
              + "\nport = "
              + t.port()
              + "\ntds version = 7.4\n"
              + (t.tls() ? "encryption = require\nca file = " + t.caPem() + "\n" : "")
              + (t.tls() ? "" : "encryption = off\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConfigResolver r =
        ConfigResolver.builder()
            .file(conf)
            .environment(Map.of())
            .userHome(null)
            .systemFiles(List.of())
            .build();
    return ConnectOptions.builder()
        .user(t.user())
        .password(t.password())
        .loginTimeout(30)
        .configResolver(r)
        .autocommit(true)
        .build();
  }

  @Override
  public long fetchRows(long n) {
    long sum = 0;
    try (Cursor cur = c.cursor()) {
      cur.execute("SELECT * FROM jctds_bench_rows(" + n + ")");
      long acc = 0;
      Row r;
      while ((r = cur.fetchOne()) != null) {
        sum += r.getInt(0);
        acc += r.getLong(1);
        acc += r.getString(2).length();
        acc += r.getObject(3, LocalDateTime.class).getNano();
        acc += r.getBigDecimal(4).scale();
        acc += (long) r.getDouble(5);
        acc += r.getBoolean(6) ? 1 : 0;
        acc += r.getUuid(7).getLeastSignificantBits();
      }
      Blackhole.consume(acc);
    }
    return sum;
  }

  @Override
  public long fetchBlobs(long n, int size) {
    long bytes = 0;
    try (Cursor cur = c.cursor()) {
      cur.execute("SELECT * FROM jctds_bench_blobs(" + n + ", " + size + ")");
      Row r;
      while ((r = cur.fetchOne()) != null) {
        bytes += r.getBytes(1).length;
      }
    }
    return bytes;
  }

  @Override
  public long selectOne() {
    try (Cursor cur = c.cursor()) {
      cur.execute("SELECT 1");
      return cur.fetchOne().getInt(0);
    }
  }

  @Override
  public long insertMany(long n) {
    try (Cursor cur = c.cursor()) {
      cur.executeMany(SinkRows.INSERT_NUMERIC, rows(n));
    }
    return n;
  }

  private static Iterable<List<Object>> rows(long n) {
    return () ->
        new Iterator<>() {
          private long i;

          @Override
          public boolean hasNext() {
            return i < n;
          }

          @Override
          public List<Object> next() {
            if (i >= n) {
              throw new NoSuchElementException();
            }
            return Arrays.asList(SinkRows.row(++i));
          }
        };
  }

  @Override
  public long bulkInsert(long n) {
    return c.bulkInsert("jctds_bench_sink", rows(n).iterator(), BulkOptions.builder().build());
  }

  @Override
  public void close() {
    c.close();
  }
}
