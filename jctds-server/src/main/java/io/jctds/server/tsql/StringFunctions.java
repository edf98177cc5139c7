package io.jctds.server.tsql;

import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * String functions with SQL Server's result types ("String functions (Transact-SQL)"): LEN ignores
 * trailing spaces, CHARINDEX and REPLACE follow the collation's case rule, the (max) inputs give
 * bigint lengths and (max) results.
 */
final class StringFunctions {
  private StringFunctions() {}

  static void register(Map<String, Functions.Rule> rules) {
    rules.put("LEN", StringFunctions::len);
    rules.put("DATALENGTH", StringFunctions::dataLength);
    rules.put("LEFT", (t, c) -> cut(t, c, "LEFT"));
    rules.put("RIGHT", (t, c) -> cut(t, c, "RIGHT"));
    rules.put("SUBSTRING", StringFunctions::substring);
    rules.put("UPPER", (t, c) -> same(t, c, "UPPER"));
    rules.put("LOWER", (t, c) -> same(t, c, "LOWER"));
    rules.put("LTRIM", (t, c) -> same(t, c, "LTRIM"));
    rules.put("RTRIM", (t, c) -> same(t, c, "RTRIM"));
    rules.put("TRIM", (t, c) -> same(t, c, "TRIM"));
    rules.put("REVERSE", (t, c) -> same(t, c, "\"jctds\".\"reverse\""));
    rules.put("REPLACE", StringFunctions::replace);
    rules.put("CHARINDEX", StringFunctions::charIndex);
    rules.put("PATINDEX", StringFunctions::patIndex);
    rules.put("REPLICATE", StringFunctions::replicate);
    rules.put("SPACE", StringFunctions::space);
    rules.put("STUFF", StringFunctions::stuff);
    rules.put("CONCAT", (t, c) -> concat(t, c, false));
    rules.put("CONCAT_WS", (t, c) -> concat(t, c, true));
    rules.put("QUOTENAME", StringFunctions::quoteName);
    rules.put("CHAR", (t, c) -> code(t, c, SqlType.varchar(1)));
    rules.put("NCHAR", (t, c) -> code(t, c, SqlType.nvarchar(1)));
    rules.put("ASCII", (t, c) -> fixed(t, c, "ASCII", 1, 1, SqlType.INT));
    rules.put("UNICODE", (t, c) -> fixed(t, c, "\"jctds\".\"unicode\"", 1, 1, SqlType.INT));
    rules.put("SOUNDEX", (t, c) -> fixed(t, c, "SOUNDEX", 1, 1, SqlType.varchar(4)));
    rules.put("DIFFERENCE", (t, c) -> fixed(t, c, "DIFFERENCE", 2, 2, SqlType.INT));
    rules.put("STR", StringFunctions::str);
    rules.put("FORMAT", StringFunctions::format);
    rules.put("TRANSLATE", (t, c) -> same(t, c, "TRANSLATE"));
  }

  private static Sql text(ExprTranslator t, Expr e) {
    Sql s = t.value(e);
    if (s.type() != null && !s.type().base().isString()) {
      int n = s.type().isMax() ? SqlType.MAX : 8000;
      return Conversions.cast(t, s, SqlType.varchar(n), false, -1);
    }
    return s;
  }

  private static boolean max(Sql s) {
    return s.type() != null && s.type().isMax();
  }

  private static boolean ci(Sql s) {
    return s.type() == null || s.type().collation() == null || s.type().collation().ignoreCase();
  }

