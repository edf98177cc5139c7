package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mathematical and date/time functions with SQL Server's result types ("Mathematical functions",
 * "Date and time data types and functions (Transact-SQL)"): DATEADD keeps its date argument's type
 * (datetime for a string), DATEDIFF and DATEPART return int, the current-time functions return
 * datetime, datetime2(7) or datetimeoffset(7).
 */
final class MathDateFunctions {
  private MathDateFunctions() {}

  static void register(Map<String, Functions.Rule> rules) {
    for (String fn :
        List.of(
            "SQRT", "EXP", "LOG10", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "COT", "DEGREES",
            "RADIANS")) {
      rules.put(fn, (t, c) -> floating(t, c, fn, 1));
    }
    rules.put("LOG", (t, c) -> logarithm(t, c));
    rules.put("ATN2", (t, c) -> floating(t, c, "ATAN2", 2));
    rules.put(
        "SQUARE",
        (t, c) -> {
          Functions.arity(c, 1, 1);
          Sql x = t.value(c.args().get(0));
          return Sql.of(
              "POWER(CAST(" + x.text() + " AS DOUBLE PRECISION), 2)", SqlType.FLOAT, x.nullable());
        });
    rules.put("PI", (t, c) -> constant(c, "PI()", SqlType.FLOAT));
    rules.put(
        "RAND",
        (t, c) -> {
          Functions.arity(c, 0, 1);
          return Sql.of(
              "RAND(" + (c.args().isEmpty() ? "" : t.value(c.args().get(0)).text()) + ")",
              SqlType.FLOAT,
              false);
        });
    for (String fn : List.of("ABS", "SIGN")) {
      rules.put(fn, (t, c) -> sameType(t, c, fn));
    }
    rules.put("CEILING", (t, c) -> whole(t, c, "CEILING"));
    rules.put("FLOOR", (t, c) -> whole(t, c, "FLOOR"));
    rules.put("ROUND", MathDateFunctions::round);
    rules.put("POWER", MathDateFunctions::power);
    rules.put("GETDATE", (t, c) -> constant(c, "LOCALTIMESTAMP(3)", SqlType.DATETIME));
    rules.put("CURRENT_TIMESTAMP", (t, c) -> constant(c, "LOCALTIMESTAMP(3)", SqlType.DATETIME));
    rules.put(
        "GETUTCDATE",
        (t, c) ->
            constant(
                c,
                "CAST(CURRENT_TIMESTAMP(3) AT TIME ZONE 'UTC' AS TIMESTAMP(3))",
                SqlType.DATETIME));
    rules.put("SYSDATETIME", (t, c) -> constant(c, "LOCALTIMESTAMP(7)", SqlType.datetime2(7)));
    rules.put(
        "SYSUTCDATETIME",
        (t, c) ->
            constant(
                c,
                "CAST(CURRENT_TIMESTAMP(7) AT TIME ZONE 'UTC' AS TIMESTAMP(7))",
                SqlType.datetime2(7)));
    rules.put(
        "SYSDATETIMEOFFSET",
        (t, c) -> constant(c, "CURRENT_TIMESTAMP(7)", SqlType.datetimeoffset(7)));
    rules.put("DATEADD", MathDateFunctions::dateAdd);
    rules.put("DATEDIFF", (t, c) -> dateDiff(t, c, SqlType.INT));
    rules.put("DATEDIFF_BIG", (t, c) -> dateDiff(t, c, SqlType.BIGINT));
    rules.put("DATEPART", (t, c) -> datePart(t, c, false));
    rules.put("DATENAME", (t, c) -> datePart(t, c, true));
    rules.put("YEAR", (t, c) -> extract(t, c, "year"));
    rules.put("MONTH", (t, c) -> extract(t, c, "month"));
    rules.put("DAY", (t, c) -> extract(t, c, "day"));
    rules.put("EOMONTH", MathDateFunctions::endOfMonth);
    rules.put("DATEFROMPARTS", (t, c) -> parts(t, c, 3, SqlType.DATE));
    rules.put("DATETIMEFROMPARTS", (t, c) -> parts(t, c, 7, SqlType.DATETIME));
    rules.put("DATETIME2FROMPARTS", (t, c) -> parts(t, c, 9, null));
    rules.put("SMALLDATETIMEFROMPARTS", (t, c) -> parts(t, c, 5, SqlType.SMALLDATETIME));
    rules.put("TIMEFROMPARTS", (t, c) -> parts(t, c, 5, null));
    rules.put(
        "ISDATE",
        (t, c) -> {
          Functions.arity(c, 1, 1);
          Sql x = t.value(c.args().get(0));
          return Sql.of(
              "\"jctds\".\"isdate\"(CAST("
                  + x.text()
                  + " AS VARCHAR), "
                  + Literals.quote(t.ctx.options().get("DATEFORMAT"))
                  + ")",
              SqlType.INT,
              false);
        });
  }

