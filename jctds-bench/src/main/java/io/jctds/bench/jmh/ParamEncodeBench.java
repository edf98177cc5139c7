package io.jctds.bench.jmh;

import io.jctds.internal.params.EncodeContext;
import io.jctds.internal.params.Rpcs;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.type.Collation;
import io.jctds.server.bench.BenchRows;
import java.util.Arrays;
import java.util.List;
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

/**
 * Parameter encoding as {@code Cursor.executeMany} does it for each parameter set: {@link
 * Rpcs#executeSql} builds the sp_executesql call (statement text, declarations, eight encoded
 * parameters) and {@link RpcRequest#encodeMessage} writes it into a reused buffer. The statement is
 * the bench's 8-column INSERT into jctds_bench_sink; the values are jctds_bench_rows' (int, bigint,
 * nvarchar, datetime2, decimal, float, bit, uniqueidentifier), built once in setup. Score and
 * gc.alloc.rate.norm per parameter set.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParamEncodeBench {
  static final int SETS = 1000;
  static final String SQL =
      "INSERT INTO master.dbo.jctds_bench_sink VALUES (:0, :1, :2, :3, :4, :5, :6, :7)";

  private List<?>[] sets;
  private EncodeContext context;
  private final BufferWriter out = new BufferWriter();

  @Setup
  public void setUp() {
    context = new EncodeContext(TdsVersion.V7_4, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
    sets = new List<?>[SETS];
    for (int i = 0; i < SETS; i++) {
      long x = i + 1;
      sets[i] =
          Arrays.asList(
              (int) x,
              x * 1_000_003L,
              "name " + x,
              BenchRows.created(x),
              BenchRows.amount(x),
              x / 7.0,
              (x & 1) == 1,
              BenchRows.guid(x));
    }
  }

  @Benchmark
  @OperationsPerInvocation(SETS)
  public int encode() {
    int bytes = 0;
    for (List<?> set : sets) {
      RpcRequest call = Rpcs.executeSql(SQL, set, context);
      out.clear();
      RpcRequest.encodeMessage(out, TdsVersion.V7_4, null, List.of(call));
      bytes += out.size();
    }
    return bytes;
  }
}
