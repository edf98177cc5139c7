package io.jctds.bench;

/**
 * One client library doing the benchmark's work against the embedded server. Every method reads or
 * sends every value (into Java values, as an application would) and returns a checksum the harness
 * compares across clients, so that no client is measured skipping work.
 */
interface BenchClient extends AutoCloseable {
  /** {@code SELECT * FROM jctds_bench_rows(n)}, every column read; returns the sum of ids. */
  long fetchRows(long n) throws Exception;

  /** {@code SELECT * FROM jctds_bench_blobs(n, size)}; returns the total bytes read. */
  long fetchBlobs(long n, int size) throws Exception;

  /** {@code SELECT 1}; returns 1. */
  long selectOne() throws Exception;

  /** {@code n} round trips of {@code SELECT 1}; returns n. */
  default long selectOnes(long n) throws Exception {
    long sum = 0;
    for (long i = 0; i < n; i++) {
      sum += selectOne();
    }
    return sum;
  }

  /** {@code n} parameterised INSERTs into jctds_bench_sink as one batch; returns rows sent. */
  long insertMany(long n) throws Exception;

  /** A bulk load of {@code n} rows into jctds_bench_sink; returns rows the server counted. */
  long bulkInsert(long n) throws Exception;

  /**
   * Time inside the last repetitions that is not the client's work (a process client's start-up and
   * login, checking its output afterwards), to subtract from the clock; resets it.
   */
  default long takeExcludedNanos() {
    return 0;
  }

  /**
   * The client's peak resident set in kB when it is not this JVM (a process; -1 when unknown); 0
   * for this JVM's.
   */
  default long peakRssKb() {
    return 0;
  }

  @Override
  void close() throws Exception;
}
