package io.jctds.server.tsql;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.bench.BenchRows;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.WireTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT * FROM jctds_bench_rows(n)} and {@code SELECT * FROM jctds_bench_blobs(n, size)}
 * exactly (the argument may be any expression: a variable or an RPC parameter too), streamed
 * straight into the response by {@link BenchRows} without H2, so that measuring a client measures
 * the client. Every other query over the functions goes through H2 ({@link BenchTables}) and reads
 * the same values. TDS 7.1 and 7.2 clients get datetime2 as nvarchar text, as from H2 (TDS 7.0,
 * which has no bigint, gets the H2 path).
 */
final class BenchSelect {
  /** How often the row loop looks for a cancel (ATTENTION). */
  private static final int CANCEL_CHECK = 1024;

  private BenchSelect() {}

  /** Runs {@code st} and returns true when it is one of the two plain queries; else false. */
  static boolean run(Runner r, Stmt.Select st) {
    QueryExpr.Function f = plainStar(st.query());
    if (f == null
        || !BenchTables.isBench(f.call().simpleName())
        || !r.s.tds().tdsVersion().atLeast(TdsVersion.V7_1)) {
      return false;
    }
    Statements.implicitTransaction(r, st);
    boolean blobs = f.call().simpleName().equalsIgnoreCase("jctds_bench_blobs");
    List<Expr> args = f.call().args();
    if (args.size() != (blobs ? 2 : 1)) {
      return false; // the H2 path reports the arity error
    }
    Evaluator eval = new Evaluator(r);
    Object n = eval.value(args.get(0), SqlType.BIGINT).value();
    long rows = n == null ? 0 : Math.max(0, ((Number) n).longValue());
    if (blobs) {
      int size = BenchTables.blobSize(eval.value(args.get(1), SqlType.INT).value());
      stream(r, BenchTables.blobColumns(size), rows, size);
    } else {
      stream(r, BenchTables.ROWS, rows, -1);
    }
    return true;
  }

  /** The single function of {@code SELECT * FROM f(...)} with nothing else, or null. */
  private static QueryExpr.Function plainStar(QueryExpr q) {
    if (!q.with().isEmpty()
        || !q.orderBy().isEmpty()
        || q.offset() != null
        || q.fetch() != null
        || !(q.body() instanceof QueryExpr.Select s)) {
      return null;
    }
    boolean plain =
        !s.distinct()
            && s.top() == null
            && s.into() == null
            && s.where() == null
            && s.groupBy().isEmpty()
            && s.having() == null
            && s.items().size() == 1
            && s.items().get(0) instanceof QueryExpr.StarItem star
            && star.qualifier().isEmpty()
            && s.from().size() == 1;
    if (!plain || !(s.from().get(0) instanceof QueryExpr.Function f) || !f.columns().isEmpty()) {
      return null;
    }
    List<String> name = f.call().name();
    boolean master =
        name.size() == 1
            || name.size() == 2 && name.get(0).equalsIgnoreCase("dbo")
            || name.size() == 3
                && name.get(0).equalsIgnoreCase("master")
                && name.get(1).equalsIgnoreCase("dbo");
    return master ? f : null;
  }

  private static void stream(Runner r, List<Scope.Col> cols, long rows, int blobSize) {
    List<ColMetadata.Column> md = new ArrayList<>(cols.size());
    boolean utf8 = r.s.tds().utf8();
    for (Scope.Col c : cols) {
      TypeInfo wire = WireTypes.typeInfo(c.type(), true, r.s.tds().tdsVersion(), utf8);
      md.add(new ColMetadata.Column(0, ColMetadata.FLAG_NULLABLE, wire, List.of(), c.name()));
    }
    r.sink.columns(new ColMetadata(md));
    long[] id = {0};
    boolean downLevel = !r.s.tds().tdsVersion().atLeast(TdsVersion.V7_3A);
    io.jctds.server.sql.ResultSink.RowWriter row =
        blobSize < 0
            ? out -> BenchRows.writeRow(out, id[0], downLevel)
            : out -> BenchRows.writeBlobRow(out, id[0], blobSize);
    long sent = 0;
    while (sent < rows) {
      if (sent % CANCEL_CHECK == 0 && r.s.cancelled()) {
        break;
      }
      id[0] = ++sent;
      r.sink.row(row);
    }
    r.stopIfCancelled();
    r.s.rowCount = sent;
    r.done(Statements.CMD_SELECT, sent);
  }
}
