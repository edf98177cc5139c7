package io.jctds.server.types;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SQL Server's system data types, in the order of "Data type precedence (Transact-SQL)"
 * (learn.microsoft.com/sql/t-sql/data-types/data-type-precedence-transact-sql): a higher {@link
 * #precedence()} wins an implicit conversion. decimal and numeric share a rank, as do the (max)
 * forms with their types.
 */
public enum SqlBase {
  /** sql_variant. */
  SQL_VARIANT("sql_variant", 29, Family.VARIANT),
  /** xml. */
  XML("xml", 28, Family.XML),
  /** datetimeoffset(n). */
  DATETIMEOFFSET("datetimeoffset", 27, Family.TEMPORAL),
  /** datetime2(n). */
  DATETIME2("datetime2", 26, Family.TEMPORAL),
  /** datetime. */
  DATETIME("datetime", 25, Family.TEMPORAL),
  /** smalldatetime. */
  SMALLDATETIME("smalldatetime", 24, Family.TEMPORAL),
  /** date. */
  DATE("date", 23, Family.TEMPORAL),
  /** time(n). */
  TIME("time", 22, Family.TEMPORAL),
  /** float. */
  FLOAT("float", 21, Family.APPROXIMATE),
  /** real. */
  REAL("real", 20, Family.APPROXIMATE),
  /** decimal(p,s). */
  DECIMAL("decimal", 19, Family.EXACT),
  /** numeric(p,s): decimal's synonym, kept apart for metadata. */
  NUMERIC("numeric", 19, Family.EXACT),
  /** money. */
  MONEY("money", 18, Family.EXACT),
  /** smallmoney. */
  SMALLMONEY("smallmoney", 17, Family.EXACT),
  /** bigint. */
  BIGINT("bigint", 16, Family.INTEGER),
  /** int. */
  INT("int", 15, Family.INTEGER),
  /** smallint. */
  SMALLINT("smallint", 14, Family.INTEGER),
  /** tinyint. */
  TINYINT("tinyint", 13, Family.INTEGER),
  /** bit. */
  BIT("bit", 12, Family.INTEGER),
  /** ntext. */
  NTEXT("ntext", 11, Family.UNICODE),
  /** text. */
  TEXT("text", 10, Family.CHARACTER),
  /** image. */
  IMAGE("image", 9, Family.BINARY),
  /** uniqueidentifier. */
  UNIQUEIDENTIFIER("uniqueidentifier", 7, Family.GUID),
  /** nvarchar(n) and nvarchar(max). */
  NVARCHAR("nvarchar", 6, Family.UNICODE),
  /** nchar(n). */
  NCHAR("nchar", 5, Family.UNICODE),
  /** varchar(n) and varchar(max). */
  VARCHAR("varchar", 4, Family.CHARACTER),
  /** char(n). */
  CHAR("char", 3, Family.CHARACTER),
  /** varbinary(n) and varbinary(max). */
  VARBINARY("varbinary", 2, Family.BINARY),
  /** binary(n). */
  BINARY("binary", 1, Family.BINARY);

  /** Groups of types that convert among each other alike. */
  public enum Family {
    /** bit and the integers. */
    INTEGER,
    /** decimal, numeric, money, smallmoney. */
    EXACT,
    /** real and float. */
    APPROXIMATE,
    /** date and time types. */
    TEMPORAL,
    /** char, varchar, text. */
    CHARACTER,
    /** nchar, nvarchar, ntext. */
    UNICODE,
    /** binary, varbinary, image. */
    BINARY,
    /** uniqueidentifier. */
    GUID,
    /** xml. */
    XML,
    /** sql_variant. */
    VARIANT
  }

  private static final Map<String, SqlBase> BY_NAME = new TreeMap<>();

  static {
    for (SqlBase b : values()) {
      BY_NAME.put(b.sqlName, b);
    }
  }

  private final String sqlName;
  private final int precedence;
  private final Family family;

  SqlBase(String sqlName, int precedence, Family family) {
    this.sqlName = sqlName;
    this.precedence = precedence;
    this.family = family;
  }

  /** The type's name as SQL Server spells it in metadata (lower case). */
  public String sqlName() {
    return sqlName;
  }

  /** Its rank in data type precedence: higher wins. */
  public int precedence() {
    return precedence;
  }

  /** Its family. */
  public Family family() {
    return family;
  }

  /** Whether values are numbers (bit included, as SQL Server converts it like an integer). */
  public boolean isNumeric() {
    return family == Family.INTEGER || family == Family.EXACT || family == Family.APPROXIMATE;
  }

  /** Whether values are character strings (char, varchar, text, and their Unicode forms). */
  public boolean isString() {
    return family == Family.CHARACTER || family == Family.UNICODE;
  }

  /** Whether values are date and time values. */
  public boolean isTemporal() {
    return family == Family.TEMPORAL;
  }

  /** Whether values are byte strings. */
  public boolean isBinary() {
    return family == Family.BINARY;
  }

  /** Whether the declared length is part of the type (char, binary and their variants). */
  public boolean hasLength() {
    return switch (this) {
      case CHAR, VARCHAR, NCHAR, NVARCHAR, BINARY, VARBINARY -> true;
      default -> false;
    };
  }

  /** Whether the type takes a fractional-second scale (time, datetime2, datetimeoffset). */
  public boolean hasFractionScale() {
    return this == TIME || this == DATETIME2 || this == DATETIMEOFFSET;
  }

  /** The type named {@code name} (any case, synonyms resolved), or null. */
  public static SqlBase named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return switch (n) {
      case "integer" -> INT;
      case "dec" -> DECIMAL;
      case "double precision" -> FLOAT;
      case "character", "nchar varying" -> n.equals("character") ? CHAR : NVARCHAR;
      case "rowversion", "timestamp", "sysname", "hierarchyid", "geometry", "geography" -> null;
      default -> BY_NAME.get(n);
    };
  }
}
