package io.jctds.server.tsql;

import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;

/**
 * Conversions on assignment to a column or variable (INSERT, UPDATE, SET): like CAST, except that a
 * string or binary value too long for its target is an error (2628, reported by H2's length check),
 * char(n) and nchar(n) values are padded with spaces, tinyint is range-checked (220), datetime
 * keeps 1/300 s and smalldatetime whole minutes.
 */
final class Assignments {
  private Assignments() {}

  static Sql convert(ExprTranslator t, Sql v, SqlType target) {
    if (target == null
        || v.kind() == Sql.Kind.LITERAL
            && (v.text().equals("DEFAULT") || v.text().equals("NULL"))) {
      return v;
    }
    SqlType from = v.type();
    Sql converted;
    if (target.base().isString() || target.base() == SqlBase.XML) {
      converted =
          from != null && !from.base().isString() && from.base() != SqlBase.XML
              ? Conversions.cast(t, v, target.withLength(SqlType.MAX), false, -1)
              : v;
      if (target.base() == SqlBase.CHAR || target.base() == SqlBase.NCHAR) {
        converted =
            converted.withText("RPAD(" + converted.text() + ", " + target.length() + ", ' ')");
      } else if (from != null
          && from.isUnicode()
          && !target.isUnicode()
          && target.base() != SqlBase.XML
          && !target.collation().utf8()) {
        converted =
            converted.withText(
                "\"jctds\".\"codepage\"("
                    + converted.text()
                    + ", "
                    + Literals.quote(target.collation().charset().name())
                    + ")");
      }
    } else if (target.base().isBinary()) {
      converted =
          from != null && !from.base().isBinary()
              ? Conversions.cast(t, v, target.withLength(SqlType.MAX), false, -1)
              : v;
    } else if (target.base() == SqlBase.TINYINT) {
      converted = Conversions.cast(t, v, target, false, -1);
    } else if (target.base() == SqlBase.DATETIME
        || target.base() == SqlBase.SMALLDATETIME
        || target.base() == SqlBase.SQL_VARIANT) {
      converted = Conversions.cast(t, v, target, false, -1);
    } else if (from == null
        || from.base() != target.base()
        || target.isDecimal()
        || target.base().hasFractionScale()) {
      converted = Conversions.cast(t, v, target, false, -1);
    } else {
      converted = v;
    }
    return new Sql(converted.text(), target, v.nullable(), Sql.Kind.OTHER);
  }

  /** The H2 type of a column or variable of {@code t}. */
  static String h2(SqlType t) {
    return H2Types.ddl(t);
  }
}
