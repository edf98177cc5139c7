package io.jctds.server.types;

/**
 * SQL Server's typing rules for expressions, from "Data type precedence" and "Precision, scale, and
 * length (Transact-SQL)" on learn.microsoft.com: the result type of arithmetic, concatenation,
 * CASE/UNION/COALESCE and of an operand's implicit conversion.
 */
public final class TypeRules {
  private TypeRules() {}

  /** The type of higher precedence (the left one on a tie). */
  public static SqlType higher(SqlType a, SqlType b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.base().precedence() > a.base().precedence() ? b : a;
  }

  /** The decimal(p,0) an integer type converts to in exact arithmetic, or {@code t}. */
  public static SqlType asDecimal(SqlType t) {
    return switch (t.base()) {
      case BIT -> SqlType.decimal(1, 0);
      case TINYINT -> SqlType.decimal(3, 0);
      case SMALLINT -> SqlType.decimal(5, 0);
      case INT -> SqlType.decimal(10, 0);
      case BIGINT -> SqlType.decimal(19, 0);
      case MONEY -> SqlType.decimal(19, 4);
      case SMALLMONEY -> SqlType.decimal(10, 4);
      default -> t;
    };
  }

  /**
   * The result of {@code a op b} for an arithmetic operator ({@code + - * / %}) on numbers: the
   * type of higher precedence, with the decimal precision and scale rules when it is decimal.
   */
  public static SqlType arithmetic(char op, SqlType a, SqlType b) {
    SqlType h = higher(a, b);
    if (!h.isDecimal()) {
      return h.base() == SqlBase.BIT ? SqlType.INT : h;
    }
    SqlType x = asDecimal(a);
    SqlType y = asDecimal(b);
    int p1 = x.precision();
    int s1 = x.scale();
    int p2 = y.precision();
    int s2 = y.scale();
    int p;
    int s;
    switch (op) {
      case '+', '-' -> {
        s = Math.max(s1, s2);
        p = s + Math.max(p1 - s1, p2 - s2) + 1;
        return addition(p, s, Math.max(p1 - s1, p2 - s2) + 1, h);
      }
      case '*' -> {
        p = p1 + p2 + 1;
        s = s1 + s2;
      }
      case '/' -> {
        s = Math.max(6, s1 + p2 + 1);
        p = p1 - s1 + s2 + s;
      }
      default -> {
        s = Math.max(s1, s2);
        p = Math.min(p1 - s1, p2 - s2) + s;
      }
    }
    return reduce(p, s, h);
  }

  private static SqlType addition(int p, int s, int integral, SqlType like) {
    if (p <= 38) {
      return withPrecision(like, p, s);
    }
    return withPrecision(like, 38, Math.max(0, Math.min(s, 38 - integral)));
  }

  /** The multiplication/division reduction of a result precision above 38. */
  private static SqlType reduce(int p, int s, SqlType like) {
    if (p <= 38) {
      return withPrecision(like, Math.max(p, 1), s);
    }
    int integral = p - s;
    int scale;
    if (integral < 32) {
      scale = Math.min(s, 38 - integral);
    } else {
      scale = s < 6 ? s : 6;
    }
    return withPrecision(like, 38, Math.max(0, scale));
  }

  private static SqlType withPrecision(SqlType like, int p, int s) {
    return like.base() == SqlBase.NUMERIC ? SqlType.numeric(p, s) : SqlType.decimal(p, s);
  }

  /**
   * The type of CASE, COALESCE, UNION and the like: the type of highest precedence, widened so that
   * every input fits (decimal: max integral digits plus max scale; strings: the longest).
   */
  public static SqlType union(SqlType a, SqlType b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    SqlType h = higher(a, b);
    if (h.isDecimal()) {
      SqlType x = asDecimal(a);
      SqlType y = asDecimal(b);
      if (!x.isDecimal() || !y.isDecimal()) {
        return h;
      }
      int s = Math.max(x.scale(), y.scale());
      int p = Math.min(38, s + Math.max(x.precision() - x.scale(), y.precision() - y.scale()));
      return withPrecision(h, Math.max(p, 1), Math.min(s, p));
    }
    if (h.base().hasLength() && a.base().hasLength() && b.base().hasLength()) {
      int len = a.isMax() || b.isMax() ? SqlType.MAX : Math.max(charLength(a), charLength(b));
      return h.withLength(cap(h, len));
    }
    if (h.base().hasFractionScale()) {
      return new SqlType(h.base(), 0, 0, Math.max(a.scale(), b.scale()), null);
    }
    return h;
  }

  /** The result of string or binary concatenation {@code a + b}. */
  public static SqlType concat(SqlType a, SqlType b) {
    SqlType h = higher(a, b);
    if (a.isMax() || b.isMax()) {
      return h.withLength(SqlType.MAX);
    }
    int len = charLength(a) + charLength(b);
    return h.withLength(cap(h, len));
  }

  private static int charLength(SqlType t) {
    return t.isMax() ? SqlType.MAX : t.length();
  }

  /** Caps a character or binary length at 8000 bytes (4000 for Unicode). */
  private static int cap(SqlType t, int len) {
    if (len == SqlType.MAX) {
      return len;
    }
    int limit = t.isUnicode() ? 4000 : 8000;
    return Math.max(1, Math.min(len, limit));
  }
}
