package io.jctds.server.types;

import io.jctds.server.sql.SqlException;
import java.util.Locale;

/**
 * A SQL Server data type with its parameters, e.g. {@code nvarchar(50)}, {@code decimal(18,2)},
 * {@code datetime2(7)}, {@code varchar(max) COLLATE Latin1_General_100_CI_AS_SC_UTF8}. The server
 * keeps one for every column (H2 folds several SQL Server types into one) and computes one for
 * every expression, so that result metadata says what SQL Server would.
 *
 * @param base the system type
 * @param length for char/varchar and binary/varbinary the length in bytes, for nchar/nvarchar in
 *     characters, {@link #MAX} for the (max) forms; 0 otherwise
 * @param precision decimal/numeric precision; float's mantissa bits (53 or 24); 0 otherwise
 * @param scale decimal/numeric scale; fractional-second digits of time, datetime2, datetimeoffset
 * @param collation the collation of character types, else null
 */
public record SqlType(SqlBase base, int length, int precision, int scale, SqlCollation collation) {
  /** The length of the (max) types. */
  public static final int MAX = -1;

  /** int. */
  public static final SqlType INT = of(SqlBase.INT);

  /** bigint. */
  public static final SqlType BIGINT = of(SqlBase.BIGINT);

  /** smallint. */
  public static final SqlType SMALLINT = of(SqlBase.SMALLINT);

  /** tinyint. */
  public static final SqlType TINYINT = of(SqlBase.TINYINT);

  /** bit. */
  public static final SqlType BIT = of(SqlBase.BIT);

  /** float. */
  public static final SqlType FLOAT = new SqlType(SqlBase.FLOAT, 0, 53, 0, null);

  /** real. */
  public static final SqlType REAL = new SqlType(SqlBase.REAL, 0, 24, 0, null);

  /** money. */
  public static final SqlType MONEY = new SqlType(SqlBase.MONEY, 0, 19, 4, null);

  /** smallmoney. */
  public static final SqlType SMALLMONEY = new SqlType(SqlBase.SMALLMONEY, 0, 10, 4, null);

  /** datetime. */
  public static final SqlType DATETIME = new SqlType(SqlBase.DATETIME, 0, 23, 3, null);

  /** smalldatetime. */
  public static final SqlType SMALLDATETIME = new SqlType(SqlBase.SMALLDATETIME, 0, 16, 0, null);

  /** date. */
  public static final SqlType DATE = new SqlType(SqlBase.DATE, 0, 10, 0, null);

  /** uniqueidentifier. */
  public static final SqlType GUID = of(SqlBase.UNIQUEIDENTIFIER);

  /** xml. */
  public static final SqlType XML = new SqlType(SqlBase.XML, MAX, 0, 0, null);

  /** sql_variant. */
  public static final SqlType VARIANT = new SqlType(SqlBase.SQL_VARIANT, 8016, 0, 0, null);

  /** sysname: nvarchar(128). */
  public static final SqlType SYSNAME = nvarchar(128);

  /** Validates the parameters. */
  public SqlType {
    if (base.isString() && collation == null) {
      collation = SqlCollation.DEFAULT;
    }
    if (!base.isString()) {
      collation = null;
    }
  }

  private static SqlType of(SqlBase b) {
    return new SqlType(b, 0, 0, 0, null);
  }

  /** nvarchar(n), or nvarchar(max) with {@link #MAX}. */
  public static SqlType nvarchar(int n) {
    return new SqlType(SqlBase.NVARCHAR, n, 0, 0, SqlCollation.DEFAULT);
  }

  /** varchar(n), or varchar(max) with {@link #MAX}, in the default collation. */
  public static SqlType varchar(int n) {
    return new SqlType(SqlBase.VARCHAR, n, 0, 0, SqlCollation.DEFAULT);
  }

  /** varbinary(n), or varbinary(max) with {@link #MAX}. */
  public static SqlType varbinary(int n) {
    return new SqlType(SqlBase.VARBINARY, n, 0, 0, null);
  }

  /** decimal(p,s). */
  public static SqlType decimal(int precision, int scale) {
    return new SqlType(SqlBase.DECIMAL, 0, precision, scale, null);
  }

