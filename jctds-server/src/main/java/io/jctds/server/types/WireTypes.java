package io.jctds.server.types;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;

/**
 * How a {@link SqlType} goes on the wire (TYPE_INFO, [MS-TDS] 2.2.5.6) for a session. NOT NULL
 * integers, bit, float, money and datetime use the fixed-length types as SQL Server does, nullable
 * ones the N types. Down-level clients get what SQL Server sends them ("Backward compatibility for
 * down-level clients" in the date and time documentation, and [MS-TDS] 2.2.5.4.3): below TDS 7.2
 * the (max) types and xml go out as text, ntext and image; below 7.3 date, time, datetime2 and
 * datetimeoffset go out as nvarchar of their string length. A UTF-8 collation goes out as its code
 * page to a client that did not acknowledge UTF8_SUPPORT.
 */
public final class WireTypes {
  /** text and image: SQL Server's declared maximum. */
  static final int TEXT_MAX = 0x7FFFFFFF;

  /** ntext: SQL Server's declared maximum in bytes. */
  static final int NTEXT_MAX = 0x7FFFFFFE;

  private WireTypes() {}

  /**
   * The TYPE_INFO of {@code t}.
   *
   * @param nullable whether the column or value may be NULL
   * @param version the session's TDS version (8.0 counts as 7.4)
   * @param utf8 whether the client acknowledged UTF8_SUPPORT
   */
  public static TypeInfo typeInfo(SqlType t, boolean nullable, TdsVersion version, boolean utf8) {
    if (!version.atLeast(TdsVersion.V7_3A) && t.base().isTemporal() && isNewTemporal(t.base())) {
      return TypeInfo.nvarchar(downLevelLength(t), Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
    }
    if (!version.atLeast(TdsVersion.V7_2) && t.isMax()) {
      return legacyLong(t, utf8);
    }
    return switch (t.base()) {
      case BIT -> nullable ? TypeInfo.bitN() : TypeInfo.fixed(TdsType.BIT);
      case TINYINT -> integer(1, TdsType.INT1, nullable);
      case SMALLINT -> integer(2, TdsType.INT2, nullable);
      case INT -> integer(4, TdsType.INT4, nullable);
      case BIGINT -> integer(8, TdsType.INT8, nullable);
      case REAL -> nullable ? TypeInfo.fltN(4) : TypeInfo.fixed(TdsType.FLT4);
      case FLOAT -> nullable ? TypeInfo.fltN(8) : TypeInfo.fixed(TdsType.FLT8);
      case DECIMAL -> TypeInfo.decimal(t.precision(), t.scale());
      case NUMERIC -> TypeInfo.numeric(t.precision(), t.scale());
      case MONEY -> nullable ? TypeInfo.moneyN(8) : TypeInfo.fixed(TdsType.MONEY);
      case SMALLMONEY -> nullable ? TypeInfo.moneyN(4) : TypeInfo.fixed(TdsType.MONEY4);
      case DATETIME -> nullable ? TypeInfo.datetimeN(8) : TypeInfo.fixed(TdsType.DATETIME);
      case SMALLDATETIME -> nullable ? TypeInfo.datetimeN(4) : TypeInfo.fixed(TdsType.DATETIM4);
      case DATE -> TypeInfo.date();
      case TIME -> TypeInfo.time(t.scale());
      case DATETIME2 -> TypeInfo.datetime2(t.scale());
      case DATETIMEOFFSET -> TypeInfo.datetimeOffset(t.scale());
      case UNIQUEIDENTIFIER -> TypeInfo.guid();
      case XML -> TypeInfo.xml();
      case SQL_VARIANT -> TypeInfo.variant();
      case TEXT -> TypeInfo.longText(TdsType.TEXT, TEXT_MAX, collation(t, utf8));
      case NTEXT -> TypeInfo.longText(TdsType.NTEXT, NTEXT_MAX, collation(t, utf8));
      case IMAGE -> TypeInfo.longText(TdsType.IMAGE, TEXT_MAX, null);
      case CHAR -> TypeInfo.charType(t.length(), collation(t, utf8));
      case VARCHAR -> TypeInfo.varchar(len(t), collation(t, utf8));
      case NCHAR -> TypeInfo.nchar(t.length(), collation(t, utf8));
      case NVARCHAR -> TypeInfo.nvarchar(len(t), collation(t, utf8));
      case BINARY -> TypeInfo.binary(t.length());
      case VARBINARY -> TypeInfo.varbinary(len(t));
    };
  }

  private static boolean isNewTemporal(SqlBase b) {
    return b == SqlBase.DATE
        || b == SqlBase.TIME
        || b == SqlBase.DATETIME2
        || b == SqlBase.DATETIMEOFFSET;
  }

  /**
   * The nvarchar length a down-level client sees: date 10, time(n) 8 (+n+1), datetime2(n) 19
   * (+n+1), datetimeoffset(n) 26 (+n+1).
   */
  public static int downLevelLength(SqlType t) {
    int fraction = t.scale() > 0 ? t.scale() + 1 : 0;
    return switch (t.base()) {
      case DATE -> 10;
      case TIME -> 8 + fraction;
      case DATETIME2 -> 19 + fraction;
      default -> 26 + fraction;
    };
  }

  private static TypeInfo legacyLong(SqlType t, boolean utf8) {
    return switch (t.base()) {
      case VARBINARY, IMAGE -> TypeInfo.longText(TdsType.IMAGE, TEXT_MAX, null);
      case VARCHAR, TEXT -> TypeInfo.longText(TdsType.TEXT, TEXT_MAX, collation(t, utf8));
      default ->
          TypeInfo.longText(
              TdsType.NTEXT,
              NTEXT_MAX,
              t.collation() == null ? Collation.SQL_LATIN1_GENERAL_CP1_CI_AS : collation(t, utf8));
    };
  }

  private static TypeInfo integer(int size, TdsType fixed, boolean nullable) {
    return nullable ? TypeInfo.intN(size) : TypeInfo.fixed(fixed);
  }

  private static int len(SqlType t) {
    return t.length() == SqlType.MAX ? TypeInfo.MAX : t.length();
  }

  /** The wire collation: UTF-8 only for clients that support it. */
  public static Collation collation(SqlType t, boolean utf8) {
    Collation c = t.collation() == null ? SqlCollation.DEFAULT.wire() : t.collation().wire();
    if (c.isUtf8() && !utf8) {
      return new Collation(c.lcid(), c.flags() & ~Collation.UTF8, c.version(), c.sortId());
    }
    return c;
  }

  /**
   * The SQL Server type a client's TYPE_INFO declares (an RPC parameter's): the N types by their
   * length (INTN 4 is int, FLTN 4 real, MONEYN 4 smallmoney, DATETIMN 4 smalldatetime), USHORTLEN
   * types of length 0xFFFF are (max). Character types get the server's default collation, as SQL
   * Server gives parameters the database's.
   *
   * @throws SqlException 8016-style error for a type the server does not take as a parameter (UDT)
   */
  public static SqlType sqlType(TypeInfo t) {
    return switch (t.type()) {
      case NULL -> SqlType.INT;
      case INT1 -> SqlType.TINYINT;
      case INT2 -> SqlType.SMALLINT;
      case INT4 -> SqlType.INT;
      case INT8 -> SqlType.BIGINT;
      case INTN -> intN(t.maxLength());
      case BIT, BITN -> SqlType.BIT;
      case FLT4 -> SqlType.REAL;
      case FLT8 -> SqlType.FLOAT;
      case FLTN -> t.maxLength() == 4 ? SqlType.REAL : SqlType.FLOAT;
      case MONEY -> SqlType.MONEY;
      case MONEY4 -> SqlType.SMALLMONEY;
      case MONEYN -> t.maxLength() == 4 ? SqlType.SMALLMONEY : SqlType.MONEY;
      case DATETIME -> SqlType.DATETIME;
      case DATETIM4 -> SqlType.SMALLDATETIME;
      case DATETIMN -> t.maxLength() == 4 ? SqlType.SMALLDATETIME : SqlType.DATETIME;
      case DECIMAL, DECIMALN -> SqlType.decimal(t.precision(), t.scale());
      case NUMERIC, NUMERICN -> SqlType.numeric(t.precision(), t.scale());
      case DATEN -> SqlType.DATE;
      case TIMEN -> SqlType.time(t.scale());
      case DATETIME2N -> SqlType.datetime2(t.scale());
      case DATETIMEOFFSETN -> SqlType.datetimeoffset(t.scale());
      case GUID -> SqlType.GUID;
      case CHAR, BIGCHAR -> sized(SqlBase.CHAR, t.maxLength(), 1);
      case VARCHAR, BIGVARCHAR -> sized(SqlBase.VARCHAR, t.maxLength(), 1);
      case NCHAR -> sized(SqlBase.NCHAR, t.maxLength(), 2);
      case NVARCHAR -> sized(SqlBase.NVARCHAR, t.maxLength(), 2);
      case BINARY, BIGBINARY -> sized(SqlBase.BINARY, t.maxLength(), 1);
      case VARBINARY, BIGVARBINARY -> sized(SqlBase.VARBINARY, t.maxLength(), 1);
      case TEXT -> new SqlType(SqlBase.TEXT, SqlType.MAX, 0, 0, null);
      case NTEXT -> new SqlType(SqlBase.NTEXT, SqlType.MAX, 0, 0, null);
      case IMAGE -> new SqlType(SqlBase.IMAGE, SqlType.MAX, 0, 0, null);
      case XML -> SqlType.XML;
      case SSVARIANT -> SqlType.VARIANT;
      case UDT ->
          throw new io.jctds.server.sql.SqlException(
              206,
              16,
              2,
              "Operand type clash: "
                  + t.sqlName()
                  + " is incompatible with the jctds server"
                  + " (CLR user-defined types are not supported)",
              true);
    };
  }

  private static SqlType intN(int size) {
    return switch (size) {
      case 1 -> SqlType.TINYINT;
      case 2 -> SqlType.SMALLINT;
      case 8 -> SqlType.BIGINT;
      default -> SqlType.INT;
    };
  }

  /** A character or binary type of the declared byte length ({@code unit} bytes a character). */
  private static SqlType sized(SqlBase base, int maxLength, int unit) {
    int n = maxLength == TypeInfo.MAX ? SqlType.MAX : Math.max(1, maxLength / unit);
    return new SqlType(base, n, 0, 0, null);
  }
}
