package io.jctds.server.catalog;

import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.SystemTypes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values the catalog views show that the server computes: an object's displayed name, the name of a
 * column's DEFAULT constraint, and the properties of a column's declared SQL Server type as
 * sys.columns and INFORMATION_SCHEMA.COLUMNS report them. Declarations are parsed once and cached.
 */
final class CatalogValues {
  private static final int CACHE_LIMIT = 4096;
  private static final Map<String, SqlType> PARSED = new ConcurrentHashMap<>();

  private CatalogValues() {}

  /**
   * The name sys.objects shows: a local temporary table's name with a 12-character suffix, as SQL
   * Server stores it in tempdb ("CREATE TABLE (Transact-SQL)", temporary tables: the stored name is
   * the name plus a system-generated suffix, and the name "can't exceed 116 characters"). The name
   * is padded to 116 characters with underscores, as SQL Server shows it (that form is not
   * documented); the suffix here is the hex digits of the negated object id. Every other name is
   * shown as created.
   */
  static String displayName(String name, Integer objectId) {
    if (name == null || !name.startsWith("#") || name.startsWith("##") || objectId == null) {
      return name;
    }
    StringBuilder sb = new StringBuilder(128).append(name);
    while (sb.length() < 116) {
      sb.append('_');
    }
    String suffix = Long.toHexString(Math.abs((long) objectId)).toUpperCase(Locale.ROOT);
    sb.append("0".repeat(Math.max(0, 12 - suffix.length()))).append(suffix);
    return sb.toString();
  }

  /**
   * The name of the DEFAULT constraint of column {@code column} of {@code table}: SQL Server names
   * an unnamed one {@code DF__<table>__<column>__<hex>}; H2 keeps defaults without names, so the
   * server derives a stable one of that shape.
   */
  static String defaultName(String database, String schema, String table, String column) {
    if (table == null || column == null) {
      return null;
    }
    String t = table.replace("#", "");
    int id = ObjectIds.of(database, schema, table + "." + column);
    return "DF__"
        + (t.length() > 9 ? t.substring(0, 9) : t)
        + "__"
        + (column.length() > 5 ? column.substring(0, 5) : column)
        + "__"
        + String.format(Locale.ROOT, "%08X", Math.abs(id));
  }

  /**
   * A column's SQL Server type declaration: its REMARKS (a table column), else its place in the
   * view's type list (a view column), else the closest type to its H2 type.
   */
  static String declaredType(
      String columnRemarks,
      String tableRemarks,
      Integer position,
      String h2Type,
      Long length,
      Integer precision,
      Integer scale,
      Integer datetimePrecision) {
    SqlType known = null;
    if (position != null) {
      List<SqlType> types = Catalog.viewTypes(tableRemarks);
      if (types != null && position >= 1 && position <= types.size()) {
        known = types.get(position - 1);
      }
    }
    SqlType t =
        Catalog.resolve(columnRemarks, known, h2Type, length, precision, scale, datetimePrecision);
    return t == null ? null : t.declaration();
  }

  /** The parsed declaration (cached). */
  static SqlType parse(String declaration) {
    SqlType t = PARSED.get(declaration);
    if (t == null) {
      t = SqlType.parse(declaration);
      if (PARSED.size() >= CACHE_LIMIT) {
        PARSED.clear();
      }
      PARSED.put(declaration, t);
    }
    return t;
  }

