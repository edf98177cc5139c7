package io.jctds.server.tsql;

import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;

/**
 * How the catalog procedures describe a SQL Server type in ODBC's terms (sp_columns,
 * sp_sproc_columns and their _100 forms): DATA_TYPE is the ODBC SQL type code ("SQL Data Types",
 * ODBC Programmer's Reference appendix D; the SQL Server codes SQL_SS_VARIANT -150, SQL_SS_XML
 * -152, SQL_SS_TIME2 -154 and SQL_SS_TIMESTAMPOFFSET -155 of the SQL Server ODBC driver's pages);
 * PRECISION is ODBC's column size, LENGTH its transfer octet length, SCALE its decimal digits
 * ("Column Size", "Transfer Octet Length", "Decimal Digits" in appendix D); the date and time types
 * take the values of "Catalog Metadata" (ODBC date and time improvements), SS_DATA_TYPE included (0
 * for the types of SQL Server 2008 and later, 111 for datetime and smalldatetime). The (max) types
 * report a column size and octet length of 0, which mssql-jdbc turns into its maximum (its
 * ZeroFixupFilter). SS_DATA_TYPE is otherwise the type's code in the pre-7.0 TDS type list
 * ([MS-TDS] 2.2.5.4.1: the fixed type for a NOT NULL column, the nullable "N" type for a nullable
 * one; 39 varchar for the character types, 37 varbinary for binary ones).
 *
 * @param dataType DATA_TYPE
 * @param precision PRECISION (column size), or null
 * @param length LENGTH (transfer octet length)
 * @param scale SCALE (decimal digits), or null
 * @param radix RADIX, or null
 * @param sqlDataType SQL_DATA_TYPE
 * @param sqlDatetimeSub SQL_DATETIME_SUB, or null
 * @param charOctetLength CHAR_OCTET_LENGTH, or null
 * @param ssDataType SS_DATA_TYPE
 */