  /** numeric(p,s). */
  public static SqlType numeric(int precision, int scale) {
    return new SqlType(SqlBase.NUMERIC, 0, precision, scale, null);
  }

  /** datetime2(n). */
  public static SqlType datetime2(int scale) {
    return new SqlType(SqlBase.DATETIME2, 0, 0, scale, null);
  }

  /** datetimeoffset(n). */
  public static SqlType datetimeoffset(int scale) {
    return new SqlType(SqlBase.DATETIMEOFFSET, 0, 0, scale, null);
  }

  /** time(n). */
  public static SqlType time(int scale) {
    return new SqlType(SqlBase.TIME, 0, 0, scale, null);
  }

  /** The same type with another length (strings and binaries). */
  public SqlType withLength(int n) {
    return new SqlType(base, n, precision, scale, collation);
  }

  /** The same type with another collation. */
  public SqlType withCollation(SqlCollation c) {
    return new SqlType(base, length, precision, scale, c);
  }

  /** The same character type, another base (e.g. varchar to nvarchar keeping the length). */
  public SqlType withBase(SqlBase b) {
    return new SqlType(b, length, precision, scale, collation);
  }

  /** Whether this is one of the (max) types (or text, ntext, image, xml). */
  public boolean isMax() {
    return length == MAX
        || base == SqlBase.TEXT
        || base == SqlBase.NTEXT
        || base == SqlBase.IMAGE
        || base == SqlBase.XML;
  }

  /** Whether character data is Unicode (nchar, nvarchar, ntext). */
  public boolean isUnicode() {
    return base.family() == SqlBase.Family.UNICODE;
  }

  /** Whether this is decimal or numeric. */
  public boolean isDecimal() {
    return base == SqlBase.DECIMAL || base == SqlBase.NUMERIC;
  }

  /**
   * The storage size in bytes of a string or binary of {@code n} characters/bytes: the declared
   * length for fixed types, the maximum for variable ones.
   */
  public int maxBytes() {
    if (isMax()) {
      return Integer.MAX_VALUE;
    }
    return isUnicode() ? length * 2 : length;
  }

  /** The type as SQL Server spells it: {@code nvarchar(50)}, {@code decimal(18,2)}, ... */
  public String sqlName() {
    return switch (base) {
      case CHAR, VARCHAR, NCHAR, NVARCHAR, BINARY, VARBINARY ->
          base.sqlName() + "(" + (length == MAX ? "max" : String.valueOf(length)) + ")";
      case DECIMAL, NUMERIC -> base.sqlName() + "(" + precision + "," + scale + ")";
      case TIME, DATETIME2, DATETIMEOFFSET -> base.sqlName() + "(" + scale + ")";
      default -> base.sqlName();
    };
  }

  /** {@link #sqlName()} with a COLLATE clause when the collation is not the default. */
  public String declaration() {
    if (collation != null && !collation.name().equalsIgnoreCase(SqlCollation.DEFAULT.name())) {
      return sqlName() + " COLLATE " + collation.name();
    }
    return sqlName();
  }

  @Override
  public String toString() {
    return declaration();
  }

  /**
   * Parses a declaration such as {@code nvarchar(50)}, {@code varchar(max) COLLATE X}, {@code
   * decimal(10)}, {@code float(24)}, {@code sysname}.
   *
   * @throws SqlException 2715 for an unknown type, 131/2716/1001-like errors for bad parameters
   */
  public static SqlType parse(String declaration) {
    String d = declaration.trim();
    SqlCollation collation = null;
    int collate = d.toUpperCase(Locale.ROOT).indexOf(" COLLATE ");
    if (collate > 0) {
      collation = SqlCollation.named(d.substring(collate + 9).trim());
      d = d.substring(0, collate).trim();
    }
    String name = d;
    String args = null;
    int open = d.indexOf('(');
    if (open > 0 && d.endsWith(")")) {
      name = d.substring(0, open).trim();
      args = d.substring(open + 1, d.length() - 1).trim();
    }
    String[] a = args == null ? new String[0] : args.split("\\s*,\\s*");
    SqlType t = TypeDeclarations.build(name, a);
    return collation == null ? t : t.withCollation(collation);
  }
}
