package io.jctds.server.types;

import java.util.Locale;

/**
 * How each SQL Server type is stored in H2, and the SQL Server type an H2 result column stands for
 * when the server could not type the expression itself. The declared type is kept in the column's
 * REMARKS, since H2 folds datetime, datetime2 and smalldatetime into TIMESTAMP and varchar and
 * nvarchar into one character type.
 *
 * <table>
 *   <caption>Storage</caption>
 *   <tr><th>SQL Server</th><th>H2</th></tr>
 *   <tr><td>bit</td><td>BOOLEAN</td></tr>
 *   <tr><td>tinyint</td><td>SMALLINT (0..255 checked on conversion)</td></tr>
 *   <tr><td>smallint, int, bigint</td><td>SMALLINT, INTEGER, BIGINT</td></tr>
 *   <tr><td>real, float</td><td>REAL, DOUBLE PRECISION</td></tr>
 *   <tr><td>decimal(p,s), numeric(p,s)</td><td>NUMERIC(p,s)</td></tr>
 *   <tr><td>money, smallmoney</td><td>NUMERIC(19,4), NUMERIC(10,4)</td></tr>
 *   <tr><td>datetime, smalldatetime, datetime2(n)</td><td>TIMESTAMP(3), TIMESTAMP(0),
 *       TIMESTAMP(n)</td></tr>
 *   <tr><td>date, time(n), datetimeoffset(n)</td><td>DATE, TIME(n), TIMESTAMP(n) WITH TIME
 *       ZONE</td></tr>
 *   <tr><td>char(n), varchar(n), nchar(n), nvarchar(n)</td><td>VARCHAR_IGNORECASE(n) under a
 *       case-insensitive collation, else VARCHAR(n)</td></tr>
 *   <tr><td>(max), text, ntext, xml</td><td>the same with 1,000,000,000 characters</td></tr>
 *   <tr><td>binary(n), varbinary(n|max), image</td><td>BINARY(n), VARBINARY(n or
 *       1,000,000,000)</td></tr>
 *   <tr><td>uniqueidentifier</td><td>UUID</td></tr>
 *   <tr><td>sql_variant</td><td>VARBINARY(8100): the TDS sql_variant body (base type,
 *       properties, value)</td></tr>
 * </table>
 */
public final class H2Types {
  /** The length H2 gives the (max) types. */
  public static final int H2_MAX = 1_000_000_000;

  private H2Types() {}

  /** The H2 column or CAST type for {@code t}. */
  public static String ddl(SqlType t) {
    return switch (t.base()) {
      case BIT -> "BOOLEAN";
      case TINYINT, SMALLINT -> "SMALLINT";
      case INT -> "INTEGER";
      case BIGINT -> "BIGINT";
      case REAL -> "REAL";
      case FLOAT -> "DOUBLE PRECISION";
      case DECIMAL, NUMERIC, MONEY, SMALLMONEY ->
          "NUMERIC(" + t.precision() + "," + t.scale() + ")";
      case DATETIME -> "TIMESTAMP(3)";
      case SMALLDATETIME -> "TIMESTAMP(0)";
      case DATETIME2 -> "TIMESTAMP(" + t.scale() + ")";
      case DATE -> "DATE";
      case TIME -> "TIME(" + t.scale() + ")";
      case DATETIMEOFFSET -> "TIMESTAMP(" + t.scale() + ") WITH TIME ZONE";
      case CHAR, VARCHAR, NCHAR, NVARCHAR, TEXT, NTEXT -> text(t);
      case XML -> "VARCHAR(" + H2_MAX + ")";
      case BINARY -> "BINARY(" + t.length() + ")";
      case VARBINARY, IMAGE -> "VARBINARY(" + (t.isMax() ? H2_MAX : Math.max(1, t.length())) + ")";
      case UNIQUEIDENTIFIER -> "UUID";
      case SQL_VARIANT -> "VARBINARY(8100)";
    };
  }

  private static String text(SqlType t) {
    boolean ci = t.collation() == null || t.collation().ignoreCase();
    int n = t.isMax() ? H2_MAX : Math.max(1, t.length());
    return (ci ? "VARCHAR_IGNORECASE(" : "VARCHAR(") + n + ")";
  }

  /**
   * The SQL Server type of an H2 result column the server could not type itself (an H2 function's
   * result, say): the closest type that holds every value.
   *
   * @param h2Type the H2 type name from the result set metadata
   * @param precision its precision (length of character and binary types)
   * @param scale its scale
   */
  public static SqlType fromH2(String h2Type, int precision, int scale) {
    String n = h2Type.toUpperCase(Locale.ROOT);
    return switch (n) {
      case "BOOLEAN" -> SqlType.BIT;
      case "TINYINT" -> SqlType.TINYINT;
      case "SMALLINT" -> SqlType.SMALLINT;
      case "INTEGER" -> SqlType.INT;
      case "BIGINT" -> SqlType.BIGINT;
      case "REAL" -> SqlType.REAL;
      case "DOUBLE PRECISION", "DECFLOAT" -> SqlType.FLOAT;
      case "NUMERIC" -> SqlType.numeric(Math.min(38, Math.max(1, precision)), Math.min(scale, 38));
      case "DATE" -> SqlType.DATE;
      case "TIME", "TIME WITH TIME ZONE" -> SqlType.time(Math.min(7, scale));
      case "TIMESTAMP" -> SqlType.datetime2(Math.min(7, scale));
      case "TIMESTAMP WITH TIME ZONE" -> SqlType.datetimeoffset(Math.min(7, scale));
      case "UUID" -> SqlType.GUID;
      case "BINARY", "BINARY VARYING", "BLOB", "JAVA_OBJECT", "GEOMETRY" ->
          SqlType.varbinary(precision > 0 && precision <= 8000 ? precision : SqlType.MAX);
      case "NULL" -> SqlType.INT;
      default -> SqlType.nvarchar(precision > 0 && precision <= 4000 ? precision : SqlType.MAX);
    };
  }
}
