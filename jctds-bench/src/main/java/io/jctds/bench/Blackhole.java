package io.jctds.bench;

/** Keeps what a benchmark read alive so that the JIT cannot drop the reads. */
final class Blackhole {
  private static volatile long sink;

  private Blackhole() {}

  static void consume(long v) {
    sink += v;
  }
}
