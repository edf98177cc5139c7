package io.jctds.server.tsql;

import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;

/**
 * CAST, CONVERT and implicit conversions, as SQL Server converts ("CAST and CONVERT
 * (Transact-SQL)"): numbers to integers truncate; strings are cut to the target length (CAST never
 * fails on length); date and time values print and parse in SQL Server's formats and CONVERT
 * styles; datetime keeps 1/300 s and smalldatetime whole minutes; bit prints as 1/0;
 * uniqueidentifier prints in upper case. What H2 does alike is left to H2's CAST; the rest goes
 * through the server's functions (schema {@code jctds}, see {@link
 * io.jctds.server.functions.SqlFunctions}).
 */
final class Conversions {
  private Conversions() {}

  /** {@code x} converted to {@code target} if SQL Server would convert it implicitly. */
  static Sql implicit(ExprTranslator t, Sql x, SqlType target) {
    if (target == null || x.type() == null || x.kind() == Sql.Kind.PREDICATE) {
      return x;
    }
    SqlType from = x.type();
    // bit is numeric to SQL Server but BOOLEAN in H2, which compares it with no number: bit = 1
    // converts the bit to int ("Data type precedence"), so the cast must be written out
    boolean bitChange = (from.base() == SqlBase.BIT) != (target.base() == SqlBase.BIT);
    if (from.base() == target.base()
        || from.base().isNumeric() && target.base().isNumeric() && !bitChange
        || from.base().isString() && target.base().isString()
        || from.base().isBinary() && target.base().isBinary()) {
      return x;
    }
    return cast(t, x, target, false, -1);
  }

  /**
   * {@code CAST(x AS target)}, {@code CONVERT(target, x, style)} and their TRY_ forms.
   *
   * @param style the CONVERT style, -1 for CAST and CONVERT without a style
   */
  static Sql cast(ExprTranslator t, Sql x, SqlType target, boolean tryCast, int style) {
    if (x.kind() == Sql.Kind.LITERAL && x.text().equals("NULL")) {
      return new Sql("CAST(NULL AS " + H2Types.ddl(target) + ")", target, true, Sql.Kind.OTHER);
    }
    SqlType from = x.type();
    String text = x.text();
    String styleText = String.valueOf(style);
    String converted;
    if (tryCast) {
      converted =
          "\"jctds\".\"try_convert\"("
              + asText(x)
              + ", "
              + Literals.quote(target.declaration())
              + ", "
              + styleText
              + ")";
      converted = "CAST(" + converted + " AS " + H2Types.ddl(target) + ")";
      return Sql.of(converted, target, true);
    }
    if (target.base().isString() || target.base() == SqlBase.XML) {
      converted = toText(x, target, style);
    } else if (from != null && from.base().isString()) {
      converted = fromText(text, target, styleText, from);
    } else {
      converted = other(x, target);
    }
    return Sql.of(converted, target, x.nullable());
  }

  /** A value as text for the conversion functions (binary as hex, bit as 1/0). */
  private static String asText(Sql x) {
    SqlType from = x.type();
    if (from == null || from.base().isString()) {
      return "CAST(" + x.text() + " AS VARCHAR)";
    }
    return textOf(x, 0);
  }

  private static String textOf(Sql x, int style) {
    SqlType from = x.type();
    String v = x.text();
    return switch (from.base()) {
      case BIT -> "CASE WHEN " + v + " THEN '1' WHEN NOT " + v + " THEN '0' END";
      case UNIQUEIDENTIFIER -> "UPPER(CAST(" + v + " AS VARCHAR))";
      case REAL, FLOAT ->
          "\"jctds\".\"float_text\"("
              + v
              + ", "
              + style
              + ", "
              + (from.base() == SqlBase.REAL)
              + ")";
      case MONEY, SMALLMONEY -> "\"jctds\".\"money_text\"(" + v + ", " + style + ")";
      case DATETIME, SMALLDATETIME, DATETIME2, DATE, TIME, DATETIMEOFFSET ->
          "\"jctds\".\"temporal_text\"(CAST("
              + v
              + " AS VARCHAR), "
              + Literals.quote(from.declaration())
              + ", "
              + style
              + ")";
      case BINARY, VARBINARY, IMAGE -> "\"jctds\".\"hex_text\"(" + v + ", " + style + ")";
      case SQL_VARIANT -> "\"jctds\".\"variant_text\"(" + v + ")";
      default -> "CAST(" + v + " AS VARCHAR)";
    };
  }

  private static String toText(Sql x, SqlType target, int style) {
    SqlType from = x.type();
    String text;
    if (from == null || from.base().isString() || from.base() == SqlBase.XML) {
      text = x.text();
      if (from != null && from.isUnicode() && !target.isUnicode() && !target.collation().utf8()) {
        text =
            "\"jctds\".\"codepage\"("
                + text
                + ", "
                + Literals.quote(target.collation().charset().name())
                + ")";
      }
    } else if (from.base().isBinary() && style <= 0) {
      text =
          "\"jctds\".\"bytes_text\"("
              + x.text()
              + ", "
              + target.isUnicode()
              + ", "
              + Literals.quote(target.collation().charset().name())
              + ")";
    } else {
      text = textOf(x, style);
    }
    String cast = "CAST(" + text + " AS " + H2Types.ddl(target.withLength(SqlType.MAX)) + ")";
    if (target.isMax()) {
      return cast;
    }
    return "LEFT(" + cast + ", " + target.length() + ")";
  }

