package io.jctds.server.tsql;

import io.jctds.server.bench.BenchRows;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlType;
import java.util.List;
import java.util.Locale;

/**
 * {@code jctds_bench_rows(N)} and {@code jctds_bench_blobs(N, SIZE)} as H2 queries over {@code
 * SYSTEM_RANGE(1, N)} computing {@link BenchRows}'s values: what any query other than a plain
 * {@code SELECT *} of one of them reads ({@link BenchSelect} streams that one without H2).
 */
final class BenchTables {
  /** The columns of jctds_bench_rows, in order. */
  static final List<Scope.Col> ROWS =
      List.of(
          new Scope.Col("id", SqlType.INT, false),
          new Scope.Col("big", SqlType.BIGINT, false),
          new Scope.Col("name", SqlType.nvarchar(50), false),
          new Scope.Col("created", SqlType.datetime2(7), false),
          new Scope.Col("amount", SqlType.decimal(18, 4), false),
          new Scope.Col("ratio", SqlType.FLOAT, false),
          new Scope.Col("flag", SqlType.BIT, false),
          new Scope.Col("guid", SqlType.GUID, false));

  private BenchTables() {}

  /** Whether {@code name} (the last part of a function name) is one of the two functions. */
  static boolean isBench(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.equals("JCTDS_BENCH_ROWS") || n.equals("JCTDS_BENCH_BLOBS");
  }

  /** The columns of jctds_bench_blobs(N, size). */
  static List<Scope.Col> blobColumns(int size) {
    return List.of(
        new Scope.Col("id", SqlType.INT, false),
        new Scope.Col("data", SqlType.varbinary(size), false));
  }

  /** The H2 query of jctds_bench_rows({@code n}), {@code n} being SQL text. */
  static String rowsSql(String n) {
    return "(SELECT "
        + cast("\"X\"", 0)
        + " AS \"id\", "
        + cast("\"X\" * 1000003", 1)
        + " AS \"big\", "
        + cast("'name ' || \"X\"", 2)
        + " AS \"name\", "
        + cast("\"jctds\".\"bench_created\"(\"X\")", 3)
        + " AS \"created\", "
        + cast("\"X\" * 1.2345", 4)
        + " AS \"amount\", "
        + cast("CAST(\"X\" AS DOUBLE PRECISION) / CAST(7 AS DOUBLE PRECISION)", 5)
        + " AS \"ratio\", "
        + "MOD(\"X\", 2) = 1 AS \"flag\", "
        + "\"jctds\".\"bench_guid\"(\"X\") AS \"guid\""
        + " FROM SYSTEM_RANGE(1, "
        + n
        + "))";
  }

  /** The H2 query of jctds_bench_blobs({@code n}, size). */
  static String blobsSql(String n, int size) {
    return "(SELECT CAST(\"X\" AS INTEGER) AS \"id\", CAST(\"jctds\".\"bench_blob\"(\"X\", "
        + size
        + ") AS "
        + H2Types.ddl(SqlType.varbinary(size))
        + ") AS \"data\" FROM SYSTEM_RANGE(1, "
        + n
        + "))";
  }

  private static String cast(String expr, int column) {
    return "CAST(" + expr + " AS " + H2Types.ddl(ROWS.get(column).type()) + ")";
  }

  /** SIZE of jctds_bench_blobs: 1..8000, or the error that names the rule. */
  static int blobSize(Object v) {
    long size = v instanceof Number n ? n.longValue() : -1;
    if (size < 1 || size > BenchRows.MAX_BLOB) {
      throw new io.jctds.server.sql.SqlException(
          50000,
          16,
          1,
          "jctds_bench_blobs: SIZE must be a constant between 1 and "
              + BenchRows.MAX_BLOB
              + " (the data column is varbinary(SIZE)); got "
              + v,
          true);
    }
    return (int) size;
  }
}
