package io.jctds;

import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The child JVM of {@link BulkSinkHeapIT}: starts an embedded server and bulk-inserts {@code n}
 * generated rows into {@code master.dbo.jctds_bench_sink} through it, in one BulkLoadBCP message
 * (no batch size), then prints what bulkInsert returned and what {@code SELECT COUNT(*)} on the
 * sink says. Client and server share this JVM's small heap: it fails with OutOfMemoryError if
 * either side keeps the rows or the message.
 */
public final class BulkSinkMain {
  private BulkSinkMain() {}

  /** Arguments: n. */
  public static void main(String[] args) throws java.io.IOException {
    long n = Long.parseLong(args[0]);
    try (TdsServer server =
        TdsServer.builder().port(0).encryption(EncryptionPolicy.OFF).user("sa", "pw").build()) {
      server.start();
      ConnectOptions o =
          ConnectOptions.builder()
              .port(server.port())
              .user("sa")
              .password("pw")
              .tdsVersion("7.4")
              .loginTimeout(10)
              .configResolver(
                  ConfigResolver.builder()
                      .environment(Map.of())
                      .userHome(null)
                      .systemFiles(List.of())
                      .build())
              .build();
      try (Connection c = Jctds.connect("127.0.0.1", o)) {
        c.autocommit(true);
        long inserted = c.bulkInsert("master.dbo.jctds_bench_sink", rows(n));
        Cursor cursor = c.cursor();
        cursor.execute("SELECT COUNT(*) FROM master.dbo.jctds_bench_sink");
        Row count = cursor.fetchOne();
        Runtime rt = Runtime.getRuntime();
        System.out.println(
            "inserted="
                + inserted
                + " count="
                + count.getLong(0)
                + " maxHeapMB="
                + rt.maxMemory() / (1024 * 1024));
      }
    }
  }

  /** The rows, made one at a time as the loader asks for them: every column of the sink. */
  static Iterator<List<?>> rows(long n) {
    LocalDateTime epoch = LocalDateTime.of(2026, 1, 1, 0, 0);
    return new Iterator<>() {
      private long id;

      @Override
      public boolean hasNext() {
        return id < n;
      }

      @Override
      public List<?> next() {
        if (id >= n) {
          throw new NoSuchElementException();
        }
        long i = ++id;
        return List.of(
            (int) i,
            i * 1_000_003L,
            "name " + i,
            epoch.plusNanos(i * 100),
            BigDecimal.valueOf(i, 4),
            i / 7.0,
            (i & 1) == 1,
            new UUID(i, ~i));
      }
    };
  }
}