record OdbcTypes(
    int dataType,
    Integer precision,
    int length,
    Integer scale,
    Integer radix,
    int sqlDataType,
    Integer sqlDatetimeSub,
    Integer charOctetLength,
    int ssDataType) {

  static final int SQL_DATETIME = 9;
  static final int SQL_CODE_DATE = 1;
  static final int SQL_CODE_TIMESTAMP = 3;
  static final int SQL_WVARCHAR = -9;
  private static final int MAX_TEXT = Integer.MAX_VALUE;

  /**
   * The description of {@code t}.
   *
   * @param nullable whether the column allows NULL (SS_DATA_TYPE)
   * @param native2008 whether the SQL Server 2008 date and time types keep their own codes (the
   *     _100 procedures with ODBC 3); otherwise they are described as nvarchar (SQL_WVARCHAR), as
   *     SQL Server describes them to down-level clients
   * @param odbc3 whether @ODBCVer is 3: datetime and smalldatetime are SQL_TYPE_TIMESTAMP (93),
   *     under ODBC 2 SQL_TIMESTAMP (11)
   */
  static OdbcTypes of(SqlType t, boolean nullable, boolean native2008, boolean odbc3) {
    return switch (t.base()) {
      case BIT -> exact(-7, 1, 1, null, null, 50);
      case TINYINT -> exact(-6, 3, 1, 0, 10, nullable ? 38 : 48);
      case SMALLINT -> exact(5, 5, 2, 0, 10, nullable ? 38 : 52);
      case INT -> exact(4, 10, 4, 0, 10, nullable ? 38 : 56);
      case BIGINT -> exact(-5, 19, 8, 0, 10, nullable ? 108 : 63);
      case REAL -> exact(7, 24, 4, null, 2, nullable ? 109 : 59);
      case FLOAT -> exact(6, 53, 8, null, 2, nullable ? 109 : 62);
      case DECIMAL ->
          exact(3, t.precision(), t.precision() + 2, t.scale(), 10, nullable ? 106 : 55);
      case NUMERIC ->
          exact(2, t.precision(), t.precision() + 2, t.scale(), 10, nullable ? 108 : 63);
      case MONEY -> exact(3, 19, 21, 4, 10, nullable ? 110 : 60);
      case SMALLMONEY -> exact(3, 10, 12, 4, 10, nullable ? 110 : 122);
      case CHAR -> chars(1, t.length(), t.length(), nullable ? 39 : 47);
      case VARCHAR -> chars(12, t.length(), t.length(), 39);
      case NCHAR -> chars(-8, t.length(), 2 * t.length(), nullable ? 39 : 47);
      case NVARCHAR -> chars(-9, t.length(), 2 * t.length(), 39);
      case BINARY -> chars(-2, t.length(), t.length(), nullable ? 37 : 45);
      case VARBINARY -> chars(-3, t.length(), t.length(), 37);
      case TEXT -> chars(-1, MAX_TEXT, MAX_TEXT, 35);
      case NTEXT -> chars(-10, MAX_TEXT / 2, MAX_TEXT - 1, 35);
      case IMAGE -> chars(-4, MAX_TEXT, MAX_TEXT, 34);
      case UNIQUEIDENTIFIER -> new OdbcTypes(-11, 36, 16, null, null, -11, null, null, 0);
      case XML -> new OdbcTypes(-152, 0, 0, null, null, -152, null, 0, 0);
      case SQL_VARIANT -> new OdbcTypes(-150, 0, 8000, null, 10, -150, null, 8000, 39);
      default -> temporal(t, nullable, native2008, odbc3);
    };
  }

  /** A number or bit: no character octet length. */
  private static OdbcTypes exact(
      int code, int precision, int length, Integer scale, Integer radix, int ss) {
    return new OdbcTypes(code, precision, length, scale, radix, code, null, null, ss);
  }

  /** A character or binary type; (max) has size and length 0. */
  private static OdbcTypes chars(int code, int size, int octets, int ss) {
    boolean max = size == SqlType.MAX;
    int s = max ? 0 : size;
    int o = max ? 0 : octets;
    return new OdbcTypes(code, s, o, null, null, code, null, o, ss);
  }

  /** The date and time types ("Catalog Metadata"). */
  private static OdbcTypes temporal(
      SqlType t, boolean nullable, boolean native2008, boolean odbc3) {
    int size = io.jctds.server.types.SystemTypes.precision(t);
    int timestamp = odbc3 ? 93 : 11;
    return switch (t.base()) {
      case DATETIME -> stamp(timestamp, 23, 3, nullable ? 111 : 61);
      case SMALLDATETIME -> stamp(timestamp, 16, 0, nullable ? 111 : 58);
      case DATE ->
          native2008 && odbc3
              ? new OdbcTypes(91, 10, 6, 0, null, SQL_DATETIME, SQL_CODE_DATE, null, 0)
              : downLevel(size);
      case TIME ->
          native2008 && odbc3
              ? new OdbcTypes(-154, size, 10, t.scale(), null, -154, null, null, 0)
              : downLevel(size);
      case DATETIME2 ->
          native2008 && odbc3
              ? new OdbcTypes(
                  93, size, 16, t.scale(), null, SQL_DATETIME, SQL_CODE_TIMESTAMP, null, 0)
              : downLevel(size);
      case DATETIMEOFFSET ->
          native2008 && odbc3
              ? new OdbcTypes(-155, size, 20, t.scale(), null, -155, null, null, 0)
              : downLevel(size);
      default -> throw new IllegalArgumentException("no ODBC description of " + t);
    };
  }

  private static OdbcTypes stamp(int code, int size, int scale, int ss) {
    return new OdbcTypes(code, size, 16, scale, null, SQL_DATETIME, SQL_CODE_TIMESTAMP, null, ss);
  }

  /** A 2008 date or time type shown to a down-level client: nvarchar of its literal's length. */
  private static OdbcTypes downLevel(int size) {
    return new OdbcTypes(SQL_WVARCHAR, size, 2 * size, null, null, SQL_WVARCHAR, null, 2 * size, 0);
  }

  /**
   * TYPE_NAME: the type's name, with " identity" for an IDENTITY column ("int identity", and
   * "numeric() identity" for decimal and numeric, as sp_datatype_info names those types).
   */
  static String typeName(SqlType t, boolean identity) {
    String name = t.base().sqlName();
    if (!identity) {
      return name;
    }
    return t.base() == SqlBase.DECIMAL || t.base() == SqlBase.NUMERIC
        ? name + "() identity"
        : name + " identity";
  }
}
