package io.jctds.server.types;

import java.util.Locale;

/**
 * The ids of the system data types as sys.types lists them (system_type_id; sysname is user type
 * 256 over nvarchar 231), from SQL Server's sys.types ("sys.types (Transact-SQL)").
 */
public final class SystemTypes {
  private SystemTypes() {}

  /** The system_type_id of {@code base}. */
  public static int id(SqlBase base) {
    return switch (base) {
      case IMAGE -> 34;
      case TEXT -> 35;
      case UNIQUEIDENTIFIER -> 36;
      case DATE -> 40;
      case TIME -> 41;
      case DATETIME2 -> 42;
      case DATETIMEOFFSET -> 43;
      case TINYINT -> 48;
      case SMALLINT -> 52;
      case INT -> 56;
      case SMALLDATETIME -> 58;
      case REAL -> 59;
      case MONEY -> 60;
      case DATETIME -> 61;
      case FLOAT -> 62;
      case SQL_VARIANT -> 98;
      case NTEXT -> 99;
      case BIT -> 104;
      case DECIMAL -> 106;
      case NUMERIC -> 108;
      case SMALLMONEY -> 122;
      case BIGINT -> 127;
      case VARBINARY -> 165;
      case VARCHAR -> 167;
      case BINARY -> 173;
      case CHAR -> 175;
      case NVARCHAR -> 231;
      case NCHAR -> 239;
      case XML -> 241;
    };
  }

  /** The type with system_type_id (or user_type_id 256 for sysname) {@code id}, or null. */
  public static String name(int id) {
    if (id == 256) {
      return "sysname";
    }
    for (SqlBase b : SqlBase.values()) {
      if (id(b) == id) {
        return b.sqlName();
      }
    }
    return null;
  }

  /** The id of the type named {@code name}, or -1. */
  public static int idOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("sysname")) {
      return 256;
    }
    SqlBase b = SqlBase.named(n);
    return b == null ? -1 : id(b);
  }

  /** sys.columns.max_length: bytes, -1 for (max), 16 for text pointers. */
  public static int maxLength(SqlType t) {
    if (t.isMax()) {
      return t.base() == SqlBase.TEXT || t.base() == SqlBase.NTEXT || t.base() == SqlBase.IMAGE
          ? 16
          : -1;
    }
    return switch (t.base()) {
      case CHAR, VARCHAR, BINARY, VARBINARY -> t.length();
      case NCHAR, NVARCHAR -> 2 * t.length();
      case BIT, TINYINT -> 1;
      case SMALLINT -> 2;
      case INT, REAL, SMALLMONEY, SMALLDATETIME -> 4;
      case BIGINT, FLOAT, MONEY, DATETIME -> 8;
      case DATE -> 3;
      case TIME -> t.scale() <= 2 ? 3 : t.scale() <= 4 ? 4 : 5;
      case DATETIME2 -> t.scale() <= 2 ? 6 : t.scale() <= 4 ? 7 : 8;
      case DATETIMEOFFSET -> t.scale() <= 2 ? 8 : t.scale() <= 4 ? 9 : 10;
      case DECIMAL, NUMERIC ->
          t.precision() <= 9 ? 5 : t.precision() <= 19 ? 9 : t.precision() <= 28 ? 13 : 17;
      case UNIQUEIDENTIFIER -> 16;
      case SQL_VARIANT -> 8016;
      default -> -1;
    };
  }

  /** sys.columns.precision. */
  public static int precision(SqlType t) {
    return switch (t.base()) {
      case BIT -> 1;
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INT -> 10;
      case BIGINT -> 19;
      case REAL -> 24;
      case FLOAT -> 53;
      case DECIMAL, NUMERIC -> t.precision();
      case MONEY -> 19;
      case SMALLMONEY -> 10;
      case DATETIME -> 23;
      case SMALLDATETIME -> 16;
      case DATE -> 10;
      case TIME -> t.scale() == 0 ? 8 : 9 + t.scale();
      case DATETIME2 -> t.scale() == 0 ? 19 : 20 + t.scale();
      case DATETIMEOFFSET -> t.scale() == 0 ? 26 : 27 + t.scale();
      default -> 0;
    };
  }

  /** sys.columns.scale. */
  public static int scale(SqlType t) {
    return switch (t.base()) {
      case DECIMAL, NUMERIC, TIME, DATETIME2, DATETIMEOFFSET -> t.scale();
      case MONEY, SMALLMONEY -> 4;
      case DATETIME -> 3;
      default -> 0;
    };
  }
}
