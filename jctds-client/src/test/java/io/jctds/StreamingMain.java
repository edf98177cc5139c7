package io.jctds;

import io.jctds.config.ConfigResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link StreamingHeapIT}: connects to the server named by a freetds.conf, reads
 * {@code SELECT value FROM GENERATE_SERIES(1, n)} with fetchOne and prints the row count and the
 * sum of the values. Run with a small -Xmx, it fails with OutOfMemoryError if rows are kept.
 */
public final class StreamingMain {
  private StreamingMain() {}

  /** Arguments: the freetds.conf file, n. */
  public static void main(String[] args) {
    ConfigResolver r =
        ConfigResolver.builder()
            .file(Path.of(args[0]))
            .environment(Map.of())
            .userHome(null)
            .systemFiles(List.of())
            .build();
    long n = Long.parseLong(args[1]);
    ConnectOptions o =
        ConnectOptions.builder()
            .user("sa")
            .password("pw")
            .loginTimeout(10)
            .configResolver(r)
            .build();
    long count = 0;
    long sum = 0;
    try (Connection c = Jctds.connect("s", o);
        Cursor cursor = c.cursor()) {
      cursor.execute("SELECT value FROM GENERATE_SERIES(1, " + n + ")");
      Row row;
      while ((row = cursor.fetchOne()) != null) {
        count++;
        sum += row.getLong(0);
      }
    }
    System.out.println("rows=" + count + " sum=" + sum);
  }
}
