package io.jctds.jdbc;

import io.jctds.Column;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL Server types as JDBC sees them: each type's java.sql.Types code and getObject class (as
 * mssql-jdbc 13.6.2's ResultSetMetaData reports them on SQL Server 2008 and later), its conversion
 * family, and which getter families each family converts to (JDBC 4.3 table B-6 as mssql-jdbc
 * narrows it: a date has no time, a time no date, numbers no date).
 */
final class JdbcTypes {
  private JdbcTypes() {}

  /** The family of a getter's target (what JDBC type the getter asks for). */
  enum Target {
    NUMERIC,
    CHARACTER,
    LONG_CHARACTER,
    NCHARACTER,
    LONG_NCHARACTER,
    BINARY,
    LONG_BINARY,
    DATE,
    TIME,
    TIMESTAMP,
    DATETIMEOFFSET,
    GUID,
    BLOB,
    CLOB,
    NCLOB,
    SQLXML
  }

  /** The conversion family of a SQL Server type and the getter families it converts to. */
  enum Family {
    NUMERIC(Target.NUMERIC, Target.CHARACTER, Target.BINARY),
    CHARACTER(
        Target.NUMERIC,
        Target.DATE,
        Target.TIME,
        Target.TIMESTAMP,
        Target.CHARACTER,
        Target.LONG_CHARACTER,
        Target.BINARY,
        Target.GUID),
    LONG_CHARACTER(
        Target.NUMERIC,
        Target.DATE,
        Target.TIME,
        Target.TIMESTAMP,
        Target.CHARACTER,
        Target.LONG_CHARACTER,
        Target.BINARY,
        Target.CLOB),
    NCHARACTER(
        Target.NUMERIC,
        Target.CHARACTER,
        Target.LONG_CHARACTER,
        Target.NCHARACTER,
        Target.LONG_NCHARACTER,
        Target.BINARY,
        Target.DATE,
        Target.TIME,
        Target.TIMESTAMP),
    LONG_NCHARACTER(
        Target.NUMERIC,
        Target.CHARACTER,
        Target.LONG_CHARACTER,
        Target.NCHARACTER,
        Target.LONG_NCHARACTER,
        Target.BINARY,
        Target.DATE,
        Target.TIME,
        Target.TIMESTAMP,
        Target.CLOB,
        Target.NCLOB),
    BINARY(Target.BINARY, Target.LONG_BINARY, Target.CHARACTER, Target.LONG_CHARACTER, Target.GUID),
    LONG_BINARY(
        Target.BINARY, Target.LONG_BINARY, Target.CHARACTER, Target.LONG_CHARACTER, Target.BLOB),
    DATE(Target.DATE, Target.TIMESTAMP, Target.CHARACTER),
    TIME(Target.TIME, Target.TIMESTAMP, Target.CHARACTER),
    DATETIME(Target.DATE, Target.TIME, Target.TIMESTAMP, Target.CHARACTER, Target.BINARY),
    DATETIME2(Target.DATE, Target.TIME, Target.TIMESTAMP, Target.CHARACTER),
    DATETIMEOFFSET(
        Target.DATE, Target.TIME, Target.TIMESTAMP, Target.DATETIMEOFFSET, Target.CHARACTER),
    GUID(Target.BINARY, Target.CHARACTER),
    XML(
        Target.CHARACTER,
        Target.LONG_CHARACTER,
        Target.CLOB,
        Target.NCHARACTER,
        Target.LONG_NCHARACTER,
        Target.NCLOB,
        Target.BINARY,
        Target.LONG_BINARY,
        Target.BLOB,
        Target.SQLXML),
    UDT(Target.BINARY, Target.LONG_BINARY, Target.CHARACTER),
    VARIANT(
        Target.CHARACTER,
        Target.NUMERIC,
        Target.DATE,
        Target.TIME,
        Target.BINARY,
        Target.TIMESTAMP,
        Target.NCHARACTER,
        Target.GUID);

    private final Set<Target> targets;

    Family(Target first, Target... rest) {
      this.targets = EnumSet.of(first, rest);
    }

    boolean converts(Target t) {
      return targets.contains(t);
    }
  }

  /** A SQL Server type: its family, java.sql.Types code and getObject class. */
  enum Kind {
    BIT(Family.NUMERIC, Types.BIT, Boolean.class),
    TINYINT(Family.NUMERIC, Types.TINYINT, Short.class),
    SMALLINT(Family.NUMERIC, Types.SMALLINT, Short.class),
    INT(Family.NUMERIC, Types.INTEGER, Integer.class),
    BIGINT(Family.NUMERIC, Types.BIGINT, Long.class),
    REAL(Family.NUMERIC, Types.REAL, Float.class),
    FLOAT(Family.NUMERIC, Types.DOUBLE, Double.class),
    DECIMAL(Family.NUMERIC, Types.DECIMAL, BigDecimal.class),
    NUMERIC(Family.NUMERIC, Types.NUMERIC, BigDecimal.class),
    MONEY(Family.NUMERIC, Types.DECIMAL, BigDecimal.class),
    SMALLMONEY(Family.NUMERIC, Types.DECIMAL, BigDecimal.class),
    CHAR(Family.CHARACTER, Types.CHAR, String.class),
    VARCHAR(Family.CHARACTER, Types.VARCHAR, String.class),
    VARCHARMAX(Family.LONG_CHARACTER, Types.VARCHAR, String.class),
    TEXT(Family.LONG_CHARACTER, Types.LONGVARCHAR, String.class),
    NCHAR(Family.NCHARACTER, Types.NCHAR, String.class),
    NVARCHAR(Family.NCHARACTER, Types.NVARCHAR, String.class),
    NVARCHARMAX(Family.LONG_NCHARACTER, Types.NVARCHAR, String.class),
    NTEXT(Family.LONG_NCHARACTER, Types.LONGNVARCHAR, String.class),
    BINARY(Family.BINARY, Types.BINARY, byte[].class),
    VARBINARY(Family.BINARY, Types.VARBINARY, byte[].class),
    VARBINARYMAX(Family.LONG_BINARY, Types.VARBINARY, byte[].class),
    IMAGE(Family.LONG_BINARY, Types.LONGVARBINARY, byte[].class),
    DATE(Family.DATE, Types.DATE, java.sql.Date.class),
    TIME(Family.TIME, Types.TIME, java.sql.Time.class),
    DATETIME(Family.DATETIME, Types.TIMESTAMP, java.sql.Timestamp.class),
    SMALLDATETIME(Family.DATETIME, Types.TIMESTAMP, java.sql.Timestamp.class),
    DATETIME2(Family.DATETIME2, Types.TIMESTAMP, java.sql.Timestamp.class),
    DATETIMEOFFSET(Family.DATETIMEOFFSET, Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.class),
    GUID(Family.GUID, Types.CHAR, String.class),
    XML(Family.XML, Types.LONGNVARCHAR, String.class),
    /** mssql-jdbc's microsoft.sql.Types.SQL_VARIANT (-156): JDBC has no code for it. */
    VARIANT(Family.VARIANT, -156, Object.class),
    UDT(Family.UDT, Types.VARBINARY, byte[].class);

