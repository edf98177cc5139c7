package io.jctds.bench;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The values every client sends into jctds_bench_sink for row i: the columns of jctds_bench_rows,
 * with the formulas README documents.
 */
final class SinkRows {
  static final String INSERT =
      "INSERT INTO jctds_bench_sink (id, big, name, created, amount, ratio, flag, guid)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  /** The same with k-cTDS's numeric parameter style (jctds's default). */
  static final String INSERT_NUMERIC =
      "INSERT INTO jctds_bench_sink (id, big, name, created, amount, ratio, flag, guid)"
          + " VALUES (:0, :1, :2, :3, :4, :5, :6, :7)";

  private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);

  private SinkRows() {}

  static Object[] row(long i) {
    return new Object[] {
      (int) i,
      i * 1_000_003L,
      "name " + i,
      BASE.plusSeconds(i).plusNanos(i * 100),
      BigDecimal.valueOf(i * 12_345L, 4),
      i / 7.0,
      (i & 1) == 1,
      new UUID(i, ~i)
    };
  }
}
