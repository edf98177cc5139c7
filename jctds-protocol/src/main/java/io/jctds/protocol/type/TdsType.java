package io.jctds.protocol.type;

/**
 * The data type bytes of [MS-TDS] 2.2.5.4, with how the length of a value of that type is written.
 * {@link #fromByte} maps a byte in O(1).
 */
public enum TdsType {
  /** Fixed: NULLTYPE, no data. */
  NULL(0x1F, LengthKind.FIXED, 0),
  /** Fixed: tinyint. */
  INT1(0x30, LengthKind.FIXED, 1),
  /** Fixed: bit. */
  BIT(0x32, LengthKind.FIXED, 1),
  /** Fixed: smallint. */
  INT2(0x34, LengthKind.FIXED, 2),
  /** Fixed: int. */
  INT4(0x38, LengthKind.FIXED, 4),
  /** Fixed: smalldatetime. */
  DATETIM4(0x3A, LengthKind.FIXED, 4),
  /** Fixed: real. */
  FLT4(0x3B, LengthKind.FIXED, 4),
  /** Fixed: money. */
  MONEY(0x3C, LengthKind.FIXED, 8),
  /** Fixed: datetime. */
  DATETIME(0x3D, LengthKind.FIXED, 8),
  /** Fixed: float. */
  FLT8(0x3E, LengthKind.FIXED, 8),
  /** Fixed: smallmoney. */
  MONEY4(0x7A, LengthKind.FIXED, 4),
  /** Fixed: bigint. */
  INT8(0x7F, LengthKind.FIXED, 8),
  /** uniqueidentifier. */
  GUID(0x24, LengthKind.BYTELEN, 16),
  /** Nullable integer of 1, 2, 4 or 8 bytes. */
  INTN(0x26, LengthKind.BYTELEN, 8),
  /** Legacy decimal. */
  DECIMAL(0x37, LengthKind.BYTELEN, 17),
  /** Legacy numeric. */
  NUMERIC(0x3F, LengthKind.BYTELEN, 17),
  /** Nullable bit. */
  BITN(0x68, LengthKind.BYTELEN, 1),
  /** decimal(p, s). */
  DECIMALN(0x6A, LengthKind.BYTELEN, 17),
  /** numeric(p, s). */
  NUMERICN(0x6C, LengthKind.BYTELEN, 17),
  /** Nullable real (4) or float (8). */
  FLTN(0x6D, LengthKind.BYTELEN, 8),
  /** Nullable smallmoney (4) or money (8). */
  MONEYN(0x6E, LengthKind.BYTELEN, 8),
  /** Nullable smalldatetime (4) or datetime (8). */
  DATETIMN(0x6F, LengthKind.BYTELEN, 8),
  /** date (TDS 7.3): no TYPE_VARLEN, value 3 bytes. */
  DATEN(0x28, LengthKind.BYTELEN, 3),
  /** time(n) (TDS 7.3): scale only. */
  TIMEN(0x29, LengthKind.BYTELEN, 5),
  /** datetime2(n) (TDS 7.3): scale only. */
  DATETIME2N(0x2A, LengthKind.BYTELEN, 8),
  /** datetimeoffset(n) (TDS 7.3): scale only. */
  DATETIMEOFFSETN(0x2B, LengthKind.BYTELEN, 10),
  /** Legacy char. */
  CHAR(0x2F, LengthKind.BYTELEN, 255),
  /** Legacy varchar. */
  VARCHAR(0x27, LengthKind.BYTELEN, 255),
  /** Legacy binary. */
  BINARY(0x2D, LengthKind.BYTELEN, 255),
  /** Legacy varbinary. */
  VARBINARY(0x25, LengthKind.BYTELEN, 255),
  /** varbinary(n) and varbinary(max). */
  BIGVARBINARY(0xA5, LengthKind.USHORTLEN, 8000),
  /** varchar(n) and varchar(max). */
  BIGVARCHAR(0xA7, LengthKind.USHORTLEN, 8000),
  /** binary(n). */
  BIGBINARY(0xAD, LengthKind.USHORTLEN, 8000),
  /** char(n). */
  BIGCHAR(0xAF, LengthKind.USHORTLEN, 8000),
  /** nvarchar(n) and nvarchar(max). */
  NVARCHAR(0xE7, LengthKind.USHORTLEN, 8000),
  /** nchar(n). */
  NCHAR(0xEF, LengthKind.USHORTLEN, 8000),
  /** xml (TDS 7.2): always PLP. */
  XML(0xF1, LengthKind.PLP, -1),
  /** CLR user-defined type (TDS 7.2): always PLP. */
  UDT(0xF0, LengthKind.PLP, -1),
  /** text. */
  TEXT(0x23, LengthKind.LONGLEN, -1),
  /** image. */
  IMAGE(0x22, LengthKind.LONGLEN, -1),
  /** ntext. */
  NTEXT(0x63, LengthKind.LONGLEN, -1),
  /** sql_variant (TDS 7.2). */
  SSVARIANT(0x62, LengthKind.LONGLEN, 8016);

  /** How the length of a value is written. */
  public enum LengthKind {
    /** No length: the type implies it. */
    FIXED,
    /** One length byte (0 = NULL). */
    BYTELEN,
    /** Two length bytes (0xFFFF = NULL); PLP when the declared maximum is 0xFFFF. */
    USHORTLEN,
    /** Four length bytes (text/ntext/image carry a text pointer first). */
    LONGLEN,
    /** Partially length-prefixed: 8-byte total, then chunks. */
    PLP
  }

  private static final TdsType[] BY_BYTE = new TdsType[256];

  static {
    for (TdsType t : values()) {
      BY_BYTE[t.id] = t;
    }
  }

  private final int id;
  private final LengthKind kind;
  private final int size;

  TdsType(int id, LengthKind kind, int size) {
    this.id = id;
    this.kind = kind;
    this.size = size;
  }

  /** The type byte. */
  public int id() {
    return id;
  }

  /** How values of this type carry their length. */
  public LengthKind kind() {
    return kind;
  }

  /** For fixed types the value size; otherwise the largest non-PLP value size (or -1). */
  public int size() {
    return size;
  }

  /** Whether the type is fixed-length. */
  public boolean isFixed() {
    return kind == LengthKind.FIXED;
  }

  /** Whether TYPE_INFO carries a 5-byte collation (TDS 7.1+). */
  public boolean hasCollation() {
    return switch (this) {
      case BIGCHAR, BIGVARCHAR, TEXT, NTEXT, NCHAR, NVARCHAR -> true;
      default -> false;
    };
  }

  /** Whether the values are UTF-16LE text. */
  public boolean isUnicode() {
    return this == NCHAR || this == NVARCHAR || this == NTEXT || this == XML;
  }

  /** The type for {@code b}, or null when unknown. */
  public static TdsType fromByte(int b) {
    return BY_BYTE[b & 0xFF];
  }

  @Override
  public String toString() {
    return String.format("%s(0x%02X)", name(), id);
  }
}