  private static Sql constant(Expr.Call c, String text, SqlType type) {
    Functions.arity(c, 0, 0);
    return Sql.of(text, type, false);
  }

  private static Sql floating(ExprTranslator t, Expr.Call c, String fn, int n) {
    Functions.arity(c, n, n);
    List<Sql> args = Functions.args(t, c);
    StringBuilder sb = new StringBuilder(fn).append('(');
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append("CAST(")
          .append(args.get(i).text())
          .append(" AS DOUBLE PRECISION)");
    }
    return Sql.of(sb.append(')').toString(), SqlType.FLOAT, true);
  }

  private static Sql logarithm(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 2);
    List<Sql> a = Functions.args(t, c);
    String x = "CAST(" + a.get(0).text() + " AS DOUBLE PRECISION)";
    String text =
        a.size() == 1
            ? "LN(" + x + ")"
            : "(LN(" + x + ") / LN(CAST(" + a.get(1).text() + " AS DOUBLE PRECISION)))";
    return Sql.of(text, SqlType.FLOAT, true);
  }

  private static Sql sameType(ExprTranslator t, Expr.Call c, String fn) {
    Functions.arity(c, 1, 1);
    Sql x = numeric(t, c.args().get(0));
    return Sql.of(fn + "(" + x.text() + ")", x.type(), x.nullable());
  }

  private static Sql numeric(ExprTranslator t, Expr e) {
    Sql x = t.value(e);
    if (x.type() != null && x.type().base().isString()) {
      return Conversions.cast(t, x, SqlType.FLOAT, false, -1);
    }
    return x;
  }

  private static Sql whole(ExprTranslator t, Expr.Call c, String fn) {
    Functions.arity(c, 1, 1);
    Sql x = numeric(t, c.args().get(0));
    SqlType type = x.type();
    if (type != null && type.isDecimal()) {
      type = new SqlType(type.base(), 0, type.precision(), 0, null);
    }
    String text = fn + "(" + x.text() + ")";
    if (type != null) {
      text = "CAST(" + text + " AS " + H2Types.ddl(type) + ")";
    }
    return Sql.of(text, type, x.nullable());
  }

  private static Sql round(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 2, 3);
    Sql x = numeric(t, c.args().get(0));
    Sql n = t.value(c.args().get(1));
    String fn =
        c.args().size() == 3
            ? "\"jctds\".\"round_truncate\"("
                + x.text()
                + ", "
                + n.text()
                + ", "
                + t.value(c.args().get(2)).text()
                + ")"
            : "ROUND(" + x.text() + ", " + n.text() + ")";
    SqlType type = x.type();
    if (type != null && type.isDecimal()) {
      type = new SqlType(type.base(), 0, Math.min(38, type.precision() + 1), type.scale(), null);
    }
    String text = type == null ? fn : "CAST(" + fn + " AS " + H2Types.ddl(type) + ")";
    return Sql.of(text, type, x.nullable());
  }

  private static Sql power(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 2, 2);
    Sql x = numeric(t, c.args().get(0));
    Sql y = t.value(c.args().get(1));
    SqlType type = x.type();
    if (type != null && type.isDecimal()) {
      type = SqlType.decimal(38, type.scale());
    } else if (type != null
        && type.base() != SqlBase.FLOAT
        && type.base() != SqlBase.REAL
        && !type.base().isNumeric()) {
      type = SqlType.FLOAT;
    }
    String text =
        "POWER(CAST("
            + x.text()
            + " AS DOUBLE PRECISION), CAST("
            + y.text()
            + " AS DOUBLE PRECISION))";
    if (type != null && type.base() != SqlBase.FLOAT) {
      String whole = type.base().family() == SqlBase.Family.INTEGER ? "TRUNC(" + text + ")" : text;
      text = "CAST(" + whole + " AS " + H2Types.ddl(type) + ")";
    }
    return Sql.of(text, type, true);
  }

  /** A date part name as SQL Server accepts it, normalised ("DATEPART (Transact-SQL)"). */
  static String datePart(Expr e) {
    String w;
    if (e instanceof Expr.Column col && col.parts().size() == 1) {
      w = col.name();
    } else if (e instanceof Expr.Literal l && l.kind() == Expr.Literal.Kind.STRING) {
      w = l.text();
    } else {
      throw new SqlException(1023, 15, 1, "Invalid parameter 1 specified for datepart.", true);
    }
    return switch (w.toLowerCase(Locale.ROOT)) {
      case "year", "yy", "yyyy" -> "year";
      case "quarter", "qq", "q" -> "quarter";
      case "month", "mm", "m" -> "month";
      case "dayofyear", "dy", "y" -> "dayofyear";
      case "day", "dd", "d" -> "day";
      case "week", "wk", "ww" -> "week";
      case "weekday", "dw", "w" -> "weekday";
      case "hour", "hh" -> "hour";
      case "minute", "mi", "n" -> "minute";
      case "second", "ss", "s" -> "second";
      case "millisecond", "ms" -> "millisecond";
      case "microsecond", "mcs" -> "microsecond";
      case "nanosecond", "ns" -> "nanosecond";
      case "tzoffset", "tz" -> "tzoffset";
      case "iso_week", "isowk", "isoww" -> "iso_week";
      default ->
          throw new SqlException(
              155, 15, 1, "'" + w + "' is not a recognized datepart option.", true);
    };
  }

  private static Sql date(ExprTranslator t, Expr e) {
    Sql d = t.value(e);
    if (d.type() == null || d.type().base().isString()) {
      return Conversions.cast(t, d, SqlType.DATETIME, false, -1);
    }
    if (d.type().base().isNumeric()) {
      return Conversions.cast(t, d, SqlType.DATETIME, false, -1);
    }
    return d;
  }

  private static Sql dateAdd(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 3, 3);
    String part = datePart(c.args().get(0));
    Sql n = t.value(c.args().get(1));
    Sql d = date(t, c.args().get(2));
    String unit =
        switch (part) {
          case "dayofyear", "weekday" -> "DAY";
          case "iso_week" -> "WEEK";
          case "tzoffset" ->
              throw new SqlException(
                  9810,
                  16,
                  1,
                  "The datepart tzoffset is not supported by date function dateadd for data"
                      + " type "
                      + d.type().sqlName()
                      + ".",
                  false);
          default -> part.toUpperCase(Locale.ROOT);
        };
    String text =
        "DATEADD(" + unit + ", CAST(TRUNC(" + n.text() + ") AS BIGINT), " + d.text() + ")";
    if (d.type() != null && d.type().base() == SqlBase.DATETIME) {
      text = "\"jctds\".\"round_datetime\"(" + text + ")";
    }
    return Sql.of(text, d.type(), true);
  }

  private static Sql dateDiff(ExprTranslator t, Expr.Call c, SqlType type) {
    Functions.arity(c, 3, 3);
    String part = datePart(c.args().get(0));
    Sql a = date(t, c.args().get(1));
    Sql b = date(t, c.args().get(2));
    return Sql.of(
        "\"jctds\".\"date_diff\"("
            + Literals.quote(part)
            + ", CAST("
            + a.text()
            + " AS VARCHAR), CAST("
            + b.text()
            + " AS VARCHAR))",
        type,
        true);
  }

  private static Sql datePart(ExprTranslator t, Expr.Call c, boolean name) {
    Functions.arity(c, 2, 2);
    String part = datePart(c.args().get(0));
    Sql d = date(t, c.args().get(1));
    String fn = name ? "\"jctds\".\"datename\"(" : "\"jctds\".\"datepart\"(";
    return Sql.of(
        fn
            + Literals.quote(part)
            + ", CAST("
            + d.text()
            + " AS VARCHAR), "
            + t.ctx.options().number("DATEFIRST")
            + ")",
        name ? SqlType.nvarchar(30) : SqlType.INT,
        true);
  }

  private static Sql extract(ExprTranslator t, Expr.Call c, String part) {
    Functions.arity(c, 1, 1);
    Sql d = date(t, c.args().get(0));
    return Sql.of(
        "EXTRACT(" + part.toUpperCase(Locale.ROOT) + " FROM " + d.text() + ")",
        SqlType.INT,
        d.nullable());
  }

  private static Sql endOfMonth(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 2);
    Sql d = date(t, c.args().get(0));
    String base = d.text();
    if (c.args().size() == 2) {
      base = "DATEADD(MONTH, " + t.value(c.args().get(1)).text() + ", " + base + ")";
    }
    return Sql.of("LAST_DAY(CAST(" + base + " AS DATE))", SqlType.DATE, true);
  }

  private static Sql parts(ExprTranslator t, Expr.Call c, int n, SqlType fixed) {
    Functions.arity(c, n, n);
    List<Sql> a = Functions.args(t, c);
    String name = c.simpleName().toLowerCase(Locale.ROOT);
    SqlType type = fixed;
    if (type == null) {
      Expr last = c.args().get(n - 1);
      int scale =
          last instanceof Expr.Literal l && l.kind() == Expr.Literal.Kind.NUMBER
              ? Integer.parseInt(l.text())
              : 7;
      type = name.startsWith("time") ? SqlType.time(scale) : SqlType.datetime2(scale);
    }
    StringBuilder sb =
        new StringBuilder("CAST(\"jctds\".\"from_parts\"(").append(Literals.quote(name));
    for (Sql s : a) {
      sb.append(", CAST(").append(s.text()).append(" AS INTEGER)");
    }
    for (int i = n; i < 9; i++) {
      sb.append(", 0");
    }
    sb.append(") AS ").append(H2Types.ddl(type)).append(')');
    return Sql.of(sb.toString(), type, true);
  }
}
