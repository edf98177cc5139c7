package io.jctds.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mssqlclient.MSSQLConnectOptions;
import io.vertx.mssqlclient.MSSQLConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collector;

/**
 * Eclipse Vert.x's reactive SQL Server client (vertx-mssql-client 5.0.7), awaited from the
 * benchmark thread. Results are consumed with a {@link Collector} as rows are decoded, so no RowSet
 * is kept (its documented way to process large results); inserts are one {@code executeBatch}; it
 * has no bulk copy API.
 */
final class VertxClient implements BenchClient {
  /** One Vert.x instance per JVM, as applications have (a connect does not start event loops). */
  private static final Vertx VERTX = Vertx.vertx();

  private final MSSQLConnection c;

  VertxClient(Target t) throws Exception {
    MSSQLConnectOptions o =
        new MSSQLConnectOptions()
            .setHost(t.host())
            .setPort(t.port())
            .setDatabase("master")
            .setUser(t.user())
            .setPassword(t.password());
    if (t.tls()) {
      o.setSsl(true)
          .setSslOptions(
              new ClientSSLOptions()
                  .setTrustOptions(new PemTrustOptions().addCertPath(t.caPem().toString()))
                  .setHostnameVerificationAlgorithm("HTTPS"));
    }
    this.c = await(MSSQLConnection.connect(VERTX, o));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }

  @Override
  public long fetchRows(long n) throws Exception {
    long[] acc = new long[2];
    Collector<Row, long[], long[]> sum =
        Collector.of(
            () -> acc,
            (a, r) -> {
              a[0] += r.getInteger(0);
              a[1] += r.getLong(1);
              a[1] += r.getString(2).length();
              a[1] += r.getLocalDateTime(3).getNano();
              a[1] += r.getBigDecimal(4).scale();
              a[1] += (long) r.getDouble(5).doubleValue();
              a[1] += r.getBoolean(6) ? 1 : 0;
              a[1] += r.getUUID(7).getLeastSignificantBits();
            },
            (a, b) -> a);
    await(c.query("SELECT * FROM jctds_bench_rows(" + n + ")").collecting(sum).execute());
    Blackhole.consume(acc[1]);
    return acc[0];
  }

  @Override
  public long fetchBlobs(long n, int size) throws Exception {
    long[] bytes = new long[1];
    Collector<Row, long[], long[]> sum =
        Collector.of(() -> bytes, (a, r) -> a[0] += r.getBuffer(1).length(), (a, b) -> a);
    await(
        c.query("SELECT * FROM jctds_bench_blobs(" + n + ", " + size + ")")
            .collecting(sum)
            .execute());
    return bytes[0];
  }

  @Override
  public long selectOne() throws Exception {
    return await(c.query("SELECT 1").execute()).iterator().next().getInteger(0);
  }

  @Override
  public long insertMany(long n) throws Exception {
    List<Tuple> batch = new ArrayList<>((int) n);
    for (long i = 1; i <= n; i++) {
      batch.add(Tuple.from(SinkRows.row(i)));
    }
    await(
        c.preparedQuery(
                "INSERT INTO jctds_bench_sink (id, big, name, created, amount, ratio, flag, guid)"
                    + " VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)")
            .executeBatch(batch));
    return n;
  }

  @Override
  public long bulkInsert(long n) {
    throw new UnsupportedOperationException("vertx-mssql-client has no bulk copy API");
  }

  @Override
  public void close() throws Exception {
    await(c.close());
  }
}
