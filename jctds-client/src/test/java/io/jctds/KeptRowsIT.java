package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.TdsServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows handed out by {@link Cursor#fetchOne()} are not copied: they refer to the buffer the packets
 * were assembled in, which moves to a fresh array instead of being compacted or reused while rows
 * may still refer to it. These tests keep every row of large results (hundreds of 4096-byte
 * packets, many buffer moves, rows cut by packet boundaries) across the whole read and a later
 * request on the same connection, then check every value.
 *
 * <p>Expected values: README's formulas for the embedded server's jctds_bench_blobs (byte k of row
 * x is (x + k) mod 256) and jctds_bench_rows (id x, big x × 1,000,003, name {@code 'name ' + x}),
 * which interop BenchFunctionsIT checks with mssql-jdbc reading the same functions.
 */
class KeptRowsIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = FlowServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void blobRowsKeptAcrossManyPacketsStayCorrect() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      // 1500 + 4 bytes per value: 400 rows are ~150 packets, most rows cut by a packet boundary
      c.execute("SELECT * FROM jctds_bench_blobs(400, 1500)");
      List<Row> kept = new ArrayList<>();
      Row r;
      while ((r = c.fetchOne()) != null) {
        kept.add(r);
      }
      checkBlobs(kept, 400, 1500);
      // a second request on the same connection reuses the reader: the kept rows must not change
      c.execute("SELECT * FROM jctds_bench_blobs(300, 997); SELECT * FROM jctds_bench_blobs(5, 3)");
      List<Row> second = new ArrayList<>(c.fetchAll());
      assertThat(c.nextSet()).isTrue();
      List<Row> third = new ArrayList<>(c.fetchMany(10));
      checkBlobs(kept, 400, 1500);
      checkBlobs(second, 300, 997);
      checkBlobs(third, 5, 3);
    }
  }

  @Test
  void typedRowsKeptThroughIterationAndAfterTheNextExecuteStayCorrect() {
    try (Connection conn = FlowServer.connect(server);
        Cursor c = conn.cursor()) {
      c.execute("SELECT * FROM jctds_bench_rows(20000)");
      List<Row> kept = new ArrayList<>();
      Row first = c.fetchOne(); // read ahead by execute
      kept.add(first);
      for (Row row : c) {
        kept.add(row);
      }
      c.execute("SELECT * FROM jctds_bench_rows(3)");
      assertThat(c.fetchAll()).hasSize(3);
      assertThat(kept).hasSize(20000);
      for (int i = 0; i < kept.size(); i++) {
        long x = i + 1;
        Row row = kept.get(i);
        assertThat(row.getInt(0)).isEqualTo(x);
        assertThat(row.getLong(1)).isEqualTo(x * 1_000_003L);
        assertThat(row.getString(2)).isEqualTo("name " + x);
      }
    }
  }

  private static void checkBlobs(List<Row> rows, int n, int size) {
    assertThat(rows).hasSize(n);
    for (int i = 0; i < n; i++) {
      int x = i + 1;
      Row row = rows.get(i);
      assertThat(row.getInt(0)).isEqualTo(x);
      byte[] data = row.getBytes(1);
      assertThat(data).hasSize(size);
      for (int k = 0; k < size; k++) {
        if ((data[k] & 0xFF) != (x + k) % 256) {
          assertThat(data[k] & 0xFF).as("row %d byte %d", x, k).isEqualTo((x + k) % 256);
        }
      }
    }
  }
}