    final Family family;
    final int jdbcType;
    final Class<?> javaClass;

    Kind(Family family, int jdbcType, Class<?> javaClass) {
      this.family = family;
      this.jdbcType = jdbcType;
      this.javaClass = javaClass;
    }
  }

  /** The kind of the column's SQL Server type (a UDT name such as hierarchyid is UDT). */
  static Kind kind(Column c) {
    String name = c.typeName();
    Kind k = KINDS.get(name); // the name is one String per result set column: its hash is cached
    if (k == null) {
      k = parse(name);
      if (KINDS.size() < 4096) {
        KINDS.put(name, k);
      }
    }
    return k;
  }

  /** Kinds by type name, so a getter does not parse the name on every call. */
  private static final Map<String, Kind> KINDS = new ConcurrentHashMap<>();

  private static Kind parse(String typeName) {
    String full = typeName.toLowerCase(Locale.ROOT);
    boolean max = full.endsWith("(max)");
    int p = full.indexOf('(');
    String base = p < 0 ? full : full.substring(0, p);
    return switch (base) {
      case "bit" -> Kind.BIT;
      case "tinyint" -> Kind.TINYINT;
      case "smallint" -> Kind.SMALLINT;
      case "int" -> Kind.INT;
      case "bigint" -> Kind.BIGINT;
      case "real" -> Kind.REAL;
      case "float" -> Kind.FLOAT;
      case "decimal" -> Kind.DECIMAL;
      case "numeric" -> Kind.NUMERIC;
      case "money" -> Kind.MONEY;
      case "smallmoney" -> Kind.SMALLMONEY;
      case "char" -> Kind.CHAR;
      case "varchar" -> max ? Kind.VARCHARMAX : Kind.VARCHAR;
      case "text" -> Kind.TEXT;
      case "nchar" -> Kind.NCHAR;
      case "nvarchar" -> max ? Kind.NVARCHARMAX : Kind.NVARCHAR;
      case "ntext" -> Kind.NTEXT;
      case "binary" -> Kind.BINARY;
      case "varbinary" -> max ? Kind.VARBINARYMAX : Kind.VARBINARY;
      case "image" -> Kind.IMAGE;
      case "date" -> Kind.DATE;
      case "time" -> Kind.TIME;
      case "datetime" -> Kind.DATETIME;
      case "smalldatetime" -> Kind.SMALLDATETIME;
      case "datetime2" -> Kind.DATETIME2;
      case "datetimeoffset" -> Kind.DATETIMEOFFSET;
      case "uniqueidentifier" -> Kind.GUID;
      case "xml" -> Kind.XML;
      case "sql_variant" -> Kind.VARIANT;
      default -> Kind.UDT;
    };
  }

  /**
   * The kind a value of column {@code c} converts as: the column's kind, or for a sql_variant the
   * kind of the base type its value came as.
   */
  static Kind kind(Object v, Column c) {
    return base(v, kind(c));
  }

  /** {@code k}, or for a sql_variant the kind of its value's base type. */
  static Kind base(Object v, Kind k) {
    return k == Kind.VARIANT ? variantKind(v) : k;
  }

  private static Kind variantKind(Object v) {
    if (v instanceof Boolean) {
      return Kind.BIT;
    } else if (v instanceof Short) {
      return Kind.SMALLINT;
    } else if (v instanceof Integer) {
      return Kind.INT;
    } else if (v instanceof Long) {
      return Kind.BIGINT;
    } else if (v instanceof Float) {
      return Kind.REAL;
    } else if (v instanceof Double) {
      return Kind.FLOAT;
    } else if (v instanceof BigDecimal) {
      return Kind.DECIMAL;
    } else if (v instanceof String) {
      return Kind.NVARCHAR;
    } else if (v instanceof UUID) {
      return Kind.GUID;
    } else if (v instanceof LocalDate) {
      return Kind.DATE;
    } else if (v instanceof LocalTime) {
      return Kind.TIME;
    } else if (v instanceof LocalDateTime) {
      return Kind.DATETIME2;
    } else if (v instanceof OffsetDateTime) {
      return Kind.DATETIMEOFFSET;
    }
    return Kind.VARBINARY;
  }
}
