package io.jctds.protocol.type;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import java.nio.ByteBuffer;

/**
 * TYPE_INFO ([MS-TDS] 2.2.5.6): a data type byte and what that type needs — a maximum length,
 * precision and scale, a collation, or XML/UDT names. Used by COLMETADATA, RETURNVALUE and RPC
 * parameters. Build with the factories ({@link #intN(int)}, {@link #nvarchar(int, Collation)},
 * ...), read with {@link #decode}, write with {@link #encode}.
 *
 * @param type the wire type
 * @param maxLength the declared maximum value length in bytes (for fixed types their size; for
 *     date/time types the value size implied by the scale; 0xFFFF for the (max) types; -1 for xml)
 * @param precision decimal/numeric precision, else 0
 * @param scale decimal/numeric and time/datetime2/datetimeoffset scale, else 0
 * @param collation collation of char/varchar/text/nchar/nvarchar/ntext, else null
 * @param extra XML schema or UDT names, else null
 */
public record TypeInfo(
    TdsType type, int maxLength, int precision, int scale, Collation collation, Extra extra) {

  /** The declared maximum length that makes varchar, nvarchar and varbinary "(max)" PLP types. */
  public static final int MAX = 0xFFFF;

  /** What else a TYPE_INFO may carry. */
  public sealed interface Extra permits XmlSchema, UdtInfo {}

  /**
   * XML_INFO with a schema collection.
   *
   * @param database database of the schema collection
   * @param owningSchema owning schema
   * @param collection schema collection name
   */
  public record XmlSchema(String database, String owningSchema, String collection)
      implements Extra {}

  /**
   * UDT_INFO of a CLR user-defined type column.
   *
   * @param database database
   * @param schema schema
   * @param typeName type name
   * @param assemblyQualifiedName assembly-qualified class name
   */
  public record UdtInfo(
      String database, String schema, String typeName, String assemblyQualifiedName)
      implements Extra {}

  /** The value families that decide how bytes convert to Java values. */
  public enum Family {
    /** No value (NULLTYPE). */
    NULL,
    /** tinyint, smallint, int, bigint. */
    INTEGER,
    /** bit. */
    BIT,
    /** real, float. */
    FLOAT,
    /** decimal, numeric. */
    DECIMAL,
    /** money, smallmoney. */
    MONEY,
    /** datetime, smalldatetime. */
    DATETIME,
    /** date. */
    DATE,
    /** time(n). */
    TIME,
    /** datetime2(n). */
    DATETIME2,
    /** datetimeoffset(n). */
    DATETIMEOFFSET,
    /** uniqueidentifier. */
    GUID,
    /** char, varchar, text in the collation's charset. */
    CHAR,
    /** nchar, nvarchar, ntext in UTF-16LE. */
    NCHAR,
    /** binary, varbinary, image. */
    BINARY,
    /** xml (UTF-16LE text). */
    XML,
    /** CLR UDT bytes. */
    UDT,
    /** sql_variant. */
    VARIANT
  }

  /** Checks the combination. */
  public TypeInfo {
    if (type == null) {
      throw new IllegalArgumentException("type is required");
    }
    if (precision < 0 || precision > 38 || scale < 0 || scale > Math.max(precision, 7)) {
      throw new IllegalArgumentException(
          "invalid precision/scale " + precision + "/" + scale + " for " + type);
    }
  }

  /**
   * A fixed-length type (INT1 ... INT8, BIT, FLT4, FLT8, MONEY, MONEY4, DATETIME, DATETIM4, NULL).
   */
  public static TypeInfo fixed(TdsType t) {
    if (!t.isFixed()) {
      throw new IllegalArgumentException(t + " is not a fixed-length type");
    }
    return new TypeInfo(t, t.size(), 0, 0, null, null);
  }

  /** INTN of 1, 2, 4 or 8 bytes. */
  public static TypeInfo intN(int size) {
    return sized(TdsType.INTN, size, 1, 2, 4, 8);
  }

  /** BITN. */
  public static TypeInfo bitN() {
    return new TypeInfo(TdsType.BITN, 1, 0, 0, null, null);
  }

  /** FLTN of 4 (real) or 8 (float) bytes. */
  public static TypeInfo fltN(int size) {
    return sized(TdsType.FLTN, size, 4, 8);
  }

  /** MONEYN of 4 (smallmoney) or 8 (money) bytes. */
  public static TypeInfo moneyN(int size) {
    return sized(TdsType.MONEYN, size, 4, 8);
  }

  /** DATETIMN of 4 (smalldatetime) or 8 (datetime) bytes. */
  public static TypeInfo datetimeN(int size) {
    return sized(TdsType.DATETIMN, size, 4, 8);
  }

  /** uniqueidentifier. */
  public static TypeInfo guid() {
    return new TypeInfo(TdsType.GUID, 16, 0, 0, null, null);
  }

  /** decimal(precision, scale) as DECIMALN. */
  public static TypeInfo decimal(int precision, int scale) {
    return decimalLike(TdsType.DECIMALN, precision, scale);
  }

  /** numeric(precision, scale) as NUMERICN. */
  public static TypeInfo numeric(int precision, int scale) {
    return decimalLike(TdsType.NUMERICN, precision, scale);
  }

  private static TypeInfo decimalLike(TdsType t, int precision, int scale) {
    if (precision < 1 || precision > 38 || scale > precision) {
      throw new IllegalArgumentException("decimal(" + precision + "," + scale + ") is invalid");
    }
    return new TypeInfo(t, DecimalCodec.valueSize(precision), precision, scale, null, null);
  }

  /** date. */
  public static TypeInfo date() {
    return new TypeInfo(TdsType.DATEN, 3, 0, 0, null, null);
  }

  /** time(scale). */
  public static TypeInfo time(int scale) {
    return scaled(TdsType.TIMEN, scale);
  }

  /** datetime2(scale). */
  public static TypeInfo datetime2(int scale) {
    return scaled(TdsType.DATETIME2N, scale);
  }

  /** datetimeoffset(scale). */
  public static TypeInfo datetimeOffset(int scale) {
    return scaled(TdsType.DATETIMEOFFSETN, scale);
  }

  static TypeInfo scaled(TdsType t, int scale) {
    if (scale < 0 || scale > 7) {
      throw new IllegalArgumentException(t + " scale " + scale + " is outside 0..7");
    }
    int time = DateTimeCodec.timeLength(scale);
    int size =
        switch (t) {
          case TIMEN -> time;
          case DATETIME2N -> time + 3;
          default -> time + 5;
        };
    return new TypeInfo(t, size, 0, scale, null, null);
  }

  /** varchar(n) (n ≤ 8000) or varchar(max) with {@link #MAX}. */
  public static TypeInfo varchar(int maxBytes, Collation c) {
    return text(TdsType.BIGVARCHAR, maxBytes, c);
  }

  /** char(n). */
  public static TypeInfo charType(int maxBytes, Collation c) {
    return text(TdsType.BIGCHAR, maxBytes, c);
  }

  /** nvarchar(n) with n in characters (≤ 4000), or nvarchar(max) with {@link #MAX}. */
  public static TypeInfo nvarchar(int maxChars, Collation c) {
    return text(TdsType.NVARCHAR, maxChars == MAX ? MAX : 2 * maxChars, c);
  }

  /** nchar(n) with n in characters. */
  public static TypeInfo nchar(int maxChars, Collation c) {
    return text(TdsType.NCHAR, 2 * maxChars, c);
  }

  /** varbinary(n) or varbinary(max) with {@link #MAX}. */
  public static TypeInfo varbinary(int maxBytes) {
    return ushort(TdsType.BIGVARBINARY, maxBytes, null);
  }

  /** binary(n). */
  public static TypeInfo binary(int maxBytes) {
    return ushort(TdsType.BIGBINARY, maxBytes, null);
  }

  /** text, ntext or image with the given maximum (SQL Server sends 0x7FFFFFFF or 0x3FFFFFFF). */
  public static TypeInfo longText(TdsType t, int maxLength, Collation c) {
    if (t != TdsType.TEXT && t != TdsType.NTEXT && t != TdsType.IMAGE) {
      throw new IllegalArgumentException(t + " is not text, ntext or image");
    }
    return new TypeInfo(t, maxLength, 0, 0, t == TdsType.IMAGE ? null : requireCollation(c), null);
  }

  /** xml without a schema collection. */
  public static TypeInfo xml() {
    return new TypeInfo(TdsType.XML, -1, 0, 0, null, null);
  }

  /** sql_variant. */
  public static TypeInfo variant() {
    return new TypeInfo(TdsType.SSVARIANT, 8016, 0, 0, null, null);
  }

  private static TypeInfo text(TdsType t, int max, Collation c) {
    return ushort(t, max, requireCollation(c));
  }

  private static Collation requireCollation(Collation c) {
    if (c == null) {
      throw new IllegalArgumentException("a collation is required for character types");
    }
    return c;
  }

  private static TypeInfo ushort(TdsType t, int max, Collation c) {
    if (max < 0 || max > MAX || max > 8000 && max != MAX) {
      throw new IllegalArgumentException(t + " length " + max + " must be 0..8000 or MAX");
    }
    return new TypeInfo(t, max, 0, 0, c, null);
  }

  private static TypeInfo sized(TdsType t, int size, int... allowed) {
    for (int a : allowed) {
      if (a == size) {
        return new TypeInfo(t, size, 0, 0, null, null);
      }
    }
    throw new IllegalArgumentException(t + " cannot have length " + size);
  }

  /** Whether values are partially length-prefixed (the (max) types, xml, UDT). */
  public boolean isPlp() {
    return type.kind() == TdsType.LengthKind.PLP
        || type.kind() == TdsType.LengthKind.USHORTLEN && maxLength == MAX;
  }

  /** The value family (decides the conversions). */
  public Family family() {
    return switch (type) {
      case NULL -> Family.NULL;
      case INT1, INT2, INT4, INT8, INTN -> Family.INTEGER;
      case BIT, BITN -> Family.BIT;
      case FLT4, FLT8, FLTN -> Family.FLOAT;
      case DECIMAL, NUMERIC, DECIMALN, NUMERICN -> Family.DECIMAL;
      case MONEY, MONEY4, MONEYN -> Family.MONEY;
      case DATETIME, DATETIM4, DATETIMN -> Family.DATETIME;
      case DATEN -> Family.DATE;
      case TIMEN -> Family.TIME;
      case DATETIME2N -> Family.DATETIME2;
      case DATETIMEOFFSETN -> Family.DATETIMEOFFSET;
      case GUID -> Family.GUID;
      case CHAR, VARCHAR, BIGCHAR, BIGVARCHAR, TEXT -> Family.CHAR;
      case NCHAR, NVARCHAR, NTEXT -> Family.NCHAR;
      case BINARY, VARBINARY, BIGBINARY, BIGVARBINARY, IMAGE -> Family.BINARY;
      case XML -> Family.XML;
      case UDT -> Family.UDT;
      case SSVARIANT -> Family.VARIANT;
    };
  }

  /** The SQL Server type name, e.g. "nvarchar(max)", "decimal(18,2)", "datetime2(7)". */
  public String sqlName() {
    return SqlNames.of(this);
  }

  /**
   * Reads a TYPE_INFO.
   *
   * @param version decides whether character types carry a collation (7.1+)
   * @throws io.jctds.protocol.TdsProtocolException on an unknown type or invalid length
   */
  public static TypeInfo decode(ByteBuffer in, TdsVersion version) {
    return TypeInfoCodec.decode(in, version);
  }

  /** Writes this TYPE_INFO. */
  public void encode(TdsWriter out, TdsVersion version) {
    TypeInfoCodec.encode(this, out, version);
  }

  @Override
  public String toString() {
    return sqlName() + (collation == null ? "" : " " + collation);
  }
}
