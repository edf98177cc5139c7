package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.TypeRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Built-in functions: the dispatch, aggregates and window functions. Scalar functions live in
 * {@link StringFunctions}, {@link MathDateFunctions} and {@link MetaFunctions}; each registers a
 * {@link Rule} per name. A name nobody registered is error 195, as in SQL Server.
 */
final class Functions {
  /** Translates one call. */
  @FunctionalInterface
  interface Rule {
    Sql apply(ExprTranslator t, Expr.Call c);
  }

  private static final Map<String, Rule> RULES = new HashMap<>();

  static {
    StringFunctions.register(RULES);
    MathDateFunctions.register(RULES);
    MetaFunctions.register(RULES);
  }

  private Functions() {}

  static Sql call(ExprTranslator t, Expr.Call c) {
    String name = c.simpleName().toUpperCase(Locale.ROOT);
    if (c.name().size() > 1 && !c.name().get(c.name().size() - 2).equalsIgnoreCase("sys")) {
      Sql udf = ScalarFunctions.translate(t, c);
      if (udf != null) {
        return udf;
      }
      throw new SqlException(
          4121,
          16,
          1,
          "Cannot find either column \""
              + String.join(".", c.qualifier())
              + "\" or the"
              + " user-defined function or aggregate \""
              + String.join(".", c.name())
              + "\", or the name is ambiguous.",
          true);
    }
    if (isAggregate(name)) {
      return aggregate(t, c, name);
    }
    if (c.over() != null) {
      return window(t, c, name);
    }
    Rule r = RULES.get(name);
    if (r == null) {
      throw SqlException.unknownFunction(c.simpleName());
    }
    return r.apply(t, c);
  }

  static boolean isAggregate(String name) {
    return switch (name) {
      case "COUNT",
          "COUNT_BIG",
          "SUM",
          "AVG",
          "MIN",
          "MAX",
          "STDEV",
          "STDEVP",
          "VAR",
          "VARP",
          "STRING_AGG",
          "CHECKSUM_AGG",
          "GROUPING" ->
          true;
      default -> false;
    };
  }

  /** Error 174 when a function gets the wrong number of arguments. */
  static void arity(Expr.Call c, int min, int max) {
    int n = c.args().size();
    if (n < min || n > max) {
      throw new SqlException(
          174,
          15,
          1,
          "The "
              + c.simpleName().toLowerCase(Locale.ROOT)
              + " function requires "
              + (min == max ? String.valueOf(min) : min + " to " + max)
              + " argument(s).",
          true);
    }
  }

  /** The translated arguments. */
  static List<Sql> args(ExprTranslator t, Expr.Call c) {
    List<Sql> out = new ArrayList<>();
    for (Expr e : c.args()) {
      out.add(t.value(e));
    }
    return out;
  }

