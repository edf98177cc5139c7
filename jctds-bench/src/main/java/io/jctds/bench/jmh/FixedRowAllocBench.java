package io.jctds.bench.jmh;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.TokenDecoder;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The allocation target of issue 12: "reading a fixed-width row allocates nothing until a column is
 * read". Rows of (int, bigint, float, bit, datetime2(7)); run with {@code -prof gc} and read
 * gc.alloc.rate.norm (bytes per row). {@code decode} finds the columns and reads none; {@code
 * decodeReadInt} reads the int column. The decoder is the client's streaming {@link TokenDecoder},
 * returning a new Row per ROW token ({@code decode}, {@code decodeReadInt}) or reusing one ({@code
 * reused}, {@code reusedReadInt}: {@link TokenDecoder#reuseRows}, as the client's session does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FixedRowAllocBench {
  private static final int ROWS = 1000;

  private ByteBuffer message;
  private int firstRow;
  private TokenDecoder decoder;
  private TokenDecoder reusing;

  @Setup
  public void setUp() {
    ColMetadata md = RowShapes.metadata("fixed5");
    message = RowShapes.message("fixed5", md, ROWS);
    firstRow = message.position();
    decoder = new TokenDecoder(TdsVersion.V7_4);
    decoder.metadata(md);
    reusing = new TokenDecoder(TdsVersion.V7_4);
    reusing.metadata(md);
    reusing.reuseRows(true);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void decode(Blackhole bh) {
    ByteBuffer in = message.position(firstRow);
    while (in.hasRemaining()) {
      bh.consume(decoder.next(in));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long decodeReadInt() {
    ByteBuffer in = message.position(firstRow);
    long sum = 0;
    while (in.hasRemaining()) {
      sum += ((Row) decoder.next(in)).getInt(0);
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void reused(Blackhole bh) {
    ByteBuffer in = message.position(firstRow);
    while (in.hasRemaining()) {
      bh.consume(reusing.next(in));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long reusedReadInt() {
    ByteBuffer in = message.position(firstRow);
    long sum = 0;
    while (in.hasRemaining()) {
      sum += ((Row) reusing.next(in)).getInt(0);
    }
    return sum;
  }
}