  private static String fromText(String text, SqlType target, String style, SqlType from) {
    boolean unicode = from.isUnicode();
    String trimmed = "TRIM(" + text + ")";
    return switch (target.base()) {
      case DATETIME, SMALLDATETIME, DATETIME2, DATE, TIME, DATETIMEOFFSET ->
          "CAST(\"jctds\".\"parse_temporal\"("
              + text
              + ", "
              + Literals.quote(target.declaration())
              + ", "
              + style
              + ") AS "
              + H2Types.ddl(target)
              + ")";
      case BINARY, VARBINARY, IMAGE ->
          "\"jctds\".\"text_bytes\"(" + text + ", " + style + ", " + unicode + ")";
      case UNIQUEIDENTIFIER -> "\"jctds\".\"to_guid\"(" + text + ")";
      case TINYINT -> "\"jctds\".\"tinyint\"(CAST(" + trimmed + " AS BIGINT))";
      case BIT -> "\"jctds\".\"text_bit\"(" + text + ")";
      case SQL_VARIANT ->
          "\"jctds\".\"variant\"("
              + text
              + ", "
              + Literals.quote(
                  from.isMax()
                      ? from.withLength(from.isUnicode() ? 4000 : 8000).declaration()
                      : from.declaration())
              + ")";
      case INT, SMALLINT, BIGINT, DECIMAL, NUMERIC, MONEY, SMALLMONEY, REAL, FLOAT ->
          "CAST(\"jctds\".\"number_text\"("
              + text
              + ", "
              + Literals.quote(target.declaration())
              + ") AS "
              + H2Types.ddl(target)
              + ")";
      default -> "CAST(" + text + " AS " + H2Types.ddl(target) + ")";
    };
  }

  private static String other(Sql x, SqlType target) {
    SqlType from = x.type();
    String v = x.text();
    String h2 = H2Types.ddl(target);
    if (from == null) {
      return "CAST(" + v + " AS " + h2 + ")";
    }
    switch (target.base()) {
      case TINYINT, SMALLINT, INT, BIGINT -> {
        String whole =
            from.base().isNumeric()
                    && from.base() != SqlBase.BIT
                    && !from.base().equals(SqlBase.BIGINT)
                    && !from.base().equals(SqlBase.INT)
                    && !from.base().equals(SqlBase.SMALLINT)
                    && !from.base().equals(SqlBase.TINYINT)
                ? "TRUNC(" + v + ")"
                : v;
        if (from.base() == SqlBase.BIT) {
          whole = "CASE WHEN " + v + " THEN 1 WHEN NOT " + v + " THEN 0 END";
        } else if (from.base().isBinary()) {
          int size =
              switch (target.base()) {
                case TINYINT -> 1;
                case SMALLINT -> 2;
                case INT -> 4;
                default -> 8;
              };
          whole = "\"jctds\".\"bytes_integer\"(" + v + ", " + size + ")";
        }
        return target.base() == SqlBase.TINYINT
            ? "\"jctds\".\"tinyint\"(CAST(" + whole + " AS BIGINT))"
            : "CAST(" + whole + " AS " + h2 + ")";
      }
      case DATETIME -> {
        return "\"jctds\".\"round_datetime\"(CAST(" + temporalSource(x) + " AS TIMESTAMP(9)))";
      }
      case SMALLDATETIME -> {
        return "\"jctds\".\"round_smalldatetime\"(CAST(" + temporalSource(x) + " AS TIMESTAMP(9)))";
      }
      case SQL_VARIANT -> {
        if (from.base() == SqlBase.SQL_VARIANT) {
          return v; // already a variant body: it keeps its base type
        }
        return "\"jctds\".\"variant\"("
            + textOf(x, 126)
            + ", "
            + Literals.quote(from.declaration())
            + ")";
      }
      case UNIQUEIDENTIFIER -> {
        return from.base().isBinary()
            ? "\"jctds\".\"bytes_guid\"(" + v + ")"
            : "CAST(" + v + " AS UUID)";
      }
      case BINARY, VARBINARY -> {
        return from.base().isNumeric() || from.base() == SqlBase.UNIQUEIDENTIFIER
            ? "\"jctds\".\"value_bytes\"(CAST("
                + v
                + " AS VARCHAR), "
                + Literals.quote(from.declaration())
                + ", "
                + target.length()
                + ")"
            : "CAST(" + v + " AS " + h2 + ")";
      }
      default -> {
        return "CAST(" + v + " AS " + h2 + ")";
      }
    }
  }

  /** Numbers convert to datetime as days since 1900-01-01. */
  private static String temporalSource(Sql x) {
    if (x.type().base().isNumeric()) {
      return "DATEADD(MILLISECOND, CAST("
          + x.text()
          + " * 86400000 AS BIGINT),"
          + " TIMESTAMP '1900-01-01 00:00:00')";
    }
    return x.text();
  }
}