  /**
   * A numeric property of a declared type: {@code system_type_id}, {@code max_length}, {@code
   * precision}, {@code scale} (sys.columns (Transact-SQL)), or INFORMATION_SCHEMA.COLUMNS' {@code
   * CHARACTER_MAXIMUM_LENGTH}, {@code CHARACTER_OCTET_LENGTH}, {@code NUMERIC_PRECISION}, {@code
   * NUMERIC_PRECISION_RADIX}, {@code NUMERIC_SCALE}, {@code DATETIME_PRECISION} (COLUMNS
   * (Transact-SQL)).
   */
  static Integer typeNumber(String declaration, String property) {
    if (declaration == null || property == null) {
      return null;
    }
    SqlType t = parse(declaration);
    return switch (property) {
      case "system_type_id" -> SystemTypes.id(t.base());
      case "max_length" -> SystemTypes.maxLength(t);
      case "precision" -> SystemTypes.precision(t);
      case "scale" -> SystemTypes.scale(t);
      case "CHARACTER_MAXIMUM_LENGTH" -> characterLength(t, false);
      case "CHARACTER_OCTET_LENGTH" -> characterLength(t, true);
      case "NUMERIC_PRECISION" -> numeric(t) ? SystemTypes.precision(t) : null;
      case "NUMERIC_PRECISION_RADIX" -> radix(t);
      // float and real have no scale: NULL, as SQL Server's own view reports them
      case "NUMERIC_SCALE" -> numeric(t) && !approximate(t) ? SystemTypes.scale(t) : null;
      case "DATETIME_PRECISION" -> temporal(t) ? SystemTypes.scale(t) : null;
      case "is_ansi_padded" -> padded(t) ? 1 : 0;
      default -> throw new IllegalArgumentException("unknown type property " + property);
    };
  }

  /**
   * A text property of a declared type: {@code name} (the system type's name, INFORMATION_SCHEMA's
   * DATA_TYPE), {@code collation} (collation_name, null for non-character types), {@code charset}
   * (CHARACTER_SET_NAME: {@code UNICODE} for nchar, nvarchar and ntext, else the code page's name).
   */
  static String typeText(String declaration, String property) {
    if (declaration == null || property == null) {
      return null;
    }
    SqlType t = parse(declaration);
    return switch (property) {
      case "name" -> t.base().sqlName();
      case "collation" -> t.collation() == null ? null : t.collation().name();
      case "charset" -> charset(t);
      default -> throw new IllegalArgumentException("unknown type property " + property);
    };
  }

  private static Integer characterLength(SqlType t, boolean octets) {
    SqlBase b = t.base();
    if (b == SqlBase.XML) {
      return -1;
    }
    return switch (b) {
      case TEXT, IMAGE -> Integer.MAX_VALUE;
      case NTEXT -> octets ? Integer.MAX_VALUE - 1 : (Integer.MAX_VALUE - 1) / 2;
      case CHAR, VARCHAR, BINARY, VARBINARY -> t.length() == SqlType.MAX ? -1 : t.length();
      case NCHAR, NVARCHAR -> t.length() == SqlType.MAX ? -1 : octets ? 2 * t.length() : t.length();
      default -> null;
    };
  }

  private static boolean numeric(SqlType t) {
    return switch (t.base()) {
      case TINYINT, SMALLINT, INT, BIGINT, DECIMAL, NUMERIC, MONEY, SMALLMONEY, REAL, FLOAT -> true;
      default -> false;
    };
  }

  /** Whether ANSI_PADDING applies: character, binary and sql_variant columns. */
  private static boolean padded(SqlType t) {
    return t.base().isString()
        || t.base().family() == SqlBase.Family.BINARY
        || t.base() == SqlBase.SQL_VARIANT;
  }

  private static boolean approximate(SqlType t) {
    return t.base() == SqlBase.REAL || t.base() == SqlBase.FLOAT;
  }

  private static boolean temporal(SqlType t) {
    return switch (t.base()) {
      case DATE, TIME, DATETIME2, DATETIMEOFFSET, DATETIME, SMALLDATETIME -> true;
      default -> false;
    };
  }

  private static Integer radix(SqlType t) {
    return !numeric(t) ? null : approximate(t) ? 2 : 10;
  }

  private static String charset(SqlType t) {
    if (!t.base().isString()) {
      return null;
    }
    if (t.isUnicode()) {
      return "UNICODE";
    }
    return t.collation().utf8() ? "UTF8" : "iso_1";
  }
}
