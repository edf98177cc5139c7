package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.TypeRules;

/**
 * Arithmetic operators typed by SQL Server's rules: the operand of lower precedence converts to the
 * other's type (a string operand to the number, error 245 when it is not one); decimal results get
 * the documented precision and scale; datetime plus or minus a number adds days.
 */
final class Arithmetic {
  private Arithmetic() {}

  static Sql apply(ExprTranslator t, char op, Sql l, Sql r) {
    SqlType lt = l.type();
    SqlType rt = r.type();
    boolean nullable = l.nullable() || r.nullable();
    String sym = String.valueOf(op);
    if (lt == null || rt == null) {
      SqlType known = lt == null ? rt : lt;
      if (known != null && known.base().isString()) {
        known = SqlType.INT; // NULL + 'x' already went to concatenation; this is NULL + number
      }
      return Sql.of("(" + l.text() + " " + sym + " " + r.text() + ")", known, true);
    }
    if (isDateTime(lt) && rt.base().isNumeric() && (op == '+' || op == '-')) {
      return days(op, l, r, lt);
    }
    if (isDateTime(rt) && lt.base().isNumeric() && op == '+') {
      return days(op, r, l, rt);
    }
    checkOperands(op, lt, rt);
    SqlType target = TypeRules.higher(lt, rt);
    if (target.base().isString()) {
      target = SqlType.INT;
    }
    if (target.base() == SqlBase.BIT) {
      target = SqlType.INT;
    }
    Sql a = Conversions.implicit(t, l, target);
    Sql b = Conversions.implicit(t, r, target);
    SqlType result = TypeRules.arithmetic(op, a.type(), b.type());
    String text = "(" + castBit(a) + " " + sym + " " + castBit(b) + ")";
    if (result.isDecimal()
        || result.base() == SqlBase.MONEY
        || result.base() == SqlBase.SMALLMONEY) {
      text = "CAST(" + text + " AS " + H2Types.ddl(result) + ")";
    }
    return Sql.of(text, result, nullable);
  }

  private static String castBit(Sql s) {
    return s.type() != null && s.type().base() == SqlBase.BIT
        ? "CAST(" + s.text() + " AS INTEGER)"
        : s.text();
  }

  private static boolean isDateTime(SqlType t) {
    return t.base() == SqlBase.DATETIME || t.base() == SqlBase.SMALLDATETIME;
  }

  private static Sql days(char op, Sql date, Sql number, SqlType type) {
    String sign = op == '-' ? "-" : "";
    return Sql.of(
        "DATEADD(MILLISECOND, CAST("
            + sign
            + "("
            + number.text()
            + ") * 86400000 AS BIGINT), "
            + date.text()
            + ")",
        type,
        date.nullable() || number.nullable());
  }

  /** Error 8117 for operand types SQL Server does not add, subtract, multiply or divide. */
  private static void checkOperands(char op, SqlType lt, SqlType rt) {
    for (SqlType t : new SqlType[] {lt, rt}) {
      SqlBase b = t.base();
      boolean ok = b.isNumeric() || b.isString() && !t.isMax() || op == '+' && b.isBinary();
      if (!ok || b == SqlBase.TEXT || b == SqlBase.NTEXT) {
        throw new SqlException(
            8117,
            16,
            1,
            "Operand data type "
                + t.base().sqlName()
                + " is invalid for "
                + name(op)
                + " operator.",
            false);
      }
    }
  }

  private static String name(char op) {
    return switch (op) {
      case '+' -> "add";
      case '-' -> "subtract";
      case '*' -> "multiply";
      case '/' -> "divide";
      default -> "modulo";
    };
  }
}
