package io.jctds.server.types;

import io.jctds.server.sql.SqlException;
import java.util.Locale;

/**
 * Builds a {@link SqlType} from a type name and its arguments, with SQL Server's defaults and
 * limits ("Data types (Transact-SQL)" on learn.microsoft.com): a missing length is 1 (30 in CAST
 * and CONVERT), decimal defaults to (18,0), time/datetime2/datetimeoffset to scale 7, float(1..24)
 * is real; char/binary lengths stop at 8000 and nchar lengths at 4000 (error 131).
 */
public final class TypeDeclarations {
  private TypeDeclarations() {}

  /** {@link #build(String, String[], boolean)} outside CAST/CONVERT. */
  static SqlType build(String name, String[] args) {
    return build(name, args, false);
  }

  /**
   * The type {@code name(args...)}.
   *
   * @param inCast whether a missing length defaults to 30 (CAST, CONVERT) rather than 1
   * @throws SqlException 2715 unknown type, 131 length too large, 1002 bad scale, 2750 precision
   */
  public static SqlType build(String name, String[] args, boolean inCast) {
    String n = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (n.startsWith("sys.")) {
      n = n.substring(4);
    }
    if (n.equals("sysname")) {
      return SqlType.SYSNAME;
    }
    n =
        switch (n) {
          case "character varying", "char varying" -> "varchar";
          case "national character varying", "national char varying" -> "nvarchar";
          case "national character", "national char" -> "nchar";
          case "binary varying" -> "varbinary";
          case "national text" -> "ntext";
          default -> n;
        };
    SqlBase base = SqlBase.named(n);
    if (base == null) {
      throw new SqlException(2715, 16, 6, "Cannot find data type " + name + ".", true);
    }
    if (args.length > 0 && !takesArguments(base)) {
      throw new SqlException(
          2716,
          16,
          1,
          "Column, parameter, or variable #1: Cannot specify a column width on data type "
              + base.sqlName()
              + ".",
          true);
    }
    return switch (base) {
      case CHAR, VARCHAR, NCHAR, NVARCHAR, BINARY, VARBINARY -> sized(base, args, inCast);
      case DECIMAL, NUMERIC -> decimal(base, args);
      case FLOAT -> floatType(args);
      case TIME, DATETIME2, DATETIMEOFFSET ->
          new SqlType(base, 0, 0, args.length == 0 ? 7 : scale(args[0]), null);
      default -> canonical(base);
    };
  }

  private static boolean takesArguments(SqlBase b) {
    return b.hasLength()
        || b == SqlBase.DECIMAL
        || b == SqlBase.NUMERIC
        || b == SqlBase.FLOAT
        || b.hasFractionScale();
  }

  /** The one type of a parameterless base. */
  static SqlType canonical(SqlBase base) {
    return switch (base) {
      case INT -> SqlType.INT;
      case BIGINT -> SqlType.BIGINT;
      case SMALLINT -> SqlType.SMALLINT;
      case TINYINT -> SqlType.TINYINT;
      case BIT -> SqlType.BIT;
      case REAL -> SqlType.REAL;
      case FLOAT -> SqlType.FLOAT;
      case MONEY -> SqlType.MONEY;
      case SMALLMONEY -> SqlType.SMALLMONEY;
      case DATETIME -> SqlType.DATETIME;
      case SMALLDATETIME -> SqlType.SMALLDATETIME;
      case DATE -> SqlType.DATE;
      case UNIQUEIDENTIFIER -> SqlType.GUID;
      case XML -> SqlType.XML;
      case SQL_VARIANT -> SqlType.VARIANT;
      case TEXT, NTEXT, IMAGE -> new SqlType(base, SqlType.MAX, 0, 0, null);
      default -> new SqlType(base, 0, 0, 0, null);
    };
  }

  private static SqlType sized(SqlBase base, String[] args, boolean inCast) {
    int limit = base == SqlBase.NCHAR || base == SqlBase.NVARCHAR ? 4000 : 8000;
    if (args.length == 0) {
      return new SqlType(base, inCast ? 30 : 1, 0, 0, null);
    }
    if (args[0].equalsIgnoreCase("max")) {
      if (base == SqlBase.CHAR || base == SqlBase.NCHAR || base == SqlBase.BINARY) {
        throw new SqlException(
            102, 15, 1, "Incorrect syntax near 'max'.", true); // only the var types have (max)
      }
      return new SqlType(base, SqlType.MAX, 0, 0, null);
    }
    int len = number(args[0]);
    if (len < 1) {
      throw new SqlException(
          1001, 15, 1, "Line 1: Length or precision specification 0 is invalid.", true);
    }
    if (len > limit) {
      throw new SqlException(
          131,
          15,
          3,
          "The size ("
              + len
              + ") given to the type '"
              + base.sqlName()
              + "' exceeds the maximum allowed for any data type ("
              + limit
              + ").",
          true);
    }
    return new SqlType(base, len, 0, 0, null);
  }

  private static SqlType decimal(SqlBase base, String[] args) {
    int p = args.length == 0 ? 18 : number(args[0]);
    int s = args.length < 2 ? 0 : number(args[1]);
    if (p < 1 || p > 38) {
      throw new SqlException(
          2750,
          16,
          1,
          "Column or parameter #1: Specified column precision "
              + p
              + " is greater than the maximum precision of 38.",
          true);
    }
    if (s > p) {
      throw new SqlException(
          2750,
          16,
          1,
          "Column or parameter #1: Specified column scale " + s + " is greater than the precision.",
          true);
    }
    return new SqlType(base, 0, p, s, null);
  }

  private static SqlType floatType(String[] args) {
    if (args.length == 0) {
      return SqlType.FLOAT;
    }
    int n = number(args[0]);
    if (n < 1 || n > 53) {
      throw new SqlException(
          2751,
          16,
          1,
          "Column or parameter #1: Specified column precision "
              + n
              + " is greater than the maximum precision of 53.",
          true);
    }
    return n <= 24 ? SqlType.REAL : SqlType.FLOAT;
  }

  private static int scale(String arg) {
    int s = number(arg);
    if (s < 0 || s > 7) {
      throw new SqlException(1002, 15, 1, "Line 1: Specified scale " + s + " is invalid.", true);
    }
    return s;
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new SqlException(102, 15, 1, "Incorrect syntax near '" + s.trim() + "'.", true);
    }
  }
}
