package io.jctds.bench;

/**
 * What is measured: one repetition is one run of {@link #run} with the scenario's size, on a
 * connection opened before the clock starts (except {@link #CONNECT}, which measures connecting).
 */
enum Scenario {
  FETCH(
      "fetch", "SELECT * FROM jctds_bench_rows({n}), every column read", 1_000_000, 3_000, "rows") {
    @Override
    long run(BenchClient c, long n) throws Exception {
      return c.fetchRows(n);
    }

    @Override
    long expected(long n) {
      return n * (n + 1) / 2;
    }
  },
  BLOBS("blobs", "SELECT * FROM jctds_bench_blobs({n}, 2000)", 20_000, 300, "rows") {
    @Override
    long run(BenchClient c, long n) throws Exception {
      return c.fetchBlobs(n, 2000);
    }

    @Override
    long expected(long n) {
      return n * 2000;
    }
  },
  QUERIES("queries", "{n} queries of jctds_bench_rows(1000)", 1_000, 5, "queries") {
    @Override
    long run(BenchClient c, long n) throws Exception {
      long sum = 0;
      for (long i = 0; i < n; i++) {
        sum += c.fetchRows(1000);
      }
      return sum;
    }

    @Override
    long expected(long n) {
      return n * 500_500;
    }
  },
  SELECT1("select1", "{n} round trips of SELECT 1", 5_000, 20, "round trips") {
    @Override
    long run(BenchClient c, long n) throws Exception {
      return c.selectOnes(n);
    }
  },
  CONNECT(
      "connect",
      "{n} connects (TCP, PRELOGIN, TLS when on, LOGIN7), each closed",
      50,
      2,
      "connects") {
    @Override
    long run(BenchClient c, long n) {
      throw new IllegalStateException("CONNECT is run by ClientMain");
    }
  },
  INSERT(
      "insert",
      "{n} parameterised INSERTs into jctds_bench_sink, one batch",
      100_000,
      300,
      "rows") {
    @Override
    long run(BenchClient c, long n) throws Exception {
      return c.insertMany(n);
    }
  },
  FETCH_SMALL_HEAP(
      "fetch-64m",
      "SELECT * FROM jctds_bench_rows({n}) row by row in a 64 MB heap, every column read",
      10_000_000,
      20_000,
      "rows") {
    @Override
    long run(BenchClient c, long n) throws Exception {
      return c.fetchRows(n);
    }

    @Override
    long expected(long n) {
      return n * (n + 1) / 2;
    }

    @Override
    String heap(String normal) {
      return "64m";
    }

    @Override
    int warmups(int normal) {
      return 0; // it must complete in the heap; one cold run is what is reported
    }
  },
  BULK("bulk", "bulk insert of {n} rows into jctds_bench_sink", 1_000_000, 3_000, "rows") {
    @Override
    long run(BenchClient c, long n) throws Exception {
      return c.bulkInsert(n);
    }
  };

  final String id;
  final String description;
  final long fullSize;
  final long smokeSize;
  final String unit;

  Scenario(String id, String description, long fullSize, long smokeSize, String unit) {
    this.id = id;
    this.description = description;
    this.fullSize = fullSize;
    this.smokeSize = smokeSize;
    this.unit = unit;
  }

  /** Runs one repetition; returns the checksum. */
  abstract long run(BenchClient c, long n) throws Exception;

  /** The client JVM's heap (-Xms and -Xmx) given the harness's setting. */
  String heap(String normal) {
    return normal;
  }

  /** Warm-up repetitions given the harness's setting. */
  int warmups(int normal) {
    return normal;
  }

  /** The checksum every client must return for size n. */
  long expected(long n) {
    return n;
  }

  static Scenario byId(String id) {
    for (Scenario s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario " + id);
  }
}
