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

  /** {@code n} parameterised INSERTs into jctds_bench_sink as one batch; returns rows sent. */
  long insertMany(long n) throws Exception;

  /** A bulk load of {@code n} rows into jctds_bench_sink; returns rows the server counted. */
  long bulkInsert(long n) throws Exception;

  @Override
  void close() throws Exception;
}
