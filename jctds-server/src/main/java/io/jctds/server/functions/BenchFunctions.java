package io.jctds.server.functions;

import io.jctds.server.bench.BenchRows;
import java.time.LocalDateTime;
import java.util.UUID;

/** H2 functions for the values of jctds_bench_rows / jctds_bench_blobs SQL cannot compute. */
public final class BenchFunctions {
  private BenchFunctions() {}

  /** {@code "jctds"."bench_created"(x)}. */
  public static LocalDateTime created(long x) {
    return BenchRows.created(x);
  }

  /** {@code "jctds"."bench_guid"(x)}. */
  public static UUID guid(long x) {
    return BenchRows.guid(x);
  }

  /** {@code "jctds"."bench_blob"(x, size)}. */
  public static byte[] blob(long x, int size) {
    return BenchRows.blob(x, size);
  }
}
