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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Row decode: a {@link TokenDecoder} walks a buffer of {@value #ROWS} ROW tokens of one shape (see
 * {@link RowShapes}); scores and gc.alloc.rate.norm are per row. {@code decode} only finds the
 * columns (what a fetch that reads nothing costs); {@code decodeReadAll} wraps each row in the
 * client's {@link io.jctds.Row} and reads every column into its Java value. The rows are not
 * detached (that copy is Cursor.fetchOne's, measured end to end by the harness).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RowDecodeBench {
  static final int ROWS = 1000;

  @Param({
    "int",
    "bigint",
    "nvarchar50",
    "datetime2",
    "decimal",
    "float",
    "bit",
    "guid",
    "varbinary2000",
    "fixed5",
    "benchRows"
  })
  public String shape;

  private ByteBuffer message;
  private int firstRow;
  private ColMetadata metadata;
  private TokenDecoder decoder;
  private ClientRows client;

  @Setup
  public void setUp() {
    metadata = RowShapes.metadata(shape);
    message = RowShapes.message(shape, metadata, ROWS);
    firstRow = message.position();
    decoder = new TokenDecoder(TdsVersion.V7_4);
    decoder.metadata(metadata);
    client = new ClientRows(metadata);
  }

  private ByteBuffer rewind() {
    message.position(firstRow);
    return message;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void decode(Blackhole bh) {
    ByteBuffer in = rewind();
    while (in.hasRemaining()) {
      bh.consume(decoder.next(in));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void decodeReadAll(Blackhole bh) {
    ByteBuffer in = rewind();
    while (in.hasRemaining()) {
      client.readAll(client.wrap((Row) decoder.next(in)), bh);
    }
  }
}