  private static Sql len(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 1);
    Sql x = text(t, c.args().get(0));
    return Sql.of(
        "LENGTH(RTRIM(" + x.text() + "))", max(x) ? SqlType.BIGINT : SqlType.INT, x.nullable());
  }

  private static Sql dataLength(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 1);
    Sql x = t.value(c.args().get(0));
    SqlType type = max(x) ? SqlType.BIGINT : SqlType.INT;
    if (x.type() == null) {
      return Sql.of("OCTET_LENGTH(" + x.text() + ")", type, true);
    }
    String v = x.text();
    String text =
        switch (x.type().base().family()) {
          case UNICODE, XML -> "(2 * LENGTH(" + v + "))";
          case CHARACTER ->
              x.type().collation().utf8()
                  ? "OCTET_LENGTH(CAST(" + v + " AS VARBINARY))"
                  : "LENGTH(" + v + ")";
          case BINARY, VARIANT -> "OCTET_LENGTH(" + v + ")";
          default -> "CASE WHEN " + v + " IS NULL THEN NULL ELSE " + fixedSize(x.type()) + " END";
        };
    return Sql.of(text, type, x.nullable());
  }

  /** The storage size of a fixed-length value ("Data types": int 4, datetime 8, ...). */
  private static int fixedSize(SqlType t) {
    return switch (t.base()) {
      case BIT, TINYINT -> 1;
      case SMALLINT -> 2;
      case INT, REAL, SMALLMONEY, SMALLDATETIME -> 4;
      case BIGINT, FLOAT, MONEY, DATETIME -> 8;
      case DATE -> 3;
      case UNIQUEIDENTIFIER -> 16;
      case DECIMAL, NUMERIC ->
          t.precision() <= 9 ? 5 : t.precision() <= 19 ? 9 : t.precision() <= 28 ? 13 : 17;
      case TIME -> t.scale() <= 2 ? 3 : t.scale() <= 4 ? 4 : 5;
      case DATETIME2 -> t.scale() <= 2 ? 6 : t.scale() <= 4 ? 7 : 8;
      case DATETIMEOFFSET -> t.scale() <= 2 ? 8 : t.scale() <= 4 ? 9 : 10;
      default -> 0;
    };
  }

  private static Sql cut(ExprTranslator t, Expr.Call c, String fn) {
    Functions.arity(c, 2, 2);
    Sql x = text(t, c.args().get(0));
    Sql n = t.value(c.args().get(1));
    SqlType type = x.type() == null ? SqlType.varchar(8000) : varLike(x.type());
    return Sql.of(fn + "(" + x.text() + ", " + n.text() + ")", type, true);
  }

  /** The variable-length form of a character or binary type (char(n) to varchar(n)). */
  private static SqlType varLike(SqlType t) {
    return switch (t.base()) {
      case CHAR -> t.withBase(SqlBase.VARCHAR);
      case NCHAR -> t.withBase(SqlBase.NVARCHAR);
      case BINARY -> t.withBase(SqlBase.VARBINARY);
      case TEXT -> SqlType.varchar(SqlType.MAX);
      case NTEXT -> SqlType.nvarchar(SqlType.MAX);
      case IMAGE -> SqlType.varbinary(SqlType.MAX);
      default -> t;
    };
  }

  private static Sql substring(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 3, 3);
    Sql x = t.value(c.args().get(0));
    if (x.type() != null && !x.type().base().isString() && !x.type().base().isBinary()) {
      x = text(t, c.args().get(0));
    }
    List<Sql> a = Functions.args(t, c);
    SqlType type = x.type() == null ? SqlType.varchar(8000) : varLike(x.type());
    String fn =
        x.type() != null && x.type().base().isBinary()
            ? "SUBSTRING"
            : "\"jctds\".\"substring_chars\"";
    return Sql.of(
        fn + "(" + x.text() + ", " + a.get(1).text() + ", " + a.get(2).text() + ")", type, true);
  }

  private static Sql same(ExprTranslator t, Expr.Call c, String fn) {
    Functions.arity(c, 1, fn.equals("TRANSLATE") ? 3 : fn.endsWith("TRIM") ? 2 : 1);
    List<Sql> args = new ArrayList<>();
    for (Expr e : c.args()) {
      args.add(text(t, e));
    }
    SqlType type = args.get(0).type() == null ? SqlType.varchar(8000) : varLike(args.get(0).type());
    return Functions.simple(fn, args, type);
  }

  private static Sql replace(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 3, 3);
    Sql x = text(t, c.args().get(0));
    Sql from = text(t, c.args().get(1));
    Sql to = text(t, c.args().get(2));
    boolean unicode =
        x.type() != null && x.type().isUnicode()
            || from.type() != null && from.type().isUnicode()
            || to.type() != null && to.type().isUnicode();
    SqlType type =
        max(x)
            ? (unicode ? SqlType.nvarchar(SqlType.MAX) : SqlType.varchar(SqlType.MAX))
            : unicode ? SqlType.nvarchar(4000) : SqlType.varchar(8000);
    return Sql.of(
        "\"jctds\".\"replace_text\"("
            + x.text()
            + ", "
            + from.text()
            + ", "
            + to.text()
            + ", "
            + ci(x)
            + ")",
        type,
        true);
  }

  private static Sql charIndex(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 2, 3);
    Sql needle = text(t, c.args().get(0));
    Sql hay = text(t, c.args().get(1));
    String start = c.args().size() == 3 ? t.value(c.args().get(2)).text() : "1";
    boolean ci = ci(hay) && ci(needle);
    String n = ci ? "UPPER(" + needle.text() + ")" : needle.text();
    String h = ci ? "UPPER(" + hay.text() + ")" : hay.text();
    return Sql.of(
        "LOCATE(" + n + ", " + h + ", CASE WHEN " + start + " < 1 THEN 1 ELSE " + start + " END)",
        max(hay) ? SqlType.BIGINT : SqlType.INT,
        true);
  }

  private static Sql patIndex(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 2, 2);
    Sql pattern = text(t, c.args().get(0));
    Sql x = text(t, c.args().get(1));
    return Sql.of(
        "\"jctds\".\"patindex\"(" + pattern.text() + ", " + x.text() + ", " + ci(x) + ")",
        max(x) ? SqlType.BIGINT : SqlType.INT,
        true);
  }

  private static Sql replicate(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 2, 2);
    Sql x = text(t, c.args().get(0));
    Sql n = t.value(c.args().get(1));
    SqlType type =
        x.type() != null && x.type().isUnicode()
            ? (max(x) ? SqlType.nvarchar(SqlType.MAX) : SqlType.nvarchar(4000))
            : max(x) ? SqlType.varchar(SqlType.MAX) : SqlType.varchar(8000);
    int limit = type.isMax() ? -1 : type.isUnicode() ? 4000 : 8000;
    return Sql.of(
        "\"jctds\".\"replicate\"("
            + x.text()
            + ", CAST("
            + n.text()
            + " AS BIGINT), "
            + limit
            + ")",
        type,
        true);
  }

  /** SPACE(n): at most 8000 spaces ("SPACE": use REPLICATE for more). */
  private static Sql space(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 1);
    Sql n = t.value(c.args().get(0));
    return Sql.of(
        "\"jctds\".\"replicate\"(' ', CAST(" + n.text() + " AS BIGINT), 8000)",
        SqlType.varchar(8000),
        true);
  }

  private static Sql stuff(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 4, 4);
    Sql x = text(t, c.args().get(0));
    List<Sql> a = Functions.args(t, c);
    Sql with = text(t, c.args().get(3));
    SqlType type = x.type() == null ? SqlType.varchar(8000) : varLike(x.type());
    return Sql.of(
        "\"jctds\".\"stuff\"("
            + x.text()
            + ", "
            + a.get(1).text()
            + ", "
            + a.get(2).text()
            + ", "
            + with.text()
            + ")",
        type,
        true);
  }

  private static Sql concat(ExprTranslator t, Expr.Call c, boolean ws) {
    if (c.args().size() < (ws ? 3 : 2)) {
      Functions.arity(c, ws ? 3 : 2, 254);
    }
    List<Sql> args = new ArrayList<>();
    boolean unicode = false;
    boolean anyMax = false;
    int length = 0;
    for (Expr e : c.args()) {
      Sql s = text(t, e);
      args.add(s);
      unicode |= s.type() != null && s.type().isUnicode();
      anyMax |= max(s);
      length += s.type() == null || max(s) ? 0 : s.type().length();
    }
    int cap = unicode ? 4000 : 8000;
    int n = anyMax || length > cap ? SqlType.MAX : Math.max(1, length);
    SqlType type = unicode ? SqlType.nvarchar(n) : SqlType.varchar(n);
    Sql out = Functions.simple(ws ? "CONCAT_WS" : "CONCAT", args, type);
    return Sql.of(out.text(), type, false);
  }

  private static Sql quoteName(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 2);
    List<Sql> args = new ArrayList<>();
    for (Expr e : c.args()) {
      args.add(text(t, e));
    }
    String q = args.size() == 2 ? args.get(1).text() : "'['";
    return Sql.of(
        "\"jctds\".\"quotename\"(" + args.get(0).text() + ", " + q + ")",
        SqlType.nvarchar(258),
        true);
  }

  /** CHAR(n) and NCHAR(n): the argument converts to int first (error 245 when it does not). */
  private static Sql code(ExprTranslator t, Expr.Call c, SqlType type) {
    Functions.arity(c, 1, 1);
    Sql n = Conversions.implicit(t, t.value(c.args().get(0)), SqlType.INT);
    return Sql.of("CHAR(" + n.text() + ")", type, true);
  }

  private static Sql fixed(
      ExprTranslator t, Expr.Call c, String fn, int min, int maxArgs, SqlType type) {
    Functions.arity(c, min, maxArgs);
    return Functions.simple(fn, Functions.args(t, c), type);
  }

  private static Sql str(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 3);
    List<Sql> a = Functions.args(t, c);
    String len = a.size() > 1 ? a.get(1).text() : "10";
    String dec = a.size() > 2 ? a.get(2).text() : "0";
    return Sql.of(
        "\"jctds\".\"str\"(CAST("
            + a.get(0).text()
            + " AS DOUBLE PRECISION), "
            + len
            + ", "
            + dec
            + ")",
        SqlType.varchar(8000),
        true);
  }

  private static Sql format(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 2, 3);
    Sql v = t.value(c.args().get(0));
    Sql fmt = text(t, c.args().get(1));
    String culture = c.args().size() == 3 ? text(t, c.args().get(2)).text() : "NULL";
    String kind = v.type() == null ? "nvarchar" : v.type().declaration();
    String value =
        v.type() != null && v.type().base().isTemporal()
            ? "CAST(" + v.text() + " AS VARCHAR)"
            : "CAST(" + v.text() + " AS VARCHAR)";
    return Sql.of(
        "\"jctds\".\"format\"("
            + value
            + ", "
            + Literals.quote(kind)
            + ", "
            + fmt.text()
            + ", "
            + culture
            + ")",
        SqlType.nvarchar(4000),
        true);
  }
}