  /** {@code fn(arg, ...)} with the given result type. */
  static Sql simple(String fn, List<Sql> args, SqlType type) {
    StringBuilder sb = new StringBuilder(fn).append('(');
    boolean nullable = false;
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(args.get(i).text());
      nullable |= args.get(i).nullable();
    }
    return Sql.of(sb.append(')').toString(), type, nullable);
  }

  private static Sql aggregate(ExprTranslator t, Expr.Call c, String name) {
    if (c.star() && !name.equals("COUNT") && !name.equals("COUNT_BIG")) {
      throw SqlException.syntax("*");
    }
    if (!c.star() && c.args().isEmpty()) {
      throw new SqlException(
          174,
          15,
          1,
          "The "
              + name.toLowerCase(java.util.Locale.ROOT)
              + " function requires 1"
              + " argument(s).",
          true);
    }
    t.aggregatesSeen++;
    t.aggregateDepth++;
    List<Sql> args;
    try {
      args = c.star() ? List.of() : args(t, c);
    } finally {
      t.aggregateDepth--;
    }
    String distinct = c.distinct() ? "DISTINCT " : "";
    String over = c.over() == null ? "" : " OVER " + window(t, c.over());
    Sql a = args.isEmpty() ? null : args.get(0);
    SqlType in = a == null ? null : a.type();
    String arg = c.star() ? "*" : a.text();
    return switch (name) {
      case "COUNT" -> Sql.of("COUNT(" + distinct + arg + ")" + over, SqlType.INT, false);
      case "COUNT_BIG" -> Sql.of("COUNT(" + distinct + arg + ")" + over, SqlType.BIGINT, false);
      case "SUM" -> Sql.of("SUM(" + distinct + arg + ")" + over, sumType(in), true);
      case "AVG" -> avg(distinct, a, in, over);
      case "MIN", "MAX" -> Sql.of(name + "(" + distinct + minMaxArg(a) + ")" + over, in, true);
      case "STDEV", "STDEVP", "VAR", "VARP" ->
          Sql.of(
              statistic(name) + "(" + distinct + "CAST(" + arg + " AS DOUBLE PRECISION))" + over,
              SqlType.FLOAT,
              true);
      case "STRING_AGG" -> stringAgg(t, c, args);
      default -> throw SqlException.unsupported(name);
    };
  }

  private static String statistic(String name) {
    return switch (name) {
      case "STDEV" -> "STDDEV_SAMP";
      case "STDEVP" -> "STDDEV_POP";
      case "VAR" -> "VAR_SAMP";
      default -> "VAR_POP";
    };
  }

  private static String minMaxArg(Sql a) {
    return a.text();
  }

  private static SqlType sumType(SqlType in) {
    if (in == null) {
      return null;
    }
    return switch (in.base()) {
      case TINYINT, SMALLINT, INT, BIT -> SqlType.INT;
      case BIGINT -> SqlType.BIGINT;
      case DECIMAL, NUMERIC ->
          in.base() == SqlBase.NUMERIC
              ? SqlType.numeric(38, in.scale())
              : SqlType.decimal(38, in.scale());
      case MONEY, SMALLMONEY -> SqlType.MONEY;
      default -> SqlType.FLOAT;
    };
  }

  private static Sql avg(String distinct, Sql a, SqlType in, String over) {
    if (in == null) {
      return Sql.of("AVG(" + distinct + a.text() + ")" + over, null, true);
    }
    switch (in.base()) {
      case TINYINT, SMALLINT, INT, BIGINT, BIT -> {
        SqlType out = in.base() == SqlBase.BIGINT ? SqlType.BIGINT : SqlType.INT;
        String v = in.base() == SqlBase.BIT ? "CAST(" + a.text() + " AS INTEGER)" : a.text();
        return Sql.of(
            "CAST(TRUNC(AVG("
                + distinct
                + "CAST("
                + v
                + " AS NUMERIC(38,6)))"
                + over
                + ") AS "
                + H2Types.ddl(out)
                + ")",
            out,
            true);
      }
      case DECIMAL, NUMERIC -> {
        SqlType out = SqlType.decimal(38, Math.max(6, in.scale()));
        return Sql.of(
            "CAST(AVG(" + distinct + a.text() + ")" + over + " AS " + H2Types.ddl(out) + ")",
            out,
            true);
      }
      case MONEY, SMALLMONEY -> {
        return Sql.of(
            "CAST(AVG(" + distinct + a.text() + ")" + over + " AS NUMERIC(19,4))",
            SqlType.MONEY,
            true);
      }
      default -> {
        return Sql.of(
            "AVG(" + distinct + "CAST(" + a.text() + " AS DOUBLE PRECISION))" + over,
            SqlType.FLOAT,
            true);
      }
    }
  }

  private static Sql stringAgg(ExprTranslator t, Expr.Call c, List<Sql> args) {
    arity(c, 2, 2);
    Sql v = args.get(0);
    SqlType type =
        v.type() != null && v.type().isUnicode()
            ? SqlType.nvarchar(SqlType.MAX)
            : SqlType.varchar(SqlType.MAX);
    if (v.type() != null && !v.type().isMax()) {
      type = v.type().isUnicode() ? SqlType.nvarchar(4000) : SqlType.varchar(8000);
    }
    StringBuilder sb =
        new StringBuilder("LISTAGG(")
            .append(v.text())
            .append(", ")
            .append(args.get(1).text())
            .append(')');
    if (!c.withinGroup().isEmpty()) {
      sb.append(" WITHIN GROUP (ORDER BY ").append(orderBy(t, c.withinGroup())).append(')');
    }
    return Sql.of(sb.toString(), type, true);
  }

  static String orderBy(ExprTranslator t, List<Expr.Order> order) {
    List<String> parts = new ArrayList<>();
    for (Expr.Order o : order) {
      Sql s = t.value(o.expr());
      String key =
          s.type() != null && s.type().base() == SqlBase.UNIQUEIDENTIFIER
              ? Predicates.guidKey(s.text())
              : s.text();
      parts.add(key + (o.descending() ? " DESC" : ""));
    }
    return String.join(", ", parts);
  }

  static String window(ExprTranslator t, Expr.Window w) {
    StringBuilder sb = new StringBuilder("(");
    if (!w.partitionBy().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Expr e : w.partitionBy()) {
        parts.add(t.value(e).text());
      }
      sb.append("PARTITION BY ").append(String.join(", ", parts));
    }
    if (!w.orderBy().isEmpty()) {
      sb.append(sb.length() > 1 ? " " : "").append("ORDER BY ").append(orderBy(t, w.orderBy()));
    }
    if (w.frame() != null) {
      sb.append(' ').append(w.frame());
    }
    return sb.append(')').toString();
  }

  private static Sql window(ExprTranslator t, Expr.Call c, String name) {
    String over = " OVER " + window(t, c.over());
    List<Sql> args = args(t, c);
    return switch (name) {
      case "ROW_NUMBER", "RANK", "DENSE_RANK" -> Sql.of(name + "()" + over, SqlType.BIGINT, false);
      case "NTILE" -> Sql.of(simple("NTILE", args, null).text() + over, SqlType.BIGINT, true);
      case "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE" -> {
        SqlType type = args.isEmpty() ? null : args.get(0).type();
        if (args.size() > 2) {
          type = TypeRules.union(type, args.get(2).type());
        }
        yield Sql.of(simple(name, args, type).text() + over, type, true);
      }
      case "PERCENT_RANK", "CUME_DIST" -> Sql.of(name + "()" + over, SqlType.FLOAT, false);
      default ->
          throw new SqlException(
              4109,
              16,
              1,
              "Windowed functions cannot be used in the context of " + name + ".",
              true);
    };
  }
}
