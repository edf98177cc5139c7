package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.math.BigDecimal;

/**
 * Literals typed as SQL Server types them ("Constants (Transact-SQL)"): an integer that fits int is
 * int, a larger one numeric(p,0) (p its digits, at most 38 or error 1007); a number with a decimal
 * point is numeric(p,s) with s the digits after the point; an exponent makes float; $ makes money;
 * 'x' is varchar(n) and N'x' nvarchar(n) with n its length (the max type past 8000 bytes); 0x.. is
 * varbinary(n); NULL has no type of its own (int when nothing else decides).
 */
final class Literals {
  private Literals() {}

  static Sql translate(ExprTranslator t, Expr.Literal l) {
    return switch (l.kind()) {
      case NUMBER -> number(l.text());
      case FLOAT ->
          new Sql(
              "CAST(" + l.text() + " AS DOUBLE PRECISION)", SqlType.FLOAT, false, Sql.Kind.LITERAL);
      case MONEY -> {
        BigDecimal v = new BigDecimal(l.text());
        yield new Sql(
            "CAST(" + v.toPlainString() + " AS NUMERIC(19,4))",
            SqlType.MONEY,
            false,
            Sql.Kind.LITERAL);
      }
      case STRING -> string(l.text(), false);
      case NSTRING -> string(l.text(), true);
      case BINARY -> binary(l.text());
      case NULL -> new Sql("NULL", null, true, Sql.Kind.LITERAL);
      case DEFAULT -> new Sql("DEFAULT", null, true, Sql.Kind.LITERAL);
    };
  }

  /** The SQL Server type of a numeric literal. */
  static SqlType numberType(String text) {
    String digits = text.startsWith("-") ? text.substring(1) : text;
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    String fraction = dot < 0 ? "" : digits.substring(dot + 1);
    String significant = whole.replaceFirst("^0+", "");
    int p = significant.length() + fraction.length();
    if (dot < 0 && significant.length() <= 10) {
      long v = significant.isEmpty() ? 0 : Long.parseLong(significant);
      if (text.startsWith("-") ? v <= 2147483648L : v <= Integer.MAX_VALUE) {
        return SqlType.INT;
      }
    }
    if (p > 38) {
      throw new SqlException(
          1007,
          15,
          1,
          "The number '"
              + text
              + "' is out of the range for numeric representation (maximum"
              + " precision 38).",
          true);
    }
    return SqlType.numeric(Math.max(1, p), fraction.length());
  }

  private static Sql number(String text) {
    SqlType type = numberType(text);
    if (type == SqlType.INT) {
      return new Sql(text, type, false, Sql.Kind.LITERAL);
    }
    String plain = new BigDecimal(text).toPlainString();
    return new Sql(
        "CAST(" + plain + " AS NUMERIC(" + type.precision() + "," + type.scale() + "))",
        type,
        false,
        Sql.Kind.LITERAL);
  }

  static Sql string(String literal, boolean unicode) {
    // 'x' is varchar in the database's code page: characters it lacks become '?' ("Constants")
    String value =
        unicode || literal.chars().allMatch(c -> c < 0x80)
            ? literal
            : io.jctds.server.functions.TextFunctions.codepage(
                literal, io.jctds.server.types.SqlCollation.DEFAULT.charset().name());
    int len = value.length();
    SqlType type;
    if (unicode) {
      type = SqlType.nvarchar(len > 4000 ? SqlType.MAX : Math.max(1, len));
    } else {
      type = SqlType.varchar(len > 8000 ? SqlType.MAX : Math.max(1, len));
    }
    return new Sql(quote(value), type, false, Sql.Kind.LITERAL);
  }

  /** {@code value} as an H2 string literal. */
  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static Sql binary(String hex) {
    String h = hex.length() % 2 == 1 ? "0" + hex : hex;
    int len = h.length() / 2;
    SqlType type = SqlType.varbinary(len > 8000 ? SqlType.MAX : Math.max(1, len));
    return new Sql("X'" + h + "'", type, false, Sql.Kind.LITERAL);
  }

  /** The value of a string literal fragment produced by {@link #string}, or null. */
  static String stringValue(Sql s) {
    if (s.kind() != Sql.Kind.LITERAL || !s.text().startsWith("'")) {
      return null;
    }
    return s.text().substring(1, s.text().length() - 1).replace("''", "'");
  }
}
