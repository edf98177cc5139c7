/**
 * The server's benchmark table-valued functions, {@code jctds_bench_rows(N)} and {@code
 * jctds_bench_blobs(N, SIZE)}: rows whose every value is a documented function of the row's id, so
 * a client can check what it read, encoded straight into the response so that the server costs
 * little next to the client being measured.
 */
package io.jctds.server.bench;
