package io.jctds.server.tsql;

import io.jctds.server.sink.Sink;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.Values;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code INSERT INTO [master.dbo.]jctds_bench_sink [(columns)] VALUES (@a, @b, ...)[, (...)]} with
 * only variables as values, the form every measured client sends (sp_executesql, sp_prepexec /
 * sp_execute, a batch after DECLARE): each value is checked against its sink column by the
 * variable's declared type and the rows are counted, without H2, as {@link BenchSelect} serves its
 * reads. The values were converted to the declared types when the call bound them; a declared type
 * whose conversion to the column could round, parse or fail otherwise than checked here sends the
 * statement through H2, as does any other form of INSERT.
 */
final class SinkInsert {
  private static final SqlType AMOUNT = SqlType.decimal(18, 4);

  /**
   * Parsed texts that are one INSERT into the sink, shared by all sessions (statements are
   * immutable records): a client sends the same text with every row, and parsing it was most of the
   * server's time per row once H2 was out of the way.
   */
  private static final ConcurrentHashMap<String, List<Stmt>> PARSED = new ConcurrentHashMap<>();

  private static final int PARSED_CACHED = 256;

  private static final int PARSED_MAX_LENGTH = 4000;

  private SinkInsert() {}

  /**
   * {@link BatchParser#parse} of {@code sql}, from the cache when it is a single INSERT into the
   * sink parsed before.
   */
  static List<Stmt> parse(String sql) {
    List<Stmt> cached = PARSED.get(sql);
    if (cached != null) {
      return cached;
    }
    List<Stmt> parsed = BatchParser.parse(sql);
    if (sql.length() <= PARSED_MAX_LENGTH
        && parsed.size() == 1
        && parsed.get(0) instanceof Stmt.Insert ins
        && ins.values() != null
        && ins.exec() == null
        && ins.query() == null
        && ins.output() == null
        && ins.top() == null
        && ins.target().name() != null
        && !ins.target().name().isEmpty()
        && ins.target()
            .name()
            .get(ins.target().name().size() - 1)
            .equalsIgnoreCase(io.jctds.server.sink.SinkEngine.TABLE)) {
      if (PARSED.size() >= PARSED_CACHED) {
        PARSED.clear(); // crude bound: a benchmark repeats one or two texts
      }
      PARSED.put(sql, List.copyOf(parsed));
    }
    return parsed;
  }

  /** Runs {@code ins} and returns true when it is one the fast path takes; else false. */
  static boolean run(Runner r, Stmt.Insert ins) {
    if (ins.values() == null
        || ins.values().isEmpty()
        || ins.exec() != null
        || ins.query() != null
        || ins.output() != null
        || ins.top() != null
        || !isSink(r, ins.target())
        || r.s.options().on("FMTONLY")
        || r.s.options().on("NOEXEC")) {
      return false;
    }
    int[] columns = columns(ins.columns());
    if (columns == null || !checkable(r, columns, ins.values())) {
      return false;
    }
    Sink sink = r.s.benchSink();
    if (sink == null) {
      return false;
    }
    Statements.implicitTransaction(r, ins);
    for (List<Expr> row : ins.values()) {
      for (int k = 0; k < columns.length; k++) {
        Variable v = r.s.variable(((Expr.Var) row.get(k)).name());
        check(columns[k], v.type(), v.value());
      }
    }
    long n = ins.values().size();
    sink.received(n);
    r.s.rowCount = n;
    r.done(QueryRunner.CMD_INSERT, n);
    return true;
  }

  /** Whether {@code t} names master.dbo.jctds_bench_sink from the session's database. */
  private static boolean isSink(Runner r, Stmt.Target t) {
    List<String> n = t.name();
    if (t.variable() != null || n == null || n.isEmpty()) {
      return false;
    }
    if (!n.get(n.size() - 1).equalsIgnoreCase(io.jctds.server.sink.SinkEngine.TABLE)) {
      return false;
    }
    boolean master = n.size() < 3 ? "master".equalsIgnoreCase(r.s.database()) : true;
    return switch (n.size()) {
      case 1 -> master;
      case 2 -> master && n.get(0).equalsIgnoreCase("dbo");
      case 3 ->
          n.get(0).equalsIgnoreCase("master")
              && (n.get(1).isEmpty() || n.get(1).equalsIgnoreCase("dbo"));
      default -> false;
    };
  }

  /** The sink column indexes of an INSERT's column list (all, when empty), or null. */
  private static int[] columns(List<String> names) {
    if (names == null || names.isEmpty()) {
      return new int[] {0, 1, 2, 3, 4, 5, 6, 7};
    }
    int[] out = new int[names.size()];
    int seen = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = SinkColumns.column(names.get(i));
      if (out[i] < 0 || (seen & 1 << out[i]) != 0) {
        return null;
      }
      seen |= 1 << out[i];
    }
    return out;
  }

  /** Whether every value is a declared scalar variable whose type the fast path checks. */
  private static boolean checkable(Runner r, int[] columns, List<List<Expr>> rows) {
    for (List<Expr> row : rows) {
      if (row.size() != columns.length) {
        return false;
      }
      for (int k = 0; k < columns.length; k++) {
        if (!(row.get(k) instanceof Expr.Var var)) {
          return false;
        }
        Variable v = r.s.variable(var.name());
        if (v == null || v.type() == null || !takes(columns[k], v.type())) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a value of {@code t} converts to sink column {@code column} as checked here. */
  static boolean takes(int column, SqlType t) {
    return switch (column) {
      case 0, 1, 6 ->
          switch (t.base()) {
            case TINYINT, SMALLINT, INT, BIGINT -> true;
            case BIT -> column == 6;
            default -> false;
          };
      case 2 ->
          switch (t.base()) {
            case NVARCHAR, VARCHAR -> true; // nchar/char values carry padding: H2 decides
            default -> false;
          };
      case 3 ->
          switch (t.base()) {
            case DATETIME2, DATETIME, SMALLDATETIME, DATE -> true;
            default -> false;
          };
      case 4 ->
          switch (t.base()) {
            case DECIMAL, NUMERIC, TINYINT, SMALLINT, INT, BIGINT -> true;
            default -> false;
          };
      case 5 ->
          switch (t.base()) {
            case FLOAT, REAL, TINYINT, SMALLINT, INT, BIGINT -> true;
            default -> false;
          };
      case 7 ->
          switch (t.base()) {
            case UNIQUEIDENTIFIER, NVARCHAR, NCHAR, VARCHAR, CHAR -> true;
            default -> false;
          };
      default -> false;
    };
  }

  /**
   * Checks {@code v} (a variable of {@code t}'s Java value: Long, String, BigDecimal ...) against
   * sink column {@code column}: int range (8115), 50 characters (2628), decimal(18,4) (8115 after
   * rounding to 4 places, as SQL Server rounds), a uniqueidentifier string (8169).
   */
  static void check(int column, SqlType t, Object v) {
    if (v == null) {
      return;
    }
    switch (column) {
      case 0 -> {
        if (v instanceof Long l && l != l.intValue()) {
          throw SinkColumns.overflow("int");
        }
      }
      case 2 -> {
        String s = v.toString();
        if (s.length() > 50) {
          throw SinkColumns.truncated(s.substring(0, 50));
        }
      }
      case 4 ->
          Values.fitDecimal(v instanceof BigDecimal d ? d : BigDecimal.valueOf((Long) v), AMOUNT);
      case 7 -> {
        if (v instanceof CharSequence s) {
          SinkColumns.checkGuidText(s);
        }
      }
      default -> {}
    }
  }
}
